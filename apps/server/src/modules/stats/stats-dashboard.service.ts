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
import { breakdowns, kpiTallies } from './stats.repository';
import { kpisOfResolved } from './stats.service';
import { type ResolvedStats, resolveStats, termInfo } from './stats-scope';

/** Everything the dashboard shows for a scope and term, from one resolve and a handful of statements. */
export async function dashboardOfResolved(
  db: Db,
  actor: Actor,
  resolved: ResolvedStats,
  ctx?: RequestContext,
): Promise<DashboardResponse> {
  const [kpis, split] = await Promise.all([
    kpisOfResolved(db, resolved, ctx),
    resolved.asOf ? breakdowns(db, resolved.scope, resolved.asOf) : Promise.resolve([]),
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
    const asOf = kpiAsOf(term, today);
    const [total] = (await kpiTallies(db, resolved.scope, { start: term.startDate, asOf }, null)).filter(
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
