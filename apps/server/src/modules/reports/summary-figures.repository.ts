import { coveragePairingKinds, leftBehindCategories } from '@shouwang/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { escapeLike } from '../orgs/orgs.repository';

/**
 * Set-based statements behind the work summary: each reads the scope's children once through an
 * indexed path prefix (county id first, the distribution column) and aggregates in the database,
 * so a county of 50,000 children costs a handful of statements, never a loop over rows.
 */

export interface SummaryScope {
  countyId: string;
  kind: 'county' | 'township' | 'village' | 'school' | 'class';
  path: string;
}

export interface SummaryWindow {
  start: string;
  asOf: string;
}

const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
const n = (v: unknown) => Number(v ?? 0);

/** The scope's live children (same rule as the dashboard's `scopeFilter`). */
export function scopeFilter(scope: SummaryScope, alias = 'c'): SQL {
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

const inForce = (date: string) =>
  sql`cc.start_date <= ${date}::date and (cc.end_date is null or cc.end_date > ${date}::date)`;

const enrolledOn = (date: string) => sql`coalesce(
  (select e.status = 'enrolled' from child_enrollment e where e.child_id = k.id and e.date <= ${date}::date
     order by e.date desc, e.created_at desc limit 1),
  (select e.status <> 'enrolled' from child_enrollment e where e.child_id = k.id order by e.date, e.created_at limit 1),
  k.school_id is not null)`;

const retainedOn = (date: string) => sql`coalesce(
  (select e.status in ('enrolled', 'graduated') or (e.status = 'transferred_out' and coalesce(e.destination, '') ~ '[^[:space:]]')
     from child_enrollment e where e.child_id = k.id and e.date <= ${date}::date
     order by e.date desc, e.created_at desc limit 1),
  (select e.status <> 'enrolled' from child_enrollment e where e.child_id = k.id order by e.date, e.created_at limit 1),
  k.school_id is not null)`;

/** School age (6–15) on the term's first day, as text bounds on the birth date. */
function schoolAge(start: string) {
  const year = Number(start.slice(0, 4));
  return { latest: `${year - 6}${start.slice(4)}`, earliest: `${year - 16}${start.slice(4)}` };
}

/**
 * Children of the scope and, over the left-behind ones on the as-of date, the four KPIs with the
 * dashboard's definitions, dropouts during the term, and the pairing helpers.
 */
export async function childFigures(db: Db, scope: SummaryScope, w: SummaryWindow) {
  const age = schoolAge(w.start);
  const result = await db.execute(sql`
    with kids as materialized (
      select c.id, c.county_id, c.school_id, c.archive_complete, c.birth_date,
        exists (select 1 from child_category cc where cc.child_id = c.id and cc.category in ${leftBehindCategories}
          and ${inForce(w.asOf)}) as left_behind
      from child c where ${scopeFilter(scope)}
    ),
    facts as (
      select k.id, k.archive_complete,
        (k.birth_date is not null and k.birth_date::text <= ${age.latest} and k.birth_date::text > ${age.earliest}) as school_age,
        ${enrolledOn(w.start)} as enrolled_start,
        ${retainedOn(w.asOf)} as retained_end,
        exists (select 1 from pairing p where p.county_id = k.county_id and p.child_id = k.id and p.deleted_at is null
          and p.kind in ${coveragePairingKinds} and p.start_date <= ${w.asOf}::date
          and (p.end_date is null or p.end_date > ${w.asOf}::date)) as paired,
        exists (select 1 from child_enrollment e where e.child_id = k.id and e.status = 'dropped_out'
          and e.date between ${w.start}::date and ${w.asOf}::date) as dropped
      from kids k where k.left_behind
    )
    select (select count(*) from kids)::int as children,
      (select count(*) from kids where school_id is not null)::int as students,
      count(*)::int as left_behind,
      count(*) filter (where archive_complete)::int as archive_met,
      count(*) filter (where school_age)::int as enrollment_in,
      count(*) filter (where school_age and enrolled_start)::int as enrollment_met,
      count(*) filter (where enrolled_start)::int as retention_in,
      count(*) filter (where enrolled_start and retained_end)::int as retention_met,
      count(*) filter (where paired)::int as paired,
      (select count(*) from kids k where exists (select 1 from child_enrollment e where e.child_id = k.id
        and e.status = 'dropped_out' and e.date between ${w.start}::date and ${w.asOf}::date))::int as dropouts
    from facts
  `);
  const r = rowsOf<Record<string, unknown>>(result)[0] ?? {};
  return {
    children: n(r.children),
    students: n(r.students),
    leftBehind: n(r.left_behind),
    archive: { numerator: n(r.archive_met), denominator: n(r.left_behind) },
    enrollment: { numerator: n(r.enrollment_met), denominator: n(r.enrollment_in) },
    retention: { numerator: n(r.retention_met), denominator: n(r.retention_in) },
    paired: n(r.paired),
    dropouts: n(r.dropouts),
  };
}

/** Children per category in force on the as-of date. */
export async function categoryFigures(db: Db, scope: SummaryScope, asOf: string) {
  const result = await db.execute(sql`
    select cc.category, count(distinct cc.child_id)::int as count
    from child c join child_category cc on cc.child_id = c.id
    where ${scopeFilter(scope)} and ${inForce(asOf)}
    group by cc.category
  `);
  return rowsOf<{ category: string; count: unknown }>(result).map((r) => ({ category: r.category, count: n(r.count) }));
}

/** Active pairings on the as-of date: helpers and children per kind. */
export async function pairingFigures(db: Db, scope: SummaryScope, asOf: string) {
  const result = await db.execute(sql`
    select p.kind, count(distinct p.child_id)::int as children, count(distinct p.helper_user_id)::int as helpers
    from child c join pairing p on p.county_id = c.county_id and p.child_id = c.id and p.deleted_at is null
    where ${scopeFilter(scope)} and p.start_date <= ${asOf}::date and (p.end_date is null or p.end_date > ${asOf}::date)
    group by grouping sets ((p.kind), ())
  `);
  const rows = rowsOf<{ kind: string | null; children: unknown; helpers: unknown }>(result);
  return {
    helpers: n(rows.find((r) => r.kind === null)?.helpers),
    byKind: rows.filter((r) => r.kind !== null).map((r) => ({ kind: r.kind!, children: n(r.children) })),
  };
}

/** Care records of the term per kind (records and children reached), and follow-ups still open. */
export async function careFigures(db: Db, scope: SummaryScope, w: SummaryWindow) {
  const result = await db.execute(sql`
    select cr.kind, count(*)::int as records, count(distinct cr.child_id)::int as children
    from child c join care_record cr on cr.county_id = c.county_id and cr.child_id = c.id and cr.deleted_at is null
    where ${scopeFilter(scope)} and cr.occurred_on between ${w.start}::date and ${w.asOf}::date
    group by cr.kind
  `);
  const open = await db.execute(sql`
    select count(*)::int as open
    from child c join care_record cr on cr.county_id = c.county_id and cr.child_id = c.id and cr.deleted_at is null
    where ${scopeFilter(scope)} and cr.follow_up_needed and cr.follow_up_done_on is null
      and cr.occurred_on <= ${w.asOf}::date
  `);
  return {
    care: rowsOf<{ kind: string; records: unknown; children: unknown }>(result).map((r) => ({
      kind: r.kind,
      records: n(r.records),
      children: n(r.children),
    })),
    followUpsOpen: n(rowsOf<{ open: unknown }>(open)[0]?.open),
  };
}
