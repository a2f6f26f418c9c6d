import {
  type ChildKpi,
  type ComparisonRow,
  childKpis,
  type KpiFigure,
  kpiRate,
  kpiStanding,
  periodsOf,
  type StatsScopeQuery,
  todayIso,
} from '@shouwang/shared';
import { compareUnitNames } from '@shouwang/shared/unit-order';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { ensureSchoolCare } from '../care-rules/care-rules.service';
import { findOrg } from '../orgs/orgs.repository';
import { targetRowsSql } from '../targets/targets.repository';
import { type EffectiveTargets, effectiveTargets, targetOrgIds, targetsFromRows } from '../targets/targets.service';
import {
  rulesInScope,
  rulesInScopeSql,
  rulesOf,
  type ScopeComplianceRow,
  type ScopePeriod,
  type ScopeRule,
  scopeComplianceTallies,
} from './compliance-scope.repository';
import {
  type CachedFigures,
  cachedScopeKinds,
  type ExtraReads,
  ensureKpiCache,
  readCachedFigures,
  readFreshCachedFigures,
} from './kpi-cache.repository';
import { concernTalliesSql, type PanelRow } from './panels.repository';
import { type KpiWindow, kpiTallies, orgNames } from './stats.repository';
import { type ResolvedStats, resolveStats, termInfo } from './stats-scope';

export interface KpiValue extends KpiFigure {
  /** Target in percent (own, inherited or default). */
  target: number;
  standing: 'met' | 'below' | 'none';
}

export interface ComplianceValue extends KpiValue {
  /** The care rule's kind (talk, home_visit, …). */
  kind: string;
}

/**
 * What `kpisFor` answers: the figures of a scope and term, each with numerator, denominator, rate
 * (0..1, null when nothing is counted), target (percent) and standing. Modules that quote figures
 * (assessment, work summary) read this and nothing else.
 */
export interface ScopeKpis extends Record<ChildKpi, KpiValue> {
  scope: { id: string; name: string; kind: ResolvedStats['org']['kind']; path: string };
  term: ReturnType<typeof termInfo> | null;
  asOf: string | null;
  /** Left-behind children of the scope on the as-of date (the population of the four child KPIs). */
  children: number;
  /** 完成率 per care rule kind over the periods that have ended by the as-of date. */
  compliance: ComplianceValue[];
  /** The same per month (the month a period starts), ended and running periods together. */
  complianceMonthly: ScopeComplianceRow[];
  /** One row per sub-unit (townships of a county, schools of a township, classes of a school), by name. */
  units: ComparisonRow[];
  unitKind: ResolvedStats['unit'];
}

const withTarget = (figure: KpiFigure, target: number): KpiValue => ({
  ...figure,
  target,
  standing: kpiStanding(figure.rate, target),
});

/** One row per (kind, month): a month's ended and running periods added together, in month order. */
function mergeMonths(rows: ScopeComplianceRow[]): ScopeComplianceRow[] {
  const merged = new Map<string, ScopeComplianceRow>();
  for (const r of rows) {
    const key = `${r.month} ${r.kind}`;
    const seen = merged.get(key);
    if (seen)
      merged.set(key, { ...seen, ended: seen.ended && r.ended, due: seen.due + r.due, done: seen.done + r.done });
    else merged.set(key, { ...r });
  }
  return [...merged.values()].sort((a, b) => a.month.localeCompare(b.month) || a.kind.localeCompare(b.kind));
}

/** The periods of every active rule of the scope's schools that have begun by the as-of date. */
export async function scopePeriods(
  db: Db,
  resolved: ResolvedStats,
  ctx?: RequestContext,
  /** The scope's rules, when already read with other figures. */
  readRules?: ScopeRule[],
): Promise<ScopePeriod[]> {
  const { term, asOf } = resolved;
  if (!term || !asOf) return [];
  let rules = readRules && readRules.length > 0 ? readRules : await rulesInScope(db, resolved.scope);
  // A school's rules are created with its defaults the first time anyone needs them (a school with
  // active rules has them already: no two more statements on every read).
  if (rules.length === 0 && ctx && resolved.schoolId) {
    const school = resolved.org.kind === 'school' ? resolved.org : await findOrg(db, resolved.schoolId);
    if (school) {
      await ensureSchoolCare(db, ctx, school);
      rules = await rulesInScope(db, resolved.scope);
    }
  }
  // A county's thousand rules share a handful of schedules, and every dashboard of a term the same ones.
  return rules.flatMap((r) =>
    scheduleOf(r.frequency, r.windowDays, term, asOf).map((p) => ({ ruleId: r.id, start: p.start, end: p.end })),
  );
}

/** Schedules worked out so far (a pure function of its key; dropped whole past a few hundred). */
const schedules = new Map<string, readonly { start: string; end: string }[]>();

/** The periods of a schedule in a term that have begun by `asOf`. */
function scheduleOf(
  frequency: ScopeRule['frequency'],
  windowDays: number,
  term: { startDate: string; midDate: string; endDate: string },
  asOf: string,
) {
  const key = `${frequency} ${windowDays} ${term.startDate} ${term.midDate} ${term.endDate} ${asOf}`;
  let periods = schedules.get(key);
  if (!periods) {
    if (schedules.size >= 512) schedules.clear();
    periods = periodsOf(frequency, windowDays, term)
      .filter((p) => p.start <= asOf)
      .map((p) => ({ start: p.start, end: p.end }));
    schedules.set(key, periods);
  }
  return periods;
}

/**
 * The KPI tallies, breakdowns and activity/health panels of a county, township or school from the KPI
 * cache, brought up to date first; null for a village or a class (small enough to compute live).
 */
