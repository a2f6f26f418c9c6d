import { and, asc, eq, getTableColumns, getTableName, inArray, isNotNull, isNull, like, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { escapeLike } from '../orgs/orgs.repository';
import { org } from '../orgs/orgs.table';
import { child } from './children.table';
import { revealIdNumber } from './id-number-hash';

/** Every column but the ID number itself: lists, pages and checks work on hash, mask and last 4. */
const { idNumber: _idNumber, ...columnsButIdNumber } = getTableColumns(child);
export const childColumns = columnsButIdNumber;
export type ChildRow = Omit<typeof child.$inferSelect, 'idNumber'>;
export type ChildInsert = typeof child.$inferInsert;

export async function findChild(db: Db, id: string, options: { includeDeleted?: boolean } = {}) {
  const [row] = await db
    .select(childColumns)
    .from(child)
    .where(and(eq(child.id, id), options.includeDeleted ? undefined : isNull(child.deletedAt)))
    .limit(1);
  return row as ChildRow | undefined;
}

/** The ID number, decrypted: only the audited full-number read and cross-field checks call this. */
export async function findChildIdNumber(db: Db, id: string): Promise<string | null> {
  const [row] = await db.select({ idNumber: child.idNumber }).from(child).where(eq(child.id, id)).limit(1);
  return revealIdNumber(row?.idNumber);
}

/**
 * A column with its table's name. Drizzle leaves columns unqualified in the select list of a
 * one-table query, which would bind `child_id = id` inside a correlated subquery to the wrong table.
 */
export const col = (column: AnyPgColumn) =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;

// ── Writes ────────────────────────────────────────────────────────────────────────────────────

export async function insertChild(db: Db, values: ChildInsert): Promise<ChildRow> {
  const [row] = await db.insert(child).values(values).returning(childColumns);
  return row as ChildRow;
}

/** Updates when the version matches; undefined when someone else wrote first. */
export async function updateChild(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<ChildInsert>,
): Promise<ChildRow | undefined> {
  const [row] = await db
    .update(child)
    .set({ ...changes, updatedAt: new Date(), version: sql`${child.version} + 1` })
    .where(and(eq(child.id, id), eq(child.version, expectedVersion), isNull(child.deletedAt)))
    .returning(childColumns);
  return row as ChildRow | undefined;
}

export async function setChildDeleted(db: Db, id: string, expectedVersion: number, deleted: boolean) {
  const [row] = await db
    .update(child)
    .set({ deletedAt: deleted ? new Date() : null, updatedAt: new Date(), version: sql`${child.version} + 1` })
    .where(
      and(
        eq(child.id, id),
        eq(child.version, expectedVersion),
        deleted ? isNull(child.deletedAt) : isNotNull(child.deletedAt),
      ),
    )
    .returning(childColumns);
  return row as ChildRow | undefined;
}

/** Derived fields that change without a user edit: no version bump, so open forms stay valid. */
export async function setDerived(
  db: Db,
  id: string,
  values: Partial<Pick<ChildInsert, 'archiveComplete' | 'archiveMissing' | 'enrollmentStatus' | 'enrollmentDate'>>,
) {
  await db.update(child).set(values).where(eq(child.id, id));
}

// ── Duplicates ────────────────────────────────────────────────────────────────────────────────

/** A live child with this ID number anywhere (a child is registered once in the country). */
export async function findIdNumberHolder(db: Db, idNumberHash: string, exceptId?: string) {
  const [row] = await db
    .select({ id: child.id, countyId: child.countyId, schoolPath: child.schoolPath, villagePath: child.villagePath })
    .from(child)
    .where(
      and(
        eq(child.idNumberHash, idNumberHash),
        isNull(child.deletedAt),
        exceptId ? sql`${child.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return row;
}

/** Pinyin similarity above which two names in one school are worth a second look (pg_trgm). */
export const SIMILAR_NAME_THRESHOLD = 0.6;

/**
 * Possible duplicates of a new child in the county: same name and birth date anywhere, or a similar
 * name in the same school. Similarity is taken on the characters and on the pinyin: trigrams of a
 * three-character name differ too much for a one-character slip (张羽涵/张羽晗 = 0.33), while a
 * homophone slip (张羽涵/张雨涵) has identical pinyin.
 */
export async function findSuspectedDuplicates(
  db: Db,
  input: { countyId: string; name: string; namePinyin: string; birthDate: string | null; schoolId: string | null },
) {
  const sameNameAndBirth = input.birthDate
    ? and(eq(child.name, input.name), eq(child.birthDate, input.birthDate))
    : undefined;
  const similarInSchool = input.schoolId
    ? and(
        eq(child.schoolId, input.schoolId),
        sql`greatest(similarity(${child.name}, ${input.name}), similarity(${child.namePinyin}, ${input.namePinyin})) > ${SIMILAR_NAME_THRESHOLD}`,
      )
    : undefined;
  if (!sameNameAndBirth && !similarInSchool) return [];
  return db
    .select({
      id: child.id,
      name: child.name,
      birthDate: child.birthDate,
      schoolId: child.schoolId,
      villageId: child.villageId,
      schoolPath: child.schoolPath,
      villagePath: child.villagePath,
      sameNameAndBirth: sameNameAndBirth ? sql<boolean>`(${sameNameAndBirth})` : sql<boolean>`false`,
    })
    .from(child)
    .where(and(eq(child.countyId, input.countyId), isNull(child.deletedAt), or(sameNameAndBirth, similarInSchool)))
    .orderBy(asc(sql`${child.namePinyin} collate "C"`))
    .limit(10);
}

// ── Orgs ──────────────────────────────────────────────────────────────────────────────────────

export async function orgNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: org.id, name: org.name }).from(org).where(inArray(org.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Called by orgs.service `moveOrg` in its transaction: the children under a moved subtree follow
 * it, so scope filters on the denormalized paths stay right.
 */
export async function rewriteChildOrgPaths(db: Db, oldPrefix: string, newPrefix: string) {
  const pattern = `${escapeLike(oldPrefix)}%`;
  const from = oldPrefix.length + 1;
  await db
    .update(child)
    .set({ schoolPath: sql`${newPrefix} || substr(${child.schoolPath}, ${from})` })
    .where(like(child.schoolPath, pattern));
  await db
    .update(child)
    .set({ villagePath: sql`${newPrefix} || substr(${child.villagePath}, ${from})` })
    .where(like(child.villagePath, pattern));
}

/** Live children filed under an org (as school, class or home village): such an org cannot be deleted. */
export async function countChildrenAtOrg(db: Db, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(child)
    .where(
      and(isNull(child.deletedAt), or(eq(child.schoolId, orgId), eq(child.classId, orgId), eq(child.villageId, orgId))),
    );
  return row!.n;
}
