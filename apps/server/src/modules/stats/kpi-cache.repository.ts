import { type ChildKpi, childKpis, kpiAsOf, todayIso } from '@shouwang/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { executeNamed } from '../../db/prepared';
import type { PanelRow } from './panels.repository';
import {
  childFactsCte,
  type KpiTallyRow,
  type KpiWindow,
  kpiConditions,
  rowsOf,
  type StatsScope,
  tallyRowsOf,
  type UnitKind,
} from './stats.repository';

/**
 * The KPI cache (kpi-cache.table.ts): per county and term window, one row per group of left-behind
 * children sharing a bucket (school, else village, else county), class and the townships of their
 * school and home village. `ensureKpiCache` brings a window up to date before a read: buckets that
 * writes have appended to `kpi_dirty` are recomputed, a window never computed is computed whole. Both
 * run the statement of the live figures (`childFactsCte`, `kpiConditions`) on their children, so the
 * cache answers what the live statements would (kpi-cache.test.ts compares them after every kind of write).
 */

/** The tally columns of each KPI: denominator and numerator. */
const kpiColumns: Record<ChildKpi, { in: string; met: string }> = {
  archiveRate: { in: 'children', met: 'archive_met' },
  enrollmentRate: { in: 'enrollment_in', met: 'enrollment_met' },
  retentionRate: { in: 'retention_in', met: 'retention_met' },
  pairingCoverage: { in: 'children', met: 'paired' },
};
const fixedColumns = [
  'children',
  'archive_met',
  'enrollment_in',
  'enrollment_met',
  'retention_in',
  'retention_met',
  'paired',
];

/** One row per (child, measure it counts in): the fixed KPI columns, then the breakdowns and panels. */
function measuresOfChild(): SQL {
  const parts: SQL[] = [sql`select 'children'::text`];
  for (const kpi of childKpis) {
    const col = kpiColumns[kpi];
    if (col.in !== 'children') parts.push(sql`select ${sql.raw(`'${col.in}'`)} where ${kpiConditions[kpi].counted}`);
    parts.push(sql`select ${sql.raw(`'${col.met}'`)} where ${kpiConditions[kpi].met}`);
  }
  parts.push(
    sql`select 'category:' || x from unnest(cats.list) as x`,
    sql`select 'care_level:' || f.care_level`,
    sql`select 'activity:' || x from unnest(took.list) as x`,
    sql`select 'activity_any' where took.child_id is not null`,
    sql`select 'health_checked' where checks.child_id is not null`,
    sql`select 'health:' || x from unnest(checks.flags) as x`,
  );
  return sql.join(parts, sql` union all `);
}

/** Computes and stores the tallies of `window` for the children of `where` (one county). */
async function computeTallies(db: Db, countyId: string, window: KpiWindow, where: SQL): Promise<void> {
  const columns = sql`, c.class_id, c.village_id, nullif(split_part(c.school_path, '/', 2), '') as school_top,
    nullif(split_part(c.village_path, '/', 2), '') as village_top`;
  const fixed = sql.join(
    fixedColumns.map((c) => sql`(coalesce(sum(n) filter (where key = ${c}), 0))::int`),
    sql`, `,
  );
  const fixedList = `{${fixedColumns.join(',')}}`;
  await db.execute(sql`
    with ${childFactsCte(where, countyId, window, columns)},
    cats as (
      select cc.child_id, array_agg(distinct cc.category::text) as list from child_category cc
      join kids k on k.id = cc.child_id and k.county_id = cc.county_id
      where cc.county_id = ${countyId} and cc.start_date <= ${window.asOf}::date and (cc.end_date is null or cc.end_date > ${window.asOf}::date)
      group by cc.child_id
    ),
    took as (
      select ap.child_id, array_agg(distinct a.type::text) as list from activity_participation ap
      join kids k on k.id = ap.child_id and k.county_id = ap.county_id
      join activity a on a.id = ap.activity_id and a.county_id = ap.county_id and a.deleted_at is null
      where ap.county_id = ${countyId} and a.occurred_on between ${window.start}::date and ${window.asOf}::date
      group by ap.child_id
    ),
    checks as (
      select distinct on (h.child_id) h.child_id, h.flags from health_check h
      join kids k on k.id = h.child_id and k.county_id = h.county_id
      where h.county_id = ${countyId} and h.deleted_at is null and h.checked_on between ${window.start}::date and ${window.asOf}::date
      order by h.child_id, h.checked_on desc, h.created_at desc
    ),
    counted as materialized (
      select kpi_bucket(f.school_id, f.village_id, f.county_id) as bucket, f.school_id, f.class_id,
        f.school_top, f.village_top, m.key, count(*)::int as n
      from facts f
      left join cats on cats.child_id = f.id
      left join took on took.child_id = f.id
      left join checks on checks.child_id = f.id
      cross join lateral (${measuresOfChild()}) as m(key)
      group by 1, 2, 3, 4, 5, 6
    ),
    extra as (
      insert into kpi_tally_extra (county_id, window_start, as_of, bucket_id, school_id, school_top, village_top,
        measure, children)
      select ${countyId}, ${window.start}::date, ${window.asOf}::date, bucket, school_id, school_top, village_top,
        key, sum(n)::int
      from counted where key <> all(${fixedList}::text[])
      group by bucket, school_id, school_top, village_top, key
    )
    insert into kpi_tally (county_id, window_start, as_of, bucket_id, school_id, class_id, school_top, village_top,
      children, archive_met, enrollment_in, enrollment_met, retention_in, retention_met, paired)
    select ${countyId}, ${window.start}::date, ${window.asOf}::date, bucket, school_id, class_id, school_top,
      village_top, ${fixed}
    from counted
    group by bucket, school_id, class_id, school_top, village_top`);
}

