import { leftBehindCategories, parentContactKinds } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { dutyDoneCondition } from './duty-sources';

export interface PeriodRow {
  ruleId: string;
  start: string;
  end: string;
}

export interface TallyRow {
  ruleId: string;
  ended: boolean;
  due: number;
  done: number;
}

/**
 * 完成率 in one statement: for each (rule, period) handed in and each live child of the school, whether
 * the rule applies on the period's due date — the same test as the engine's `ruleAppliesOn`: care
 * level, a category period holding that day, at school that day by the enrollment history, parents not
 * yet home for parent-contact kinds — and whether a record of the rule's kind lies in the period
 * (one probe of care_record_schedule_idx, or of the rule kind's own table: duty-sources.ts). Counted per rule, split into ended and running periods.
 */
export async function complianceTallies(
  db: Db,
  input: { countyId: string; schoolId: string; asOf: string; periods: PeriodRow[] },
): Promise<TallyRow[]> {
  if (input.periods.length === 0) return [];
  const periods = sql.join(
    input.periods.map((p) => sql`(${p.ruleId}::uuid, ${p.start}::date, ${p.end}::date)`),
    sql`, `,
  );
  const result = await db.execute<Record<string, unknown>>(sql`
    with p(rule_id, p_start, p_end) as (values ${periods}),
    kids as materialized (
      select c.id, c.county_id, c.care_level,
        (select case when bool_or(cc.end_date is null) then null else max(cc.end_date) end
           from child_category cc where cc.child_id = c.id and cc.category in ${leftBehindCategories}) as returned_on
      from child c
      where c.county_id = ${input.countyId} and c.school_id = ${input.schoolId} and c.deleted_at is null
    ),
    due as (
      select p.rule_id, p.p_start, p.p_end, p.p_end < ${input.asOf}::date as ended, r.kind, k.id as child_id,
        k.county_id
      from p
      join care_rule r on r.id = p.rule_id
      cross join kids k
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
    select rule_id as "ruleId", ended, count(*)::int as due,
      (count(*) filter (where ${dutyDoneCondition('due')}))::int as done
    from due
    group by rule_id, ended
  `);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as TallyRow[];
  // Drivers differ in how they hand back booleans and counts; normalize.
  return rows.map((r) => ({
    ruleId: r.ruleId,
    ended: r.ended === true || String(r.ended) === 't',
    due: Number(r.due),
    done: Number(r.done),
  }));
}
