import { createHash } from 'node:crypto';
import type { Role } from '@shouwang/shared';
import {
  and,
  asc,
  count,
  eq,
  exists,
  getTableColumns,
  ilike,
  isNull,
  like,
  notExists,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../db/client';
import { arrayParam, prefixEnd, preparedPerDb, startsWithPlaceholder } from '../../db/prepared';
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

export interface UserListFilters {
  q?: string;
  /** Path of the unit whose subtree the user must hold a role in. */
  orgPath?: string;
  role?: Role;
  status?: 'active' | 'disabled';
}

/**
 * The list's statement for one shape (bench findings 18b): how many scope prefixes (each a path
 * range, or a LIKE for a prefix a range cannot bound), whether unassigned users of counties are in
 * scope, and which filters are set. The values are parameters, so Drizzle builds it once per shape
 * and PostgreSQL may keep a generic plan. The page carries the total (an uncorrelated sub-select).
 */
interface UserListShape {
  prefixes: string;
  counties: boolean;
  q: boolean;
  status: boolean;
  orgPath: '' | 'r' | 'l';
  role: boolean;
}

const ph = (name: string) => sql.placeholder(name);
const prefixKind = (p: string) => (prefixEnd(p) === null ? 'l' : 'r');
const pathCondition = (kind: string, name: string) =>
  kind === 'r' ? startsWithPlaceholder(org.path, name) : like(org.path, ph(name) as never);

function userListQueries(db: Db, key: string, name: string) {
  const shape = JSON.parse(key) as UserListShape;
  const parts: SQL[] = [];
  if (shape.prefixes)
    parts.push(holdsAssignment(db, or(...[...shape.prefixes].map((k, i) => pathCondition(k, `p${i}`)))));
  if (shape.counties) {
    const unassigned = notExists(
      db
        .select({ one: sql`1` })
        .from(roleAssignment)
        .where(and(eq(roleAssignment.userId, appUser.id), liveAssignment)),
    );
    parts.push(and(unassigned, sql`${appUser.countyId} = any(${ph('countyIds')}::uuid[])`)!);
  }
  const conditions: (SQL | undefined)[] = [liveUser, or(...parts)];
  if (shape.q)
    conditions.push(or(ilike(appUser.username, ph('q') as never), ilike(appUser.displayName, ph('q') as never)));
  if (shape.status) conditions.push(eq(appUser.status, ph('status') as never));
  if (shape.orgPath || shape.role) {
    conditions.push(
      holdsAssignment(
        db,
        and(
          shape.orgPath ? pathCondition(shape.orgPath, 'orgPath') : undefined,
          shape.role ? eq(roleAssignment.role, ph('role') as never) : undefined,
        ),
      ),
    );
  }
  const where = and(...conditions);
  const page = db
    .select({ ...getTableColumns(appUser), total: sql<number>`(select count(*)::int from ${appUser} where ${where})` })
    .from(appUser)
    .where(where)
    .orderBy(asc(sql`lower(${appUser.username})`), asc(appUser.id))
    .limit(ph('limit'))
    .offset(ph('offset'))
    .prepare(`${name}_p`);
  const total = db.select({ n: count() }).from(appUser).where(where).prepare(`${name}_n`);
  return { page, total };
}

const preparedUserList = preparedPerDb((db, key) =>
  userListQueries(db, key, `users_list_${createHash('sha1').update(key).digest('hex').slice(0, 16)}`),
);

/** One page of the users the scope covers, with the total; scoping and filters are all SQL. */
export async function listUsers(
  db: Db,
  scope: UserReadScope,
  filters: UserListFilters,
  page: { page: number; pageSize: number },
): Promise<{ rows: UserRow[]; total: number }> {
  if (scope.prefixes.length === 0 && scope.countyIds.length === 0) return { rows: [], total: 0 };
  // At most 2 × 3 × 2⁴ shapes per count of prefixes (a role's scope has one or a few).
  const shape: UserListShape = {
    prefixes: scope.prefixes.map(prefixKind).join(''),
    counties: scope.countyIds.length > 0,
    q: !!filters.q,
    status: !!filters.status,
    orgPath: filters.orgPath === undefined ? '' : prefixKind(filters.orgPath),
    role: !!filters.role,
  };
  const params: Record<string, unknown> = { limit: page.pageSize, offset: (page.page - 1) * page.pageSize };
  const pathParam = (name: string, p: string) => {
    if (prefixEnd(p) === null) params[name] = `${escapeLike(p)}%`;
    else Object.assign(params, { [name]: p, [`${name}end`]: prefixEnd(p) });
  };
  for (const [i, p] of scope.prefixes.entries()) pathParam(`p${i}`, p);
  if (shape.counties) params.countyIds = arrayParam(scope.countyIds);
  if (filters.q) params.q = `%${escapeLike(filters.q)}%`;
  if (filters.status) params.status = filters.status;
  if (filters.orgPath !== undefined) pathParam('orgPath', filters.orgPath);
  if (filters.role) params.role = filters.role;
  const queries = preparedUserList(db, JSON.stringify(shape));
  const found = await queries.page.execute(params);
  const rows = found.map(({ total: _total, ...row }) => row);
  if (found.length > 0) return { rows, total: found[0]!.total };
  const [totalRow] = await queries.total.execute(params);
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
const preparedAssignments = preparedPerDb((db) =>
  db
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
    .where(and(sql`${roleAssignment.userId} = any(${sql.placeholder('userIds')}::uuid[])`, liveAssignment))
    .orderBy(asc(sql`length(${org.path})`), asc(roleAssignment.role), asc(roleAssignment.createdAt))
    .prepare('users_assignments'),
);

export async function listAssignments(db: Db, userIds: string[]): Promise<AssignmentRow[]> {
  if (userIds.length === 0) return [];
  return preparedAssignments(db).execute({ userIds: arrayParam(userIds) });
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
