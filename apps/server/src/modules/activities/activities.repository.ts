import { type ActivityType, leftBehindCategories, type ParticipantRole } from '@shouwang/shared';
import { and, asc, count, desc, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { attachment } from '../attachments/attachments.table';
import { child, childCategory } from '../children/children.table';
import { escapeLike } from '../orgs/orgs.repository';
import { org } from '../orgs/orgs.table';
import { activity, activityParticipation } from './activities.table';

export type ActivityRow = typeof activity.$inferSelect;
export type ActivityInsert = typeof activity.$inferInsert;
export const PHOTO_OWNER = 'activity_photo';

const live = isNull(activity.deletedAt);

const withOrg = { activity, org: { id: org.id, name: org.name, kind: org.kind } };

export async function findActivity(db: Db, id: string) {
  const [row] = await db
    .select(withOrg)
    .from(activity)
    .innerJoin(org, eq(org.id, activity.orgId))
    .where(and(eq(activity.id, id), live))
    .limit(1);
  return row;
}
export type ActivityWithOrg = NonNullable<Awaited<ReturnType<typeof findActivity>>>;

/** Which activities a caller sees: those of units in their subtrees, and those of the units above them. */
export interface ActivityScope {
  prefixes: string[];
  ancestorPaths: string[];
  countyIds: string[];
}

export interface ActivityFilters {
  type?: ActivityType;
  orgId?: string;
  childId?: string;
  from?: string;
  to?: string;
}

export async function listActivities(
  db: Db,
  scope: ActivityScope,
  f: ActivityFilters,
  page: { page: number; pageSize: number },
) {
  const visible: SQL[] = scope.prefixes.map((p) => like(activity.orgPath, `${escapeLike(p)}%`));
  if (scope.ancestorPaths.length > 0) visible.push(inArray(activity.orgPath, scope.ancestorPaths));
  if (visible.length === 0 || scope.countyIds.length === 0) return { rows: [], total: 0 };
  const conditions: SQL[] = [live, inArray(activity.countyId, scope.countyIds), or(...visible)!];
  if (f.type) conditions.push(eq(activity.type, f.type));
  if (f.orgId) conditions.push(eq(activity.orgId, f.orgId));
  if (f.from) conditions.push(sql`${activity.occurredOn} >= ${f.from}`);
  if (f.to) conditions.push(sql`${activity.occurredOn} <= ${f.to}`);
  if (f.childId)
    conditions.push(
      sql`exists (select 1 from ${activityParticipation} ap where ap.activity_id = ${activity.id} and ap.child_id = ${f.childId})`,
    );
  const where = and(...conditions);
  const rows = await db
    .select(withOrg)
    .from(activity)
    .innerJoin(org, eq(org.id, activity.orgId))
    .where(where)
    .orderBy(desc(activity.occurredOn), desc(activity.createdAt))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await db.select({ n: count() }).from(activity).where(where);
  return { rows, total: total!.n };
}

export async function insertActivity(db: Db, values: ActivityInsert): Promise<ActivityRow> {
  const [row] = await db.insert(activity).values(values).returning();
  return row!;
}

export async function updateActivity(db: Db, id: string, expectedVersion: number, values: Partial<ActivityInsert>) {
  const [row] = await db
    .update(activity)
    .set({ ...values, updatedAt: new Date(), version: sql`${activity.version} + 1` })
    .where(and(eq(activity.id, id), eq(activity.version, expectedVersion), live))
    .returning();
  return row;
}

export async function softDeleteActivity(db: Db, id: string, expectedVersion: number, userId: string) {
  const [row] = await db
    .update(activity)
    .set({ deletedAt: new Date(), deletedBy: userId, updatedAt: new Date(), version: sql`${activity.version} + 1` })
    .where(and(eq(activity.id, id), eq(activity.version, expectedVersion), live))
    .returning();
  return row;
}

/** Bumps the version when something hanging off the activity (a photo) changes. */
export async function touchActivity(db: Db, id: string) {
  await db
    .update(activity)
    .set({ updatedAt: new Date(), version: sql`${activity.version} + 1` })
    .where(eq(activity.id, id));
}

export interface ParticipantDraft {
  childId: string;
  schoolId: string | null;
  role: ParticipantRole;
  award: string | null;
}

/** Replaces the participant list of an activity (one statement each way). */
export async function replaceParticipants(
  db: Db,
  target: { id: string; countyId: string },
  participants: ParticipantDraft[],
) {
  await db.delete(activityParticipation).where(eq(activityParticipation.activityId, target.id));
  if (participants.length === 0) return;
  await db
    .insert(activityParticipation)
    .values(participants.map((p) => ({ ...p, activityId: target.id, countyId: target.countyId })));
}

/** Whether the child is in a left-behind category today (or on `on`). */
const leftBehindOn = (on: SQL) =>
  sql<boolean>`exists (select 1 from ${childCategory} cc where cc.child_id = ${child.id}
    and cc.category in ${leftBehindCategories} and cc.start_date <= ${on}
    and (cc.end_date is null or cc.end_date >= ${on}))`;

/** Participants of the activities, with name and left-behind flag on the activity's date. */
export async function participantsOf(db: Db, activityIds: string[]) {
  if (activityIds.length === 0) return [];
  return db
    .select({
      activityId: activityParticipation.activityId,
      childId: activityParticipation.childId,
      role: activityParticipation.role,
      award: activityParticipation.award,
      name: child.name,
      leftBehind: leftBehindOn(sql`${activity.occurredOn}`),
      schoolPath: child.schoolPath,
      villagePath: child.villagePath,
    })
    .from(activityParticipation)
    .innerJoin(activity, eq(activity.id, activityParticipation.activityId))
    .innerJoin(
      child,
      and(eq(child.id, activityParticipation.childId), eq(child.countyId, activityParticipation.countyId)),
    )
    .where(inArray(activityParticipation.activityId, activityIds))
    .orderBy(asc(sql`${child.namePinyin} collate "C"`));
}

export async function photosOf(db: Db, activityIds: string[]) {
  if (activityIds.length === 0) return [];
  return db
    .select({
      id: attachment.id,
      ownerId: attachment.ownerId,
      fileName: attachment.fileName,
      version: attachment.version,
    })
    .from(attachment)
    .where(
      and(
        eq(attachment.ownerType, PHOTO_OWNER),
        inArray(attachment.ownerId, activityIds),
        isNull(attachment.deletedAt),
      ),
    )
    .orderBy(asc(attachment.createdAt));
}

/** A child's activities, newest first (the child page's tab). */
export async function activitiesOfChild(db: Db, target: { id: string; countyId: string }) {
  return db
    .select({
      id: activity.id,
      title: activity.title,
      type: activity.type,
      occurredOn: activity.occurredOn,
      role: activityParticipation.role,
      award: activityParticipation.award,
    })
    .from(activityParticipation)
    .innerJoin(activity, eq(activity.id, activityParticipation.activityId))
    .where(and(eq(activityParticipation.countyId, target.countyId), eq(activityParticipation.childId, target.id), live))
    .orderBy(desc(activity.occurredOn));
}

/** Placement of the children with these ids (live ones only). */
export async function childrenByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: child.id,
      name: child.name,
      countyId: child.countyId,
      schoolId: child.schoolId,
      schoolPath: child.schoolPath,
      villagePath: child.villagePath,
    })
    .from(child)
    .where(and(inArray(child.id, ids), isNull(child.deletedAt)));
}
