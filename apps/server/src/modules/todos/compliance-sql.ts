import { createHash } from 'node:crypto';
import { leftBehindCategories, parentContactKinds } from '@shouwang/shared';
import { type SQL, sql } from 'drizzle-orm';

/** A care rule's period: the rule owes one record of its kind between `start` and `end`. */
export interface RulePeriod {
  ruleId: string;
  start: string;
  end: string;
}

const arrayLiteral = (values: readonly string[]) => `{${values.join(',')}}`;

/**
 * The periods as a relation `p(rule_id, p_start, p_end)`, however many periods a county has (one bind
 * parameter per value would run into PostgreSQL's 65,535): rules sharing a schedule (a county's
 * thousand rules have a handful) are sent once with the schedule's number, each schedule's periods
 * once, and the relation is their join — a county's 4,800 periods travel as ≈1,000 ids and ≈50 dates.
 */
export function periodsRelation(periods: readonly RulePeriod[]): SQL {
  const { rules, schedules } = periodParts(periods);
  return sql`select r.rule_id, s.p_start, s.p_end from (${rules}) as r join (${schedules}) as s on s.schedule = r.schedule`;
}

/**
 * The two halves of `periodsRelation`: `rules` (rule_id, schedule) and `schedules` (schedule, p_start,
 * p_end). A statement that joins a table of periods (compliance_tally) can join it to `rules` on the
 * rule id first, a hash join the planner estimates well, and to `schedules` then.
 */
export function periodParts(periods: readonly RulePeriod[]): PeriodParts {
  let parts = partsMemo.get(periods);
  if (!parts) {
    parts = buildPeriodParts(periods);
    partsMemo.set(periods, parts);
  }
  return parts;
}

export interface PeriodParts {
  rules: SQL;
  schedules: SQL;
  /** The same periods in the same order give the same fingerprint (another order: another one). */
  fingerprint: string;
}

/** A request asks for the parts of the same periods more than once (marker, then read). */
const partsMemo = new WeakMap<readonly RulePeriod[], PeriodParts>();

function buildPeriodParts(periods: readonly RulePeriod[]): PeriodParts {
  const byRule = new Map<string, string[]>();
  for (const p of periods) {
    const list = byRule.get(p.ruleId);
    if (list) list.push(`${p.start} ${p.end}`);
    else byRule.set(p.ruleId, [`${p.start} ${p.end}`]);
  }
  const schedules = new Map<string, number>();
  const rules: string[] = [];
  const ruleSchedule: number[] = [];
  const at: number[] = [];
  const starts: string[] = [];
  const ends: string[] = [];
  for (const [ruleId, windows] of byRule) {
    const key = windows.join(',');
    let n = schedules.get(key);
    if (n === undefined) {
      n = schedules.size;
      schedules.set(key, n);
      for (const w of windows) {
        const [start, end] = w.split(' ') as [string, string];
        at.push(n);
        starts.push(start);
        ends.push(end);
      }
    }
    rules.push(ruleId);
    ruleSchedule.push(n);
  }
  const ruleList = arrayLiteral(rules);
  const scheduleList = arrayLiteral(ruleSchedule.map(String));
  const fingerprint = createHash('sha1')
    .update(`${ruleList}|${scheduleList}|${at.join(',')}|${starts.join(',')}|${ends.join(',')}`)
    .digest('base64');
  return {
    fingerprint,
    rules: sql`select * from unnest(${ruleList}::uuid[], ${scheduleList}::int[])
      as r(rule_id, schedule)`,
    schedules: sql`select * from unnest(${arrayLiteral(at.map(String))}::int[], ${arrayLiteral(starts)}::date[],
      ${arrayLiteral(ends)}::date[]) as s(schedule, p_start, p_end)`,
  };
}

/**
 * The live children that `childFilter` (over alias `c`) selects, with the day their parents came home
 * (null while any left-behind category is open): the population of the compliance statement.
 */
export function kidsRelation(childFilter: SQL): SQL {
  return sql`select c.id, c.county_id, c.school_id, c.village_id, c.care_level,
      (select case when bool_or(cc.end_date is null) then null else max(cc.end_date) end
         from child_category cc where cc.child_id = c.id and cc.category in ${leftBehindCategories}) as returned_on
    from child c
    where ${childFilter} and c.deleted_at is null and c.school_id is not null`;
}

/**
 * Every (period, child) where the period's rule applies to the child on the period's last day — the
 * engine's `ruleAppliesOn`: care level, a category period holding that day, at school that day by the
 * enrollment history, parents not yet home for parent-contact kinds. Needs the relations `p` (see
 * `periodsRelation`) and `kids` (see `kidsRelation`); a child owes only its own school's rules.
 * Columns: rule_id, school_id, village_id, kind, child_id, county_id, p_start, p_end.
 */
export const dueRelation = sql`
  select p.rule_id, r.school_id, k.village_id, r.kind, k.id as child_id, k.county_id, p.p_start, p.p_end
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
    and (r.kind not in ${parentContactKinds} or k.returned_on is null or k.returned_on > p.p_end)`;

/** Drivers differ in how they hand back booleans. */
export const isTrue = (value: unknown) => value === true || String(value) === 't';
