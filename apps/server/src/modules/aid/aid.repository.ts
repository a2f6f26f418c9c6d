import { type AidType, leftBehindCategories } from '@shouwang/shared';
import { and, count, desc, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { ChildScope } from '../children/children.policy';
import { child } from '../children/children.table';
import { escapeLike } from '../orgs/orgs.repository';
import { aid } from './aid.table';

export type AidRow = typeof aid.$inferSelect;
export type AidInsert = typeof aid.$inferInsert;

const live = isNull(aid.deletedAt);
const childOfAid = and(eq(child.id, aid.childId), eq(child.countyId, aid.countyId));
const withChild = {
  aid,
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
};
export type AidWithChild = { aid: AidRow; child: AidChild };
export interface AidChild {
  id: string;
  name: string;
  countyId: string;
  schoolId: string | null;
  classId: string | null;
  villageId: string | null;
  schoolPath: string | null;
  villagePath: string | null;
}

export async function insertAid(db: Db, values: AidInsert): Promise<AidRow> {
  const [row] = await db.insert(aid).values(values).returning();
  return row!;
}

export async function findAid(db: Db, id: string) {
  const [row] = await db
    .select(withChild)
    .from(aid)
    .innerJoin(child, childOfAid)
    .where(and(eq(aid.id, id), live))
    .limit(1);
  return row;
}

export async function findAidOfCareRecord(db: Db, careRecordId: string) {
  const [row] = await db
    .select({ id: aid.id })
    .from(aid)
    .where(and(eq(aid.careRecordId, careRecordId), live))
    .limit(1);
  return row;
}

export interface AidFilters {
  childId?: string;
  schoolId?: string;
  type?: AidType;
  from?: string;
  to?: string;
}

export async function listAid(db: Db, scope: ChildScope, f: AidFilters, page: { page: number; pageSize: number }) {
  const byOrg = scope.prefixes.flatMap((p) => [
    like(child.schoolPath, `${escapeLike(p)}%`),
    like(child.villagePath, `${escapeLike(p)}%`),
  ]);
  if (byOrg.length === 0) return { rows: [], total: 0 };
  const conditions: SQL[] = [live, inArray(child.countyId, scope.countyIds), or(...byOrg)!];
  if (f.childId) conditions.push(eq(aid.childId, f.childId));
  if (f.schoolId) conditions.push(eq(aid.schoolId, f.schoolId));
  if (f.type) conditions.push(eq(aid.type, f.type));
  if (f.from) conditions.push(sql`${aid.givenOn} >= ${f.from}`);
  if (f.to) conditions.push(sql`${aid.givenOn} <= ${f.to}`);
  const where = and(...conditions);
  const rows = await db
    .select(withChild)
    .from(aid)
    .innerJoin(child, childOfAid)
    .where(where)
    .orderBy(desc(aid.givenOn), desc(aid.createdAt))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await db.select({ n: count() }).from(aid).innerJoin(child, childOfAid).where(where);
  return { rows, total: total!.n };
}

export async function aidOfChild(db: Db, target: { id: string; countyId: string }) {
  return db
    .select(withChild)
    .from(aid)
    .innerJoin(child, childOfAid)
    .where(and(eq(aid.countyId, target.countyId), eq(aid.childId, target.id), live))
    .orderBy(desc(aid.givenOn), desc(aid.createdAt));
}

export async function softDeleteAid(db: Db, id: string, version: number) {
  const [row] = await db
    .update(aid)
    .set({ deletedAt: new Date(), updatedAt: new Date(), version: sql`${aid.version} + 1` })
    .where(and(eq(aid.id, id), eq(aid.version, version), live))
    .returning();
  return row;
}

const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

/** Aid in a unit over a term, per type: records, children, and amount (fen). */
export async function aidByType(
  db: Db,
  scope: { countyId: string; orgPath: string },
  term: { startDate: string; endDate: string },
) {
  const prefix = `${escapeLike(scope.orgPath)}%`;
  const result = await db.execute(sql`
    select a.type, count(*)::int as records, count(distinct a.child_id)::int as children,
      coalesce(sum(a.amount_fen), 0)::bigint as "amountFen",
      count(distinct a.child_id) filter (where exists (select 1 from child_category cc
        where cc.child_id = a.child_id and cc.category in ${leftBehindCategories}
        and cc.start_date <= a.given_on and (cc.end_date is null or cc.end_date >= a.given_on)))::int
        as "leftBehindChildren"
    from aid a join child c on c.id = a.child_id and c.county_id = a.county_id
    where a.deleted_at is null and a.county_id = ${scope.countyId}
      and (c.school_path like ${prefix} or c.village_path like ${prefix})
      and a.given_on between ${term.startDate}::date and ${term.endDate}::date
    group by a.type order by a.type`);
  return rowsOf<{
    type: AidType;
    records: number;
    children: number;
    amountFen: string | number;
    leftBehindChildren: number;
  }>(result).map((r) => ({ ...r, amountFen: Number(r.amountFen) }));
}

/** Distinct children aided in the unit over the term (all types). */
export async function aidedChildren(
  db: Db,
  scope: { countyId: string; orgPath: string },
  term: { startDate: string; endDate: string },
) {
  const prefix = `${escapeLike(scope.orgPath)}%`;
  const result = await db.execute(sql`
    select count(distinct a.child_id)::int as n
    from aid a join child c on c.id = a.child_id and c.county_id = a.county_id
    where a.deleted_at is null and a.county_id = ${scope.countyId}
      and (c.school_path like ${prefix} or c.village_path like ${prefix})
      and a.given_on between ${term.startDate}::date and ${term.endDate}::date`);
  return rowsOf<{ n: number }>(result)[0]!.n;
}
