import type { FundPurpose, FundSource } from '@shouwang/shared';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { activity } from '../activities/activities.table';
import { escapeLike } from '../orgs/orgs.repository';
import { fundLedgerEntry } from './aid.table';

export type FundEntryRow = typeof fundLedgerEntry.$inferSelect;
const live = isNull(fundLedgerEntry.deletedAt);

export async function insertEntry(db: Db, values: typeof fundLedgerEntry.$inferInsert) {
  const [row] = await db.insert(fundLedgerEntry).values(values).returning();
  return row!;
}

export async function findEntry(db: Db, id: string) {
  const [row] = await db
    .select()
    .from(fundLedgerEntry)
    .where(and(eq(fundLedgerEntry.id, id), live))
    .limit(1);
  return row;
}

export async function softDeleteEntry(db: Db, id: string, version: number) {
  const [row] = await db
    .update(fundLedgerEntry)
    .set({ deletedAt: new Date(), updatedAt: new Date(), version: sql`${fundLedgerEntry.version} + 1` })
    .where(and(eq(fundLedgerEntry.id, id), eq(fundLedgerEntry.version, version), live))
    .returning();
  return row;
}

export async function entriesBetween(db: Db, schoolId: string, from: string, to: string) {
  return db
    .select({ entry: fundLedgerEntry, activityTitle: activity.title })
    .from(fundLedgerEntry)
    .leftJoin(activity, eq(activity.id, fundLedgerEntry.activityId))
    .where(
      and(eq(fundLedgerEntry.schoolId, schoolId), live, sql`${fundLedgerEntry.occurredOn} between ${from} and ${to}`),
    )
    .orderBy(asc(fundLedgerEntry.occurredOn), asc(fundLedgerEntry.createdAt));
}

const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

/** The balance carried into the term: income minus spending dated before its first day. */
export async function balanceBefore(db: Db, schoolId: string, date: string): Promise<number> {
  const result = await db.execute(sql`
    select coalesce(sum(case when direction = 'income' then amount_fen else -amount_fen end), 0)::bigint as n
    from fund_ledger_entry where school_id = ${schoolId} and deleted_at is null and occurred_on < ${date}::date`);
  return Number(rowsOf<{ n: string | number }>(result)[0]!.n);
}

/** Income by source and spending by purpose of the schools in a unit over a term. */
export async function ledgerSums(
  db: Db,
  scope: { countyId: string; orgPath: string },
  term: { startDate: string; endDate: string },
) {
  const result = await db.execute(sql`
    select f.direction, coalesce(f.source, f.purpose) as category, coalesce(sum(f.amount_fen), 0)::bigint as "amountFen"
    from fund_ledger_entry f join org o on o.id = f.school_id
    where f.deleted_at is null and f.county_id = ${scope.countyId}
      and o.path like ${`${escapeLike(scope.orgPath)}%`}
      and f.occurred_on between ${term.startDate}::date and ${term.endDate}::date
    group by f.direction, coalesce(f.source, f.purpose) order by 1, 2`);
  return rowsOf<{ direction: 'income' | 'expense'; category: FundSource | FundPurpose; amountFen: string | number }>(
    result,
  ).map((r) => ({ ...r, amountFen: Number(r.amountFen) }));
}
