import { and, asc, count, desc, eq, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { child } from '../children/children.table';
import { escapeLike } from '../orgs/orgs.repository';
import { org } from '../orgs/orgs.table';
import { appUser } from '../users/users.table';
import { concern, concernEvent } from './concerns.table';

export type ConcernRow = typeof concern.$inferSelect;
export type ConcernInsert = typeof concern.$inferInsert;
export type ConcernEventInsert = typeof concernEvent.$inferInsert;

const school = alias(org, 'concern_school');
const reporter = alias(appUser, 'concern_reporter');
const live = isNull(concern.deletedAt);

/** Where the concern belongs: the child's class/school (or the named school) and home village. */
const schoolPathOf = sql<string | null>`coalesce(${child.schoolPath}, ${school.path})`;

const withPlacement = {
  concern,
  child: { id: child.id, name: child.name, classId: child.classId, villageId: child.villageId },
  school: { id: school.id, name: school.name },
  reporterName: reporter.displayName,
  schoolPath: schoolPathOf,
  villagePath: child.villagePath,
};

const selectWithPlacement = (db: Db) =>
  db
    .select(withPlacement)
    .from(concern)
    .leftJoin(child, and(eq(child.id, concern.childId), eq(child.countyId, concern.countyId)))
    .leftJoin(school, eq(school.id, concern.schoolId))
    .innerJoin(reporter, eq(reporter.id, concern.reporterId));

export type ConcernWithPlacement = NonNullable<Awaited<ReturnType<typeof findConcern>>>;

export async function findConcern(db: Db, id: string) {
  const [row] = await selectWithPlacement(db)
    .where(and(eq(concern.id, id), live))
    .limit(1);
  return row;
}

export interface ConcernVisibility {
  userId: string;
  handlePrefixes: string[];
  overseePrefixes: string[];
}

const under = (prefixes: string[]) =>
  prefixes.flatMap((p) => [
    sql`${schoolPathOf} like ${`${escapeLike(p)}%`}`,
    sql`${child.villagePath} like ${`${escapeLike(p)}%`}`,
  ]);

export interface ConcernListFilters {
  status?: ConcernRow['status'];
  open?: boolean;
  childId?: string;
  /** Only what the caller must act on: open concerns they handle, escalated ones they oversee. */
  actionable?: boolean;
}

export async function listConcerns(
  db: Db,
  v: ConcernVisibility,
  f: ConcernListFilters,
  page: { page: number; pageSize: number },
) {
  const handled = under(v.handlePrefixes);
  const overseen = under(v.overseePrefixes);
  const conditions: SQL[] = [live];
  if (f.actionable) {
    const parts: SQL[] = [];
    if (handled.length > 0) parts.push(or(...handled)!);
    if (overseen.length > 0) parts.push(and(sql`${concern.escalatedAt} is not null`, or(...overseen))!);
    if (parts.length === 0) return { rows: [], total: 0 };
    conditions.push(or(...parts)!, ne(concern.status, 'closed'));
  } else {
    conditions.push(or(eq(concern.reporterId, v.userId), ...handled, ...overseen)!);
  }
  if (f.status) conditions.push(eq(concern.status, f.status));
  if (f.open) conditions.push(ne(concern.status, 'closed'));
  if (f.childId) conditions.push(eq(concern.childId, f.childId));
  const where = and(...conditions);
  const rows = await selectWithPlacement(db)
    .where(where)
    .orderBy(sql`${concern.status} = 'closed'`, asc(concern.dueAt), desc(concern.createdAt))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await db
    .select({ n: count() })
    .from(concern)
    .leftJoin(child, and(eq(child.id, concern.childId), eq(child.countyId, concern.countyId)))
    .leftJoin(school, eq(school.id, concern.schoolId))
    .where(where);
  return { rows, total: total!.n };
}

export async function insertConcern(db: Db, values: ConcernInsert) {
  const [row] = await db.insert(concern).values(values).returning();
  return row!;
}

/** Moves the concern on if it is still at `version`; undefined when someone else was first. */
export async function updateConcern(db: Db, id: string, version: number, changes: Partial<ConcernInsert>) {
  const [row] = await db
    .update(concern)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(concern.id, id), eq(concern.version, version), live))
    .returning();
  return row;
}

export async function insertEvent(db: Db, values: ConcernEventInsert) {
  const [row] = await db.insert(concernEvent).values(values).returning();
  return row!;
}

export async function eventsOf(db: Db, concernId: string) {
  return db
    .select({ event: concernEvent, actorName: appUser.displayName })
    .from(concernEvent)
    .leftJoin(appUser, eq(appUser.id, concernEvent.actorId))
    .where(eq(concernEvent.concernId, concernId))
    .orderBy(asc(concernEvent.at), asc(concernEvent.id));
}
export type ConcernEventRow = Awaited<ReturnType<typeof eventsOf>>[number];

/** Open concerns whose step is past its deadline and not yet escalated at that step. */
export async function overdueConcerns(db: Db, now: Date, limit: number) {
  return selectWithPlacement(db)
    .where(
      and(
        live,
        ne(concern.status, 'closed'),
        lt(concern.dueAt, now),
        or(isNull(concern.escalatedStatus), sql`${concern.escalatedStatus} <> ${concern.status}`),
      ),
    )
    .orderBy(asc(concern.dueAt))
    .limit(limit);
}

/** Marks the step escalated, unless the concern moved on meanwhile. */
export async function markEscalated(db: Db, row: ConcernRow, now: Date) {
  const [updated] = await db
    .update(concern)
    .set({ escalatedAt: now, escalatedStatus: row.status })
    .where(and(eq(concern.id, row.id), eq(concern.version, row.version), eq(concern.status, row.status)))
    .returning();
  return updated;
}
