import { createHash } from 'node:crypto';
import { todayIso } from '@shouwang/shared';
import { asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { preparedPerDb } from '../../db/prepared';
import { org } from '../orgs/orgs.table';
import type { ChildScope } from './children.policy';
import { type ChildRow, childColumns, col } from './children.repository';
import { child } from './children.table';
import { type ChildListFilters, type ListShape, listParams, listShape, shapeConditions } from './children-list.shape';
import { guardian } from './guardians.table';
import { parent } from './parents.table';

/** The children lists: filters, search, scope, one page with its family flags, unit names and total. */

export type { ChildListFilters };

/** A parent who cannot be reached (or is missing), of the child with this id in this county. */
const parentUnreachableOf = (id: SQL, countyId: SQL) => sql<boolean>`exists (select 1
  from ${parent} where ${col(parent.childId)} = ${id} and ${col(parent.countyId)} = ${countyId}
  and ${col(parent.deletedAt)} is null and (${col(parent.unreachable)} or ${col(parent.status)} = 'missing'))`;

/** A signed 委托监护确认书 that has not expired. */
const hasEntrustmentOf = (id: SQL, countyId: SQL, today: SQL | string) => sql<boolean>`exists
  (select 1 from ${guardian} where ${col(guardian.childId)} = ${id} and ${col(guardian.countyId)} = ${countyId}
  and ${col(guardian.deletedAt)} is null and ${col(guardian.entrustmentSignedOn)} is not null
  and (${col(guardian.entrustmentValidUntil)} is null or ${col(guardian.entrustmentValidUntil)} >= ${today}))`;

const parentUnreachableSql = parentUnreachableOf(col(child.id), col(child.countyId));
const hasEntrustmentSql = (today: SQL | string) => hasEntrustmentOf(col(child.id), col(child.countyId), today);

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

/** The list's statements for one shape and column set: the page (with the total) and a count alone. */
function listQueries(db: Db, key: string, name: string | undefined) {
  const [columnSet, shapeJson] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  const shape = JSON.parse(shapeJson) as ListShape;
  const columns: Record<string, AnyPgColumn> = columnSet === 'all' ? childColumns : listItemColumns;
  const today = sql`${sql.placeholder('today')}::date`;
  const where = shapeConditions(shape, {
    parentUnreachable: parentUnreachableSql,
    noEntrustment: sql`not ${hasEntrustmentSql(today)}`,
  });
  const p = db
    .select(columns)
    .from(child)
    .where(where)
    .orderBy(
      ...(shape.recent
        ? [desc(child.updatedAt), asc(child.id)]
        : [asc(sql`${child.namePinyin} collate "C"`), asc(child.name), asc(child.id)]),
    )
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .as('p');
  const pageColumns = Object.fromEntries(Object.keys(columns).map((k) => [k, p[k]!])) as Record<string, AnyPgColumn>;
  const pageQuery = db
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
      ...(shape.recent
        ? [desc(pageCol(child.updatedAt)), asc(pageCol(child.id))]
        : [asc(sql`${pageCol(child.namePinyin)} collate "C"`), asc(pageCol(child.name)), asc(pageCol(child.id))]),
    );
  const countQuery = db.select({ n: sql<number>`count(*)::int` }).from(child).where(where);
  // Unnamed (past the cap): built for one request, its placeholders filled in the same way.
  if (!name) return { page: pageQuery, count: countQuery };
  return { page: pageQuery.prepare(`${name}_p`), count: countQuery.prepare(`${name}_n`) };
}

/**
 * At most this many shapes are kept prepared (per database handle; each is a named statement on
 * every connection that ran it). The shapes in use are few (a role's scope, the list's filters);
 * past the cap a shape is built for its one request, as before.
 */
export const listPreparation = { maxShapes: 256 };
const preparedShapes = new Set<string>();
const statementName = (key: string) => `children_list_${createHash('sha1').update(key).digest('hex').slice(0, 16)}`;
const prepared = preparedPerDb((db, key) => listQueries(db, key, statementName(key)));

function queriesFor(db: Db, key: string) {
  if (preparedShapes.has(key) || preparedShapes.size < listPreparation.maxShapes) {
    preparedShapes.add(key);
    return prepared(db, key);
  }
  return listQueries(db, key, undefined);
}

/**
 * One page of children in scope, in pinyin order (or most recently changed first), the total, and
 * the names of their schools, classes and villages: one statement (bench findings 17b; it was five
 * round trips, each ≈0.4 ms of server CPU), prepared once per shape (18b). The page is taken first,
 * then the two family flags and the names for its rows only: computed in the filtered query's
 * select list, the planner turned the flags into hashed subplans over all of `parent` and `guardian`
 * (bench findings 1). The total is an uncorrelated sub-select (computed once); a page past the end
 * asks for it on its own.
 */
async function listPage(
  db: Db,
  scope: ChildScope,
  filters: ChildListFilters,
  page: { page: number; pageSize: number },
  columnSet: 'items' | 'all',
): Promise<ListPage<Record<string, unknown> & Flags>> {
  const shape = listShape(scope, filters);
  if (!shape) return { rows: [], total: 0, names: new Map() };
  const queries = queriesFor(db, `${columnSet}:${JSON.stringify(shape)}`);
  const params = listParams(scope, filters, todayIso());
  const found = (await queries.page.execute({
    ...params,
    limit: page.pageSize,
    offset: (page.page - 1) * page.pageSize,
  })) as (Record<string, unknown> & Flags)[];
  const names = new Map<string, string>();
  const rows = found.map(({ schoolName, className, villageName, total: _total, ...row }) => {
    if (row.schoolId) names.set(row.schoolId as string, (schoolName as string | null) ?? '');
    if (row.classId) names.set(row.classId as string, (className as string | null) ?? '');
    if (row.villageId) names.set(row.villageId as string, (villageName as string | null) ?? '');
    return row as Record<string, unknown> & Flags;
  });
  if (found.length > 0) return { rows, total: found[0]!.total as number, names };
  const [count] = await queries.count.execute(params);
  return { rows, total: count!.n, names };
}

/** A page of the list as the list shows it (the columns of a list item only). */
export async function listChildItems(
  db: Db,
  scope: ChildScope,
  filters: ChildListFilters,
  page: { page: number; pageSize: number },
) {
  return (await listPage(db, scope, filters, page, 'items')) as unknown as ListPage<ChildListItemRow>;
}

/** The same children with every column but the ID number (the export, contact cards). */
export async function listChildren(
  db: Db,
  scope: ChildScope,
  filters: ChildListFilters,
  page: { page: number; pageSize: number },
) {
  return (await listPage(db, scope, filters, page, 'all')) as unknown as ListPage<ChildListRow>;
}

/** The two family flags of one child, as the list computes them. */
export async function childFlags(db: Db, id: string) {
  const [row] = await db
    .select({ parentUnreachable: parentUnreachableSql, hasEntrustment: hasEntrustmentSql(todayIso()) })
    .from(child)
    .where(eq(child.id, id));
  return row ?? { parentUnreachable: false, hasEntrustment: false };
}
