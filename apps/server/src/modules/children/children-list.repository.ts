import { type CareLevel, type ChildCategory, type EnrollmentStatus, todayIso } from '@shouwang/shared';
import { and, arrayOverlaps, asc, desc, eq, inArray, isNotNull, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { escapeLike } from '../orgs/orgs.repository';
import { org } from '../orgs/orgs.table';
import type { ChildScope } from './children.policy';
import { type ChildRow, childColumns, col } from './children.repository';
import { child } from './children.table';
import { guardian } from './guardians.table';
import { hashIdNumber } from './id-number-hash';
import { parent } from './parents.table';

/** The children lists: filters, search, scope, one page with its family flags, unit names and total. */

export interface ChildListFilters {
  q?: string;
  schoolId?: string;
  classId?: string;
  villageId?: string;
  categories?: ChildCategory[];
  careLevel?: CareLevel;
  enrollmentStatus?: EnrollmentStatus;
  incomplete?: boolean;
  parentUnreachable?: boolean;
  noEntrustment?: boolean;
  deleted?: boolean;
  sort: 'name' | 'recent';
}

/** The scope as one SQL condition: a prefix of either org path, or a paired child. */
function scopeCondition(scope: ChildScope): SQL | undefined {
  // A whole county (a one-segment path) is its county_id: the path pair would only add cost.
  const byOrg = scope.prefixes.flatMap((p) =>
    /^[^/]+\/$/.test(p)
      ? [and(eq(child.countyId, p.slice(0, -1)), or(isNotNull(child.schoolPath), isNotNull(child.villagePath)))!]
      : [like(child.schoolPath, `${escapeLike(p)}%`), like(child.villagePath, `${escapeLike(p)}%`)],
  );
  const parts: SQL[] = [];
  if (byOrg.length > 0) parts.push(and(inArray(child.countyId, scope.countyIds), or(...byOrg))!);
  if (scope.pairedIds.length > 0) parts.push(inArray(child.id, scope.pairedIds));
  return parts.length > 0 ? or(...parts) : undefined;
}

/** A parent who cannot be reached (or is missing), of the child with this id in this county. */
const parentUnreachableOf = (id: SQL, countyId: SQL) => sql<boolean>`exists (select 1
  from ${parent} where ${col(parent.childId)} = ${id} and ${col(parent.countyId)} = ${countyId}
  and ${col(parent.deletedAt)} is null and (${col(parent.unreachable)} or ${col(parent.status)} = 'missing'))`;

/** A signed 委托监护确认书 that has not expired. */
const hasEntrustmentOf = (id: SQL, countyId: SQL, today: string) => sql<boolean>`exists
  (select 1 from ${guardian} where ${col(guardian.childId)} = ${id} and ${col(guardian.countyId)} = ${countyId}
  and ${col(guardian.deletedAt)} is null and ${col(guardian.entrustmentSignedOn)} is not null
  and (${col(guardian.entrustmentValidUntil)} is null or ${col(guardian.entrustmentValidUntil)} >= ${today}))`;

const parentUnreachableSql = parentUnreachableOf(col(child.id), col(child.countyId));
const hasEntrustmentSql = (today: string) => hasEntrustmentOf(col(child.id), col(child.countyId), today);

/**
 * What `q` means depends on its shape: ID digits, pinyin letters, or part of a name. Pinyin letters
 * match a prefix of the initials (`zyh`) or of the full pinyin (`zhangyu`); both start with the
 * first letter of the sort key, so the search also bounds `name_pinyin` to that letter's range
 * (bench findings 3): the same rows, and the ordered county index starts at that letter instead of
 * walking every name before it.
 */
function searchCondition(q: string): SQL {
  if (/^\d{4}$/.test(q) || /^\d{3}X$/i.test(q)) return eq(child.idNumberLast4, q.toUpperCase());
  if (/^\d{17}[\dX]$/i.test(q)) return eq(child.idNumberHash, hashIdNumber(q));
  if (/^[a-z]+$/i.test(q)) {
    const lower = q.toLowerCase();
    const prefix = `${escapeLike(lower)}%`;
    const first = lower[0]!;
    const next = String.fromCharCode(first.charCodeAt(0) + 1);
    return and(
      or(like(child.nameInitials, prefix), like(child.namePinyinCompact, prefix)),
      sql`${child.namePinyin} collate "C" >= ${first} and ${child.namePinyin} collate "C" < ${next}`,
    )!;
  }
  return like(child.name, `%${escapeLike(q)}%`);
}

function listConditions(scope: ChildScope, f: ChildListFilters, today: string): SQL[] | null {
  const inScope = scopeCondition(scope);
  if (!inScope) return null;
  const conditions: SQL[] = [inScope, f.deleted ? isNotNull(child.deletedAt) : isNull(child.deletedAt)];
  if (f.q) conditions.push(searchCondition(f.q));
  if (f.schoolId) conditions.push(eq(child.schoolId, f.schoolId));
  if (f.classId) conditions.push(eq(child.classId, f.classId));
  if (f.villageId) conditions.push(eq(child.villageId, f.villageId));
  if (f.careLevel) conditions.push(eq(child.careLevel, f.careLevel));
  if (f.enrollmentStatus) conditions.push(eq(child.enrollmentStatus, f.enrollmentStatus));
  if (f.incomplete) conditions.push(eq(child.archiveComplete, false));
  if (f.parentUnreachable) conditions.push(parentUnreachableSql);
  if (f.noEntrustment) conditions.push(sql`not ${hasEntrustmentSql(today)}`);
  // The categories in force, kept on the child by migration 0024's triggers: no semi join over
  // child_category (bench findings 2, 16: the total read all of it, 812 pages, even for one school).
  if (f.categories?.length) conditions.push(arrayOverlaps(child.openCategories, f.categories));
  return conditions;
}

export type ChildListRow = ChildRow & { parentUnreachable: boolean; hasEntrustment: boolean };

/** A column of the list's page (`p`), qualified: Drizzle leaves a subquery's columns bare (see `col`). */
const pageCol = (column: AnyPgColumn) => sql`${sql.identifier('p')}.${sql.identifier(column.name)}`;

/** A name of the org (a reference table) with this id, or null. */
const orgNameOf = (id: SQL) => sql<string | null>`(select ${col(org.name)} from ${org} where ${col(org.id)} = ${id})`;

/** What a list item shows (children.presenter `presentChildListItem`) and its order and abilities read. */
const c = childColumns;
const listItemColumns = {
  id: c.id,
  countyId: c.countyId,
  schoolId: c.schoolId,
  classId: c.classId,
  villageId: c.villageId,
  schoolPath: c.schoolPath,
  villagePath: c.villagePath,
  grade: c.grade,
  name: c.name,
  namePinyin: c.namePinyin,
  sex: c.sex,
  birthDate: c.birthDate,
  ethnicity: c.ethnicity,
  idNumberMasked: c.idNumberMasked,
  careLevel: c.careLevel,
  enrollmentStatus: c.enrollmentStatus,
  archiveComplete: c.archiveComplete,
  archiveMissing: c.archiveMissing,
  openCategories: c.openCategories,
  version: c.version,
  deletedAt: c.deletedAt,
  updatedAt: c.updatedAt,
};
type Flags = { parentUnreachable: boolean; hasEntrustment: boolean };
export type ChildListItemRow = Pick<ChildRow, keyof typeof listItemColumns> & Flags;
type ListPage<Row> = { rows: Row[]; total: number; names: Map<string, string> };

/**
 * One page of children in scope, in pinyin order (or most recently changed first), the total, and
 * the names of their schools, classes and villages: one statement (bench findings 17b; it was five
 * round trips, each ≈0.4 ms of server CPU). The page is taken first, then the two family flags and
 * the names for its rows only: computed in the filtered query's select list, the planner turned the
 * flags into hashed subplans over all of `parent` and `guardian` (bench findings 1). The total is an
 * uncorrelated sub-select (computed once); a page past the end asks for it on its own.
 */
async function listPage(
  db: Db,
  scope: ChildScope,
  filters: ChildListFilters,
  page: { page: number; pageSize: number },
  columns: Record<string, AnyPgColumn>,
): Promise<ListPage<Record<string, unknown> & Flags>> {
  const today = todayIso();
  const conditions = listConditions(scope, filters, today);
  if (!conditions) return { rows: [], total: 0, names: new Map() };
  const where = and(...conditions);
  const recent = filters.sort === 'recent';
  const p = db
    .select(columns)
    .from(child)
    .where(where)
    .orderBy(
      ...(recent
        ? [desc(child.updatedAt), asc(child.id)]
        : [asc(sql`${child.namePinyin} collate "C"`), asc(child.name), asc(child.id)]),
    )
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .as('p');
  const pageColumns = Object.fromEntries(Object.keys(columns).map((key) => [key, p[key]!])) as Record<
    string,
    AnyPgColumn
  >;
  const found = (await db
    .select({
      ...pageColumns,
      parentUnreachable: parentUnreachableOf(pageCol(child.id), pageCol(child.countyId)),
      hasEntrustment: hasEntrustmentOf(pageCol(child.id), pageCol(child.countyId), today),
      schoolName: orgNameOf(pageCol(child.schoolId)),
      className: orgNameOf(pageCol(child.classId)),
      villageName: orgNameOf(pageCol(child.villageId)),
      total: sql<number>`(select count(*)::int from ${child} where ${where})`,
    })
    .from(p)
    .orderBy(
      ...(recent
        ? [desc(pageCol(child.updatedAt)), asc(pageCol(child.id))]
        : [asc(sql`${pageCol(child.namePinyin)} collate "C"`), asc(pageCol(child.name)), asc(pageCol(child.id))]),
    )) as (Record<string, unknown> & Flags)[];
  const names = new Map<string, string>();
  const rows = found.map(({ schoolName, className, villageName, total: _total, ...row }) => {
    if (row.schoolId) names.set(row.schoolId as string, (schoolName as string | null) ?? '');
    if (row.classId) names.set(row.classId as string, (className as string | null) ?? '');
    if (row.villageId) names.set(row.villageId as string, (villageName as string | null) ?? '');
    return row as Record<string, unknown> & Flags;
  });
  if (found.length > 0) return { rows, total: found[0]!.total as number, names };
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(child).where(where);
  return { rows, total: count!.n, names };
}

/** A page of the list as the list shows it (the columns of a list item only). */
export async function listChildItems(
  db: Db,
  scope: ChildScope,
  filters: ChildListFilters,
  page: { page: number; pageSize: number },
) {
  return (await listPage(db, scope, filters, page, listItemColumns)) as unknown as ListPage<ChildListItemRow>;
}

/** The same children with every column but the ID number (the export, contact cards). */
export async function listChildren(
  db: Db,
  scope: ChildScope,
  filters: ChildListFilters,
  page: { page: number; pageSize: number },
) {
  return (await listPage(db, scope, filters, page, childColumns)) as unknown as ListPage<ChildListRow>;
}

/** The two family flags of one child, as the list computes them. */
export async function childFlags(db: Db, id: string) {
  const [row] = await db
    .select({ parentUnreachable: parentUnreachableSql, hasEntrustment: hasEntrustmentSql(todayIso()) })
    .from(child)
    .where(eq(child.id, id));
  return row ?? { parentUnreachable: false, hasEntrustment: false };
}
