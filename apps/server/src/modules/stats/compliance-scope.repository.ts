import type { CareFrequency } from '@shouwang/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cachedTallies } from '../todos/compliance-cache.repository';
import { dueRelation, isTrue, kidsRelation, periodsRelation } from '../todos/compliance-sql';
import { dutyDoneCondition } from '../todos/duty-sources';
import { rowsOf, type StatsScope, scopeFilter } from './stats.repository';

export interface ScopeRule {
  id: string;
  schoolId: string;
  kind: string;
  frequency: CareFrequency;
  windowDays: number;
}

export interface ScopePeriod {
  ruleId: string;
  start: string;
  end: string;
}

export interface ScopeComplianceRow {
  kind: string;
  /** YYYY-MM of the period's first day. */
  month: string;
  ended: boolean;
  due: number;
  done: number;
}

/** The active care rules of the schools of a scope (a school's rules apply to its own children). */
export async function rulesInScope(db: Db, scope: StatsScope): Promise<ScopeRule[]> {
  const result = await db.execute(rulesInScopeSql(scope));
  return rulesOf(rowsOf<ScopeRule>(result));
}

/** `rulesInScope` as SQL, for a statement that reads the rules with other figures. */
export function rulesInScopeSql(scope: StatsScope): SQL {
  const prefix = `${scope.path.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  // A class's rules are its school's: the path without the class's own id.
  const schoolPath = scope.kind === 'class' ? `${scope.path.split('/').slice(0, -2).join('/')}/` : scope.path;
  const schoolFilter =
    scope.kind === 'school' || scope.kind === 'class' ? sql`o.path = ${schoolPath}` : sql`o.path like ${prefix}`;
  return sql`
    select r.id, r.school_id as "schoolId", r.kind, r.frequency, r.window_days as "windowDays" from care_rule r join org o on o.id = r.school_id
    where r.county_id = ${scope.countyId} and r.deleted_at is null and r.active and o.kind = 'school'
      and ${schoolFilter}
    order by r.id`;
}

/** Rules as the driver or a json_agg hands them back. */
export const rulesOf = (rows: ScopeRule[]): ScopeRule[] =>
  rows.map((r) => ({ ...r, windowDays: Number(r.windowDays) }));

/**
 * 完成率 of a whole scope, per rule kind and month, computed live in one statement: the school
 * statement of modules/todos/compliance.repository widened to the children of a scope, each child
 * joined to the periods of its own school's rules (`dueRelation`). The reference for the cached figures.
 */
export async function liveScopeComplianceTallies(
  db: Db,
  input: { scope: StatsScope; endedBefore: string; periods: ScopePeriod[] },
): Promise<ScopeComplianceRow[]> {
  if (input.periods.length === 0) return [];
  const result = await db.execute(sql`
    with p as (${periodsRelation(input.periods)}),
    kids as materialized (${kidsRelation(scopeFilter(input.scope))}),
    due as (${dueRelation})
    select kind, to_char(p_start, 'YYYY-MM') as month, p_end < ${input.endedBefore}::date as ended,
      count(*)::int as due, (count(*) filter (where ${dutyDoneCondition('due')}))::int as done
    from due
    group by kind, to_char(p_start, 'YYYY-MM'), ended
  `);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    kind: String(r.kind),
    month: String(r.month),
    ended: isTrue(r.ended),
    due: Number(r.due),
    done: Number(r.done),
  }));
}

/**
 * 完成率 of a whole scope, per rule kind and month, from the tallies pre-aggregated per rule
 * period (modules/todos/compliance-cache.repository.ts). The periods are those of the scope's
 * schools' rules, so a school, township or county adds up whole schools' rows; a class, a part of a
 * school, is computed live. Ended periods are always exact; beyond a school, running ones may be
 * up to one background pass (2 minutes) behind the day's records.
 */
export async function scopeComplianceTallies(
  db: Db,
  input: { scope: StatsScope; endedBefore: string; periods: ScopePeriod[] },
): Promise<ScopeComplianceRow[]> {
  if (input.scope.kind === 'class') return liveScopeComplianceTallies(db, input);
  // Beyond a school, running periods may lag behind the day's records by the background pass.
  const lag = input.scope.kind === 'school' ? {} : { runningMayLagFrom: input.endedBefore };
  const rows = await cachedTallies(db, {
    countyId: input.scope.countyId,
    periods: input.periods,
    endedBefore: input.endedBefore,
    by: 'kindMonth',
    ...lag,
  });
  return rows.map((r) => ({ kind: r.key, month: r.month, ended: r.ended, due: r.due, done: r.done }));
}

/** Children of a scope owing a rule kind in an ended period with no record (drill-down of 完成率). */
export async function complianceMissingChildIds(
  db: Db,
  input: {
    scope: StatsScope;
    /** Periods ending before this day count (today: a period ends with its last day). */
    endedBefore: string;
    periods: ScopePeriod[];
    part: 'numerator' | 'missing';
    ruleKind?: string;
  },
): Promise<string[]> {
  if (input.periods.length === 0) return [];
  const periods = sql.join(
    input.periods.map((p) => sql`(${p.ruleId}::uuid, ${p.start}::date, ${p.end}::date)`),
    sql`, `,
  );
  const result = await db.execute(sql`
    with p(rule_id, p_start, p_end) as (values ${periods}),
    due as (
      select distinct c.id as child_id, c.county_id, r.kind, p.p_start, p.p_end
      from p join care_rule r on r.id = p.rule_id
      join child c on c.school_id = r.school_id and ${scopeFilter(input.scope)}
      where p.p_end < ${input.endedBefore}::date and (${input.ruleKind ?? null}::text is null or r.kind = ${input.ruleKind ?? null})
        and (cardinality(r.care_levels) = 0 or c.care_level = any(r.care_levels))
        and (cardinality(r.categories) = 0 or exists (
          select 1 from child_category cc where cc.child_id = c.id and cc.category = any(r.categories)
            and cc.start_date <= p.p_end and (cc.end_date is null or cc.end_date > p.p_end)))
    ),
    marked as (
      select child_id, (${dutyDoneCondition('due')}) as done
      from due
    )
    select child_id as id from marked group by child_id
    having ${input.part === 'missing' ? sql`bool_or(not done)` : sql`bool_and(done)`}
  `);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}
