import {
  type CareRecordKind,
  type CareRuleKind,
  type ExternalDutyKind,
  isCareRecordKind,
  type RecordFact,
} from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordFactsOf } from '../care-records/care-records.repository';

/**
 * Where the records live that fulfil a care rule whose kind is not a care record: 体检 in the health
 * checks' table, 致家长的一封信 in the letters' delivery table. A module that keeps such records fills
 * in its line here; a kind whose source is still null cannot be chosen for a rule (the care-rules
 * service refuses it), so no duty is ever owed that nothing could fulfil.
 *
 * The table must have `id`, `county_id`, `child_id`, `deleted_at` and the date column, and should
 * have an index on (county_id, child_id, <date>) where deleted_at is null: the to-do list and the
 * compliance statement probe it once per (child, period). It must also carry the compliance
 * triggers (`compliance_stale_by_record('<date column>')` after insert, update and delete, as in
 * migration 0016), or the pre-aggregated 完成率 would not see its new records.
 */
export interface DutySource {
  /** Table name (a plain identifier). */
  table: string;
  /** The date (type `date`) a record counts on. */
  dateColumn: string;
}

export const dutySources: Record<ExternalDutyKind, DutySource | null> = {
  health_check: { table: 'health_check', dateColumn: 'checked_on' },
  letter: { table: 'letter_delivery', dateColumn: 'sent_on' },
};

/** Whether rules of this kind can be fulfilled (care record kinds always; others once registered). */
export const ruleKindAvailable = (kind: CareRuleKind): boolean => isCareRecordKind(kind) || dutySources[kind] !== null;

/** The registered external sources among `kinds`. */
function externalSources(kinds: readonly CareRuleKind[]): [ExternalDutyKind, DutySource][] {
  return kinds
    .filter((k): k is ExternalDutyKind => !isCareRecordKind(k))
    .flatMap((k) => (dutySources[k] ? [[k, dutySources[k]] as [ExternalDutyKind, DutySource]] : []));
}

/** The facts the schedule engine needs — live records of `kinds` between two dates — from every source. */
export async function dutyRecordFactsOf(
  db: Db,
  countyIds: string[],
  childIds: string[],
  from: string,
  to: string,
  kinds: readonly CareRuleKind[],
): Promise<RecordFact[]> {
  if (childIds.length === 0 || kinds.length === 0) return [];
  const recordKinds = kinds.filter(isCareRecordKind) as CareRecordKind[];
  const facts = recordKinds.length > 0 ? await recordFactsOf(db, countyIds, childIds, from, to, recordKinds) : [];
  for (const [kind, source] of externalSources(kinds)) {
    const table = sql.identifier(source.table);
    const date = sql.identifier(source.dateColumn);
    const result = await db.execute<{ id: string; child_id: string; occurred_on: string }>(sql`
      select id, child_id, to_char(${date}, 'YYYY-MM-DD') as occurred_on from ${table}
      where county_id in ${countyIds} and child_id in ${childIds} and deleted_at is null
        and ${date} between ${from}::date and ${to}::date`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      id: string;
      child_id: string;
      occurred_on: string;
    }[];
    for (const r of rows) facts.push({ id: r.id, childId: r.child_id, kind, occurredOn: r.occurred_on });
  }
  return facts;
}

/**
 * The SQL test "a record of the duty's kind lies in the period" for the compliance statement, over a
 * row source with columns `kind`, `county_id`, `child_id`, `p_start`, `p_end` named by `alias`.
 */
export function dutyDoneCondition(alias: string) {
  const a = sql.raw(alias);
  const branches = [
    sql`exists (
      select 1 from care_record cr where cr.county_id = ${a}.county_id and cr.child_id = ${a}.child_id
        and cr.kind = ${a}.kind and cr.occurred_on between ${a}.p_start and ${a}.p_end
        and cr.deleted_at is null)`,
  ];
  for (const [kind, source] of externalSources(Object.keys(dutySources) as ExternalDutyKind[])) {
    const table = sql.identifier(source.table);
    const date = sql.identifier(source.dateColumn);
    branches.push(sql`(${a}.kind = ${kind} and exists (
      select 1 from ${table} x where x.county_id = ${a}.county_id and x.child_id = ${a}.child_id
        and x.${date} between ${a}.p_start and ${a}.p_end and x.deleted_at is null))`);
  }
  return sql.join(branches, sql` or `);
}

/** Every registered external source: its kind, table and date column as SQL identifiers. */
export const externalDutyTables = () =>
  externalSources(Object.keys(dutySources) as ExternalDutyKind[]).map(([kind, source]) => ({
    kind,
    table: sql.identifier(source.table),
    date: sql.identifier(source.dateColumn),
  }));
