import { PlusOutlined } from '@ant-design/icons';
import { teethStatusLabels } from '@shouwang/shared/enums/health';
import type { HealthCheckView } from '@shouwang/shared/schemas/health-checks';
import { App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { useChildHealthChecks, useCloseHealthFollowUp, useDeleteHealthCheck } from '../api';
import { HealthCheckDrawer, type HealthChild } from './HealthCheckDrawer';
import { HealthFlagTags } from './HealthFlagTags';

const dash = (v: number | null, unit = '') => (v === null ? '—' : `${v}${unit}`);
/** Acuity on the 5-point record always shows one decimal (5.0, 4.8). */
const acuity = (v: number | null) => (v === null ? '—' : v.toFixed(1));

function HealthCheckCard({ record, onEdit }: { record: HealthCheckView; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useCodeLabels();
  const remove = useDeleteHealthCheck();
  const close = useCloseHealthFollowUp();
  const age =
    record.ageMonths === null
      ? null
      : t('health.age', { years: Math.floor(record.ageMonths / 12), months: record.ageMonths % 12 });
  return (
    <Card
      size="small"
      data-testid="health-check-card"
      title={
        <Flex gap={8} wrap align="baseline">
          <span>{record.checkedOn}</span>
          {age && <Typography.Text type="secondary">{age}</Typography.Text>}
        </Flex>
      }
      extra={
        record.abilities.update && (
          <Flex gap={4}>
            <Button size="small" type="link" onClick={onEdit}>
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('health.confirmDelete')}
              onConfirm={async () => {
                await remove.mutateAsync({ id: record.id, version: record.version });
                message.success(t('health.deleted'));
              }}
            >
              <Button size="small" type="link" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Flex>
        )
      }
    >
      <Flex vertical gap={8}>
        <HealthFlagTags flags={record.flags} showNone />
        <Descriptions
          size="small"
          column={{ xs: 2, sm: 3, md: 4 }}
          items={[
            { key: 'h', label: t('health.height'), children: dash(record.heightCm, ` ${t('health.cm')}`) },
            { key: 'w', label: t('health.weight'), children: dash(record.weightKg, ` ${t('health.kg')}`) },
            { key: 'b', label: t('health.bmi'), children: dash(record.bmi) },
            {
              key: 'v',
              label: t('health.vision'),
              children: `${acuity(record.visionLeft)} / ${acuity(record.visionRight)}`,
            },
            ...(record.teeth
              ? [{ key: 't', label: t('health.teeth'), children: label(teethStatusLabels, record.teeth) }]
              : []),
          ]}
        />
        {record.findings && <Typography.Paragraph style={{ margin: 0 }}>{record.findings}</Typography.Paragraph>}
        {record.referralNeeded && (
          <Flex gap={8} wrap align="center">
            <Tag color={record.followUpDoneOn ? 'green' : 'blue'}>
              {record.followUpDoneOn
                ? t('health.followUpDone')
                : t('health.followUpOpen', { date: record.followUpOn ?? '' })}
            </Tag>
            {record.referralTo && <Typography.Text type="secondary">{record.referralTo}</Typography.Text>}
            {record.abilities.closeFollowUp && (
              <Button
                size="small"
                loading={close.isPending}
                onClick={async () => {
                  await close.mutateAsync(record.id);
                  message.success(t('health.closed'));
                }}
              >
                {t('health.closeFollowUp')}
              </Button>
            )}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

/** The child page's 体检 tab: every check, newest first, with flags; add or correct one. */
export function ChildHealthTab({ child, canWrite }: { child: HealthChild; canWrite: boolean }) {
  const { t } = useTranslation();
  const list = useChildHealthChecks(child.id);
  const [editing, setEditing] = useState<HealthCheckView | null | 'new'>(null);

  if (list.isPending) return <Skeleton active />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.items;
  return (
    <Flex vertical gap={12}>
      {canWrite && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          style={{ alignSelf: 'flex-start' }}
          data-testid="health-add"
        >
          {t('health.add')}
        </Button>
      )}
      {items.length === 0 ? (
        <Empty description={t('health.empty')}>
          <Typography.Text type="secondary">{t('health.emptyHint')}</Typography.Text>
        </Empty>
      ) : (
        items.map((r) => <HealthCheckCard key={r.id} record={r} onEdit={() => setEditing(r)} />)
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('health.standardNote')}
      </Typography.Text>
      {editing && (
        <HealthCheckDrawer child={child} record={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Flex>
  );
}
