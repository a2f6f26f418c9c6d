import { currentTermOf, periodsOf, todayIso } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../gen/generate';
import { buildTestApp, type TestApp } from '../../test/app';
import {
  liveScopeComplianceTallies,
  rulesInScope,
  type ScopeComplianceRow,
  scopeComplianceTallies,
} from '../stats/compliance-scope.repository';
import { rowsOf, type StatsScope } from '../stats/stats.repository';
import { complianceTallies, liveComplianceTallies } from './compliance.repository';
import { refreshStaleCompliance } from './compliance-cache.repository';
import { dueRelation, kidsRelation, periodsRelation, type RulePeriod } from './compliance-sql';
import { dutyDoneCondition, dutySources } from './duty-sources';

/**
 * The pre-aggregated 完成率 (compliance_tally) agrees with the live statement on the generator's
 * county, and stays in agreement after every kind of write that changes who owes what or what was done.
 */
let t: TestApp;
let county: StatsScope;
let school: { id: string; countyId: string };
let periods: RulePeriod[];
const asOf = todayIso();

const q = async <T>(text: ReturnType<typeof sql>) => rowsOf<T>(await t.db.execute(text));
const sorted = (rows: ScopeComplianceRow[]) =>
  [...rows].sort((a, b) => `${a.kind}${a.month}${a.ended}`.localeCompare(`${b.kind}${b.month}${b.ended}`));

async function expectAgreement() {
  const input = { scope: county, endedBefore: asOf, periods };
  const cached = await scopeComplianceTallies(t.db, input);
  expect(sorted(cached)).toEqual(sorted(await liveScopeComplianceTallies(t.db, input)));
  const schoolInput = { countyId: school.countyId, schoolId: school.id, asOf, periods };
  const byRule = (rows: { ruleId: string; ended: boolean }[]) =>
    [...rows].sort((a, b) => `${a.ruleId}${a.ended}`.localeCompare(`${b.ruleId}${b.ended}`));
  expect(byRule(await complianceTallies(t.db, schoolInput))).toEqual(
    byRule(await liveComplianceTallies(t.db, schoolInput)),
  );
  return cached;
}

const totals = (rows: ScopeComplianceRow[]) =>
  rows.reduce((s, r) => ({ due: s.due + r.due, done: s.done + r.done }), { due: 0, done: 0 });

const dirtyFrom = async () =>
  (
    await q<{ d: string | null }>(
      sql`select dirty_from::text as d from compliance_state where school_id = ${school.id}`,
    )
  )[0]?.d ?? null;

beforeAll(async () => {
  t = await buildTestApp();
  await generate(t.database, { scale: 'small', now: new Date(`${asOf}T10:00:00+08:00`) });
  const [c] = await q<{ id: string; path: string }>(sql`select id, path from org where kind = 'county'`);
  county = { countyId: c!.id, kind: 'county', path: c!.path };
  const [s] = await q<{ id: string; county_id: string }>(
    sql`select id, county_id from org where kind = 'school' limit 1`,
  );
  school = { id: s!.id, countyId: s!.county_id };
  const terms = await q<{ startDate: string; midDate: string; endDate: string }>(sql`
    select start_date::text as "startDate", mid_date::text as "midDate", end_date::text as "endDate"
    from term where org_id = ${c!.id} and deleted_at is null`);
  const term = currentTermOf(terms, asOf)!;
  const rules = await rulesInScope(t.db, county);
  periods = rules.flatMap((r) =>
    periodsOf(r.frequency, r.windowDays, term)
      .filter((p) => p.start <= asOf)
      .map((p) => ({ ruleId: r.id, start: p.start, end: p.end })),
  );
}, 300_000);
afterAll(() => t.close());

