import { type ChildKpi, coveragePairingKinds, leftBehindCategories } from '@shouwang/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { escapeLike } from '../orgs/orgs.repository';

export const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

/** The org node a statistic is computed over. */
export interface StatsScope {
  countyId: string;
  kind: 'county' | 'township' | 'village' | 'school' | 'class';
  path: string;
}

/** Sub-units the comparison table groups children by. */
export type UnitKind = 'township' | 'school' | 'class' | 'village';

export interface KpiWindow {
  /** The term's first day (enrollment and school age are judged on it). */
  start: string;
  /** The as-of date: term end, or today while it runs. */
  asOf: string;
}

/**
 * The children of a scope, filtered on the county (distribution column) and an indexed path prefix:
 * a school or class by where the child studies, a village by the home village, a township by either.
 */
export function scopeFilter(scope: StatsScope, alias = 'c'): SQL {
  const c = sql.raw(alias);
  const prefix = `${escapeLike(scope.path)}%`;
  const county = sql`${c}.county_id = ${scope.countyId} and ${c}.deleted_at is null`;
  switch (scope.kind) {
    case 'county':
      return county;
    case 'school':
    case 'class':
      return sql`${county} and ${c}.school_path like ${prefix}`;
    case 'village':
      return sql`${county} and ${c}.village_path like ${prefix}`;
    case 'township':
      return sql`${county} and (${c}.school_path like ${prefix} or ${c}.village_path like ${prefix})`;
  }
}

const unitExpression = (unit: UnitKind | null): SQL => {
  switch (unit) {
    case 'township':
      // The second id of the path is the township (a school straight under the county is left out below).
      return sql`split_part(coalesce(c.school_path, c.village_path), '/', 2)`;
    case 'school':
      return sql`c.school_id::text`;
    case 'class':
      return sql`c.class_id::text`;
    case 'village':
      return sql`c.village_id::text`;
    default:
      return sql`null::text`;
  }
};

/** School-age birth dates as text bounds: age 6–15 on `start` ⇔ `${Y-16}-MM-DD` < birth ≤ `${Y-6}-MM-DD`. */
export function schoolAgeBounds(start: string): { latest: string; earliestExclusive: string } {
  const year = Number(start.slice(0, 4));
  return { latest: `${year - 6}${start.slice(4)}`, earliestExclusive: `${year - 16}${start.slice(4)}` };
}

/**
 * The left-behind children of a scope on a date, set-based (a hash join when the scope is a county,
 * index probes when it is a school): `base` = children of the scope, `kids` = those with a
 * left-behind category period holding on `asOf`. `columns` are extra columns of `child c`.
 */
export function leftBehindKidsCte(scope: StatsScope, asOf: string, columns: SQL = sql``): SQL {
  return kidsWhereCte(scopeFilter(scope), scope.countyId, asOf, columns);
}

/** `leftBehindKidsCte` over any filter of `child c` within one county (the KPI cache's buckets). */
export function kidsWhereCte(where: SQL, countyId: string, asOf: string, columns: SQL = sql``): SQL {
  return sql`
    base as materialized (
      select c.id, c.county_id, c.school_id, c.care_level ${columns} from child c where ${where}
    ),
    kids as materialized (
      select b.* from base b
      where b.id in (select cc.child_id from child_category cc
        where cc.county_id = ${countyId} and cc.category in ${leftBehindCategories}
          and cc.start_date <= ${asOf}::date and (cc.end_date is null or cc.end_date > ${asOf}::date))
    )`;
}

/**
 * Per child of the scope who is left-behind on the as-of date: its unit and where it stands for each
 * KPI. Before a child's first enrollment entry it counts as enrolled unless that entry is an
 * enrollment; with no history, a child with a school is enrolled (shared `enrollmentOn`).
 */
function factsCte(scope: StatsScope, window: KpiWindow, unit: UnitKind | null): SQL {
  return childFactsCte(scopeFilter(scope), scope.countyId, window, sql`, ${unitExpression(unit)} as unit_id`);
}

/**
 * `facts`: every column of `kids` (id, county_id, school_id, care_level, archive_complete, birth_date
 * and `columns`) with school_age, enrolled_start, retained_end and paired, the inputs of `kpiConditions`.
 */