export async function cachedFigures(
  db: Db,
  resolved: ResolvedStats,
  window: KpiWindow,
  options: { withDashboardReads?: boolean } = {},
): Promise<DashboardFigures | null> {
  if (!cachedScopeKinds.has(resolved.scope.kind)) return null;
  // A dashboard's targets, rules and open concerns ride along with a fresh cache's read.
  const extras: ExtraReads =
    options.withDashboardReads && resolved.term
      ? {
          targets: targetRowsSql(resolved.scope.countyId, targetOrgIds(resolved.org), resolved.term),
          rules: rulesInScopeSql(resolved.scope),
          concerns: concernTalliesSql(resolved.scope),
        }
      : {};
  const fresh = await readFreshCachedFigures(db, resolved.scope, window, resolved.unit, extras);
  if (fresh) {
    const { extras: read, ...figures } = fresh;
    if (!options.withDashboardReads) return figures;
    return {
      ...figures,
      targets: targetsFromRows(resolved.org, (read?.targets ?? []) as unknown as Parameters<typeof targetsFromRows>[1]),
      rules: rulesOf((read?.rules ?? []) as unknown as ScopeRule[]),
      concerns: ((read?.concerns ?? []) as unknown as PanelRow[]).map((r) => ({ ...r, count: Number(r.count) })),
    };
  }
  await ensureKpiCache(db, resolved.scope.countyId, window);
  return readCachedFigures(db, resolved.scope, window, resolved.unit);
}

/** The cached figures, and when they came with them, a dashboard's other reads (else read on their own). */
export interface DashboardFigures extends CachedFigures {
  targets?: EffectiveTargets;
  rules?: ScopeRule[];
  concerns?: PanelRow[];
}

/** The KPIs of an already resolved scope (see `kpisFor`); `figures`, when the caller has read the cache already. */
export async function kpisOfResolved(
  db: Db,
  resolved: ResolvedStats,
  ctx?: RequestContext,
  figures?: DashboardFigures | null,
): Promise<ScopeKpis> {
  const { org, term, asOf } = resolved;
  const targets = figures?.targets ?? (await effectiveTargets(db, org, term));
  const zero: KpiFigure = { numerator: 0, denominator: 0, rate: null };
  const base = {
    scope: { id: org.id, name: org.name, kind: org.kind, path: org.path },
    term: term ? termInfo(term) : null,
    asOf,
    unitKind: resolved.unit,
  };
  if (!term || !asOf) {
    return {
      ...base,
      children: 0,
      ...(Object.fromEntries(childKpis.map((k) => [k, withTarget(zero, targets[k].target)])) as Record<
        ChildKpi,
        KpiValue
      >),
      compliance: [],
      complianceMonthly: [],
      units: [],
    };
  }
  const window = { start: term.startDate, asOf };
  const readTallies = async () => {
    const cached = figures === undefined ? await cachedFigures(db, resolved, window) : figures;
    return cached ? cached.tallies : kpiTallies(db, resolved.scope, window, resolved.unit);
  };
  const [tallies, periods] = await Promise.all([readTallies(), scopePeriods(db, resolved, ctx, figures?.rules)]);
  // A period has ended once it lies before today (as the to-do engine counts): a past term's last month too.
  const monthly = await scopeComplianceTallies(db, { scope: resolved.scope, endedBefore: todayIso(), periods });
  const total = tallies.find((t) => t.unitId === null)!;
  const figure = (c: { numerator: number; denominator: number }): KpiFigure => ({
    ...c,
    rate: kpiRate(c.numerator, c.denominator),
  });
  const byKind = new Map<string, { numerator: number; denominator: number }>();
  for (const row of monthly) {
    const tally = byKind.get(row.kind) ?? { numerator: 0, denominator: 0 };
    if (row.ended) {
      tally.numerator += row.done;
      tally.denominator += row.due;
    }
    byKind.set(row.kind, tally);
  }
  const unitRows = tallies.filter((t) => t.unitId !== null);
  // The KPI cache's rows carry their unit's name; live tallies look the names up.
  const names = unitRows.every((u) => u.unit !== undefined)
    ? new Map(unitRows.flatMap((u) => (u.unit ? [[u.unitId!, u.unit] as const] : [])))
    : await orgNames(
        db,
        unitRows.map((u) => u.unitId!),
      );
  const wantedKind = resolved.unit;
  return {
    ...base,
    children: total.children,
    ...(Object.fromEntries(childKpis.map((k) => [k, withTarget(figure(total.counts[k]), targets[k].target)])) as Record<
      ChildKpi,
      KpiValue
    >),
    compliance: [...byKind].map(([kind, tally]) => ({
      kind,
      ...withTarget(figure(tally), targets.compliance.target),
    })),
    complianceMonthly: mergeMonths(monthly),
    units: unitRows
      .filter((u) => names.get(u.unitId!)?.kind === wantedKind)
      .map((u): ComparisonRow => {
        const row: ComparisonRow = [u.unitId!, names.get(u.unitId!)!.name, u.children];
        for (const k of childKpis) row.push(u.counts[k].numerator, u.counts[k].denominator);
        return row;
      })
      // Units in the order people expect: 一年级 before 二年级, 二年级2班 before 二年级10班.
      .sort((a, b) => compareUnitNames(a[1], b[1])),
  };
}

/**
 * The KPIs of a scope and term for the caller: `scopeOrgId` must lie in one of their `stats.read`
 * subtrees (else NOT_FOUND); `termId` defaults to the running term. A scope with no term answers
 * empty figures (rate null), not an error. Stable entry point for assessment and the work summary.
 */
export async function kpisFor(db: Db, actor: Actor, query: StatsScopeQuery, ctx?: RequestContext): Promise<ScopeKpis> {
  return kpisOfResolved(db, await resolveStats(db, actor, query, ctx), ctx);
}