describe('pre-aggregated compliance', () => {
  it('equals the live statement and is computed once', async () => {
    expect(periods.length).toBeGreaterThan(10);
    const first = await expectAgreement();
    expect(totals(first).due).toBeGreaterThan(0);
    expect(totals(first).done).toBeGreaterThan(0);
    const [{ n }] = (await q<{ n: number }>(sql`select count(*)::int as n from compliance_tally`)) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
    await expectAgreement();
    const [{ n: again }] = (await q<{ n: number }>(sql`select count(*)::int as n from compliance_tally`)) as [
      { n: number },
    ];
    expect(again).toBe(n);
    expect(await dirtyFrom()).toBeNull();
  });

  it('recomputes a period after a record is added to it late, and after it is removed', async () => {
    const ended = periods.find((p) => p.end < asOf && p.end >= '2026-10-01')!;
    const [owing] = await q<{ id: string; kind: string }>(sql`
      with p as (${periodsRelation([ended])}),
      kids as materialized (${kidsRelation(sql`c.school_id = ${school.id}`)}),
      due as (${dueRelation})
      select child_id as id, kind from due where not (${dutyDoneCondition('due')}) limit 1`);
    if (!owing) throw new Error('the generated county has no child owing an ended period');
    const before = totals(await expectAgreement());
    await t.db.execute(sql`create temp table late as select * from care_record where deleted_at is null limit 1`);
    await t.db.execute(sql`update late set id = gen_random_uuid(), child_id = ${owing.id}, kind = ${owing.kind},
      occurred_on = ${ended.start}::date`);
    await t.db.execute(sql`insert into care_record select * from late`);
    expect(await dirtyFrom()).toBe(ended.start);
    const after = totals(await expectAgreement());
    expect(await dirtyFrom()).toBeNull();
    await t.db.execute(sql`update care_record set deleted_at = now() where id = (select id from late)`);
    expect(await dirtyFrom()).toBe(ended.start);
    expect(totals(await expectAgreement())).toEqual(before);
    expect(after).toEqual({ due: before.due, done: before.done + 1 });
  });

  it('follows changes to children, their categories and enrollments, and rules', async () => {
    const [kid] = await q<{ id: string }>(sql`
      select c.id from child c join child_category cc on cc.child_id = c.id
      where c.school_id = ${school.id} and cc.end_date is null and cc.category like 'left_behind%' limit 1`);
    const changes = [
      sql`update child set care_level = case when care_level = 'key' then 'general' else 'key' end where id = ${kid!.id}`,
      sql`update child_category set end_date = ${periods[0]!.end}::date where child_id = ${kid!.id} and end_date is null`,
      sql`insert into child_enrollment (child_id, county_id, status, date)
          select id, county_id, 'transferred_out', ${periods[0]!.end}::date from child where id = ${kid!.id}`,
      sql`update care_rule set care_levels = '{key}' where id = ${periods[0]!.ruleId}`,
      sql`update child set deleted_at = now() where id = ${kid!.id}`,
    ];
    for (const change of changes) {
      await t.db.execute(change);
      expect(await dirtyFrom()).toBe('-infinity');
      await expectAgreement();
    }
  });

  it('is refreshed in the background, so a read after it has nothing to compute', async () => {
    await t.db.execute(sql`update care_record set summary = summary || '。' where id = (
      select id from care_record where deleted_at is null order by occurred_on limit 1)`);
    expect(await dirtyFrom()).not.toBeNull();
    expect(await refreshStaleCompliance(t.db)).toBe(1);
    expect(await dirtyFrom()).toBeNull();
    const input = { scope: county, endedBefore: asOf, periods };
    expect(sorted(await scopeComplianceTallies(t.db, input))).toEqual(
      sorted(await liveScopeComplianceTallies(t.db, input)),
    );
  });

  it('lets a county read serve running periods up to one background pass behind, ended ones exact', async () => {
    const input = { scope: county, endedBefore: asOf, periods };
    await expectAgreement();
    const running = periods.find((p) => p.start <= asOf && asOf <= p.end)!;
    await t.db.execute(sql`create temp table today_record as select cr.* from care_record cr
      join care_rule r on r.id = ${running.ruleId} join child c on c.id = cr.child_id and c.school_id = r.school_id
      where cr.deleted_at is null limit 1`);
    await t.db.execute(sql`update today_record set id = gen_random_uuid(), occurred_on = ${asOf}::date`);
    await t.db.execute(sql`insert into care_record select * from today_record`);
    expect(await dirtyFrom()).toBe(asOf);
    const endedOnly = (rows: ScopeComplianceRow[]) => sorted(rows.filter((r) => r.ended));
    const cached = await scopeComplianceTallies(t.db, input);
    expect(await dirtyFrom()).toBe(asOf);
    expect(endedOnly(cached)).toEqual(endedOnly(await liveScopeComplianceTallies(t.db, input)));
    // The school's own figures are always current.
    await expectAgreement();
    expect(await dirtyFrom()).toBeNull();
  });

  it('marks a computed set of periods, and stays whole when a rule is switched off and on again', async () => {
    await expectAgreement();
    const markers = async () => (await q<{ n: number }>(sql`select count(*)::int as n from compliance_window`))[0]!.n;
    expect(await markers()).toBeGreaterThan(0);
    const [rule] = await q<{ id: string }>(sql`
      select r.id from care_rule r where r.school_id = ${school.id} and r.active
        and r.id = any(${`{${periods.map((p) => p.ruleId).join(',')}}`}::uuid[]) limit 1`);
    await t.db.execute(sql`update care_rule set active = false where id = ${rule!.id}`);
    // Read as the app would while the rule is off: its periods are no longer asked, its rows go.
    const without = periods.filter((p) => p.ruleId !== rule!.id);
    const schoolInput = { countyId: school.countyId, schoolId: school.id, asOf, periods: without };
    expect(await complianceTallies(t.db, schoolInput)).toEqual(
      expect.arrayContaining(await liveComplianceTallies(t.db, schoolInput)),
    );
    const gone = await q<{ n: number }>(
      sql`select count(*)::int as n from compliance_tally where rule_id = ${rule!.id}`,
    );
    expect(gone[0]!.n).toBe(0);
    await t.db.execute(sql`update care_rule set active = true where id = ${rule!.id}`);
    // The background pass refreshes the school without knowing the asked periods.
    expect(await refreshStaleCompliance(t.db)).toBe(1);
    await expectAgreement();
    const back = await q<{ n: number }>(
      sql`select count(*)::int as n from compliance_tally where rule_id = ${rule!.id}`,
    );
    expect(back[0]!.n).toBeGreaterThan(0);
  });

  it('is told by every table a duty can be fulfilled in', async () => {
    const tables = ['care_record', ...Object.values(dutySources).flatMap((s) => (s ? [s.table] : []))];
    for (const table of tables) {
      const triggers = await q<{ event: string }>(sql`
        select event_manipulation as event from information_schema.triggers
        where event_object_table = ${table} and action_statement like '%compliance_stale_by_record%'`);
      expect({ table, events: triggers.map((r) => r.event).sort() }).toEqual({
        table,
        events: ['DELETE', 'INSERT', 'UPDATE'],
      });
    }
  });
});
