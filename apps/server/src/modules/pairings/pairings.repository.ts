import { coveragePairingKinds, type PairingFact, type PairingKind, pairingKinds } from '@shouwang/shared';
import { and, asc, count, desc, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { ChildScope } from '../children/children.policy';
import { child } from '../children/children.table';
import { escapeLike } from '../orgs/orgs.repository';
import { org } from '../orgs/orgs.table';
import { appUser, roleAssignment } from '../users/users.table';
import { pairing } from './pairings.table';

export type PairingRow = typeof pairing.$inferSelect;
export type PairingInsert = typeof pairing.$inferInsert;

const live = isNull(pairing.deletedAt);

/** Holds on `date`: started, and not yet at its end date (the first day it no longer holds). */
export const activeOn = (date: string) =>
  and(sql`${pairing.startDate} <= ${date}`, sql`(${pairing.endDate} is null or ${pairing.endDate} > ${date})`)!;

/** Overlaps the period [start, end), an open end reaching forever. */
const overlaps = (start: string, end: string | null) =>
  and(
    sql`${pairing.startDate} < coalesce(${end}::date, 'infinity'::date)`,
    sql`coalesce(${pairing.endDate}, 'infinity'::date) > ${start}::date`,
  )!;

const withChild = {
  pairing,
  child: {
    name: child.name,
    classId: child.classId,
    schoolId: child.schoolId,
    schoolPath: child.schoolPath,
    villagePath: child.villagePath,
  },
  helperName: appUser.displayName,
};

export async function findPairing(db: Db, id: string) {
  const [row] = await db
    .select(withChild)
    .from(pairing)
    .innerJoin(child, eq(child.id, pairing.childId))
    .leftJoin(appUser, eq(appUser.id, pairing.helperUserId))
    .where(and(eq(pairing.id, id), live))
    .limit(1);
  return row;
}

export interface PairingListFilters {
  schoolId?: string;
  childId?: string;
  helperUserId?: string;
  kind?: PairingKind;
  status: 'active' | 'planned' | 'ended' | 'all';
  mine: boolean;
}

/** Pairings of children in scope, or where the caller is the helper. */
export async function listPairings(
  db: Db,
  scope: ChildScope & { userId: string },
  f: PairingListFilters,
  page: { page: number; pageSize: number },
  today: string,
) {
  const visible: SQL[] = [eq(pairing.helperUserId, scope.userId)];
  const byOrg = scope.prefixes.flatMap((p) => [
    like(child.schoolPath, `${escapeLike(p)}%`),
    like(child.villagePath, `${escapeLike(p)}%`),
  ]);
  if (byOrg.length > 0) visible.push(and(inArray(child.countyId, scope.countyIds), or(...byOrg))!);
  if (scope.pairedIds.length > 0) visible.push(inArray(pairing.childId, scope.pairedIds));
  const conditions: SQL[] = [live, or(...visible)!];
  if (f.mine) conditions.push(eq(pairing.helperUserId, scope.userId));
  if (f.schoolId) conditions.push(eq(pairing.schoolId, f.schoolId));
  if (f.childId) conditions.push(eq(pairing.childId, f.childId));
  if (f.helperUserId) conditions.push(eq(pairing.helperUserId, f.helperUserId));
  if (f.kind) conditions.push(eq(pairing.kind, f.kind));
  if (f.status === 'active') conditions.push(activeOn(today));
  if (f.status === 'planned') conditions.push(sql`${pairing.startDate} > ${today}`);
  if (f.status === 'ended') conditions.push(sql`${pairing.endDate} <= ${today}`);
  const where = and(...conditions);
  const rows = await db
    .select(withChild)
    .from(pairing)
    .innerJoin(child, eq(child.id, pairing.childId))
    .leftJoin(appUser, eq(appUser.id, pairing.helperUserId))
    .where(where)
    .orderBy(desc(pairing.startDate), asc(child.namePinyin), asc(pairing.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await db
    .select({ n: count() })
    .from(pairing)
    .innerJoin(child, eq(child.id, pairing.childId))
    .where(where);
  return { rows, total: total!.n };
}

export async function insertPairing(db: Db, values: PairingInsert): Promise<PairingRow> {
  const [row] = await db.insert(pairing).values(values).returning();
  return row!;
}

/** Ends an open (or later-ending) pairing when the version matches. */
export async function endPairing(
  db: Db,
  id: string,
  expectedVersion: number,
  values: { endDate: string; endedBy: string; note?: string | null },
): Promise<PairingRow | undefined> {
  const [row] = await db
    .update(pairing)
    .set({ ...values, updatedAt: new Date(), version: sql`${pairing.version} + 1` })
    .where(and(eq(pairing.id, id), eq(pairing.version, expectedVersion), live))
    .returning();
  return row;
}

/**
 * Serializes assignments to one helper (or one buddy) until the transaction ends, so two requests
 * cannot both see room for one more child. A no-op cost on PGlite, which runs one transaction at a time.
 */
export async function lockHelper(db: Db, key: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

export type HelperRef = { helperUserId: string } | { buddyClassId: string; buddyName: string };

const helperIs = (helper: HelperRef) =>
  'helperUserId' in helper
    ? eq(pairing.helperUserId, helper.helperUserId)
    : and(eq(pairing.buddyClassId, helper.buddyClassId), eq(pairing.buddyName, helper.buddyName))!;

/** The helper's pairings of a kind overlapping [start, end): their load against the capacity. */
export async function countOverlapping(
  db: Db,
  helper: HelperRef,
  kind: PairingKind,
  start: string,
  end: string | null,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(pairing)
    .where(and(live, helperIs(helper), eq(pairing.kind, kind), overlaps(start, end)));
  return row!.n;
}

/** Whether the child already has this helper, for this kind, at some time in [start, end). */
export async function hasOverlappingPair(
  db: Db,
  childId: string,
  helper: HelperRef,
  kind: PairingKind,
  start: string,
  end: string | null,
) {
  const [row] = await db
    .select({ n: count() })
    .from(pairing)
    .where(and(live, eq(pairing.childId, childId), helperIs(helper), eq(pairing.kind, kind), overlaps(start, end)));
  return row!.n > 0;
}

/** The children a user helps today (what a mentor may see and write for). */
export async function activePairedChildIds(db: Db, userId: string, today: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ childId: pairing.childId })
    .from(pairing)
    .where(and(live, eq(pairing.helperUserId, userId), activeOn(today)));
  return rows.map((r) => r.childId);
}

/** Today's load of each helper, per kind. */
export async function loadOf(db: Db, userIds: string[], today: string) {
  const load = new Map<string, Record<PairingKind, number>>();
  for (const id of userIds) load.set(id, Object.fromEntries(pairingKinds.map((k) => [k, 0])) as never);
  if (userIds.length === 0) return load;
  const rows = await db
    .select({ userId: pairing.helperUserId, kind: pairing.kind, n: count() })
    .from(pairing)
    .where(and(live, inArray(pairing.helperUserId, userIds), activeOn(today)))
    .groupBy(pairing.helperUserId, pairing.kind);
  for (const r of rows) load.get(r.userId!)![r.kind] = r.n;
  return load;
}

/** Live children of a school, at school, without an active mentor_teacher or proxy_parent pairing. */
export async function unpairedChildren(db: Db, schoolId: string, today: string) {
  return db
    .select({
      id: child.id,
      name: child.name,
      classId: child.classId,
      villageId: child.villageId,
      careLevel: child.careLevel,
    })
    .from(child)
    .where(
      and(
        eq(child.schoolId, schoolId),
        isNull(child.deletedAt),
        sql`(${child.enrollmentStatus} is null or ${child.enrollmentStatus} = 'enrolled')`,
        sql`not exists (select 1 from ${pairing} p where p.child_id = "child"."id" and p.county_id = "child"."county_id"
          and p.deleted_at is null and p.kind in ${coveragePairingKinds}
          and p.start_date <= ${today} and (p.end_date is null or p.end_date > ${today}))`,
      ),
    )
    .orderBy(asc(sql`${child.namePinyin} collate "C"`), asc(child.id));
}

/** Distinct home villages of a school's live children. */
export async function villagesOfSchool(db: Db, schoolId: string) {
  return db
    .selectDistinct({ id: org.id, name: org.name, path: org.path })
    .from(child)
    .innerJoin(org, eq(org.id, child.villageId))
    .where(and(eq(child.schoolId, schoolId), isNull(child.deletedAt), isNull(org.deletedAt)));
}

/** Live role assignments of active users at units under any of `prefixes`, with the unit. */
export async function assignmentsUnder(db: Db, prefixes: string[]) {
  if (prefixes.length === 0) return [];
  return db
    .select({
      userId: appUser.id,
      displayName: appUser.displayName,
      role: roleAssignment.role,
      orgId: org.id,
      orgName: org.name,
      orgKind: org.kind,
      orgPath: org.path,
      countyId: org.countyId,
    })
    .from(roleAssignment)
    .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
    .innerJoin(org, eq(org.id, roleAssignment.orgId))
    .where(
      and(
        isNull(roleAssignment.deletedAt),
        isNull(appUser.deletedAt),
        eq(appUser.status, 'active'),
        isNull(org.deletedAt),
        eq(org.active, true),
        or(...prefixes.map((p) => like(org.path, `${escapeLike(p)}%`))),
      ),
    )
    .orderBy(asc(appUser.displayName), asc(appUser.id));
}

/** An active user's live role assignments, with their units. */
export async function helperWithAssignments(db: Db, userId: string) {
  const rows = await db
    .select({
      userId: appUser.id,
      displayName: appUser.displayName,
      role: roleAssignment.role,
      orgKind: org.kind,
      orgPath: org.path,
    })
    .from(appUser)
    .leftJoin(roleAssignment, and(eq(roleAssignment.userId, appUser.id), isNull(roleAssignment.deletedAt)))
    .leftJoin(org, and(eq(org.id, roleAssignment.orgId), isNull(org.deletedAt), eq(org.active, true)))
    .where(and(eq(appUser.id, userId), isNull(appUser.deletedAt), eq(appUser.status, 'active')));
  if (rows.length === 0) return undefined;
  return {
    userId: rows[0]!.userId,
    displayName: rows[0]!.displayName,
    assignments: rows
      .filter((r) => r.role && r.orgPath && r.orgKind)
      .map((r) => ({
        role: r.role!,
        orgKind: r.orgKind!,
        orgPath: r.orgPath!,
      })),
  };
}

/** Every pairing of these children, as the schedule engine reads them. */
export async function pairingFactsOf(db: Db, countyIds: string[], childIds: string[]): Promise<PairingFact[]> {
  if (childIds.length === 0) return [];
  return db
    .select({
      childId: pairing.childId,
      kind: pairing.kind,
      helperUserId: pairing.helperUserId,
      startDate: pairing.startDate,
      endDate: pairing.endDate,
    })
    .from(pairing)
    .where(and(live, inArray(pairing.countyId, countyIds), inArray(pairing.childId, childIds)));
}