/** The children of a set of buckets (schools, villages of children without a school, the county). */
function bucketFilter(countyId: string, buckets: string[]): SQL {
  const ids = `{${buckets.join(',')}}`;
  return sql`c.county_id = ${countyId} and c.deleted_at is null and (c.school_id = any(${ids}::uuid[])
    or (c.school_id is null and (c.village_id = any(${ids}::uuid[]) or (c.village_id is null and c.county_id = any(${ids}::uuid[])))))`;
}

/** Windows a county keeps: a running term's window of an earlier day goes once a later one is computed. */
const KEPT_WINDOWS = 8;

/**
 * Makes the window's tallies current for the county, in one transaction holding the county's lock:
 * consumes the dirty buckets (only those committed before, so a write landing meanwhile stays dirty)
 * and recomputes them in every window the county keeps (the running term and the past terms a trend
 * or a term picker asked for), then computes the asked window whole if it never was.
 */
export async function ensureKpiCache(db: Db, countyId: string, window: KpiWindow): Promise<void> {
  const [state] = rowsOf<{ ready: unknown; dirty: unknown }>(
    await db.execute(sql`
      select exists (select 1 from kpi_window w where w.county_id = ${countyId} and w.window_start = ${window.start}::date
          and w.as_of = ${window.asOf}::date) as ready,
        exists (select 1 from kpi_dirty d where d.county_id = ${countyId}) as dirty`),
  );
  if (isTrue(state?.ready) && !isTrue(state?.dirty)) return;
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.execute(sql`select pg_advisory_xact_lock(hashtext(${`kpi ${countyId}`}))`);
    const dirty = [
      ...new Set(
        rowsOf<{ bucket_id: string }>(
          await t.execute(sql`delete from kpi_dirty where county_id = ${countyId} returning bucket_id`),
        ).map((r) => r.bucket_id),
      ),
    ];
    const windows = rowsOf<{ start: string; as_of: string }>(
      await t.execute(sql`select to_char(window_start, 'YYYY-MM-DD') as start, to_char(as_of, 'YYYY-MM-DD') as as_of
        from kpi_window where county_id = ${countyId} order by computed_at desc`),
    ).map((w) => ({ start: w.start, asOf: w.as_of }));
    const same = (w: KpiWindow) => w.start === window.start && w.asOf === window.asOf;
    // Earlier days of the asked term's window, and the least recently computed beyond the limit, go.
    const dropped = windows.filter(
      (w, i) => (w.start === window.start && w.asOf < window.asOf) || i >= KEPT_WINDOWS - 1,
    );
    const kept = windows.filter((w) => !dropped.includes(w));
    for (const w of dropped) await dropWindow(t, countyId, w);
    if (dirty.length > 0) {
      const buckets = sql`bucket_id = any(${`{${dirty.join(',')}}`}::uuid[])`;
      for (const w of kept) {
        const inWindow = windowCondition(countyId, w);
        await t.execute(sql`delete from kpi_tally where ${inWindow} and ${buckets}`);
        await t.execute(sql`delete from kpi_tally_extra where ${inWindow} and ${buckets}`);
        await computeTallies(t, countyId, w, bucketFilter(countyId, dirty));
      }
    }
    if (!kept.some(same)) {
      await dropWindow(t, countyId, window);
      await computeTallies(t, countyId, window, sql`c.county_id = ${countyId} and c.deleted_at is null`);
      await t.execute(sql`insert into kpi_window (county_id, window_start, as_of)
        values (${countyId}, ${window.start}::date, ${window.asOf}::date)`);
    }
  });
}