export function childFactsCte(where: SQL, countyId: string, window: KpiWindow, columns: SQL = sql``): SQL {
  const age = schoolAgeBounds(window.start);
  return sql`
    ${kidsWhereCte(where, countyId, window.asOf, sql`, c.archive_complete, c.birth_date ${columns}`)},
    entries as (
      -- One pass over the children's enrollment history: the first entry, and the entry in force on the
      -- term's first day and on the as-of date (latest on or before; ties by creation time).
      select e.child_id,
        (array_agg(e.status order by e.date, e.created_at))[1] as first_status,
        (array_agg(e.status order by e.date desc, e.created_at desc) filter (where e.date <= ${window.start}::date))[1] as start_status,
        (array_agg(e.status order by e.date desc, e.created_at desc) filter (where e.date <= ${window.asOf}::date))[1] as end_status,
        (array_agg(e.destination order by e.date desc, e.created_at desc) filter (where e.date <= ${window.asOf}::date))[1] as end_destination
      from child_enrollment e join kids k on k.id = e.child_id
      where e.county_id = ${countyId}
      group by e.child_id
    ),
    paired as (
      select distinct p.child_id from pairing p join kids k on k.id = p.child_id and k.county_id = p.county_id
      where p.county_id = ${countyId} and p.deleted_at is null and p.kind in ${coveragePairingKinds} and p.start_date <= ${window.asOf}::date
        and (p.end_date is null or p.end_date > ${window.asOf}::date)
    ),
    facts as (
      select k.*,
        (k.birth_date is not null and k.birth_date::text <= ${age.latest} and k.birth_date::text > ${age.earliestExclusive}) as school_age,
        coalesce(n.start_status = 'enrolled', n.first_status <> 'enrolled', k.school_id is not null) as enrolled_start,
        coalesce(
          n.end_status in ('enrolled', 'graduated')
            or (n.end_status = 'transferred_out' and coalesce(n.end_destination, '') ~ '[^[:space:]]'),
          n.first_status <> 'enrolled', k.school_id is not null) as retained_end,
        pr.child_id is not null as paired
      from kids k
      left join entries n on n.child_id = k.id
      left join paired pr on pr.child_id = k.id
    )`;
}

/** Denominator and numerator conditions per KPI, over the `facts` CTE. */
export const kpiConditions: Record<ChildKpi, { counted: SQL; met: SQL }> = {
  archiveRate: { counted: sql`true`, met: sql`archive_complete` },
  enrollmentRate: { counted: sql`school_age`, met: sql`school_age and enrolled_start` },
  retentionRate: { counted: sql`enrolled_start`, met: sql`enrolled_start and retained_end` },
  pairingCoverage: { counted: sql`true`, met: sql`paired` },
};

export interface KpiTallyRow {
  /** null: the whole scope. */
  unitId: string | null;
  /** The unit's name and kind, when the statement joined them (the KPI cache does). */
  unit?: { name: string; kind: string } | null;
  children: number;
  counts: Record<ChildKpi, { numerator: number; denominator: number }>;
}

/** The four child KPIs of a scope and of each sub-unit, in one statement (grouping sets). */
export async function kpiTallies(
  db: Db,
  scope: StatsScope,
  window: KpiWindow,
  unit: UnitKind | null,
): Promise<KpiTallyRow[]> {
  const result = await db.execute(sql`
    with ${factsCte(scope, window, unit)}
    select grouping(unit_id) = 1 as total, unit_id, count(*)::int as children,
      count(*) filter (where archive_complete)::int as archive_met,
      count(*) filter (where school_age)::int as enrollment_in,
      count(*) filter (where school_age and enrolled_start)::int as enrollment_met,
      count(*) filter (where enrolled_start)::int as retention_in,
      count(*) filter (where enrolled_start and retained_end)::int as retention_met,
      count(*) filter (where paired)::int as paired
    from facts
    group by grouping sets ((), (unit_id))
  `);
  return tallyRowsOf(rowsOf<Record<string, unknown>>(result));
}

/**
 * KPI tally rows from a `grouping sets ((), (unit_id))` statement (the live one above and the KPI
 * cache's): columns total, unit_id, children, archive_met, enrollment_in/_met, retention_in/_met,
 * paired. A scope with no child still answers its whole-scope row, at zero.
 */
export function tallyRowsOf(rows: Record<string, unknown>[]): KpiTallyRow[] {
  const n = (v: unknown) => Number(v ?? 0);
  const isTotal = (v: unknown) => v === true || String(v) === 't';
  const out = rows
    .filter((r) => isTotal(r.total) || r.unit_id !== null)
    .map((r) => ({
      unitId: isTotal(r.total) ? null : (r.unit_id as string),
      ...('unit_name' in r
        ? { unit: r.unit_name == null ? null : { name: String(r.unit_name), kind: String(r.unit_kind) } }
        : {}),
      children: n(r.children),
      counts: {
        archiveRate: { numerator: n(r.archive_met), denominator: n(r.children) },
        enrollmentRate: { numerator: n(r.enrollment_met), denominator: n(r.enrollment_in) },
        retentionRate: { numerator: n(r.retention_met), denominator: n(r.retention_in) },
        pairingCoverage: { numerator: n(r.paired), denominator: n(r.children) },
      },
    }));
  if (!out.some((r) => r.unitId === null)) {
    const zero = { numerator: 0, denominator: 0 };
    out.push({
      unitId: null,
      children: 0,
      counts: { archiveRate: zero, enrollmentRate: zero, retentionRate: zero, pairingCoverage: zero },
    });
  }
  return out;
}

