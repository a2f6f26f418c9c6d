import { PlusOutlined } from '@ant-design/icons';
import { aidTypeLabels, aidTypes } from '@shouwang/shared/enums/activities';
import { Button, Card, Flex, List, Pagination, Select, Skeleton, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useLabel, yuan } from '../../activities/labels';
import { useSignedInMe } from '../../auth/api';
import { useOrgs } from '../../orgs/api';
import { useTerms } from '../../terms/api';
import { useAidList } from '../api';
import { AidLine } from '../components/AidCard';
import { AidDrawer } from '../components/AidDrawer';
import { FundLedgerPanel } from '../components/FundLedgerPanel';

/** 资助与经费: aid records of children in scope, and a school's funding ledger by term. */
export function AidPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const me = useSignedInMe();
  const orgs = useOrgs({ kind: 'school' });
  const schools = useMemo(() => (orgs.data ?? []).filter((o) => o.kind === 'school' && o.active), [orgs.data]);
  const [schoolChoice, setSchoolChoice] = useState<string>();
  const schoolId = schoolChoice ?? schools[0]?.id;
  const terms = useTerms(schoolId ?? me.roles[0]?.orgId);
  const today = new Date().toISOString().slice(0, 10);
  const current = terms.data?.find((x) => x.startDate <= today && today <= x.endDate) ?? terms.data?.[0];
  const [termChoice, setTermChoice] = useState<string | null>();
  const termId = termChoice === undefined ? current?.id : (termChoice ?? undefined);
  const [type, setType] = useState<string>();
  const [page, setPage] = useState(1);
  const list = useAidList({ termId, type, page, pageSize: 30 });
  const [adding, setAdding] = useState(false);
  const pageTotal = (list.data?.items ?? []).reduce((n, a) => n + (a.amountFen ?? 0), 0);

  const termSelect = (allowAll: boolean) => (
    <Select
      value={termId ?? null}
      onChange={(v) => {
        setTermChoice(v);
        setPage(1);
      }}
      style={{ minWidth: 180 }}
      aria-label={t('activities.term')}
      options={[
        ...(allowAll ? [{ value: null, label: t('activities.allTerms') }] : []),
        ...(terms.data ?? []).map((x) => ({
          value: x.id,
          label: t('activities.termLabel', { year: x.schoolYear, no: x.termNo }),
        })),
      ]}
    />
  );

  const records = (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        {termSelect(true)}
        <Select
          allowClear
          value={type}
          onChange={setType}
          placeholder={t('activities.allTypes')}
          style={{ minWidth: 140 }}
          aria-label={t('activities.aid.type')}
          options={aidTypes.map((c) => ({ value: c, label: label(aidTypeLabels, c) }))}
        />
      </Flex>
      {list.isPending ? (
        <Skeleton active />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState description={t('activities.aid.noRecords')} />
      ) : (
        <Card size="small">
          <Typography.Text type="secondary">
            {t('activities.aid.total', { count: list.data.total, amount: yuan(pageTotal) })}
          </Typography.Text>
          <List
            dataSource={list.data.items}
            renderItem={(a) => (
              <List.Item>
                <AidLine aid={a} />
              </List.Item>
            )}
          />
          {list.data.total > 30 && (
            <Pagination simple current={page} pageSize={30} total={list.data.total} onChange={setPage} />
          )}
        </Card>
      )}
    </Flex>
  );

  const ledger = (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        {schools.length > 1 && (
          <Select
            value={schoolId}
            onChange={setSchoolChoice}
            style={{ minWidth: 200 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={schools.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
        {termSelect(false)}
      </Flex>
      <FundLedgerPanel schoolId={schoolId} termId={termId ?? current?.id} />
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={t('activities.aid.title')}
        subtitle={t('activities.aid.intro')}
        extra={
          me.permissions.includes('aid.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-aid">
              {t('activities.aid.add')}
            </Button>
          )
        }
      />
      <Tabs
        items={[
          { key: 'records', label: t('activities.aid.tabs.records'), children: records },
          ...(schoolId && (me.permissions.includes('fund.write') || me.permissions.includes('stats.read'))
            ? [{ key: 'ledger', label: t('activities.aid.tabs.ledger'), children: ledger }]
            : []),
        ]}
      />
      {adding && <AidDrawer open onClose={() => setAdding(false)} />}
    </>
  );
}
