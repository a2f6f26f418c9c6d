import type { LetterKind } from '@shouwang/shared';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { child } from '../children/children.table';
import { org } from '../orgs/orgs.table';
import { appUser } from '../users/users.table';
import { letterDelivery, letterTemplate } from './letters.table';

export type LetterTemplateRow = typeof letterTemplate.$inferSelect;
export type LetterTemplateInsert = typeof letterTemplate.$inferInsert;
export type LetterDeliveryRow = typeof letterDelivery.$inferSelect;

const liveTemplate = isNull(letterTemplate.deletedAt);

export async function listTemplates(db: Db, schoolId: string) {
  return db
    .select()
    .from(letterTemplate)
    .where(and(eq(letterTemplate.schoolId, schoolId), liveTemplate))
    .orderBy(
      sql`case ${letterTemplate.kind} when 'term_start' then 0 when 'term_end' then 1 else 2 end`,
      asc(letterTemplate.createdAt),
    );
}

export async function findTemplate(db: Db, id: string) {
  const [row] = await db
    .select()
    .from(letterTemplate)
    .where(and(eq(letterTemplate.id, id), liveTemplate))
    .limit(1);
  return row;
}

/** Inserts the school's term-start/end templates unless they exist (the unique index decides races). */
export async function insertDefaultTemplates(db: Db, values: LetterTemplateInsert[]) {
  return db.insert(letterTemplate).values(values).onConflictDoNothing().returning();
}

export async function insertTemplate(db: Db, values: LetterTemplateInsert) {
  const [row] = await db.insert(letterTemplate).values(values).returning();
  return row!;
}

export async function updateTemplate(db: Db, id: string, version: number, changes: Partial<LetterTemplateInsert>) {
  const [row] = await db
    .update(letterTemplate)
    .set({ ...changes, version: sql`${letterTemplate.version} + 1`, updatedAt: new Date() })
    .where(and(eq(letterTemplate.id, id), eq(letterTemplate.version, version), liveTemplate))
    .returning();
  return row;
}

export async function softDeleteTemplate(db: Db, id: string, version: number) {
  const [row] = await db
    .update(letterTemplate)
    .set({ deletedAt: new Date(), version: sql`${letterTemplate.version} + 1`, updatedAt: new Date() })
    .where(and(eq(letterTemplate.id, id), eq(letterTemplate.version, version), liveTemplate))
    .returning();
  return row;
}

/** The children a letter goes to: those placed in the class, or in any class of the school. */
export async function childrenOfUnit(db: Db, unit: { id: string; kind: 'class' | 'school' }) {
  return db
    .select({
      id: child.id,
      name: child.name,
      countyId: child.countyId,
      schoolId: child.schoolId,
      classId: child.classId,
      villageId: child.villageId,
      schoolPath: child.schoolPath,
      villagePath: child.villagePath,
      className: org.name,
    })
    .from(child)
    .leftJoin(org, eq(org.id, child.classId))
    .where(and(eq(unit.kind === 'class' ? child.classId : child.schoolId, unit.id), isNull(child.deletedAt)))
    .orderBy(asc(org.name), sql`${child.namePinyin} collate "C"`, asc(child.id));
}
export type LetterChild = Awaited<ReturnType<typeof childrenOfUnit>>[number];

export async function childrenByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: child.id,
      name: child.name,
      countyId: child.countyId,
      schoolId: child.schoolId,
      classId: child.classId,
      villageId: child.villageId,
      schoolPath: child.schoolPath,
      villagePath: child.villagePath,
    })
    .from(child)
    .where(and(inArray(child.id, ids), isNull(child.deletedAt)));
}

const liveDelivery = isNull(letterDelivery.deletedAt);

/** The live deliveries of one term's letter of a kind, for these children, with the sender's name. */
export async function deliveriesOf(db: Db, countyId: string, childIds: string[], termId: string, kind: LetterKind) {
  if (childIds.length === 0) return [];
  return db
    .select({ delivery: letterDelivery, sentByName: appUser.displayName })
    .from(letterDelivery)
    .innerJoin(appUser, eq(appUser.id, letterDelivery.sentBy))
    .where(
      and(
        eq(letterDelivery.countyId, countyId),
        inArray(letterDelivery.childId, childIds),
        eq(letterDelivery.termId, termId),
        eq(letterDelivery.letterKind, kind),
        liveDelivery,
      ),
    );
}

export async function insertDeliveries(db: Db, values: (typeof letterDelivery.$inferInsert)[]) {
  return db.insert(letterDelivery).values(values).returning();
}

export async function findDelivery(db: Db, id: string) {
  const [row] = await db
    .select()
    .from(letterDelivery)
    .where(and(eq(letterDelivery.id, id), liveDelivery))
    .limit(1);
  return row;
}

export async function softDeleteDelivery(db: Db, id: string, version: number, by: string) {
  const [row] = await db
    .update(letterDelivery)
    .set({ deletedAt: new Date(), deletedBy: by, version: sql`${letterDelivery.version} + 1`, updatedAt: new Date() })
    .where(and(eq(letterDelivery.id, id), eq(letterDelivery.version, version), liveDelivery))
    .returning();
  return row;
}
