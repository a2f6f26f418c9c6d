import { AimOutlined } from '@ant-design/icons';
import { careRuleKindLabels } from '@shouwang/shared/enums/care';
import { kpiTargetKeys } from '@shouwang/shared/kpi/kpi';
import { Button, Empty, Result, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { type Drill, statsExportUrl, useDashboard, useTrend } from '../api';
import { DashboardCharts } from '../components/DashboardCharts';
import { ExportButton } from '../components/ExportButton';
import { KpiChildrenDrawer } from '../components/KpiChildrenDrawer';
import { KpiTiles } from '../components/KpiTiles';
import { TargetsDrawer } from '../components/TargetsDrawer';

/**
 * 数据看板: the KPIs of a scope (the user's unit by default, or any unit below it) and term against
 * their targets, the care rules' compliance, breakdowns, the units below compared, the trend across
 * terms; every figure drills down to its children and exports to Excel. Scope and term live in the URL.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const [params, setParams] = useSearchParams();
  const scope = { scopeOrgId: params.get('scope') ?? undefined, termId: params.get('term') ?? undefined };
  const dashboard = useDashboard(scope);
  const data = dashboard.data;
  const trend = useTrend(scope, !!data?.term);
  // `?kpi=` (links from the work summary) opens the children behind that figure.
  const linked = params.get('kpi');
  const [drill, setDrill] = useState<Drill | null>(() =>
    linked && (kpiTargetKeys as readonly string[]).includes(linked)
      ? { kpi: linked as Drill['kpi'], ruleKind: params.get('ruleKind') ?? undefined, part: 'missing' }
      : null,
  );
  const [editTargets, setEditTargets] = useState(false);
  const setParam = (key: 'scope' | 'term', value: string | undefined) =>
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      if (key === 'scope') p.delete('term');
      return p;
    });
  const resolved = { scopeOrgId: data?.scope.id, termId: data?.term?.id };
  const drillTitle = drill
    ? drill.kpi === 'compliance' && drill.ruleKind
      ? `${t('stats.kpi.compliance')} · ${label(careRuleKindLabels, drill.ruleKind as keyof typeof careRuleKindLabels) || drill.ruleKind}`
      : t(`stats.kpi.${drill.kpi}`)
    : '';

  return (
    <div>
      <PageHeader
        title={t('stats.title')}
        subtitle={t('stats.subtitle')}
        extra={
          <>
            <OrgTreeSelect
              value={data?.scope.id ?? scope.scopeOrgId}
              onChange={(id) => setParam('scope', id)}
              placeholder={t('stats.scope')}
              style={{ minWidth: 200, maxWidth: '100%' }}
              testId="stats-scope"
            />
            <Select
              value={data?.term?.id}
              placeholder={t('stats.term')}
              aria-label={t('stats.term')}
              style={{ minWidth: 180 }}
              options={(data?.terms ?? []).map((x) => ({
                value: x.id,
                label: t('stats.termLabel', { year: x.schoolYear, no: x.termNo }),
              }))}
              onChange={(id: string) => setParam('term', id)}
              data-testid="stats-term"
            />
            {data?.canSetTargets && (
              <Button icon={<AimOutlined />} onClick={() => setEditTargets(true)} data-testid="stats-targets">
                {t('stats.targets')}
              </Button>
            )}
            {data?.term && (
              <ExportButton
                url={statsExportUrl(resolved)}
                label={t('stats.exportAll')}
                type="primary"
                testId="export-all"
              />
            )}
          </>
        }
      />
      {dashboard.isPending ? (
        <Skeleton active />
      ) : dashboard.isError || !data ? (
        <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : !data.term ? (
        <Result status="info" title={t('stats.noTerm')} subTitle={t('stats.noTermHint')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="stats-as-of">
            {data.scope.name} · {t('stats.asOf', { date: data.asOf, count: data.children })}
          </Typography.Paragraph>
          {data.children === 0 && data.compliance.length === 0 ? (
            <Empty description={t('stats.noData')} style={{ margin: '48px 0' }}>
              <Typography.Text type="secondary">{t('stats.noDataHint')}</Typography.Text>
            </Empty>
          ) : (
            <>
              <KpiTiles data={data} onDrill={setDrill} />
              <DashboardCharts
                data={data}
                trend={trend.data}
                scope={resolved}
                onDrill={setDrill}
                onOpenUnit={(id) => setParam('scope', id)}
              />
            </>
          )}
        </>
      )}
      <KpiChildrenDrawer
        scope={resolved}
        drill={drill}
        title={drillTitle}
        onChange={setDrill}
        onClose={() => setDrill(null)}
      />
      {data?.term && (
        <TargetsDrawer
          open={editTargets}
          scope={{ scopeOrgId: data.scope.id, termId: data.term.id }}
          onClose={() => setEditTargets(false)}
        />
      )}
    </div>
  );
}