export interface KpiChildRow {
  id: string;
  name: string;
  sex: string | null;
  birthDate: string | null;
  careLevel: 'general' | 'key' | 'special';
  schoolName: string | null;
  className: string | null;
  villageName: string | null;
  archiveMissing: string[];
  enrollmentStatus: string | null;
}

/** The children in (`numerator`) or missing from (`missing`) a KPI's numerator, paged, in pinyin order. */
export async function kpiChildren(
  db: Db,
  scope: StatsScope,
  window: KpiWindow,
  kpi: ChildKpi,
  part: 'numerator' | 'missing',
  paging: { limit: number; offset: number },
): Promise<{ rows: KpiChildRow[]; total: number }> {
  const cond = kpiConditions[kpi];
  const where = part === 'numerator' ? cond.met : sql`(${cond.counted}) and not (${cond.met})`;
  // The enrollment entry that explains the figure: on the first day for 入学率, at the as-of date otherwise.
  const statusOn = kpi === 'enrollmentRate' ? window.start : window.asOf;
  const result = await db.execute(sql`
    with ${factsCte(scope, window, null)},
    chosen as (select id from facts where ${where})
    select c.id, c.name, c.sex, to_char(c.birth_date, 'YYYY-MM-DD') as "birthDate", c.care_level as "careLevel",
      s.name as "schoolName", k.name as "className", v.name as "villageName",
      c.archive_missing as "archiveMissing",
      (select e.status from child_enrollment e where e.child_id = c.id and e.date <= ${statusOn}::date
         order by e.date desc, e.created_at desc limit 1) as "enrollmentStatus",
      count(*) over ()::int as total
    from chosen
    join child c on c.id = chosen.id
    left join org s on s.id = c.school_id
    left join org k on k.id = c.class_id
    left join org v on v.id = c.village_id
    order by c.name_pinyin collate "C", c.id
    limit ${paging.limit} offset ${paging.offset}
  `);
  const rows = rowsOf<KpiChildRow & { total: number }>(result);
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

/** Children by id, with their units' names, paged in pinyin order (the compliance drill-down). */
export async function childrenByIds(
  db: Db,
  ids: string[],
  paging: { limit: number; offset: number },
): Promise<{ rows: KpiChildRow[]; total: number }> {
  if (ids.length === 0) return { rows: [], total: 0 };
  const result = await db.execute(sql`
    select c.id, c.name, c.sex, to_char(c.birth_date, 'YYYY-MM-DD') as "birthDate", c.care_level as "careLevel",
      s.name as "schoolName", k.name as "className", v.name as "villageName",
      c.archive_missing as "archiveMissing", c.enrollment_status as "enrollmentStatus",
      count(*) over ()::int as total
    from child c
    left join org s on s.id = c.school_id
    left join org k on k.id = c.class_id
    left join org v on v.id = c.village_id
    where c.id = any(${`{${ids.filter((id) => uuidPattern.test(id)).join(',')}}`}::uuid[])
    order by c.name_pinyin collate "C", c.id
    limit ${paging.limit} offset ${paging.offset}
  `);
  const rows = rowsOf<KpiChildRow & { total: number }>(result);
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

/** Left-behind children of the scope on the as-of date by category (every active category) and by care level. */
export async function breakdowns(db: Db, scope: StatsScope, asOf: string) {
  const result = await db.execute(sql`
    with ${leftBehindKidsCte(scope, asOf)}
    select 'category' as axis, cc.category as key, count(distinct k.id)::int as count
    from kids k join child_category cc on cc.child_id = k.id
      and cc.start_date <= ${asOf}::date and (cc.end_date is null or cc.end_date > ${asOf}::date)
    group by cc.category
    union all
    select 'care_level', care_level, count(*)::int from kids group by care_level
  `);
  return rowsOf<{ axis: 'category' | 'care_level'; key: string; count: number }>(result).map((r) => ({
    ...r,
    count: Number(r.count),
  }));
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Names of org nodes by id (an index lookup each; `id::text in (…)` read the whole table). */
export async function orgNames(db: Db, ids: string[]): Promise<Map<string, { name: string; kind: string }>> {
  if (ids.length === 0) return new Map();
  const result = await db.execute(sql`
    select id::text as id, name, kind from org
    where id = any(${`{${ids.filter((id) => uuidPattern.test(id)).join(',')}}`}::uuid[]) and deleted_at is null`);
  return new Map(rowsOf<{ id: string; name: string; kind: string }>(result).map((r) => [r.id, r]));
}
