import { todayIso } from '@shouwang/shared';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedPerDb } from '../../db/prepared';
import type { ChildCategoryRow, ChildEnrollmentRow } from './child-history.repository';
import { childColumns, col } from './children.repository';
import { child } from './children.table';
import type { EntrustmentRow, GuardianRow } from './guardians.repository';
import type { ParentRow } from './parents.repository';

/** What the child page shows of each tab's rows (family.presenter and children.presenter read these). */
export type CategoryItem = Pick<ChildCategoryRow, 'id' | 'category' | 'startDate' | 'endDate' | 'note'>;
export type EnrollmentItem = Pick<ChildEnrollmentRow, 'id' | 'status' | 'date' | 'destination' | 'note'>;
export type ParentItem = Pick<
  ParentRow,
  | 'id'
  | 'relation'
  | 'name'
  | 'status'
  | 'birthDate'
  | 'idNumberMasked'
  | 'workProvince'
  | 'workCity'
  | 'employer'
  | 'occupation'
  | 'phones'
  | 'leftHomeOn'
  | 'returnFrequency'
  | 'contactFrequency'
  | 'unreachable'
  | 'note'
  | 'version'
>;
export type EntrustmentItem = Pick<EntrustmentRow, 'id' | 'signedOn' | 'validUntil' | 'attachmentId' | 'note'>;
export type GuardianItem = Pick<
  GuardianRow,
  | 'id'
  | 'relation'
  | 'name'
  | 'birthYear'
  | 'health'
  | 'literacy'
  | 'phone'
  | 'address'
  | 'idNumberMasked'
  | 'isPrimary'
  | 'note'
  | 'entrustmentId'
  | 'entrustmentSignedOn'
  | 'entrustmentValidUntil'
  | 'version'
>;

/*
 * The tabs' rows as JSON arrays in the child's own statement (bench findings 7: the page took eight
 * round trips). Each sub-select pins its table to the child's county (docs/SCALING.md) and keeps
 * the order the separate reads had. Dates come back as 'YYYY-MM-DD' strings, as Drizzle gives them.
 */
const agg = (object: string, order: string, from: string, where: string) =>
  sql.raw(`coalesce((select json_agg(json_build_object(${object}) order by ${order}) from ${from}
  where ${where}), '[]'::json)`);
const childRef = (alias: string) => `${alias}.child_id = "child"."id" and ${alias}.county_id = "child"."county_id"`;

const categoriesJson = agg(
  `'id', cc.id, 'category', cc.category, 'startDate', cc.start_date, 'endDate', cc.end_date, 'note', cc.note`,
  'cc.start_date desc, cc.category asc',
  'child_category cc',
  childRef('cc'),
);
const enrollmentsJson = agg(
  `'id', ce.id, 'status', ce.status, 'date', ce.date, 'destination', ce.destination, 'note', ce.note`,
  'ce.date desc, ce.created_at desc',
  'child_enrollment ce',
  childRef('ce'),
);
const parentsJson = agg(
  `'id', p.id, 'relation', p.relation, 'name', p.name, 'status', p.status, 'birthDate', p.birth_date,
  'idNumberMasked', p.id_number_masked, 'workProvince', p.work_province, 'workCity', p.work_city,
  'employer', p.employer, 'occupation', p.occupation, 'phones', p.phones, 'leftHomeOn', p.left_home_on,
  'returnFrequency', p.return_frequency, 'contactFrequency', p.contact_frequency,
  'unreachable', p.unreachable, 'note', p.note, 'version', p.version`,
  `case p.relation when 'father' then 0 when 'mother' then 1 else 2 end, p.created_at asc`,
  'parent p',
  `${childRef('p')} and p.deleted_at is null`,
);
const entrustmentsJson = `coalesce((select json_agg(json_build_object('id', ge.id, 'signedOn', ge.signed_on,
  'validUntil', ge.valid_until, 'attachmentId', ge.attachment_id, 'note', ge.note)
  order by ge.signed_on desc, ge.created_at desc) from guardian_entrustment ge
  where ge.guardian_id = g.id and ge.county_id = g.county_id), '[]'::json)`;
const guardiansJson = agg(
  `'id', g.id, 'relation', g.relation, 'name', g.name, 'birthYear', g.birth_year, 'health', g.health,
  'literacy', g.literacy, 'phone', g.phone, 'address', g.address, 'idNumberMasked', g.id_number_masked,
  'isPrimary', g.is_primary, 'note', g.note, 'entrustmentId', g.entrustment_id, 'version', g.version,
  'entrustmentSignedOn', g.entrustment_signed_on, 'entrustmentValidUntil', g.entrustment_valid_until,
  'entrustments', ${entrustmentsJson}`,
  'g.is_primary desc, g.created_at asc',
  'guardian g',
  `${childRef('g')} and g.deleted_at is null`,
);
/** Names of the child's school, class and home village (org is a reference table). */
const namesJson = sql.raw(`coalesce((select json_object_agg(o.id, o.name) from org o
  where o.id in ("child"."school_id", "child"."class_id", "child"."village_id")), '{}'::json)`);

function childPageQuery(db: Db, includeDeleted: boolean) {
  const where: SQL[] = [
    eq(child.id, sql.placeholder('id')),
    sql`${col(child.countyId)} = any(${sql.placeholder('counties')}::uuid[])`,
  ];
  if (!includeDeleted) where.push(isNull(child.deletedAt));
  return db
    .select({
      ...childColumns,
      names: sql<Record<string, string>>`${namesJson}`,
      categories: sql<CategoryItem[]>`${categoriesJson}`,
      enrollments: sql<EnrollmentItem[]>`${enrollmentsJson}`,
      parents: sql<ParentItem[]>`${parentsJson}`,
      guardians: sql<(GuardianItem & { entrustments: EntrustmentItem[] })[]>`${guardiansJson}`,
    })
    .from(child)
    .where(and(...where))
    .limit(1)
    .prepare(includeDeleted ? 'child_page_any' : 'child_page');
}

const prepared = preparedPerDb((db, shape) => childPageQuery(db, shape === 'any'));

/** A PostgreSQL array literal of uuids (the values are the actor's county ids). */
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/**
 * The child with everything its page shows, in one statement, looked up in the given counties only
 * (the caller's: a child elsewhere is never visible). The caller applies the policy.
 */
export async function findChildPage(
  db: Db,
  id: string,
  countyIds: readonly string[],
  options: { includeDeleted?: boolean } = {},
) {
  const query = prepared(db, options.includeDeleted ? 'any' : 'live');
  const [row] = await query.execute({ id, counties: uuidArray(countyIds) });
  if (!row) return undefined;
  const { names, categories, enrollments, parents, guardians, ...childRow } = row;
  const entrustments = new Map<string, EntrustmentItem[]>();
  for (const g of guardians) entrustments.set(g.id, g.entrustments);
  // The list's two family flags (children.repository), from the rows already here.
  const today = todayIso();
  return {
    row: {
      ...childRow,
      parentUnreachable: parents.some((p) => p.unreachable || p.status === 'missing'),
      hasEntrustment: guardians.some(
        (g) => g.entrustmentSignedOn !== null && (g.entrustmentValidUntil === null || g.entrustmentValidUntil >= today),
      ),
    },
    names: new Map(Object.entries(names)),
    categories,
    enrollments,
    parents,
    guardians,
    entrustments,
  };
}

export type ChildPage = NonNullable<Awaited<ReturnType<typeof findChildPage>>>;