const windowCondition = (countyId: string, w: KpiWindow) =>
  sql`county_id = ${countyId} and window_start = ${w.start}::date and as_of = ${w.asOf}::date`;

async function dropWindow(db: Db, countyId: string, w: KpiWindow): Promise<void> {
  for (const table of [sql`kpi_window`, sql`kpi_tally`, sql`kpi_tally_extra`])
    await db.execute(sql`delete from ${table} where ${windowCondition(countyId, w)}`);
}

/**
 * The background pass: each county's newest window is brought up to date (its dirty buckets), and a
 * running term's window of an earlier day moves on to today, so the first dashboard of the morning
 * does not wait for a whole county to be computed. Returns the counties it visited.
 */
export async function refreshKpiCaches(db: Db, today: string = todayIso()): Promise<number> {
  const newest = rowsOf<{ county_id: string; start: string; as_of: string; end_date: string | null }>(
    await db.execute(sql`
      select distinct on (w.county_id) w.county_id, to_char(w.window_start, 'YYYY-MM-DD') as start,
        to_char(w.as_of, 'YYYY-MM-DD') as as_of,
        (select to_char(max(t.end_date), 'YYYY-MM-DD') from term t
          where t.county_id = w.county_id and t.start_date = w.window_start and t.deleted_at is null) as end_date
      from kpi_window w order by w.county_id, w.computed_at desc`),
  );
  for (const w of newest) {
    const asOf = w.end_date ? kpiAsOf({ startDate: w.start, endDate: w.end_date }, today) : w.as_of;
    const later = [asOf, w.as_of].sort().at(-1)!;
    await ensureKpiCache(db, w.county_id, { start: w.start, asOf: later });
  }
  return newest.length;
}

/** The scopes the cache serves (a village or a class is small enough to compute live). */
export const cachedScopeKinds: ReadonlySet<StatsScope['kind']> = new Set(['county', 'township', 'school']);

/** The tally rows of a scope: the county's, a township's by either its schools or its villages, a school's. */
function tallyScope(scope: StatsScope): SQL {
  const id = scope.path.split('/').filter(Boolean).at(-1)!;
  switch (scope.kind) {
    case 'township':
      return sql`(t.school_top = ${id} or t.village_top = ${id})`;
    case 'school':
      return sql`t.school_id = ${id}`;
    default:
      return sql`true`;
  }
}

const unitOfTally = (unit: UnitKind | null): SQL => {
  switch (unit) {
    case 'township':
      return sql`coalesce(t.school_top, t.village_top)`;
    case 'school':
      return sql`t.school_id::text`;
    case 'class':
      return sql`t.class_id::text`;
    default:
      return sql`null::text`;
  }
};

export const isTrue = (v: unknown) => v === true || v === 't' || v === 'true';

export interface CachedFigures {
  tallies: KpiTallyRow[];
  split: { axis: 'category' | 'care_level'; key: string; count: number }[];
  /** The activity and health panels (open concerns are read live). */
  panels: PanelRow[];
}

/** The statements of the cached figures: per-unit tallies (with the unit's name) and the measures of kpi_tally_extra. */
function cachedFigureStatements(scope: StatsScope, window: KpiWindow, unit: UnitKind | null) {
  const where = sql`t.county_id = ${scope.countyId} and t.window_start = ${window.start}::date
    and t.as_of = ${window.asOf}::date and ${tallyScope(scope)}`;
  return {
    tallies: sql`
      -- A unit's name and kind by its key (one index lookup per unit; a join hashed the whole org table).
      select g.*, n.name as unit_name, n.kind as unit_kind from (
        select grouping(${unitOfTally(unit)}) = 1 as total, ${unitOfTally(unit)} as unit_id,
          sum(children)::int as children, sum(archive_met)::int as archive_met, sum(enrollment_in)::int as enrollment_in,
          sum(enrollment_met)::int as enrollment_met, sum(retention_in)::int as retention_in,
          sum(retention_met)::int as retention_met, sum(paired)::int as paired
        from kpi_tally t where ${where}
        group by grouping sets ((), (${unitOfTally(unit)}))
      -- offset 0 keeps the lookup per unit (flattened, the planner may hash all 4,621 org rows: 6 ms).
      ) g left join lateral (select o.name, o.kind from org o where o.id = g.unit_id::uuid and o.deleted_at is null
        offset 0) n on true
      order by g.unit_id nulls first`,
    extra: sql`
      select t.measure as key, sum(t.children)::int as count from kpi_tally_extra t
      where ${where} group by t.measure`,
  };
}

