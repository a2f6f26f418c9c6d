import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { childCategory, childEnrollment } from './children.table';

export type ChildCategoryRow = typeof childCategory.$inferSelect;
export type ChildEnrollmentRow = typeof childEnrollment.$inferSelect;

/** Category periods of one child, newest first. */
export async function listCategories(db: Db, childId: string): Promise<ChildCategoryRow[]> {
  return db
    .select()
    .from(childCategory)
    .where(eq(childCategory.childId, childId))
    .orderBy(desc(childCategory.startDate), asc(childCategory.category));
}

/** The categories in force of many children at once (for a list page). */
export async function activeCategoriesOf(db: Db, childIds: string[]): Promise<Map<string, ChildCategoryRow[]>> {
  const map = new Map<string, ChildCategoryRow[]>();
  if (childIds.length === 0) return map;
  const rows = await db
    .select()
    .from(childCategory)
    .where(and(inArray(childCategory.childId, childIds), isNull(childCategory.endDate)))
    .orderBy(asc(childCategory.category));
  for (const row of rows) map.set(row.childId, [...(map.get(row.childId) ?? []), row]);
  return map;
}

export async function findCategory(db: Db, childId: string, id: string) {
  const [row] = await db
    .select()
    .from(childCategory)
    .where(and(eq(childCategory.id, id), eq(childCategory.childId, childId)))
    .limit(1);
  return row;
}

export async function insertCategory(db: Db, values: typeof childCategory.$inferInsert) {
  const [row] = await db.insert(childCategory).values(values).returning();
  return row!;
}

/** Closes an open period; undefined when it was closed already. */
export async function endCategory(db: Db, id: string, endDate: string, note: string | null | undefined) {
  const [row] = await db
    .update(childCategory)
    .set(note === undefined ? { endDate } : { endDate, note })
    .where(and(eq(childCategory.id, id), isNull(childCategory.endDate)))
    .returning();
  return row;
}

/** Enrollment history of one child, newest first. */
export async function listEnrollments(db: Db, childId: string): Promise<ChildEnrollmentRow[]> {
  return db
    .select()
    .from(childEnrollment)
    .where(eq(childEnrollment.childId, childId))
    .orderBy(desc(childEnrollment.date), desc(childEnrollment.createdAt));
}

export async function insertEnrollment(db: Db, values: typeof childEnrollment.$inferInsert) {
  const [row] = await db.insert(childEnrollment).values(values).returning();
  return row!;
}
