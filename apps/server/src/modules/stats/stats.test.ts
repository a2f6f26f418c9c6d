import { childKpis, comparisonUnits } from '@shouwang/shared';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import {
  buildChild,
  buildCountyTree,
  buildPairing,
  buildTerm,
  buildUser,
  type ChildFixture,
  type CountyTree,
} from '../../test/factories';
import { activity, activityParticipation } from '../activities/activities.table';
import { auditEvent } from '../audit/audit.table';
import { careRecord } from '../care-records/care-records.table';
import { child, childEnrollment } from '../children/children.table';
import { concern } from '../concerns/concerns.table';
import { healthCheck } from '../health-checks/health-checks.table';

/**
 * The seed's school (黄泥村小学): 185 students, 12 of them left-behind, in a term that has ended.
 * Facts chosen so that each KPI has a known numerator and denominator (DESIGN.md definitions).
 */
let t: TestApp;
let tree: CountyTree;
let empty: CountyTree;
let schoolAdmin: Client;
let countyAdmin: Client;
let teacher: Client;
let otherAdmin: Client;
let pastTermId: string;
let oldTermId: string;
const twelve: ChildFixture[] = [];
const term = { startDate: '2025-09-01', midDate: '2025-11-10', endDate: '2026-01-20' };

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '统计县');
  empty = await buildCountyTree(t.db, '无学期县');
  const helper = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
  teacher = await loginAs(t, helper);
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  otherAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: empty.school }]));
  pastTermId = (await buildTerm(t.db, tree.county, term, { schoolYear: '2025-2026', termNo: 1 })).id;
  oldTermId = (
    await buildTerm(
      t.db,
      tree.county,
      { startDate: '2023-09-01', midDate: '2023-11-10', endDate: '2024-01-20' },
      { schoolYear: '2023-2024', termNo: 1 },
    )
  ).id;

  // 173 students who are not left-behind: they never enter the KPIs.
  for (let i = 0; i < 173; i++) await buildChild(t.db, { class: i % 2 ? tree.classA : tree.classB });
  for (let i = 0; i < 12; i++) {
    const row = await buildChild(t.db, {
      class: i < 8 ? tree.classA : tree.classB,
      village: tree.village,
      categories: ['left_behind_both'],
      birthDate: i === 11 ? '2008-05-01' : '2015-05-01',
    });
    twelve.push(row);
    if (i !== 0) await t.db.update(child).set({ archiveComplete: true }).where(eq(child.id, row.id));
    if (i < 9) await buildPairing(t.db, { child: row, helper, kind: i % 2 ? 'proxy_parent' : 'mentor_teacher' });
  }
  // Not coverage: a holiday tutor only, and a mentor pairing that ended before the term's end.
  await buildPairing(t.db, { child: twelve[9]!, helper, kind: 'holiday_tutor' });
  await buildPairing(t.db, { child: twelve[10]!, helper, startDate: '2025-09-01', endDate: '2025-12-01' });
  await t.db.insert(childEnrollment).values([
    {
      childId: twelve[1]!.id,
      countyId: tree.county.id,
      status: 'transferred_out',
      date: '2025-11-10',
      destination: '广东东莞市长安小学',
    },
    { childId: twelve[2]!.id, countyId: tree.county.id, status: 'dropped_out', date: '2025-12-01' },
  ]);
  // A talk in September for four children.
  for (const row of twelve.slice(0, 4))
    await t.db.insert(careRecord).values({
      countyId: row.countyId,
      childId: row.id,
      authorId: helper.id,
      kind: 'talk',
      occurredOn: '2025-09-15',
      summary: '谈心',
      details: {},
    });
  // Other modules' records: a festival with three of the twelve, an open concern, two health checks.
  const [festival] = await t.db
    .insert(activity)
    .values({
      countyId: tree.county.id,
      orgId: tree.school.id,
      orgPath: tree.school.path,
      type: 'festival',
      title: '中秋节活动',
      occurredOn: '2025-10-03',
      createdBy: helper.id,
    })
    .returning();
  await t.db.insert(activityParticipation).values(
    twelve.slice(0, 3).map((row) => ({
      countyId: row.countyId,
      activityId: festival!.id,
      childId: row.id,
      schoolId: tree.school.id,
    })),
  );
  await t.db.insert(concern).values({
    countyId: tree.county.id,
    childId: twelve[5]!.id,
    schoolId: tree.school.id,
    reporterId: helper.id,
    category: 'unsupervised',
    severity: 'general',
    description: '周末无人看护',
  });
  for (const [row, on, flags] of [
    [twelve[0]!, '2025-09-20', ['overweight']],
    [twelve[0]!, '2025-12-20', []],
    [twelve[1]!, '2025-10-20', ['stunting']],
  ] as const)
    await t.db.insert(healthCheck).values({
      countyId: row.countyId,
      childId: row.id,
      schoolId: tree.school.id,
      authorId: helper.id,
      checkedOn: on,
      flags: [...flags],
    });
}, 120_000);
afterAll(() => t.close());

