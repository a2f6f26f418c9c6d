import type { CareRecordKind, RecordFact } from '@shouwang/shared';
import { and, asc, count, desc, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedPerDb } from '../../db/prepared';
import type { ChildScope } from '../children/children.policy';
import { child } from '../children/children.table';
import { escapeLike } from '../orgs/orgs.repository';
import { appUser } from '../users/users.table';
import { careRecord } from './care-records.table';

export type CareRecordRow = typeof careRecord.$inferSelect;
export type CareRecordInsert = typeof careRecord.$inferInsert;

const live = isNull(careRecord.deletedAt);

/**
 * The join to the record's child names the county too: care_record's indexes lead with county_id
 * (the distribution column), so a join on child_id alone could not use them.
 */
const childOfRecord = and(eq(child.id, careRecord.childId), eq(child.countyId, careRecord.countyId));

/** A record with what presenting and authorizing it needs: the child's name and placement, the author. */
const withChild = {
  record: careRecord,
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

function selectWithChild(db: Db) {
  return db
    .select(withChild)
    .from(careRecord)
    .innerJoin(child, childOfRecord)
    .innerJoin(appUser, eq(appUser.id, careRecord.authorId));
}
export type CareRecordWithChild = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

export async function findRecord(db: Db, id: string) {
  const [row] = await selectWithChild(db)
    .where(and(eq(careRecord.id, id), live))
    .limit(1);
  return row;
}

/** Several records by id, in the order given. */
export async function findRecords(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await selectWithChild(db).where(inArray(careRecord.id, ids));
  const byId = new Map(rows.map((r) => [r.record.id, r]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

export interface CareRecordListFilters {
  childId?: string;
  classId?: string;
  schoolId?: string;
  kind?: CareRecordKind;
  authorId?: string;
  followUpOpen?: boolean;
  from?: string;
  to?: string;
}

/** Records of children in scope, newest first. */
export async function listRecords(
  db: Db,
  scope: ChildScope,
  f: CareRecordListFilters,
  page: { page: number; pageSize: number },
) {
  const visible: SQL[] = [];
  const byOrg = scope.prefixes.flatMap((p) => [
    like(child.schoolPath, `${escapeLike(p)}%`),
    like(child.villagePath, `${escapeLike(p)}%`),
  ]);
  if (byOrg.length > 0) visible.push(and(inArray(child.countyId, scope.countyIds), or(...byOrg))!);
  if (scope.pairedIds.length > 0) visible.push(inArray(careRecord.childId, scope.pairedIds));
  if (visible.length === 0) return { rows: [], total: 0 };
  const conditions: SQL[] = [live, or(...visible)!];
  if (f.childId) conditions.push(eq(careRecord.childId, f.childId));
  if (f.classId) conditions.push(eq(child.classId, f.classId));
  if (f.schoolId) conditions.push(eq(child.schoolId, f.schoolId));
  if (f.kind) conditions.push(eq(careRecord.kind, f.kind));
  if (f.authorId) conditions.push(eq(careRecord.authorId, f.authorId));
  if (f.followUpOpen) conditions.push(sql`${careRecord.followUpNeeded} and ${careRecord.followUpDoneOn} is null`);
  if (f.from) conditions.push(sql`${careRecord.occurredOn} >= ${f.from}`);
  if (f.to) conditions.push(sql`${careRecord.occurredOn} <= ${f.to}`);
  const where = and(...conditions);
  const rows = await selectWithChild(db)
    .where(where)
    .orderBy(desc(careRecord.occurredOn), desc(careRecord.createdAt), desc(careRecord.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await db.select({ n: count() }).from(careRecord).innerJoin(child, childOfRecord).where(where);
  return { rows, total: total!.n };
}

export interface TimelineCursor {
  occurredOn: string;
  /** `created_at` in UTC to the microsecond (a JS Date would lose the last digits). */
  createdAt: string;
  id: string;
}

const createdAtKey = sql<string>`to_char(${careRecord.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

/** One child's records, newest first, after `cursor` (keyset on the timeline index). */
export async function timeline(
  db: Db,
  target: { id: string; countyId: string },
  cursor: TimelineCursor | null,
  limit: number,
  kind?: CareRecordKind,
) {
  const conditions: SQL[] = [live, eq(careRecord.countyId, target.countyId), eq(careRecord.childId, target.id)];
  if (kind) conditions.push(eq(careRecord.kind, kind));
  if (cursor) {
    conditions.push(
      sql`(${careRecord.occurredOn}, ${careRecord.createdAt}, ${careRecord.id}) < (${cursor.occurredOn}::date, ${cursor.createdAt}::timestamp at time zone 'UTC', ${cursor.id}::uuid)`,
    );
  }
  return db
    .select({ ...withChild, createdAtKey })
    .from(careRecord)
    .innerJoin(child, childOfRecord)
    .innerJoin(appUser, eq(appUser.id, careRecord.authorId))
    .where(and(...conditions))
    .orderBy(desc(careRecord.occurredOn), desc(careRecord.createdAt), desc(careRecord.id))
    .limit(limit);
}

export async function insertRecords(db: Db, values: CareRecordInsert[]): Promise<CareRecordRow[]> {
  if (values.length === 0) return [];
  return db.insert(careRecord).values(values).returning();
}

/** The author's records sent with this idempotency key (one per child). */
export async function findByIdempotencyKey(db: Db, authorId: string, key: string, childId?: string) {
  return db
    .select({ id: careRecord.id, childId: careRecord.childId })
    .from(careRecord)
    .where(
      and(
        eq(careRecord.authorId, authorId),
        eq(careRecord.idempotencyKey, key),
        childId ? eq(careRecord.childId, childId) : undefined,
      ),
    )
    .orderBy(asc(careRecord.createdAt), asc(careRecord.id));
}

export async function updateRecord(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<CareRecordInsert>,
): Promise<CareRecordRow | undefined> {
  const [row] = await db
    .update(careRecord)
    .set({ ...changes, updatedAt: new Date(), version: sql`${careRecord.version} + 1` })
    .where(and(eq(careRecord.id, id), eq(careRecord.version, expectedVersion), live))
    .returning();
  return row;
}

export async function softDeleteRecord(db: Db, id: string, expectedVersion: number, deletedBy: string) {
  const [row] = await db
    .update(careRecord)
    .set({ deletedAt: new Date(), deletedBy, updatedAt: new Date(), version: sql`${careRecord.version} + 1` })
    .where(and(eq(careRecord.id, id), eq(careRecord.version, expectedVersion), live))
    .returning();
  return row;
}

/** Marks an open follow-up done; undefined when it was not open. */
export async function closeFollowUp(db: Db, id: string, doneOn: string): Promise<CareRecordRow | undefined> {
  const [row] = await db
    .update(careRecord)
    .set({ followUpDoneOn: doneOn, updatedAt: new Date(), version: sql`${careRecord.version} + 1` })
    .where(and(eq(careRecord.id, id), live, eq(careRecord.followUpNeeded, true), isNull(careRecord.followUpDoneOn)))
    .returning();
  return row;
}

/**
 * Records of these children (of these kinds) between two dates, as the schedule engine reads them.
 * With kinds given, the schedule index is probed once per (child, kind) for the date range.
 */
export async function recordFactsOf(
  db: Db,
  countyIds: string[],
  childIds: string[],
  from: string,
  to: string,
  kinds?: CareRecordKind[],
): Promise<RecordFact[]> {
  if (childIds.length === 0 || kinds?.length === 0) return [];
  return db
    .select({
      id: careRecord.id,
      childId: careRecord.childId,
      kind: careRecord.kind,
      occurredOn: careRecord.occurredOn,
    })
    .from(careRecord)
    .where(
      and(
        live,
        inArray(careRecord.countyId, countyIds),
        inArray(careRecord.childId, childIds),
        kinds ? inArray(careRecord.kind, kinds) : undefined,
        sql`${careRecord.occurredOn} between ${from} and ${to}`,
      ),
    );
}

function openFollowUpsQuery(db: Db) {
  return db
    .select({
      id: careRecord.id,
      childId: careRecord.childId,
      childName: child.name,
      classId: child.classId,
      kind: careRecord.kind,
      occurredOn: careRecord.occurredOn,
      followUpOn: careRecord.followUpOn,
      summary: careRecord.summary,
    })
    .from(careRecord)
    .innerJoin(child, childOfRecord)
    .where(
      and(
        eq(careRecord.authorId, sql.placeholder('authorId')),
        eq(careRecord.followUpNeeded, true),
        isNull(careRecord.followUpDoneOn),
        live,
        isNull(child.deletedAt),
      ),
    )
    .orderBy(asc(careRecord.followUpOn), asc(careRecord.id))
    .prepare('open_follow_ups');
}

// Read on every to-do list: prepared once per database handle, PostgreSQL keeps one plan per connection.
const openFollowUps = preparedPerDb(openFollowUpsQuery);

/** The author's open follow-ups, soonest first (follow-up index). */
export async function openFollowUpsOf(db: Db, authorId: string) {
  return openFollowUps(db).execute({ authorId });
}
