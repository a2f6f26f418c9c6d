import { currentTermOf, kpiAsOf, todayIso } from '@shouwang/shared';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../gen/generate';
import { buildTestApp, type TestApp } from '../../test/app';
import { effectiveTargets } from '../targets/targets.service';
import { rulesInScope } from './compliance-scope.repository';
import { ensureKpiCache, readCachedFigures, readFreshCachedFigures, refreshKpiCaches } from './kpi-cache.repository';
import { concernTallies, panelTallies } from './panels.repository';
import {
  breakdowns,
  type KpiWindow,
  kpiTallies,
  orgNames,
  rowsOf,
  type StatsScope,
  type UnitKind,
} from './stats.repository';
import { cachedFigures } from './stats.service';
import { resolveStats } from './stats-scope';

/**
 * The KPI cache (kpi_tally) answers what the live statements answer, for the county, its townships
 * and its schools, on the generator's county and after every kind of write a KPI, a breakdown or a
 * panel reads; and every table those figures read tells the cache when it changes.
 */
let t: TestApp;
let window: KpiWindow;
let pastWindow: KpiWindow;
const scopes: { scope: StatsScope; unit: UnitKind | null }[] = [];
const today = todayIso();

const q = async <T>(text: SQL) => rowsOf<T>(await t.db.execute(text));
const count = async (text: SQL) => Number((await q<{ n: unknown }>(text))[0]?.n ?? 0);

const sortedBy = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

async function expectAgreement(w: KpiWindow = window) {
  const countyId = scopes[0]!.scope.countyId;
  await ensureKpiCache(t.db, countyId, w);
  for (const { scope, unit } of scopes) {
    const cached = await readCachedFigures(t.db, scope, w, unit);
    // The one-statement read of a fresh cache answers the same.
    expect(await readFreshCachedFigures(t.db, scope, w, unit)).toEqual(cached);
    const live = await kpiTallies(t.db, scope, w, unit);
    const names = await orgNames(
      t.db,
      live.flatMap((r) => (r.unitId ? [r.unitId] : [])),
    );
    const withNames = live.map((r) => ({
      ...r,
      unit: r.unitId ? { name: names.get(r.unitId)!.name, kind: names.get(r.unitId)!.kind } : null,
    }));
    const byUnit = (r: { unitId: string | null }) => r.unitId ?? '';
    expect({ scope: scope.path, tallies: sortedBy(cached.tallies, byUnit) }).toEqual({
      scope: scope.path,
      tallies: sortedBy(withNames, byUnit),
    });
    const bySplit = (r: { axis: string; key: string }) => `${r.axis} ${r.key}`;
    expect(sortedBy(cached.split, bySplit)).toEqual(sortedBy(await breakdowns(t.db, scope, w.asOf), bySplit));
    const byPanel = (r: { panel: string; key: string | null }) => `${r.panel} ${r.key}`;
    const livePanels = (await panelTallies(t.db, scope, w)).filter((p) => p.panel !== 'concern');
    expect(sortedBy(cached.panels, byPanel)).toEqual(sortedBy(livePanels, byPanel));
  }
  return readCachedFigures(t.db, scopes[0]!.scope, w, scopes[0]!.unit);
}

const dirty = () => count(sql`select count(*) as n from kpi_dirty`);

beforeAll(async () => {
  t = await buildTestApp();
  await generate(t.database, { scale: 'small', now: new Date(`${today}T10:00:00+08:00`) });
  const orgs = await q<{ id: string; kind: StatsScope['kind']; path: string; county_id: string }>(
    sql`select id, kind, path, county_id from org where kind in ('county', 'township', 'school') and deleted_at is null
      order by length(path)`,
  );
  const unitOf = { county: 'township', township: 'school', school: 'class' } as const;
  for (const o of orgs) {
    scopes.push({
      scope: { countyId: o.county_id, kind: o.kind, path: o.path },
      unit: unitOf[o.kind as keyof typeof unitOf],
    });
  }
  const terms = await q<{ startDate: string; endDate: string; midDate: string }>(sql`
    select start_date::text as "startDate", mid_date::text as "midDate", end_date::text as "endDate"
    from term where org_id = ${orgs[0]!.id} and deleted_at is null order by start_date`);
  const term = currentTermOf(terms, today)!;
  window = { start: term.startDate, asOf: kpiAsOf(term, today) };
  const past = terms.filter((x) => x.endDate < term.startDate).at(-1) ?? term;
  pastWindow = { start: past.startDate, asOf: kpiAsOf(past, today) };
  // A left-behind child with no school (a village's), so a bucket is a village too.
  await t.db.execute(sql`update child set school_id = null, class_id = null, school_path = null
    where id = (select c.id from child c join child_category cc on cc.child_id = c.id
      where cc.category like 'left_behind%' and cc.end_date is null and c.village_id is not null order by c.id limit 1)`);
}, 300_000);
afterAll(() => t.close());