function figuresOf(tallyRows: Record<string, unknown>[], extraRows: { key: string; count: unknown }[]): CachedFigures {
  const n = (v: unknown) => Number(v ?? 0);
  const tallies = tallyRowsOf(tallyRows);
  const split: CachedFigures['split'] = [];
  const panels: PanelRow[] = [];
  for (const r of extraRows) {
    const count = n(r.count);
    const [kind, key = null] = r.key.split(/:(.*)/s) as [string, string | undefined];
    if (kind === 'category' || kind === 'care_level') split.push({ axis: kind, key: key!, count });
    else if (kind === 'activity') panels.push({ panel: 'activity', key, sub: null, count });
    else if (kind === 'health') panels.push({ panel: 'health', key, sub: null, count });
    else if (kind === 'activity_any' || kind === 'health_checked')
      panels.push({ panel: kind, key: null, sub: null, count });
  }
  return { tallies, split, panels };
}

/** The four KPIs (whole scope and per unit), the breakdowns and the panels, from the cache. Call `ensureKpiCache` first. */
export async function readCachedFigures(
  db: Db,
  scope: StatsScope,
  window: KpiWindow,
  unit: UnitKind | null,
): Promise<CachedFigures> {
  const statements = cachedFigureStatements(scope, window, unit);
  const [tallyResult, extraResult] = await Promise.all([db.execute(statements.tallies), db.execute(statements.extra)]);
  return figuresOf(rowsOf<Record<string, unknown>>(tallyResult), rowsOf<{ key: string; count: unknown }>(extraResult));
}

/** Other figures a dashboard needs, read in the same statement as the cached ones (each a SQL relation). */
export type ExtraReads = Record<string, SQL>;

/**
 * The cached figures in one statement when the window is computed and no write is waiting to be
 * taken in (the usual case: the freshness check and the reads see one snapshot); null otherwise,
 * and the caller brings the cache up to date first. `extras` ride along: each relation's rows come
 * back as `extras[name]`, so a dashboard's targets, rules and open concerns need no round trip of their own.
 */
export async function readFreshCachedFigures(
  db: Db,
  scope: StatsScope,
  window: KpiWindow,
  unit: UnitKind | null,
  extras: ExtraReads = {},
): Promise<(CachedFigures & { extras?: Record<string, Record<string, unknown>[]> }) | null> {
  const statements = cachedFigureStatements(scope, window, unit);
  const names = Object.keys(extras);
  const extraColumns = names.map(
    (name, i) =>
      sql`, (select coalesce(json_agg(x${sql.raw(String(i))}), '[]') from (${extras[name]!}) x${sql.raw(String(i))}) as ${sql.raw(`"extra_${i}"`)}`,
  );
  // One text per scope kind and set of extras: a prepared statement, planned once per connection.
  const [row] = rowsOf<Record<string, unknown>>(
    await executeNamed(
      db,
      sql`
      with tallies as (${statements.tallies}), extra as (${statements.extra})
      select exists (select 1 from kpi_window w where w.county_id = ${scope.countyId}
            and w.window_start = ${window.start}::date and w.as_of = ${window.asOf}::date)
          and not exists (select 1 from kpi_dirty d where d.county_id = ${scope.countyId}) as fresh,
        (select coalesce(json_agg(tallies), '[]') from tallies) as tallies,
        (select coalesce(json_agg(extra), '[]') from extra) as extra${sql.join(extraColumns, sql``)}`,
    ),
  );
  if (!isTrue(row?.fresh)) return null;
  const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  return {
    ...figuresOf(json<Record<string, unknown>[]>(row!.tallies), json<{ key: string; count: unknown }[]>(row!.extra)),
    ...(names.length > 0
      ? {
          extras: Object.fromEntries(
            names.map((name, i) => [name, json<Record<string, unknown>[]>(row![`extra_${i}`])]),
          ),
        }
      : {}),
  };
}
