import { and, count, desc, eq, isNull, like, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { child } from '../children/children.table';
import { escapeLike } from '../orgs/orgs.repository';
import { appUser, roleAssignment } from '../users/users.table';
import { childRiskLevel, counselingSession } from './counseling.table';

export type CounselingSessionRow = typeof counselingSession.$inferSelect;
export type CounselingSessionInsert = typeof counselingSession.$inferInsert;

const live = isNull(counselingSession.deletedAt);
const childOfSession = and(eq(child.id, counselingSession.childId), eq(child.countyId, counselingSession.countyId));

const withChild = {
  session: counselingSession,
  child: {
    id: child.id,
    name: child.name,
    countyId: child.countyId,
    schoolId: child.schoolId,
    classId: child.classId,
    villageId: child.villageId,
    schoolPath: child.schoolPath,
    villagePath: child.villagePath,
  },
  counselorName: appUser.displayName,
};

const selectWithChild = (db: Db) =>
  db
    .select(withChild)
    .from(counselingSession)
    .innerJoin(child, childOfSession)
    .innerJoin(appUser, eq(appUser.id, counselingSession.counselorId));

export type SessionWithChild = NonNullable<Awaited<ReturnType<typeof findSession>>>;

export async function findSession(db: Db, id: string) {
  const [row] = await selectWithChild(db)
    .where(and(eq(counselingSession.id, id), live, isNull(child.deletedAt)))
    .limit(1);
  return row;
}

/** Sessions of children whose school path lies under one of `prefixes`, newest first. */
export async function listSessions(
  db: Db,
  prefixes: string[],
  filters: { childId?: string },
  page: { page: number; pageSize: number },
) {
  if (prefixes.length === 0) return { rows: [], total: 0 };
  const conditions: SQL[] = [
    live,
    isNull(child.deletedAt),
    or(...prefixes.map((p) => like(child.schoolPath, `${escapeLike(p)}%`)))!,
  ];
  if (filters.childId) conditions.push(eq(counselingSession.childId, filters.childId));
  const where = and(...conditions);
  const rows = await selectWithChild(db)
    .where(where)
    .orderBy(desc(counselingSession.sessionOn), desc(counselingSession.createdAt))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await db.select({ n: count() }).from(counselingSession).innerJoin(child, childOfSession).where(where);
  return { rows, total: total!.n };
}

export async function insertSession(db: Db, values: CounselingSessionInsert) {
  const [row] = await db.insert(counselingSession).values(values).returning();
  return row!;
}

export async function updateSession(db: Db, id: string, version: number, changes: Partial<CounselingSessionInsert>) {
  const [row] = await db
    .update(counselingSession)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(counselingSession.id, id), eq(counselingSession.version, version), live))
    .returning();
  return row;
}

export async function softDeleteSession(db: Db, id: string, version: number, by: string) {
  const [row] = await db
    .update(counselingSession)
    .set({ deletedAt: new Date(), deletedBy: by, version: version + 1, updatedAt: new Date() })
    .where(and(eq(counselingSession.id, id), eq(counselingSession.version, version), live))
    .returning();
  return row;
}

// ── Risk levels ───────────────────────────────────────────────────────────────────────────────

export async function riskHistory(db: Db, target: { id: string; countyId: string }, limit: number) {
  return db
    .select({ entry: childRiskLevel, setByName: appUser.displayName })
    .from(childRiskLevel)
    .innerJoin(appUser, eq(appUser.id, childRiskLevel.setBy))
    .where(and(eq(childRiskLevel.countyId, target.countyId), eq(childRiskLevel.childId, target.id)))
    .orderBy(desc(childRiskLevel.createdAt), desc(childRiskLevel.id))
    .limit(limit);
}
export type RiskHistoryRow = Awaited<ReturnType<typeof riskHistory>>[number];

export async function insertRiskLevel(db: Db, values: typeof childRiskLevel.$inferInsert) {
  const [row] = await db.insert(childRiskLevel).values(values).returning();
  return row!;
}

/** The active counselors assigned at the school: whom other staff ask about a child's wellbeing. */
export async function schoolCounselors(db: Db, schoolId: string) {
  return db
    .selectDistinct({ id: appUser.id, displayName: appUser.displayName, phone: appUser.phone })
    .from(roleAssignment)
    .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
    .where(
      and(
        eq(roleAssignment.orgId, schoolId),
        eq(roleAssignment.role, 'counselor'),
        eq(appUser.status, 'active'),
        isNull(roleAssignment.deletedAt),
      ),
    )
    .orderBy(appUser.displayName);
}
