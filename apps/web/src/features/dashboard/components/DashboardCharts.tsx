import { careRuleKindLabels } from '@shouwang/shared/enums/care';
import { careLevelLabels, childCategoryLabels } from '@shouwang/shared/enums/children';
import { childKpis } from '@shouwang/shared/kpi/kpi';
import {
  type ComparisonUnit,
  comparisonUnits,
  type DashboardResponse,
  type TrendResponse,
} from '@shouwang/shared/schemas/stats';
import { Button, Col, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { type Drill, type StatsScope, statsExportUrl } from '../api';
import { ChartCard } from './ChartCard';
import { percentText, standingColor } from './KpiTiles';
import { WellbeingPanels } from './WellbeingPanels';

type Data = DashboardResponse;
const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const percentAxis = { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } };
const tooltipPercent = { valueFormatter: (v: unknown) => (v == null ? '—' : `${v}%`) };

/** The dashboard's charts, each with its table view and export. */
export function DashboardCharts({
  data,
  trend,
  scope,
  onDrill,
  onOpenUnit,
}: {
  data: Data;
  trend: TrendResponse | undefined;
  scope: StatsScope;
  onDrill: (drill: Drill) => void;
  onOpenUnit: (orgId: string) => void;
}) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const ruleName = (kind: string) => label(careRuleKindLabels, kind as keyof typeof careRuleKindLabels) || kind;
  const termName = (x: { schoolYear: string; termNo: number }) =>
    t('stats.termLabel', { year: x.schoolYear, no: x.termNo });
  const url = (section: string) => statsExportUrl(scope, section);

  const months = [...new Set(data.complianceMonthly.map((m) => m.month))];
  const monthKinds = [...new Set(data.complianceMonthly.map((m) => m.kind))];
  const unitLabel = data.comparison.unitKind ? t(`stats.unitKind.${data.comparison.unitKind}`) : t('stats.col.unit');
  const trendItems = trend?.items ?? [];
  const units = useMemo(() => comparisonUnits(data.comparison.rows), [data.comparison.rows]);

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={12}>
        <ChartCard
          id="compliance"
          title={t('stats.cards.compliance')}
          exportUrl={url('compliance')}
          rows={data.compliance}
          rowKey={(r) => r.kind}
          onChartClick={({ dataIndex }) => {
            const c = data.compliance[dataIndex];
            if (c) onDrill({ kpi: 'compliance', ruleKind: c.kind, part: 'missing' });
          }}
          option={{
            tooltip: { trigger: 'axis', ...tooltipPercent },
            grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
            xAxis: percentAxis,
            yAxis: { type: 'category', data: data.compliance.map((c) => ruleName(c.kind)), inverse: true },
            series: [
              {
                type: 'bar',
                name: t('stats.col.rate'),
                data: data.compliance.map((c) => ({
                  value: pct(c.rate),
                  itemStyle: { color: standingColor[c.standing] },
                })),
                label: { show: true, position: 'right', formatter: '{c}%' },
                markLine: {
                  symbol: 'none',
                  data: [{ xAxis: data.compliance[0]?.target ?? 0 }],
                  lineStyle: { type: 'dashed', color: '#595959' },
                  label: {
                    position: 'insideEndTop',
                    formatter: t('stats.target', { target: data.compliance[0]?.target ?? 0 }),
                  },
                },
              },
            ],
          }}
          columns={[
            { title: t('stats.col.rule'), dataIndex: 'kind', render: (k: string) => ruleName(k) },
            { title: t('stats.col.done'), dataIndex: 'numerator', align: 'right' },
            { title: t('stats.col.due'), dataIndex: 'denominator', align: 'right' },
            { title: t('stats.col.rate'), dataIndex: 'rate', align: 'right', render: percentText },
          ]}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          id="monthly"
          title={t('stats.cards.monthly')}
          exportUrl={url('monthly')}
          rows={data.complianceMonthly}
          rowKey={(r) => `${r.month}-${r.kind}`}
          option={{
            tooltip: { trigger: 'axis', ...tooltipPercent },
            legend: { bottom: 0, type: 'scroll' },
            grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
            xAxis: { type: 'category', data: months },
            yAxis: percentAxis,
            series: monthKinds.map((kind) => ({
              type: 'line',
              name: ruleName(kind),
              connectNulls: true,
              data: months.map((month) => {
                const m = data.complianceMonthly.find((x) => x.kind === kind && x.month === month);
                return m && m.due > 0 ? pct(m.done / m.due) : null;
              }),
            })),
          }}
          columns={[
            { title: t('stats.col.month'), dataIndex: 'month' },
            { title: t('stats.col.rule'), dataIndex: 'kind', render: (k: string) => ruleName(k) },
            { title: t('stats.col.done'), dataIndex: 'done', align: 'right' },
            { title: t('stats.col.due'), dataIndex: 'due', align: 'right' },
            {
              title: t('stats.col.rate'),
              key: 'rate',
              align: 'right',
              render: (_: unknown, m) => percentText(m.due ? m.done / m.due : null),
            },
          ]}
        />
      </Col>
      <Col xs={24} md={12}>
        <ChartCard
          id="categories"
          title={t('stats.cards.categories')}
          exportUrl={url('categories')}
          rows={data.byCategory}
          rowKey={(r) => r.category}
          height={240}
          option={{
            tooltip: { trigger: 'item' },
            legend: { bottom: 0, type: 'scroll' },
            series: [
              {
                type: 'pie',
                radius: ['35%', '65%'],
                center: ['50%', '42%'],
                label: { formatter: '{c}' },
                data: data.byCategory.map((c) => ({ name: label(childCategoryLabels, c.category), value: c.count })),
              },
            ],
          }}
          columns={[
            { title: t('stats.col.category'), dataIndex: 'category', render: (c) => label(childCategoryLabels, c) },
            { title: t('stats.col.count'), dataIndex: 'count', align: 'right' },
          ]}
        />
      </Col>
      <Col xs={24} md={12}>
        <ChartCard
          id="care-levels"
          title={t('stats.cards.careLevels')}
          exportUrl={url('categories')}
          rows={data.byCareLevel}
          rowKey={(r) => r.careLevel}
          height={240}
          option={{
            tooltip: { trigger: 'axis' },
            grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: data.byCareLevel.map((c) => label(careLevelLabels, c.careLevel)) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              {
                type: 'bar',
                name: t('stats.col.count'),
                barMaxWidth: 48,
                label: { show: true, position: 'top' },
                data: data.byCareLevel.map((c) => c.count),
              },
            ],
          }}
          columns={[
            { title: t('stats.col.careLevel'), dataIndex: 'careLevel', render: (c) => label(careLevelLabels, c) },
            { title: t('stats.col.count'), dataIndex: 'count', align: 'right' },
          ]}
        />
      </Col>
      {data.comparison.unitKind && (
        <Col xs={24}>
          <ChartCard
            id="comparison"
            title={`${t('stats.cards.comparison')}（${unitLabel}）`}
            exportUrl={url('comparison')}
            rows={units}
            rowKey={(r) => r.orgId}
            height={Math.max(240, units.length * 36 + 80)}
            onChartClick={({ dataIndex }) => {
              const unit = units[dataIndex];
              if (unit) onOpenUnit(unit.orgId);
            }}
            option={{
              tooltip: { trigger: 'axis', ...tooltipPercent },
              legend: { bottom: 0, type: 'scroll' },
              grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
              xAxis: percentAxis,
              yAxis: { type: 'category', inverse: true, data: units.map((r) => r.name) },
              series: childKpis.map((k) => ({
                type: 'bar',
                barMaxWidth: 16,
                name: t(`stats.kpi.${k}`),
                data: units.map((r) => pct(r.kpis[k].rate)),
              })),
            }}
            columns={[
              {
                title: unitLabel,
                dataIndex: 'name',
                fixed: 'left',
                render: (name: string, r) => (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => onOpenUnit(r.orgId)}
                    title={t('stats.openUnit')}
                  >
                    {name}
                  </Button>
                ),
              },
              { title: t('stats.col.children'), dataIndex: 'children', align: 'right' },
              ...childKpis.map((k) => ({
                title: t(`stats.kpi.${k}`),
                key: k,
                align: 'right' as const,
                render: (_: unknown, r: ComparisonUnit) => {
                  const kpi = data.kpis.find((x) => x.key === k);
                  const rate = r.kpis[k].rate;
                  const below = kpi && rate !== null && Math.round(rate * 10_000) < kpi.target * 100;
                  return <span style={{ color: below ? standingColor.below : undefined }}>{percentText(rate)}</span>;
                },
                sorter: (a: ComparisonUnit, b: ComparisonUnit) => (a.kpis[k].rate ?? -1) - (b.kpis[k].rate ?? -1),
              })),
            ]}
          />
        </Col>
      )}
      <WellbeingPanels data={data} scope={scope} />
      <Col xs={24}>
        <ChartCard
          id="trend"
          title={t('stats.cards.trend')}
          exportUrl={url('trend')}
          rows={trendItems}
          rowKey={(r) => r.id}
          option={{
            tooltip: { trigger: 'axis', ...tooltipPercent },
            legend: { bottom: 0, type: 'scroll' },
            grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
            xAxis: { type: 'category', data: trendItems.map(termName) },
            yAxis: percentAxis,
            series: childKpis.map((k) => ({
              type: 'line',
              name: t(`stats.kpi.${k}`),
              connectNulls: true,
              data: trendItems.map((i) => pct(i.kpis[k].rate)),
            })),
          }}
          columns={[
            { title: t('stats.col.term'), key: 'term', render: (_: unknown, r) => termName(r) },
            ...childKpis.map((k) => ({
              title: t(`stats.kpi.${k}`),
              key: k,
              align: 'right' as const,
              render: (_: unknown, r: TrendResponse['items'][number]) => percentText(r.kpis[k].rate),
            })),
          ]}
        />
      </Col>
    </Row>
  );
}
