import { and, eq, isNull, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { countChildrenAtOrg } from '../children/children.repository';
import { pairing } from '../pairings/pairings.table';
import { term } from '../terms/terms.table';
import { roleAssignment } from '../users/users.table';
import { org } from './orgs.table';

export type OrgRow = typeof org.$inferSelect;

const live = isNull(org.deletedAt);

export async function findOrg(db: Db, id: string): Promise<OrgRow | undefined> {
  const [row] = await db
    .select()
    .from(org)
    .where(and(eq(org.id, id), live))
    .limit(1);
  return row;
}

export async function insertOrg(db: Db, values: typeof org.$inferInsert): Promise<OrgRow> {
  const [row] = await db.insert(org).values(values).returning();
  return row!;
}

/** Updates when the version matches; returns undefined when someone else wrote first. */
export async function updateOrg(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<typeof org.$inferInsert>,
): Promise<OrgRow | undefined> {
  const [row] = await db
    .update(org)
    .set({ ...changes, updatedAt: new Date(), version: sql`${org.version} + 1` })
    .where(and(eq(org.id, id), eq(org.version, expectedVersion), live))
    .returning();
  return row;
}

/** Rewrites the paths of a moved subtree in one statement. */
export async function rewriteSubtreePaths(db: Db, oldPrefix: string, newPrefix: string) {
  await db
    .update(org)
    .set({ path: sql`${newPrefix} || substr(${org.path}, ${oldPrefix.length + 1})`, updatedAt: new Date() })
    .where(and(like(org.path, `${escapeLike(oldPrefix)}%`), sql`${org.path} <> ${oldPrefix}`));
}

export async function setSubtreeActive(db: Db, prefix: string, active: boolean) {
  await db
    .update(org)
    .set({ active, updatedAt: new Date(), version: sql`${org.version} + 1` })
    .where(and(like(org.path, `${escapeLike(prefix)}%`), live));
}

/** What still hangs on an org: sub-units, role assignments, terms, child archives. Features add their tables here. */
export async function countOrgReferences(db: Db, id: string) {
  const [children] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(org)
    .where(and(eq(org.parentId, id), live));
  const [roles] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(roleAssignment)
    .where(and(eq(roleAssignment.orgId, id), isNull(roleAssignment.deletedAt)));
  const [terms] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(term)
    .where(and(eq(term.orgId, id), isNull(term.deletedAt)));
  const childArchives = await countChildrenAtOrg(db, id);
  // Pairings name a school, and a buddy's class; ended ones are history and keep the unit too.
  const [pairings] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pairing)
    .where(and(or(eq(pairing.schoolId, id), eq(pairing.buddyClassId, id)), isNull(pairing.deletedAt)));
  return { children: children!.n, roles: roles!.n, terms: terms!.n, childArchives, pairings: pairings!.n };
}

export async function softDeleteOrg(db: Db, id: string, expectedVersion: number) {
  const [row] = await db
    .update(org)
    .set({ deletedAt: new Date(), updatedAt: new Date(), version: sql`${org.version} + 1` })
    .where(and(eq(org.id, id), eq(org.version, expectedVersion), live))
    .returning();
  return row;
}

export function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