describe('the KPI cache', () => {
  it('equals the live statements, for the county, its townships and schools, and is computed once', async () => {
    expect(scopes.map((s) => s.scope.kind)).toEqual(expect.arrayContaining(['county', 'township', 'school']));
    const first = await expectAgreement();
    const total = first.tallies.find((r) => r.unitId === null)!;
    expect(total.children).toBeGreaterThan(5);
    expect(total.counts.pairingCoverage.numerator).toBeGreaterThan(0);
    expect(first.split.some((s) => s.axis === 'category')).toBe(true);
    expect(await dirty()).toBe(0);
    const rows = await count(sql`select count(*) as n from kpi_tally`);
    expect(rows).toBeGreaterThan(0);
    const stamp = await q<{ x: string }>(sql`select min(xmin::text) as x from kpi_tally`);
    await expectAgreement();
    expect(await q<{ x: string }>(sql`select min(xmin::text) as x from kpi_tally`)).toEqual(stamp);
    expect(await count(sql`select count(*) as n from kpi_window`)).toBe(1);
  });

  it('follows every kind of write the figures read', async () => {
    const [kid] = await q<{ id: string; school_id: string; county_id: string }>(sql`
      select c.id, c.school_id, c.county_id from child c join child_category cc on cc.child_id = c.id
      where c.school_id is not null and c.deleted_at is null and cc.end_date is null and cc.category like 'left_behind%'
      order by c.id limit 1`);
    const [activity] = await q<{ id: string }>(sql`select a.id from activity a
      join activity_participation ap on ap.activity_id = a.id where a.deleted_at is null
        and a.occurred_on between ${window.start}::date and ${window.asOf}::date limit 1`);
    const [village] = await q<{ id: string; path: string }>(
      sql`select id, path from org where kind = 'village' order by path desc limit 1`,
    );
    const changes: [string, SQL][] = [
      [
        'care level',
        sql`update child set care_level = case when care_level = 'special' then 'general' else 'special' end where id = ${kid!.id}`,
      ],
      ['archive', sql`update child set archive_complete = not archive_complete where id = ${kid!.id}`],
      [
        'category',
        sql`insert into child_category (child_id, county_id, category, start_date)
        values (${kid!.id}, ${kid!.county_id}, 'difficulty_disability', ${window.start}::date)`,
      ],
      [
        'enrollment',
        sql`insert into child_enrollment (child_id, county_id, status, date)
        values (${kid!.id}, ${kid!.county_id}, 'dropped_out', ${window.asOf}::date)`,
      ],
      [
        'pairing ends',
        sql`update pairing set end_date = start_date + 1 where child_id = ${kid!.id} and end_date is null`,
      ],
      [
        'participation',
        sql`insert into activity_participation (activity_id, child_id, county_id)
        select ${activity!.id}, ${kid!.id}, ${kid!.county_id}
        where not exists (select 1 from activity_participation where activity_id = ${activity!.id} and child_id = ${kid!.id})`,
      ],
      [
        'activity type',
        sql`update activity set type = case when type = 'festival' then 'safety_quiz' else 'festival' end where id = ${activity!.id}`,
      ],
      [
        'health check',
        sql`insert into health_check select (jsonb_populate_record(null::health_check, to_jsonb(h) || jsonb_build_object(
          'id', gen_random_uuid(), 'child_id', ${kid!.id}::uuid, 'county_id', ${kid!.county_id}::uuid,
          'checked_on', ${window.asOf}::date, 'flags', array['overweight'], 'deleted_at', null))).*
        from health_check h limit 1`,
      ],
      [
        'moves home',
        sql`update child set village_id = ${village!.id}, village_path = ${village!.path} where id = ${kid!.id}`,
      ],
      [
        'leaves school',
        sql`update child set school_id = null, class_id = null, school_path = null where id = ${kid!.id}`,
      ],
      [
        'left-behind ends',
        sql`update child_category set end_date = ${window.start}::date
        where child_id = ${kid!.id} and category like 'left_behind%' and end_date is null`,
      ],
      [
        'removed',
        sql`update child set deleted_at = now() where id = (select child_id from child_category
        where category like 'left_behind%' and end_date is null and child_id <> ${kid!.id} order by child_id limit 1)`,
      ],
    ];
    let before = JSON.stringify(await expectAgreement());
    const changed: string[] = [];
    for (const [what, change] of changes) {
      await t.db.execute(change);
      expect({ what, dirty: (await dirty()) > 0 }).toEqual({ what, dirty: true });
      // A write waiting to be taken in: the one-statement read declines.
      expect(await readFreshCachedFigures(t.db, scopes[0]!.scope, window, scopes[0]!.unit)).toBeNull();
      const after = JSON.stringify(await expectAgreement());
      expect(await dirty()).toBe(0);
      if (after !== before) changed.push(what);
      before = after;
    }
    // Most writes move a county figure (the agreement above holds for the rest too).
    expect(changed, changed.join(', ')).toEqual(
      expect.arrayContaining([
        'care level',
        'archive',
        'category',
        'enrollment',
        'pairing ends',
        'activity type',
        'health check',
        'left-behind ends',
        'removed',
      ]),
    );
  });

  it('keeps another term beside the running one and takes in writes in both', async () => {
    expect(pastWindow).not.toEqual(window);
    await expectAgreement(pastWindow);
    expect(await count(sql`select count(*) as n from kpi_window`)).toBe(2);
    const pastRows = sql`from kpi_tally where as_of = ${pastWindow.asOf}::date and window_start = ${pastWindow.start}::date`;
    const before = await q<{ x: string }>(sql`select xmin::text as x ${pastRows}`);
    await t.db.execute(sql`update child set care_level = 'key' where id = (
      select c.id from child c join child_category cc on cc.child_id = c.id and cc.category like 'left_behind%'
      where c.deleted_at is null and c.school_id is not null and c.care_level <> 'key' order by c.id limit 1)`);
    await expectAgreement();
    // The dirty bucket was recomputed in the past term's window too, and only it.
    expect(await count(sql`select count(*) as n from kpi_window`)).toBe(2);
    const after = await q<{ x: string }>(sql`select xmin::text as x ${pastRows}`);
    const untouched = after.filter((r) => before.some((b) => b.x === r.x)).length;
    expect(untouched).toBeGreaterThan(0);
    expect(untouched).toBeLessThan(after.length);
    await expectAgreement(pastWindow);
  });

  it('takes in writes and moves a running term to today in the background', async () => {
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    // On a term's first day there is no earlier day of it: the pass then only takes in the write.
    const earlier = [yesterday, window.start].sort().at(-1)!;
    await t.db.execute(sql`delete from kpi_window`);
    await t.db.execute(sql`delete from kpi_tally`);
    await t.db.execute(sql`delete from kpi_tally_extra`);
    await ensureKpiCache(t.db, scopes[0]!.scope.countyId, { start: window.start, asOf: earlier });
    await t.db.execute(sql`update child set archive_complete = not archive_complete where id = (
      select id from child where deleted_at is null order by id limit 1)`);
    expect(await dirty()).toBeGreaterThan(0);
    expect(await refreshKpiCaches(t.db, today)).toBe(1);
    expect(await dirty()).toBe(0);
    const windows = await q<{ as_of: string }>(sql`select to_char(as_of, 'YYYY-MM-DD') as as_of from kpi_window`);
    expect(windows).toEqual([{ as_of: window.asOf }]);
    const stamp = await q<{ x: string }>(sql`select min(xmin::text) as x from kpi_tally`);
    await expectAgreement();
    expect(await q<{ x: string }>(sql`select min(xmin::text) as x from kpi_tally`)).toEqual(stamp);
  });

  it('brings a dashboard its targets, rules and open concerns in the same read, equal to their own reads', async () => {
    for (const { scope } of scopes) {
      const id = scope.path.split('/').filter(Boolean).at(-1)!;
      const actor = {
        userId: '00000000-0000-0000-0000-000000000000',
        countyId: scope.countyId,
        assignments: [
          {
            id: 'a',
            role: 'county_admin',
            orgId: scope.countyId,
            orgKind: 'county',
            orgName: 'x',
            orgPath: `${scope.countyId}/`,
            countyId: scope.countyId,
          },
        ],
      } as never;
      const resolved = await resolveStats(t.db, actor, { scopeOrgId: id } as never);
      await t.db.execute(sql`insert into kpi_target (county_id, org_id, school_year, term_no, kpi, target_bp)
        values (${scope.countyId}, ${id}, ${resolved.term!.schoolYear}, ${resolved.term!.termNo}, 'archiveRate', 9300)`);
      const w = { start: resolved.term!.startDate, asOf: resolved.asOf! };
      await ensureKpiCache(t.db, scope.countyId, w);
      const figures = await cachedFigures(t.db, resolved, w, { withDashboardReads: true });
      expect(figures!.targets).toEqual(await effectiveTargets(t.db, resolved.org, resolved.term));
      expect(figures!.targets!.archiveRate).toEqual({ target: 93, source: 'own' });
      expect(figures!.rules).toEqual(await rulesInScope(t.db, scope));
      expect(figures!.rules!.length).toBeGreaterThan(0);
      const byPanel = (r: { key: string | null; sub: string | null }) => `${r.key} ${r.sub}`;
      expect(sortedBy(figures!.concerns!, byPanel)).toEqual(sortedBy(await concernTallies(t.db, scope), byPanel));
    }
  });

  it('is told by every table the figures read', async () => {
    const tables = ['child', 'child_category', 'child_enrollment', 'pairing', 'activity_participation', 'health_check'];
    for (const table of tables) {
      const triggers = await q<{ event: string }>(sql`
        select event_manipulation as event from information_schema.triggers
        where event_object_table = ${table} and action_statement like '%kpi_dirty_by%'`);
      expect({ table, events: triggers.map((r) => r.event).sort() }).toEqual({
        table,
        events: ['DELETE', 'INSERT', 'UPDATE'],
      });
    }
    const activity = await q<{ event: string }>(sql`select event_manipulation as event from information_schema.triggers
      where event_object_table = 'activity' and action_statement like '%kpi_dirty_by_activity%'`);
    expect(activity.map((r) => r.event)).toEqual(['UPDATE']);
  });
});
