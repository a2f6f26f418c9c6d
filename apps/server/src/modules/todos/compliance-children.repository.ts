import { leftBehindCategories, parentContactKinds } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { PeriodRow } from './compliance.repository';

export interface MissedRow {
  ruleId: string;
  childId: string;
  name: string;
  classId: string | null;
  start: string;
  end: string;
}

const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

/**
 * The (rule, child, period) triples that are due and have no matching record, for the ended
 * periods handed in. The `due` test is the one `complianceTallies` counts (care level, a category
 * holding on the period's end, at school by the enrollment history, parents not yet home for
 * parent-contact kinds), so these rows are exactly its `due - done`.
 */
export async function missedDuties(
  db: Db,
  input: { countyId: string; schoolId: string; periods: PeriodRow[] },
): Promise<MissedRow[]> {
  if (input.periods.length === 0) return [];
  const periods = sql.join(
    input.periods.map((p) => sql`(${p.ruleId}::uuid, ${p.start}::date, ${p.end}::date)`),
    sql`, `,
  );
  const result = await db.execute<Record<string, unknown>>(sql`
    with p(rule_id, p_start, p_end) as (values ${periods}),
    kids as materialized (
      select c.id, c.county_id, c.care_level, c.name, c.name_pinyin, c.class_id,
        (select case when bool_or(cc.end_date is null) then null else max(cc.end_date) end
           from child_category cc where cc.child_id = c.id and cc.category in ${leftBehindCategories}) as returned_on
      from child c
      where c.county_id = ${input.countyId} and c.school_id = ${input.schoolId} and c.deleted_at is null
    )
    select p.rule_id as "ruleId", k.id as "childId", k.name, k.class_id as "classId",
      p.p_start as "start", p.p_end as "end"
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
      and not exists (
        select 1 from care_record cr where cr.county_id = k.county_id and cr.child_id = k.id
          and cr.kind = r.kind and cr.occurred_on between p.p_start and p.p_end and cr.deleted_at is null)
    order by k.name_pinyin collate "C", k.id, p.p_start
  `);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  return rows.map((r) => ({
    ruleId: String(r.ruleId),
    childId: String(r.childId),
    name: String(r.name),
    classId: (r.classId as string | null) ?? null,
    start: day(r.start),
    end: day(r.end),
  }));
}
