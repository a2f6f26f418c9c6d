import {
  type ChildKpi,
  childKpis,
  type DashboardResponse,
  type KpiFigure,
  kpiAsOf,
  kpiRate,
  type StatsScopeQuery,
  type TrendResponse,
  todayIso,
} from '@shouwang/shared';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { canSetTargets } from '../targets/targets.service';
import { concernTallies, type PanelRow, panelTallies } from './panels.repository';
import { breakdowns, kpiTallies } from './stats.repository';
import { cachedFigures, kpisOfResolved } from './stats.service';
import { type ResolvedStats, resolveStats, termInfo } from './stats-scope';

const ages = ['day', 'week', 'month', 'older'] as const;

function panelsOf(rows: PanelRow[]): DashboardResponse['panels'] {
  const of = (panel: PanelRow['panel']) => rows.filter((r) => r.panel === panel);
  return {
    activities: {
      children: of('activity_any')[0]?.count ?? 0,
      byType: of('activity').map((r) => ({ type: r.key!, count: r.count })),
    },
    openConcerns: of('concern')
      .map((r) => ({ age: r.key as (typeof ages)[number], status: r.sub!, count: r.count }))
      .sort((a, b) => ages.indexOf(a.age) - ages.indexOf(b.age)),
    health: {
      checked: of('health_checked')[0]?.count ?? 0,
      byFlag: of('health').map((r) => ({ flag: r.key!, count: r.count })),
    },
  };
}

/** Everything the dashboard shows for a scope and term, from one resolve and a handful of statements. */
export async function dashboardOfResolved(
  db: Db,
  actor: Actor,
  resolved: ResolvedStats,
  ctx?: RequestContext,
): Promise<DashboardResponse> {
  const window = resolved.term && resolved.asOf ? { start: resolved.term.startDate, asOf: resolved.asOf } : null;
  // A county, township or school reads the KPI cache; a village or class is computed live.
  const cached = window ? await cachedFigures(db, resolved, window, { withDashboardReads: true }) : null;
  const [kpis, split, panels] = await Promise.all([
    kpisOfResolved(db, resolved, ctx, cached),
    !window ? [] : cached ? cached.split : breakdowns(db, resolved.scope, window.asOf),
    !window
      ? []
      : cached
        ? (cached.concerns ? Promise.resolve(cached.concerns) : concernTallies(db, resolved.scope)).then((open) => [
            ...cached.panels,
            ...open,
          ])
        : panelTallies(db, resolved.scope, window),
  ]);
  return {
    scope: kpis.scope,
    term: kpis.term,
    terms: resolved.terms.map(termInfo),
    asOf: kpis.asOf,
    children: kpis.children,
    kpis: childKpis.map((key) => ({ key, ...kpis[key] })),
    compliance: kpis.compliance,
    complianceMonthly: kpis.complianceMonthly.map(({ kind, month, due, done }) => ({ kind, month, due, done })),
    byCategory: split
      .filter((r) => r.axis === 'category')
      .map((r) => ({ category: r.key as DashboardResponse['byCategory'][number]['category'], count: r.count })),
    byCareLevel: split
      .filter((r) => r.axis === 'care_level')
      .map((r) => ({ careLevel: r.key as DashboardResponse['byCareLevel'][number]['careLevel'], count: r.count })),
    comparison: { unitKind: kpis.unitKind, rows: kpis.units },
    panels: panelsOf(panels),
    canSetTargets: resolved.term !== null && canSetTargets(actor, resolved.org),
  };
}

export async function dashboard(db: Db, ctx: RequestContext, actor: Actor, query: StatsScopeQuery) {
  return dashboardOfResolved(db, actor, await resolveStats(db, actor, query, ctx), ctx);
}

/** The four child KPIs of the scope in each of its last six terms that have begun (oldest first). */
export async function trend(db: Db, ctx: RequestContext, actor: Actor, query: StatsScopeQuery): Promise<TrendResponse> {
  const resolved = await resolveStats(db, actor, query, ctx);
  const today = todayIso();
  const upTo = resolved.term?.startDate ?? today;
  const terms = resolved.terms
    .filter((t) => t.startDate <= upTo && t.startDate <= today)
    .slice(0, 6)
    .reverse();
  const items = [];
  for (const term of terms) {
    const window = { start: term.startDate, asOf: kpiAsOf(term, today) };
    // A county, township or school keeps its past terms' windows in the KPI cache.
    const cached = await cachedFigures(db, resolved, window);
    const [total] = (cached?.tallies ?? (await kpiTallies(db, resolved.scope, window, null))).filter(
      (t) => t.unitId === null,
    );
    const kpis = Object.fromEntries(
      childKpis.map((k) => [
        k,
        { ...total!.counts[k], rate: kpiRate(total!.counts[k].numerator, total!.counts[k].denominator) },
      ]),
    ) as Record<ChildKpi, KpiFigure>;
    items.push({ ...termInfo(term), kpis });
  }
  return { items };
}
