import { activityTypeLabels } from '@shouwang/shared/enums/activities';
import { healthFlagLabels } from '@shouwang/shared/enums/health';
import type { LabelMap } from '@shouwang/shared/enums/labels';
import { concernStatusLabels } from '@shouwang/shared/enums/wellbeing';
import type { DashboardResponse } from '@shouwang/shared/schemas/stats';
import { Col, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { type StatsScope, statsExportUrl } from '../api';
import { ChartCard } from './ChartCard';
import { percentText } from './KpiTiles';

const ages = ['day', 'week', 'month', 'older'] as const;
const grid = { left: 8, right: 16, top: 16, bottom: 8, containLabel: true };

/** Panels fed by activities, concern reports and health checks (columns of the dashboard's grid). */
export function WellbeingPanels({ data, scope }: { data: DashboardResponse; scope: StatsScope }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const code = <T extends string>(labels: LabelMap<T>, key: string) => label(labels, key as T) || key;
  const { activities, openConcerns, health } = data.panels;
  const statuses = [...new Set(openConcerns.map((c) => c.status))];
  const note = (text: string) => (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '0 0 8px' }}>
      {text}
    </Typography.Paragraph>
  );
  return (
    <>
      <Col xs={24} md={12} xl={8}>
        <ChartCard
          id="activities"
          title={t('stats.cards.activities')}
          exportUrl={statsExportUrl(scope, 'activities')}
          rows={activities.byType}
          rowKey={(r) => r.type}
          height={240}
          header={note(
            t('stats.panels.activityChildren', {
              count: activities.children,
              rate: percentText(data.children ? activities.children / data.children : null),
            }),
          )}
          option={{
            tooltip: { trigger: 'axis' },
            grid,
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: {
              type: 'category',
              inverse: true,
              data: activities.byType.map((a) => code(activityTypeLabels, a.type)),
            },
            series: [
              { type: 'bar', barMaxWidth: 24, name: t('stats.col.count'), data: activities.byType.map((a) => a.count) },
            ],
          }}
          columns={[
            {
              title: t('stats.col.activityType'),
              dataIndex: 'type',
              render: (v: string) => code(activityTypeLabels, v),
            },
            { title: t('stats.col.count'), dataIndex: 'count', align: 'right' },
          ]}
        />
      </Col>
      <Col xs={24} md={12} xl={8}>
        <ChartCard
          id="concerns"
          title={t('stats.cards.concerns')}
          exportUrl={statsExportUrl(scope, 'concerns')}
          rows={openConcerns}
          rowKey={(r) => `${r.age}-${r.status}`}
          height={240}
          option={{
            tooltip: { trigger: 'axis' },
            legend: { bottom: 0, type: 'scroll' },
            grid: { ...grid, bottom: 40 },
            xAxis: { type: 'category', data: ages.map((a) => t(`stats.panels.ages.${a}`)) },
            yAxis: { type: 'value', minInterval: 1 },
            series: statuses.map((status) => ({
              type: 'bar',
              stack: 'open',
              barMaxWidth: 32,
              name: code(concernStatusLabels, status),
              data: ages.map((age) => openConcerns.find((c) => c.age === age && c.status === status)?.count ?? 0),
            })),
          }}
          columns={[
            { title: t('stats.col.age'), dataIndex: 'age', render: (a: string) => t(`stats.panels.ages.${a}`) },
            { title: t('stats.col.status'), dataIndex: 'status', render: (v: string) => code(concernStatusLabels, v) },
            { title: t('stats.col.count'), dataIndex: 'count', align: 'right' },
          ]}
        />
      </Col>
      <Col xs={24} md={12} xl={8}>
        <ChartCard
          id="health"
          title={t('stats.cards.health')}
          exportUrl={statsExportUrl(scope, 'health')}
          rows={health.byFlag}
          rowKey={(r) => r.flag}
          height={240}
          header={note(t('stats.panels.healthChecked', { count: health.checked }))}
          option={{
            tooltip: { trigger: 'axis' },
            grid,
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', inverse: true, data: health.byFlag.map((f) => code(healthFlagLabels, f.flag)) },
            series: [
              {
                type: 'bar',
                barMaxWidth: 24,
                name: t('stats.col.count'),
                itemStyle: { color: '#d46b08' },
                data: health.byFlag.map((f) => f.count),
              },
            ],
          }}
          columns={[
            { title: t('stats.col.flag'), dataIndex: 'flag', render: (v: string) => code(healthFlagLabels, v) },
            { title: t('stats.col.count'), dataIndex: 'count', align: 'right' },
          ]}
        />
      </Col>
    </>
  );
}
