import { CopyOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { OrgListItem } from '@shouwang/shared/schemas/orgs';
import type { TermView } from '@shouwang/shared/schemas/terms';
import { Alert, App, Button, Card, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useDrawerState } from '../../../hooks/useDrawerState';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { useSignedInMe } from '../../auth/api';
import { useOrgs } from '../../orgs/api';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { useCurrentTerm, useDeleteTerm, useTerms } from '../api';
import { TermCard } from '../components/TermCard';
import { TermFormDrawer, type TermFormMode } from '../components/TermFormDrawer';
import { TermSourceTag } from '../components/TermSourceTag';
import { termLabel } from '../term-label';

const termOrgKinds = new Set(['county', 'school']);

/** The county or school a user most likely means: the nearest one above their first unit. */
function defaultTermOrg(orgs: OrgListItem[], rolePaths: string[][]): OrgListItem | undefined {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  for (const path of rolePaths) {
    for (const ancestorId of [...path].reverse()) {
      const ancestor = byId.get(ancestorId);
      if (ancestor && termOrgKinds.has(ancestor.kind)) return ancestor;
    }
  }
  return orgs.find((o) => termOrgKinds.has(o.kind));
}

export function TermsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isMobile = useIsMobile();
  const me = useSignedInMe();
  // Terms belong to the county and to schools: those are all the page needs, and the units of
  // the user's roles (their paths lead to the nearest county or school).
  const orgs = useOrgs({ kind: 'county,school' });
  const roleUnits = useOrgs({ ids: me.roles.map((r) => r.orgId) });
  const [chosenId, setChosenId] = useState<string>();
  const fallback = useMemo(
    () =>
      defaultTermOrg(
        orgs.data ?? [],
        me.roles.map((r) => roleUnits.data?.find((o) => o.id === r.orgId)?.path ?? []),
      ),
    [orgs.data, roleUnits.data, me.roles],
  );
  const org = (orgs.data ?? []).find((o) => o.id === chosenId) ?? (roleUnits.isPending ? undefined : fallback);
  const terms = useTerms(org?.id);
  const current = useCurrentTerm(org?.id);
  const drawer = useDrawerState<TermFormMode>();
  const remove = useDeleteTerm();
  const canManage = me.permissions.includes('term.manage');

  const list = useMemo(
    () => [...(terms.data ?? [])].sort((a, b) => b.schoolYear.localeCompare(a.schoolYear) || b.termNo - a.termNo),
    [terms.data],
  );
  const overridden = new Set(list.filter((x) => x.orgKind === 'school').map((x) => `${x.schoolYear}/${x.termNo}`));

  const confirmDelete = (term: TermView) =>
    modal.confirm({
      title: t('terms.deleteConfirm', { term: termLabel(t, term) }),
      content: term.orgKind === 'school' ? t('terms.deleteOverrideHint') : t('terms.deleteHint'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      onOk: () =>
        remove.mutateAsync(term).then(
          () => {
            message.success(t('terms.deleted'));
          },
          (e: Error) => {
            message.error(e.message);
          },
        ),
    });

  // Finger-sized on phones (the app's large default), compact in the desktop table.
  const buttonSize = isMobile ? undefined : 'small';
  const actionsFor = (term: TermView): ReactNode[] => {
    const buttons: ReactNode[] = [];
    if (term.abilities.update)
      buttons.push(
        <Button
          key="edit"
          size={buttonSize}
          icon={<EditOutlined />}
          onClick={() => drawer.open({ type: 'edit', term })}
        >
          {t('common.edit')}
        </Button>,
      );
    const inherited = org?.kind === 'school' && term.orgKind !== 'school';
    if (inherited && canManage && org && !overridden.has(`${term.schoolYear}/${term.termNo}`))
      buttons.push(
        <Button
          key="override"
          size={buttonSize}
          icon={<CopyOutlined />}
          onClick={() => drawer.open({ type: 'create', org, from: term })}
        >
          {t('terms.override')}
        </Button>,
      );
    if (term.abilities.delete)
      buttons.push(
        <Button key="delete" size={buttonSize} danger icon={<DeleteOutlined />} onClick={() => confirmDelete(term)}>
          {term.orgKind === 'school' && org?.kind === 'school' ? t('terms.removeOverride') : t('common.delete')}
        </Button>,
      );
    return buttons;
  };

  const isCurrent = (term: TermView) => current.data?.id === term.id;

  return (
    <>
      <PageHeader
        title={t('terms.title')}
        subtitle={t('terms.subtitle')}
        extra={
          canManage &&
          org && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => drawer.open({ type: 'create', org })}
              data-testid="term-create"
            >
              {t('terms.create')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: isMobile ? 12 : 20 } }}>
        <Flex wrap align="center" gap={12}>
          <Typography.Text strong>{t('terms.unit')}</Typography.Text>
          <OrgTreeSelect
            value={org?.id}
            onChange={(id) => setChosenId(id)}
            selectable={(o) => termOrgKinds.has(o.kind)}
            kinds={['county', 'school']}
            placeholder={t('terms.pickUnit')}
            style={{ flex: '1 1 240px', maxWidth: isMobile ? undefined : 360 }}
            testId="term-org"
          />
        </Flex>
        {org?.kind === 'school' && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('terms.schoolNote')}
          </Typography.Paragraph>
        )}
      </Card>

      {current.data && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('terms.currentIs', { term: termLabel(t, current.data) })}
          description={t('terms.currentRange', {
            start: current.data.startDate,
            mid: current.data.midDate,
            end: current.data.endDate,
            days: Math.max(0, dayjs(current.data.endDate).diff(dayjs().startOf('day'), 'day')),
          })}
          data-testid="term-current"
        />
      )}

      <Card styles={{ body: { padding: isMobile ? 12 : 20 } }}>
        {orgs.isPending || roleUnits.isPending || (org && terms.isPending) ? (
          <Skeleton active />
        ) : !org ? (
          <EmptyState description={t('terms.noUnit')} />
        ) : terms.isError ? (
          <QueryError error={terms.error} onRetry={() => terms.refetch()} />
        ) : list.length === 0 ? (
          <EmptyState
            description={canManage ? t('terms.emptyManage', { org: org.name }) : t('terms.empty', { org: org.name })}
            action={
              canManage && (
                <Button type="primary" onClick={() => drawer.open({ type: 'create', org })}>
                  {t('terms.create')}
                </Button>
              )
            }
          />
        ) : isMobile ? (
          <Flex vertical gap={12}>
            {list.map((term) => (
              <TermCard key={term.id} term={term} current={isCurrent(term)} actions={actionsFor(term)} />
            ))}
          </Flex>
        ) : (
          <Table<TermView>
            rowKey="id"
            dataSource={list}
            pagination={false}
            columns={[
              {
                title: t('terms.fields.term'),
                render: (_, term) => (
                  <Flex wrap gap={8} align="center">
                    <Typography.Text strong>{termLabel(t, term)}</Typography.Text>
                    {isCurrent(term) && <Tag color="green">{t('terms.current')}</Tag>}
                  </Flex>
                ),
              },
              { title: t('terms.fields.startDate'), dataIndex: 'startDate' },
              { title: t('terms.fields.midDate'), dataIndex: 'midDate' },
              { title: t('terms.fields.endDate'), dataIndex: 'endDate' },
              { title: t('terms.fields.source'), render: (_, term) => <TermSourceTag term={term} /> },
              {
                title: t('common.actions'),
                render: (_, term) => (
                  <Flex wrap gap={8}>
                    {actionsFor(term)}
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Card>
      {drawer.state && (
        <TermFormDrawer
          key={drawer.state.key}
          open={drawer.state.open}
          mode={drawer.state.subject}
          onClose={drawer.close}
        />
      )}
    </>
  );
}
