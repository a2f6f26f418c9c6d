import type { CareLevel, ChildCategory, EnrollmentStatus } from '@shouwang/shared';
import { and, arrayOverlaps, eq, isNotNull, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { arrayParam, prefixEnd, startsWithPlaceholder } from '../../db/prepared';
import { escapeLike } from '../orgs/orgs.repository';
import type { ChildScope } from './children.policy';
import { child } from './children.table';
import { hashIdNumber } from './id-number-hash';

/**
 * The children list's statement is prepared once per shape (bench findings 18b): which filters are
 * set, how many scope prefixes of which kind, the sort and the columns. The values (the scope's
 * counties and paths, the filters, the page) are parameters, so Drizzle builds the SQL once per
 * shape and PostgreSQL may keep a generic plan of it per connection. The authorization scope is part
 * of every shape: there is no statement without it.
 */

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

/** What `q` is: the last four ID characters, a full ID number, pinyin letters, or part of a name. */
type SearchKind = 'last4' | 'idNumber' | 'pinyin' | 'name';

export interface ListShape {
  /** Per scope prefix: `c` a whole county, `k` a class, `r` a path range, `l` a path LIKE (a prefix a range cannot bound). */
  prefixes: string;
  paired: boolean;
  deleted: boolean;
  search: SearchKind | '';
  school: boolean;
  class: boolean;
  village: boolean;
  careLevel: boolean;
  enrollment: boolean;
  incomplete: boolean;
  parentUnreachable: boolean;
  noEntrustment: boolean;
  categories: boolean;
  recent: boolean;
}

const ph = (name: string) => sql.placeholder(name);

function searchKind(q: string): SearchKind {
  if (/^\d{4}$/.test(q) || /^\d{3}X$/i.test(q)) return 'last4';
  if (/^\d{17}[\dX]$/i.test(q)) return 'idNumber';
  if (/^[a-z]+$/i.test(q)) return 'pinyin';
  return 'name';
}

/** A prefix of a whole county is its county_id: the path pair would only add cost. */
const isCountyPrefix = (p: string) => /^[^/]+\/$/.test(p);

/** `c` a whole county, `k` a class (a path range and its class_id), `r` a path range, `l` a LIKE. */
function prefixKind(scope: ChildScope, p: string, i: number) {
  if (isCountyPrefix(p)) return 'c';
  if (prefixEnd(p) === null) return 'l';
  return scope.classIds?.[i] ? 'k' : 'r';
}

export function listShape(scope: ChildScope, f: ChildListFilters): ListShape | null {
  const prefixes = scope.prefixes.map((p, i) => prefixKind(scope, p, i)).join('');
  if (prefixes === '' && scope.pairedIds.length === 0) return null;
  return {
    prefixes,
    paired: scope.pairedIds.length > 0,
    deleted: !!f.deleted,
    search: f.q ? searchKind(f.q) : '',
    school: !!f.schoolId,
    class: !!f.classId,
    village: !!f.villageId,
    careLevel: !!f.careLevel,
    enrollment: !!f.enrollmentStatus,
    incomplete: !!f.incomplete,
    parentUnreachable: !!f.parentUnreachable,
    noEntrustment: !!f.noEntrustment,
    categories: !!f.categories?.length,
    recent: f.sort === 'recent',
  };
}

/** The values of a shape's placeholders. */
export function listParams(scope: ChildScope, f: ChildListFilters, today: string): Record<string, unknown> {
  const params: Record<string, unknown> = { today, countyIds: arrayParam(scope.countyIds) };
  scope.prefixes.forEach((p, i) => {
    if (isCountyPrefix(p)) params[`p${i}`] = p.slice(0, -1);
    else if (prefixEnd(p) === null) params[`p${i}`] = `${escapeLike(p)}%`;
    else {
      params[`p${i}`] = p;
      params[`p${i}end`] = prefixEnd(p);
      if (scope.classIds?.[i]) params[`p${i}class`] = scope.classIds[i];
    }
  });
  if (scope.pairedIds.length > 0) params.pairedIds = arrayParam(scope.pairedIds);
  if (f.q) {
    const kind = searchKind(f.q);
    if (kind === 'last4') params.q = f.q.toUpperCase();
    else if (kind === 'idNumber') params.q = hashIdNumber(f.q);
    else if (kind === 'name') params.q = `%${escapeLike(f.q)}%`;
    else {
      const lower = f.q.toLowerCase();
      params.q = `${escapeLike(lower)}%`;
      params.qFirst = lower[0]!;
      params.qNext = String.fromCharCode(lower.charCodeAt(0) + 1);
    }
  }
  if (f.schoolId) params.schoolId = f.schoolId;
  if (f.classId) params.classId = f.classId;
  if (f.villageId) params.villageId = f.villageId;
  if (f.careLevel) params.careLevel = f.careLevel;
  if (f.enrollmentStatus) params.enrollmentStatus = f.enrollmentStatus;
  if (f.categories?.length) params.categories = arrayParam(f.categories);
  return params;
}

/**
 * The scope as one SQL condition: a prefix of either org path (as a byte range, which the
 * text_pattern_ops path indexes answer with parameters too — a LIKE needs its pattern at planning
 * time), or a paired child.
 */
function scopeCondition(shape: ListShape): SQL {
  const pathIn = (column: AnyPgColumn, i: number) => startsWithPlaceholder(column, `p${i}`);
  const byOrg = [...shape.prefixes].flatMap((kind, i) =>
    kind === 'c'
      ? [
          and(
            sql`${child.countyId} = ${ph(`p${i}`)}::uuid`,
            or(isNotNull(child.schoolPath), isNotNull(child.villagePath)),
          )!,
        ]
      : kind === 'k'
        ? // A class: its children only (a village path never lies under a class); the path range too.
          [sql`(${child.classId} = ${ph(`p${i}class`)}::uuid and ${pathIn(child.schoolPath, i)})`]
        : kind === 'r'
          ? [pathIn(child.schoolPath, i), pathIn(child.villagePath, i)]
          : [like(child.schoolPath, ph(`p${i}`) as never), like(child.villagePath, ph(`p${i}`) as never)],
  );
  const parts: SQL[] = [];
  if (byOrg.length > 0) parts.push(and(sql`${child.countyId} = any(${ph('countyIds')}::uuid[])`, or(...byOrg))!);
  if (shape.paired) parts.push(sql`${child.id} = any(${ph('pairedIds')}::uuid[])`);
  return or(...parts)!;
}

/**
 * Pinyin letters match a prefix of the initials (`zyh`) or of the full pinyin (`zhangyu`); both
 * start with the first letter of the sort key, so the search also bounds `name_pinyin` to that
 * letter's range (bench findings 3): the same rows, and the ordered county index starts at that
 * letter instead of walking every name before it.
 */
function searchCondition(kind: SearchKind): SQL {
  if (kind === 'last4') return eq(child.idNumberLast4, ph('q') as never);
  if (kind === 'idNumber') return eq(child.idNumberHash, ph('q') as never);
  if (kind === 'name') return like(child.name, ph('q') as never);
  return and(
    or(like(child.nameInitials, ph('q') as never), like(child.namePinyinCompact, ph('q') as never)),
    sql`${child.namePinyin} collate "C" >= ${ph('qFirst')}::text and ${child.namePinyin} collate "C" < ${ph('qNext')}::text`,
  )!;
}

/** The list's conditions for a shape; `parentUnreachable` and `noEntrustment` are the family flags. */
export function shapeConditions(shape: ListShape, flags: { parentUnreachable: SQL; noEntrustment: SQL }): SQL {
  const conditions: SQL[] = [
    scopeCondition(shape),
    shape.deleted ? isNotNull(child.deletedAt) : isNull(child.deletedAt),
  ];
  if (shape.search) conditions.push(searchCondition(shape.search));
  if (shape.school) conditions.push(sql`${child.schoolId} = ${ph('schoolId')}::uuid`);
  if (shape.class) conditions.push(sql`${child.classId} = ${ph('classId')}::uuid`);
  if (shape.village) conditions.push(sql`${child.villageId} = ${ph('villageId')}::uuid`);
  if (shape.careLevel) conditions.push(eq(child.careLevel, ph('careLevel') as never));
  if (shape.enrollment) conditions.push(eq(child.enrollmentStatus, ph('enrollmentStatus') as never));
  if (shape.incomplete) conditions.push(eq(child.archiveComplete, false));
  if (shape.parentUnreachable) conditions.push(flags.parentUnreachable);
  if (shape.noEntrustment) conditions.push(flags.noEntrustment);
  // The categories in force, kept on the child by migration 0024's triggers: no semi join over
  // child_category (bench findings 2, 16: the total read all of it, 812 pages, even for one school).
  if (shape.categories) conditions.push(arrayOverlaps(child.openCategories, sql`${ph('categories')}::text[]`));
  return and(...conditions)!;
}
