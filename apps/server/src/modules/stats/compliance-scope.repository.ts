import { type CareFrequency, leftBehindCategories, parentContactKinds } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
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
  const prefix = `${scope.path.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  // A class's rules are its school's: the path without the class's own id.
  const schoolPath = scope.kind === 'class' ? `${scope.path.split('/').slice(0, -2).join('/')}/` : scope.path;
  const schoolFilter =
    scope.kind === 'school' || scope.kind === 'class' ? sql`o.path = ${schoolPath}` : sql`o.path like ${prefix}`;
  const result = await db.execute(sql`
    select r.id, r.school_id as "schoolId", r.kind, r.frequency, r.window_days as "windowDays" from care_rule r join org o on o.id = r.school_id
    where r.county_id = ${scope.countyId} and r.deleted_at is null and r.active and o.kind = 'school'
      and ${schoolFilter}`);
  return rowsOf<ScopeRule>(result).map((r) => ({ ...r, windowDays: Number(r.windowDays) }));
}

/**
 * 完成率 of a whole scope, per rule kind and month, in one statement: the school statement of
 * modules/todos/compliance.repository widened from one school to the children of a scope, each child
 * joined to the periods of its own school's rules. Applicability is the engine's (care level, category
 * on the due date, at school by the enrollment history, parents not yet home for contact kinds).
 */
export async function scopeComplianceTallies(
  db: Db,
  input: { scope: StatsScope; endedBefore: string; periods: ScopePeriod[] },
): Promise<ScopeComplianceRow[]> {
  if (input.periods.length === 0) return [];
  const periods = sql.join(
    input.periods.map((p) => sql`(${p.ruleId}::uuid, ${p.start}::date, ${p.end}::date)`),
    sql`, `,
  );
  const result = await db.execute(sql`
    with p(rule_id, p_start, p_end) as (values ${periods}),
    kids as materialized (
      select c.id, c.county_id, c.school_id, c.care_level,
        (select case when bool_or(cc.end_date is null) then null else max(cc.end_date) end
           from child_category cc where cc.child_id = c.id and cc.category in ${leftBehindCategories}) as returned_on
      from child c
      where ${scopeFilter(input.scope)} and c.school_id is not null
    ),
    due as (
      select p.p_start, p.p_end, p.p_end < ${input.endedBefore}::date as ended, r.kind, k.id as child_id, k.county_id
      from p
      join care_rule r on r.id = p.rule_id
      join kids k on k.school_id = r.school_id
      where (cardinality(r.care_levels) = 0 or k.care_level = any(r.care_levels))
        and (cardinality(r.categories) = 0 or exists (
          select 1 from child_category cc where cc.child_id = k.id and cc.category = any(r.categories)
            and cc.start_date <= p.p_end and (cc.end_date is null or cc.end_date > p.p_end)))
        and coalesce(
          (select e.status = 'enrolled' from child_enrollment e where e.child_id = k.id and e.date <= p.p_end
             order by e.date desc, e.created_at desc limit 1),
          (select e.status <> 'enrolled' from child_enrollment e where e.child_id = k.id
             order by e.date, e.created_at limit 1),
          true)
        and (r.kind not in ${parentContactKinds} or k.returned_on is null or k.returned_on > p.p_end)
    )
    select kind, to_char(p_start, 'YYYY-MM') as month, ended, count(*)::int as due,
      (count(*) filter (where ${dutyDoneCondition('due')}))::int as done
    from due
    group by kind, to_char(p_start, 'YYYY-MM'), ended
  `);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    kind: String(r.kind),
    month: String(r.month),
    ended: r.ended === true || String(r.ended) === 't',
    due: Number(r.due),
    done: Number(r.done),
  }));
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