const dash = (client: Client, query: string) => client.get(`/api/stats/dashboard?${query}`);

describe('the dashboard of the seed school (185 students, 12 left-behind)', () => {
  it('counts only the 12 and pins each KPI', async () => {
    const res = await dash(schoolAdmin, `scopeOrgId=${tree.school.id}&termId=${pastTermId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.children).toBe(12);
    expect(body.asOf).toBe(term.endDate);
    const kpi = (key: string) => body.kpis.find((k: { key: string }) => k.key === key);
    expect(kpi('archiveRate')).toMatchObject({ numerator: 11, denominator: 12, target: 100, standing: 'below' });
    // The 17-year-old is not of school age (6–15 on the first day).
    expect(kpi('enrollmentRate')).toMatchObject({ numerator: 11, denominator: 11, rate: 1, standing: 'met' });
    // The transfer to a named school is retained; the dropout is not.
    expect(kpi('retentionRate')).toMatchObject({ numerator: 11, denominator: 12 });
    expect(kpi('pairingCoverage')).toMatchObject({ numerator: 9, denominator: 12, rate: 0.75, standing: 'below' });
    expect(body.byCategory).toEqual([{ category: 'left_behind_both', count: 12 }]);
    expect(body.comparison.unitKind).toBe('class');
    const units = comparisonUnits(body.comparison.rows);
    expect(Object.fromEntries(units.map((r) => [r.name, r.children]))).toEqual({ 一年级1班: 8, 一年级2班: 4 });
    // The compact rows carry each KPI's numerator and denominator; the classes add up to the school.
    for (const k of childKpis) {
      const sum = (part: 'numerator' | 'denominator') => units.reduce((n, u) => n + u.kpis[k][part], 0);
      expect({ numerator: sum('numerator'), denominator: sum('denominator') }).toEqual({
        numerator: kpi(k).numerator,
        denominator: kpi(k).denominator,
      });
    }

    expect(body.canSetTargets).toBe(true);
  });

  it('agrees with the school’s per-rule 完成率 of the to-do engine', async () => {
    const mine = (await dash(schoolAdmin, `scopeOrgId=${tree.school.id}&termId=${pastTermId}`)).json();
    const theirs = (await schoolAdmin.get(`/api/stats/compliance?orgId=${tree.school.id}&termId=${pastTermId}`)).json();
    for (const rule of theirs.rules as { kind: string; ended: { due: number; done: number } }[]) {
      const tile = mine.compliance.find((c: { kind: string }) => c.kind === rule.kind);
      expect({ kind: rule.kind, due: tile?.denominator ?? 0, done: tile?.numerator ?? 0 }).toEqual({
        kind: rule.kind,
        due: rule.ended.due,
        done: rule.ended.done,
      });
    }
    const talk = mine.compliance.find((c: { kind: string }) => c.kind === 'talk');
    expect(talk.numerator).toBe(4);
    const september = mine.complianceMonthly.find(
      (m: { kind: string; month: string }) => m.kind === 'talk' && m.month === '2025-09',
    );
    expect(september).toMatchObject({ due: 12, done: 4 });
  });

  it('drills down to the children behind a figure, with the reason', async () => {
    const res = await schoolAdmin.get(
      `/api/stats/children?scopeOrgId=${tree.school.id}&termId=${pastTermId}&kpi=pairingCoverage&part=missing`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(3);
    expect(new Set(res.json().items.map((i: { id: string }) => i.id))).toEqual(
      new Set([twelve[9]!.id, twelve[10]!.id, twelve[11]!.id]),
    );
    const dropped = (
      await schoolAdmin.get(
        `/api/stats/children?scopeOrgId=${tree.school.id}&termId=${pastTermId}&kpi=retentionRate&part=missing`,
      )
    ).json();
    expect(dropped.items).toHaveLength(1);
    expect(dropped.items[0]).toMatchObject({ id: twelve[2]!.id, reason: '辍学' });
    const talked = (
      await schoolAdmin.get(
        `/api/stats/children?scopeOrgId=${tree.school.id}&termId=${pastTermId}&kpi=compliance&ruleKind=talk&part=numerator`,
      )
    ).json();
    expect(talked.total).toBe(0); // each child owes a talk every month; one September talk is not all of them
  });

  it('shows activity participation, open concerns by age and the latest health flags', async () => {
    const { panels } = (await dash(schoolAdmin, `scopeOrgId=${tree.school.id}&termId=${pastTermId}`)).json();
    expect(panels.activities).toEqual({ children: 3, byType: [{ type: 'festival', count: 3 }] });
    expect(panels.openConcerns).toEqual([{ age: 'day', status: 'reported', count: 1 }]);
    // The first child's latest check has no flag any more.
    expect(panels.health).toEqual({ checked: 2, byFlag: [{ flag: 'stunting', count: 1 }] });
    const other = (await dash(teacher, `termId=${pastTermId}&scopeOrgId=${tree.classA.id}`)).json();
    expect(other.panels.activities.children).toBe(3);
  });

  it('answers an empty dashboard for a term with no data and for a county with no term', async () => {
    const old = (await dash(schoolAdmin, `scopeOrgId=${tree.school.id}&termId=${oldTermId}`)).json();
    expect(old.children).toBe(0);
    expect(
      old.kpis.every((k: { rate: number | null; standing: string }) => k.rate === null && k.standing === 'none'),
    ).toBe(true);
    const none = await dash(otherAdmin, '');
    expect(none.statusCode).toBe(200);
    expect(none.json()).toMatchObject({ term: null, children: 0, terms: [] });
  });

  it('compares the townships of the county', async () => {
    const body = (await dash(countyAdmin, `termId=${pastTermId}`)).json();
    expect(body.scope.id).toBe(tree.county.id);
    expect(body.comparison.unitKind).toBe('township');
    expect(comparisonUnits(body.comparison.rows)).toEqual([
      expect.objectContaining({ orgId: tree.township.id, name: tree.township.name, children: 12 }),
    ]);
    expect(body.canSetTargets).toBe(true);
  });
});

describe('scope', () => {
  it('answers 404 for a school, class or term outside the caller’s', async () => {
    expect((await dash(schoolAdmin, `scopeOrgId=${tree.otherSchool.id}`)).statusCode).toBe(404);
    expect((await dash(otherAdmin, `scopeOrgId=${tree.school.id}`)).statusCode).toBe(404);
    expect((await dash(teacher, `scopeOrgId=${tree.classB.id}`)).statusCode).toBe(404);
    expect(
      (await schoolAdmin.get(`/api/stats/children?scopeOrgId=${tree.otherSchool.id}&kpi=archiveRate`)).statusCode,
    ).toBe(404);
    expect((await otherAdmin.get(`/api/stats/export.xlsx?scopeOrgId=${tree.school.id}`)).statusCode).toBe(404);
    const [denied] = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'access.denied'), eq(auditEvent.targetId, tree.otherSchool.id)));
    expect(denied).toBeDefined();
  });

  it('lets a class teacher see their class only (default scope)', async () => {
    const body = (await dash(teacher, `termId=${pastTermId}`)).json();
    expect(body.scope.id).toBe(tree.classA.id);
    expect(body.children).toBe(8);
    expect(body.canSetTargets).toBe(false);
  });

  it('names a bad field in the caller’s language', async () => {
    const res = await dash(schoolAdmin, 'scopeOrgId=not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain('scopeOrgId');
    const kpi = await schoolAdmin.get('/api/stats/children?kpi=happiness');
    expect(kpi.statusCode).toBe(400);
    expect(JSON.stringify(kpi.json().error)).toContain('kpi');
  });
});

describe('exports', () => {
  it('writes every statistic to xlsx and audits it', async () => {
    const res = await schoolAdmin.get(`/api/stats/export.xlsx?scopeOrgId=${tree.school.id}&termId=${pastTermId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining([
        '关爱指标',
        '关爱规范完成率',
        '每月完成情况',
        '类别与关注等级',
        '班级对比',
        '学期趋势',
        '导出信息',
      ]),
    );
    const kpis = workbook.getWorksheet('关爱指标')!;
    expect(kpis.getRow(5).values).toEqual([undefined, '结对覆盖率', 9, 12, '75.0%', '100%', '未达标']);
    const [audit] = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'stats.exported'), eq(auditEvent.targetId, tree.school.id)));
    expect(audit).toBeDefined();
  });

  it('exports the children behind a figure without ID numbers', async () => {
    const res = await schoolAdmin.get(
      `/api/stats/children/export.xlsx?scopeOrgId=${tree.school.id}&termId=${pastTermId}&kpi=pairingCoverage&part=missing`,
    );
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('儿童名单')!;
    expect(sheet.rowCount).toBe(4);
    expect(JSON.stringify(sheet.getRow(1).values)).not.toContain('身份证');
  });
});
