import { type AuditEvent, auditEvents } from '@shouwang/shared/audit-events';
import { Card, DatePicker, Flex, Pagination, Select, Skeleton, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTimeSeconds } from '../../../app/format';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { actorLabel } from '../actor-label';
import { type AuditEntry, type AuditFilters, useAuditEvents } from '../api';
import { AuditCard } from '../components/AuditCard';
import { AuditDiff } from '../components/AuditDiff';
import { AuditEventTag } from '../components/AuditEventTag';

/** Events grouped by their prefix (auth.*, org.* …), in catalogue order. */
const groups = [...new Set(auditEvents.map((e) => e.split('.')[0] ?? e))];

export function AuditPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const targetId = params.get('targetId') ?? undefined;
  const actorId = params.get('actorId') ?? undefined;
  const [filters, setFilters] = useState<Omit<AuditFilters, 'targetId' | 'actorId'>>({ page: 1, pageSize: 20 });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const query = { ...filters, targetId, actorId };
  const events = useAuditEvents(query);
  const filter = (change: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...change, page: 1 }));

  const eventOptions = useMemo(
    () =>
      groups.map((group) => ({
        label: t(`audit.groups.${group}`, { defaultValue: group }),
        title: t(`audit.groups.${group}`, { defaultValue: group }),
        options: auditEvents
          .filter((e) => e.startsWith(`${group}.`))
          .map((e) => ({ value: e, label: t(`audit.events.${e}`, { defaultValue: e }) })),
      })),
    [t],
  );

  const data = events.data;
  const filtered = !!(filters.event || filters.orgId || filters.from || filters.to || targetId || actorId);

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: isMobile ? 12 : 16 } }}>
        <Flex wrap gap={12}>
          <Select<AuditEvent>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.filterEvent')}
            value={filters.event}
            onChange={(event) => filter({ event })}
            options={eventOptions}
            style={{ flex: '1 1 200px' }}
            data-testid="audit-event-filter"
          />
          <OrgTreeSelect
            allowClear
            includeInactive
            placeholder={t('audit.filterOrg')}
            value={filters.orgId}
            onChange={(orgId) => filter({ orgId })}
            style={{ flex: '1 1 200px' }}
          />
          <DatePicker.RangePicker
            value={range}
            inputReadOnly={isMobile}
            onChange={(value) => {
              setRange(value);
              filter({ from: value?.[0]?.format('YYYY-MM-DD'), to: value?.[1]?.format('YYYY-MM-DD') });
            }}
            style={{ flex: '1 1 240px' }}
            placeholder={[t('audit.from'), t('audit.to')]}
          />
        </Flex>
        {(targetId || actorId) && (
          <Flex wrap gap={8} style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{t('audit.scoped')}</Typography.Text>
            <Tag
              closable
              onClose={() => {
                params.delete('targetId');
                params.delete('actorId');
                setParams(params, { replace: true });
              }}
            >
              {targetId ? t('audit.aboutOne') : t('audit.byOne')}
            </Tag>
          </Flex>
        )}
      </Card>

      {events.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : events.isError ? (
        <Card>
          <QueryError error={events.error} onRetry={() => events.refetch()} />
        </Card>
      ) : data && data.items.length === 0 ? (
        <Card>
          <EmptyState description={filtered ? t('audit.emptyFiltered') : t('audit.empty')} />
        </Card>
      ) : isMobile ? (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('audit.total', { count: data?.total ?? 0 })}</Typography.Text>
          {data?.items.map((entry) => (
            <AuditCard key={entry.id} entry={entry} />
          ))}
          <Pagination
            simple
            align="center"
            current={filters.page}
            pageSize={filters.pageSize}
            total={data?.total ?? 0}
            onChange={(page) => setFilters((f) => ({ ...f, page }))}
          />
        </Flex>
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<AuditEntry>
            rowKey="id"
            loading={events.isFetching && !events.isPending}
            dataSource={data?.items}
            expandable={{
              expandedRowRender: (entry) => (
                <Flex vertical gap={8}>
                  <AuditDiff diff={entry.diff} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('audit.requestId', { id: entry.requestId ?? '—' })}
                    {entry.targetType
                      ? ` · ${t('audit.target', { type: t(`audit.targetTypes.${entry.targetType}`, { defaultValue: entry.targetType }) })}`
                      : ''}
                  </Typography.Text>
                </Flex>
              ),
            }}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('audit.total', { count: total }),
              onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
            }}
            columns={[
              {
                title: t('audit.time'),
                dataIndex: 'occurredAt',
                width: 180,
                render: (value: string) => formatDateTimeSeconds(value),
              },
              {
                title: t('audit.event'),
                dataIndex: 'event',
                render: (event: string) => <AuditEventTag event={event} />,
              },
              {
                title: t('audit.actor'),
                render: (_, entry) => (
                  <div>
                    <Typography.Text>{actorLabel(t, entry)}</Typography.Text>
                    {entry.actorRole && (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {t(`roles.${entry.actorRole}`, { defaultValue: entry.actorRole })}
                      </Typography.Text>
                    )}
                  </div>
                ),
              },
              { title: t('audit.org'), dataIndex: 'orgName', render: (v: string | null) => v ?? '—' },
              { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
            ]}
          />
        </Card>
      )}
    </>
  );
}
