import type { Role } from '@shouwang/shared';
import { and, asc, count, eq, exists, ilike, inArray, isNull, like, notExists, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { escapeLike } from '../orgs/orgs.repository';
import { org } from '../orgs/orgs.table';
import { appUser, roleAssignment } from './users.table';

export type UserRow = typeof appUser.$inferSelect;

/** A live role assignment with the unit it is held at. */
export interface AssignmentRow {
  id: string;
  userId: string;
  role: Role;
  orgId: string;
  orgName: string;
  orgKind: (typeof org.$inferSelect)['kind'];
  orgPath: string;
  countyId: string;
}

/** Which users a caller may see: roles held under `prefixes`, or no role at all in `countyIds`. */
export interface UserReadScope {
  prefixes: string[];
  countyIds: string[];
}

const liveUser = isNull(appUser.deletedAt);
const liveAssignment = isNull(roleAssignment.deletedAt);

const underAny = (prefixes: string[]) => or(...prefixes.map((p) => like(org.path, `${escapeLike(p)}%`)));

/** `exists` over the user's live assignments (joined to their unit) matching `condition`. */
function holdsAssignment(db: Db, condition?: SQL) {
  return exists(
    db
      .select({ one: sql`1` })
      .from(roleAssignment)
      .innerJoin(org, eq(org.id, roleAssignment.orgId))
      .where(and(eq(roleAssignment.userId, appUser.id), liveAssignment, condition)),
  );
}

function visibleTo(db: Db, scope: UserReadScope): SQL | undefined {
  const parts: SQL[] = [];
  if (scope.prefixes.length > 0) parts.push(holdsAssignment(db, underAny(scope.prefixes)));
  if (scope.countyIds.length > 0) {
    const unassigned = notExists(
      db
        .select({ one: sql`1` })
        .from(roleAssignment)
        .where(and(eq(roleAssignment.userId, appUser.id), liveAssignment)),
    );
    parts.push(and(unassigned, inArray(appUser.countyId, scope.countyIds))!);
  }
  return parts.length > 0 ? or(...parts) : undefined;
}

export interface UserListFilters {
  q?: string;
  /** Path of the unit whose subtree the user must hold a role in. */
  orgPath?: string;
  role?: Role;
  status?: 'active' | 'disabled';
}

/** One page of the users the scope covers, with the total; scoping and filters are all SQL. */
export async function listUsers(
  db: Db,
  scope: UserReadScope,
  filters: UserListFilters,
  page: { page: number; pageSize: number },
): Promise<{ rows: UserRow[]; total: number }> {
  const visible = visibleTo(db, scope);
  if (!visible) return { rows: [], total: 0 };
  const conditions: (SQL | undefined)[] = [liveUser, visible];
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    conditions.push(or(ilike(appUser.username, pattern), ilike(appUser.displayName, pattern)));
  }
  if (filters.status) conditions.push(eq(appUser.status, filters.status));
  if (filters.orgPath !== undefined || filters.role) {
    conditions.push(
      holdsAssignment(
        db,
        and(
          filters.orgPath !== undefined ? like(org.path, `${escapeLike(filters.orgPath)}%`) : undefined,
          filters.role ? eq(roleAssignment.role, filters.role) : undefined,
        ),
      ),
    );
  }
  const where = and(...conditions);
  const [totalRow] = await db.select({ n: count() }).from(appUser).where(where);
  const rows = await db
    .select()
    .from(appUser)
    .where(where)
    .orderBy(asc(sql`lower(${appUser.username})`), asc(appUser.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { rows, total: totalRow?.n ?? 0 };
}

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(appUser)
    .where(and(eq(appUser.id, id), liveUser))
    .limit(1);
  return row;
}

/** Any account with this username, case-insensitively, deleted ones included (the index covers them). */
export async function usernameExists(db: Db, username: string): Promise<boolean> {
  const [row] = await db
    .select({ id: appUser.id })
    .from(appUser)
    .where(sql`lower(${appUser.username}) = ${username.toLowerCase()}`)
    .limit(1);
  return row !== undefined;
}

/** Live assignments of the given users, highest unit first (so the first is the "home" unit). */
export async function listAssignments(db: Db, userIds: string[]): Promise<AssignmentRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select({
      id: roleAssignment.id,
      userId: roleAssignment.userId,
      role: roleAssignment.role,
      orgId: org.id,
      orgName: org.name,
      orgKind: org.kind,
      orgPath: org.path,
      countyId: org.countyId,
    })
    .from(roleAssignment)
    .innerJoin(org, eq(org.id, roleAssignment.orgId))
    .where(and(inArray(roleAssignment.userId, userIds), liveAssignment))
    .orderBy(asc(sql`length(${org.path})`), asc(roleAssignment.role), asc(roleAssignment.createdAt));
}

export async function insertUser(db: Db, values: typeof appUser.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(appUser).values(values).returning();
  return row!;
}

/** Updates when the version matches; returns undefined when someone else wrote first. */
export async function updateUser(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<typeof appUser.$inferInsert>,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(appUser)
    .set({ ...changes, updatedAt: new Date(), version: sql`${appUser.version} + 1` })
    .where(and(eq(appUser.id, id), eq(appUser.version, expectedVersion), liveUser))
    .returning();
  return row;
}

export async function insertAssignment(
  db: Db,
  values: { userId: string; role: Role; orgId: string; countyId: string },
): Promise<string> {
  const [row] = await db.insert(roleAssignment).values(values).returning({ id: roleAssignment.id });
  return row!.id;
}

export async function findAssignment(db: Db, userId: string, assignmentId: string) {
  const [row] = await db
    .select()
    .from(roleAssignment)
    .where(and(eq(roleAssignment.id, assignmentId), eq(roleAssignment.userId, userId), liveAssignment))
    .limit(1);
  return row;
}

export async function softDeleteAssignment(db: Db, id: string) {
  const [row] = await db
    .update(roleAssignment)
    .set({ deletedAt: new Date(), updatedAt: new Date(), version: sql`${roleAssignment.version} + 1` })
    .where(and(eq(roleAssignment.id, id), liveAssignment))
    .returning();
  return row;
}
