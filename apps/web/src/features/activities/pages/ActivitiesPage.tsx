import { PlusOutlined } from '@ant-design/icons';
import { activityTypeLabels, activityTypes } from '@shouwang/shared/enums/activities';
import type { ActivityView } from '@shouwang/shared/schemas/activities';
import { Button, Col, Flex, Pagination, Row, Select, Skeleton, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useSignedInMe } from '../../auth/api';
import { useOrgs } from '../../orgs/api';
import { useTerms } from '../../terms/api';
import { useActivities } from '../api';
import { ActivityCard } from '../components/ActivityCard';
import { ActivityDrawer } from '../components/ActivityDrawer';
import { ParticipationPanel } from '../components/ParticipationPanel';
import { useLabel } from '../labels';

/** 关爱活动: the activity records (by term and type) and each school's participation. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const me = useSignedInMe();
  const orgs = useOrgs({ kind: 'school' });
  const schools = useMemo(() => (orgs.data ?? []).filter((o) => o.kind === 'school' && o.active), [orgs.data]);
  const [schoolChoice, setSchoolChoice] = useState<string>();
  const schoolId = schoolChoice ?? schools[0]?.id;
  const terms = useTerms(schoolId ?? me.roles[0]?.orgId);
  const [termChoice, setTermChoice] = useState<string | null>();
  const today = new Date().toISOString().slice(0, 10);
  const currentTerm = terms.data?.find((term) => term.startDate <= today && today <= term.endDate) ?? terms.data?.[0];
  const termId = termChoice === undefined ? currentTerm?.id : (termChoice ?? undefined);
  const [type, setType] = useState<string>();
  const [page, setPage] = useState(1);
  const list = useActivities({ termId, type, page, pageSize: 20 });
  const [editing, setEditing] = useState<ActivityView | null | undefined>(undefined);
  const canWrite = me.permissions.includes('activity.write');

  const termSelect = (
    <Select
      value={termId ?? null}
      onChange={(v) => {
        setTermChoice(v);
        setPage(1);
      }}
      style={{ minWidth: 180 }}
      aria-label={t('activities.term')}
      data-testid="term-filter"
      options={[
        { value: null, label: t('activities.allTerms') },
        ...(terms.data ?? []).map((term) => ({
          value: term.id,
          label: t('activities.termLabel', { year: term.schoolYear, no: term.termNo }),
        })),
      ]}
    />
  );

  const listTab = (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        {termSelect}
        <Select
          allowClear
          value={type}
          onChange={(v) => {
            setType(v);
            setPage(1);
          }}
          placeholder={t('activities.allTypes')}
          style={{ minWidth: 150 }}
          aria-label={t('activities.type')}
          options={activityTypes.map((c) => ({ value: c, label: label(activityTypeLabels, c) }))}
        />
      </Flex>
      {list.isPending ? (
        <Skeleton active />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState description={t('activities.noActivities')} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {list.data.items.map((a) => (
              <Col key={a.id} xs={24} lg={12}>
                <ActivityCard activity={a} onEdit={() => setEditing(a)} />
              </Col>
            ))}
          </Row>
          {list.data.total > 20 && (
            <Pagination current={page} total={list.data.total} pageSize={20} onChange={setPage} simple />
          )}
        </>
      )}
    </Flex>
  );

  const participationTab = (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        {schools.length > 1 && (
          <Select
            value={schoolId}
            onChange={setSchoolChoice}
            aria-label={t('activities.participation.school')}
            style={{ minWidth: 200 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={schools.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
        {termSelect}
      </Flex>
      <ParticipationPanel schoolId={schoolId} termId={termId ?? currentTerm?.id} />
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={t('activities.title')}
        subtitle={t('activities.intro')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="add-activity">
              {t('activities.add')}
            </Button>
          )
        }
      />
      <Tabs
        items={[
          { key: 'list', label: t('activities.tabs.list'), children: listTab },
          ...(schoolId
            ? [{ key: 'participation', label: t('activities.tabs.participation'), children: participationTab }]
            : []),
        ]}
      />
      {editing !== undefined && (
        <ActivityDrawer
          open
          activity={editing}
          defaultOrgId={me.roles[0]?.orgId}
          onClose={() => setEditing(undefined)}
        />
      )}
    </>
  );
}
