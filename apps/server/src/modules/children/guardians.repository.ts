import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { guardian, guardianEntrustment } from './guardians.table';

export type GuardianRow = typeof guardian.$inferSelect;
export type GuardianInsert = typeof guardian.$inferInsert;
export type EntrustmentRow = typeof guardianEntrustment.$inferSelect;

export async function listGuardians(db: Db, childId: string): Promise<GuardianRow[]> {
  return db
    .select()
    .from(guardian)
    .where(and(eq(guardian.childId, childId), isNull(guardian.deletedAt)))
    .orderBy(desc(guardian.isPrimary), asc(guardian.createdAt));
}

export async function findGuardian(db: Db, childId: string, id: string): Promise<GuardianRow | undefined> {
  const [row] = await db
    .select()
    .from(guardian)
    .where(and(eq(guardian.id, id), eq(guardian.childId, childId), isNull(guardian.deletedAt)))
    .limit(1);
  return row;
}

export async function insertGuardian(db: Db, values: GuardianInsert): Promise<GuardianRow> {
  const [row] = await db.insert(guardian).values(values).returning();
  return row!;
}

export async function updateGuardian(db: Db, id: string, expectedVersion: number, changes: Partial<GuardianInsert>) {
  const [row] = await db
    .update(guardian)
    .set({ ...changes, updatedAt: new Date(), version: sql`${guardian.version} + 1` })
    .where(and(eq(guardian.id, id), eq(guardian.version, expectedVersion), isNull(guardian.deletedAt)))
    .returning();
  return row;
}

/** A child has one primary guardian: making one primary demotes the others. */
export async function clearOtherPrimary(db: Db, childId: string, keepId: string) {
  await db
    .update(guardian)
    .set({ isPrimary: false, updatedAt: new Date(), version: sql`${guardian.version} + 1` })
    .where(
      and(
        eq(guardian.childId, childId),
        ne(guardian.id, keepId),
        eq(guardian.isPrimary, true),
        isNull(guardian.deletedAt),
      ),
    );
}

export async function softDeleteGuardian(db: Db, id: string, expectedVersion: number) {
  const [row] = await db
    .update(guardian)
    .set({ deletedAt: new Date(), isPrimary: false, updatedAt: new Date(), version: sql`${guardian.version} + 1` })
    .where(and(eq(guardian.id, id), eq(guardian.version, expectedVersion), isNull(guardian.deletedAt)))
    .returning();
  return row;
}

export async function insertEntrustment(db: Db, values: typeof guardianEntrustment.$inferInsert) {
  const [row] = await db.insert(guardianEntrustment).values(values).returning();
  return row!;
}

/** Mirrors the confirmation in force on the guardian row (no version bump: it is history, not an edit). */
export async function setCurrentEntrustment(db: Db, guardianId: string, row: EntrustmentRow) {
  await db
    .update(guardian)
    .set({
      entrustmentId: row.id,
      entrustmentSignedOn: row.signedOn,
      entrustmentValidUntil: row.validUntil,
      entrustmentAttachmentId: row.attachmentId,
    })
    .where(eq(guardian.id, guardianId));
}

/** Signings of many guardians, newest first per guardian. */
export async function entrustmentsOf(db: Db, guardianIds: string[]): Promise<Map<string, EntrustmentRow[]>> {
  const map = new Map<string, EntrustmentRow[]>();
  if (guardianIds.length === 0) return map;
  const rows = await db
    .select()
    .from(guardianEntrustment)
    .where(inArray(guardianEntrustment.guardianId, guardianIds))
    .orderBy(desc(guardianEntrustment.signedOn), desc(guardianEntrustment.createdAt));
  for (const row of rows) map.set(row.guardianId, [...(map.get(row.guardianId) ?? []), row]);
  return map;
}
