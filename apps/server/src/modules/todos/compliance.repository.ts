import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../stats/stats.repository';
import { cachedTallies } from './compliance-cache.repository';
import { dueRelation, isTrue, kidsRelation, periodsRelation, type RulePeriod } from './compliance-sql';
import { dutyDoneCondition } from './duty-sources';

export type PeriodRow = RulePeriod;

export interface TallyRow {
  ruleId: string;
  ended: boolean;
  due: number;
  done: number;
}

/**
 * 完成率 of one school computed live, in one statement: for each (rule, period) handed in and each
 * live child of the school, whether the rule applies on the period's due date (`dueRelation`) and
 * whether a record of the rule's kind lies in the period (one probe of care_record_schedule_idx, or
 * of the rule kind's own table: duty-sources.ts). Counted per rule, split into ended and running
 * periods. The pages read the cached figures (`complianceTallies`); this is their reference.
 */
export async function liveComplianceTallies(
  db: Db,
  input: { countyId: string; schoolId: string; asOf: string; periods: PeriodRow[] },
): Promise<TallyRow[]> {
  if (input.periods.length === 0) return [];
  const result = await db.execute(sql`
    with p as (${periodsRelation(input.periods)}),
    kids as materialized (${kidsRelation(sql`c.county_id = ${input.countyId} and c.school_id = ${input.schoolId}`)}),
    due as (${dueRelation})
    select rule_id as "ruleId", p_end < ${input.asOf}::date as ended, count(*)::int as due,
      (count(*) filter (where ${dutyDoneCondition('due')}))::int as done
    from due
    group by rule_id, ended
  `);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    ruleId: String(r.ruleId),
    ended: isTrue(r.ended),
    due: Number(r.due),
    done: Number(r.done),
  }));
}

/** The same figures from the pre-aggregated tallies (compliance-cache.repository.ts). */
export async function complianceTallies(
  db: Db,
  input: { countyId: string; schoolId: string; asOf: string; periods: PeriodRow[] },
): Promise<TallyRow[]> {
  const rows = await cachedTallies(db, {
    countyId: input.countyId,
    periods: input.periods,
    endedBefore: input.asOf,
    by: 'rule',
  });
  return rows.map((r) => ({ ruleId: r.key, ended: r.ended, due: r.due, done: r.done }));
}
