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

/**
 * Children of the scope (every category), those placed at a school, and those who dropped out during
 * the term. The four KPIs come from the stats service (`kpisOfResolved`), as on the dashboard.
 */
export async function childFigures(db: Db, scope: SummaryScope, w: SummaryWindow) {
  const result = await db.execute(sql`
    select count(*)::int as children,
      count(*) filter (where c.school_id is not null)::int as students,
      count(*) filter (where exists (select 1 from child_enrollment e where e.child_id = c.id
        and e.status = 'dropped_out' and e.date between ${w.start}::date and ${w.asOf}::date))::int as dropouts
    from child c where ${scopeFilter(scope)}
  `);
  const r = rowsOf<Record<string, unknown>>(result)[0] ?? {};
  return { children: n(r.children), students: n(r.students), dropouts: n(r.dropouts) };
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
