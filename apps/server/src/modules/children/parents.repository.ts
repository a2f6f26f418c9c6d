import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { parent } from './parents.table';

export type ParentRow = typeof parent.$inferSelect;
export type ParentInsert = typeof parent.$inferInsert;

const relationOrder = sql`case ${parent.relation} when 'father' then 0 when 'mother' then 1 else 2 end`;

export async function listParents(db: Db, childId: string): Promise<ParentRow[]> {
  return db
    .select()
    .from(parent)
    .where(and(eq(parent.childId, childId), isNull(parent.deletedAt)))
    .orderBy(relationOrder, asc(parent.createdAt));
}

export async function findParent(db: Db, childId: string, id: string): Promise<ParentRow | undefined> {
  const [row] = await db
    .select()
    .from(parent)
    .where(and(eq(parent.id, id), eq(parent.childId, childId), isNull(parent.deletedAt)))
    .limit(1);
  return row;
}

export async function insertParent(db: Db, values: ParentInsert): Promise<ParentRow> {
  const [row] = await db.insert(parent).values(values).returning();
  return row!;
}

export async function updateParent(db: Db, id: string, expectedVersion: number, changes: Partial<ParentInsert>) {
  const [row] = await db
    .update(parent)
    .set({ ...changes, updatedAt: new Date(), version: sql`${parent.version} + 1` })
    .where(and(eq(parent.id, id), eq(parent.version, expectedVersion), isNull(parent.deletedAt)))
    .returning();
  return row;
}

export async function softDeleteParent(db: Db, id: string, expectedVersion: number) {
  const [row] = await db
    .update(parent)
    .set({ deletedAt: new Date(), updatedAt: new Date(), version: sql`${parent.version} + 1` })
    .where(and(eq(parent.id, id), eq(parent.version, expectedVersion), isNull(parent.deletedAt)))
    .returning();
  return row;
}
