import type { RoomDoing } from '@shouwang/shared';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { child } from '../children/children.table';
import { activityRoomSlot, activityRoomVisit } from './activities.table';

export type RoomSlotRow = typeof activityRoomSlot.$inferSelect;
export type RoomVisitRow = typeof activityRoomVisit.$inferSelect;

export async function listSlots(db: Db, orgId: string) {
  return db
    .select()
    .from(activityRoomSlot)
    .where(and(eq(activityRoomSlot.orgId, orgId), isNull(activityRoomSlot.deletedAt)))
    .orderBy(asc(activityRoomSlot.weekday), asc(activityRoomSlot.startTime));
}

export async function findSlot(db: Db, id: string) {
  const [row] = await db
    .select()
    .from(activityRoomSlot)
    .where(and(eq(activityRoomSlot.id, id), isNull(activityRoomSlot.deletedAt)))
    .limit(1);
  return row;
}

export async function insertSlot(db: Db, values: typeof activityRoomSlot.$inferInsert) {
  const [row] = await db.insert(activityRoomSlot).values(values).returning();
  return row!;
}

export async function softDeleteSlot(db: Db, id: string, version: number) {
  const [row] = await db
    .update(activityRoomSlot)
    .set({ deletedAt: new Date(), updatedAt: new Date(), version: sql`${activityRoomSlot.version} + 1` })
    .where(and(eq(activityRoomSlot.id, id), eq(activityRoomSlot.version, version), isNull(activityRoomSlot.deletedAt)))
    .returning();
  return row;
}

export async function insertVisits(db: Db, rows: (typeof activityRoomVisit.$inferInsert)[]) {
  return db.insert(activityRoomVisit).values(rows).returning({ id: activityRoomVisit.id });
}

const visitColumns = {
  id: activityRoomVisit.id,
  visitedOn: activityRoomVisit.visitedOn,
  doings: activityRoomVisit.doings,
  note: activityRoomVisit.note,
  version: activityRoomVisit.version,
  orgId: activityRoomVisit.orgId,
  countyId: activityRoomVisit.countyId,
  child: { id: child.id, name: child.name },
};

export async function listVisits(db: Db, orgId: string, from: string, to: string) {
  return db
    .select(visitColumns)
    .from(activityRoomVisit)
    .innerJoin(child, eq(child.id, activityRoomVisit.childId))
    .where(
      and(
        eq(activityRoomVisit.orgId, orgId),
        isNull(activityRoomVisit.deletedAt),
        sql`${activityRoomVisit.visitedOn} between ${from} and ${to}`,
      ),
    )
    .orderBy(desc(activityRoomVisit.visitedOn), desc(activityRoomVisit.createdAt));
}

export async function findVisit(db: Db, id: string) {
  const [row] = await db
    .select(visitColumns)
    .from(activityRoomVisit)
    .innerJoin(child, eq(child.id, activityRoomVisit.childId))
    .where(and(eq(activityRoomVisit.id, id), isNull(activityRoomVisit.deletedAt)))
    .limit(1);
  return row;
}

export async function softDeleteVisit(db: Db, id: string, version: number) {
  const [row] = await db
    .update(activityRoomVisit)
    .set({ deletedAt: new Date(), updatedAt: new Date(), version: sql`${activityRoomVisit.version} + 1` })
    .where(
      and(eq(activityRoomVisit.id, id), eq(activityRoomVisit.version, version), isNull(activityRoomVisit.deletedAt)),
    )
    .returning();
  return row;
}

/** How many times a child visited the room (the child page's tab). */
export async function countVisitsOfChild(db: Db, target: { id: string; countyId: string }) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(activityRoomVisit)
    .where(
      and(
        eq(activityRoomVisit.countyId, target.countyId),
        eq(activityRoomVisit.childId, target.id),
        isNull(activityRoomVisit.deletedAt),
      ),
    );
  return row?.n ?? 0;
}

export type VisitDoings = RoomDoing[];
