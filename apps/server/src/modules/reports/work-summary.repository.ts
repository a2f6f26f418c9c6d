import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { workSummary } from './work-summary.table';

export type WorkSummaryRow = typeof workSummary.$inferSelect;

const live = isNull(workSummary.deletedAt);

export async function findSummary(
  db: Db,
  orgId: string,
  term: { schoolYear: string; termNo: number },
): Promise<WorkSummaryRow | undefined> {
  const [row] = await db
    .select()
    .from(workSummary)
    .where(
      and(
        eq(workSummary.orgId, orgId),
        eq(workSummary.schoolYear, term.schoolYear),
        eq(workSummary.termNo, term.termNo),
        live,
      ),
    )
    .limit(1);
  return row;
}

export async function findSummaryById(db: Db, id: string): Promise<WorkSummaryRow | undefined> {
  const [row] = await db
    .select()
    .from(workSummary)
    .where(and(eq(workSummary.id, id), live))
    .limit(1);
  return row;
}

export async function insertSummary(db: Db, values: typeof workSummary.$inferInsert): Promise<WorkSummaryRow> {
  const [row] = await db.insert(workSummary).values(values).returning();
  return row!;
}

/** Updates when the version matches; undefined when someone else wrote first. */
export async function updateSummary(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<Pick<WorkSummaryRow, 'title' | 'paragraphs' | 'generatedAt' | 'updatedBy'>>,
): Promise<WorkSummaryRow | undefined> {
  const [row] = await db
    .update(workSummary)
    .set({ ...changes, updatedAt: new Date(), version: sql`${workSummary.version} + 1` })
    .where(and(eq(workSummary.id, id), eq(workSummary.version, expectedVersion), live))
    .returning();
  return row;
}
