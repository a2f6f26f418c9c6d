import { and, count, desc, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { child } from '../children/children.table';
import { escapeLike } from '../orgs/orgs.repository';
import { appUser } from '../users/users.table';
import { healthCheck } from './health-checks.table';

export type HealthCheckRow = typeof healthCheck.$inferSelect;
export type HealthCheckInsert = typeof healthCheck.$inferInsert;

const live = isNull(healthCheck.deletedAt);
/** The join names the county too, so health_check's county-led indexes serve it. */
const childOfCheck = and(eq(child.id, healthCheck.childId), eq(child.countyId, healthCheck.countyId));

const withChild = {
  record: healthCheck,
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
  authorName: appUser.displayName,
};

const selectWithChild = (db: Db) =>
  db
    .select(withChild)
    .from(healthCheck)
    .innerJoin(child, childOfCheck)
    .innerJoin(appUser, eq(appUser.id, healthCheck.authorId));

export type HealthCheckWithChild = NonNullable<Awaited<ReturnType<typeof findCheck>>>;

export async function findCheck(db: Db, id: string) {
  const [row] = await selectWithChild(db)
    .where(and(eq(healthCheck.id, id), live))
    .limit(1);
  return row;
}

/** Several checks by id, in the order given. */
export async function findChecks(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await selectWithChild(db).where(inArray(healthCheck.id, ids));
  const byId = new Map(rows.map((r) => [r.record.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is HealthCheckWithChild => r !== undefined);
}

export interface HealthCheckFilters {
  childId?: string;
  classId?: string;
  schoolId?: string;
  flag?: string;
  followUpOpen?: boolean;
  from?: string;
  to?: string;
}

/** Checks of children under the given org prefixes, newest first. */
export async function listChecks(
  db: Db,
  scope: { prefixes: string[]; countyIds: string[] },
  f: HealthCheckFilters,
  page: { page: number; pageSize: number },
) {
  const byOrg = scope.prefixes.flatMap((p) => [
    like(child.schoolPath, `${escapeLike(p)}%`),
    like(child.villagePath, `${escapeLike(p)}%`),
  ]);
  if (byOrg.length === 0) return { rows: [], total: 0 };
  const conditions: SQL[] = [live, inArray(healthCheck.countyId, scope.countyIds), or(...byOrg)!];
  if (f.childId) conditions.push(eq(healthCheck.childId, f.childId));
  if (f.classId) conditions.push(eq(child.classId, f.classId));
  if (f.schoolId) conditions.push(eq(child.schoolId, f.schoolId));
  if (f.flag) conditions.push(sql`${f.flag} = any(${healthCheck.flags})`);
  if (f.followUpOpen) conditions.push(sql`${healthCheck.referralNeeded} and ${healthCheck.followUpDoneOn} is null`);
  if (f.from) conditions.push(sql`${healthCheck.checkedOn} >= ${f.from}`);
  if (f.to) conditions.push(sql`${healthCheck.checkedOn} <= ${f.to}`);
  const where = and(...conditions);
  const rows = await selectWithChild(db)
    .where(where)
    .orderBy(desc(healthCheck.checkedOn), desc(healthCheck.createdAt), desc(healthCheck.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await db.select({ n: count() }).from(healthCheck).innerJoin(child, childOfCheck).where(where);
  return { rows, total: total!.n };
}

export async function insertChecks(db: Db, values: HealthCheckInsert[]) {
  return db.insert(healthCheck).values(values).returning();
}

export async function updateCheck(db: Db, id: string, expectedVersion: number, changes: Partial<HealthCheckInsert>) {
  const [row] = await db
    .update(healthCheck)
    .set({ ...changes, version: sql`${healthCheck.version} + 1`, updatedAt: new Date() })
    .where(and(eq(healthCheck.id, id), eq(healthCheck.version, expectedVersion), live))
    .returning();
  return row;
}

export async function softDeleteCheck(db: Db, id: string, expectedVersion: number, deletedBy: string) {
  const [row] = await db
    .update(healthCheck)
    .set({ deletedAt: new Date(), deletedBy, version: sql`${healthCheck.version} + 1`, updatedAt: new Date() })
    .where(and(eq(healthCheck.id, id), eq(healthCheck.version, expectedVersion), live))
    .returning();
  return row;
}

export async function findByIdempotencyKey(db: Db, authorId: string, key: string) {
  return db
    .select()
    .from(healthCheck)
    .where(and(eq(healthCheck.authorId, authorId), eq(healthCheck.idempotencyKey, key)));
}
