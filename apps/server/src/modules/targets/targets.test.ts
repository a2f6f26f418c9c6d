import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildTerm, buildUser, type CountyTree } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';

let t: TestApp;
let tree: CountyTree;
let schoolAdmin: Client;
let countyAdmin: Client;
let teacher: Client;
let termId: string;
const dates = { startDate: '2025-09-01', midDate: '2025-11-10', endDate: '2026-01-20' };

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '目标县');
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  termId = (await buildTerm(t.db, tree.county, dates)).id;
  await buildChild(t.db, { class: tree.classA, categories: ['left_behind_both'] });
});
afterAll(() => t.close());

const targetOf = (body: { items: { key: string; target: number; source: string }[] }, key: string) =>
  body.items.find((i) => i.key === key);

describe('KPI targets per scope and term', () => {
  it('default to 100% for 建档率, 入学率 and 巩固率', async () => {
    const res = await schoolAdmin.get(`/api/stats/targets?scopeOrgId=${tree.school.id}&termId=${termId}`);
    expect(res.statusCode).toBe(200);
    for (const key of ['archiveRate', 'enrollmentRate', 'retentionRate'])
      expect(targetOf(res.json(), key)).toEqual({ key, target: 100, source: 'default' });
    expect(res.json().canSet).toBe(true);
  });

  it('are inherited from the county, overridden by the school, and shown on the dashboard', async () => {
    const county = await countyAdmin.put('/api/stats/targets', {
      scopeOrgId: tree.county.id,
      termId,
      targets: { pairingCoverage: 95, compliance: 85 },
    });
    expect(county.statusCode).toBe(200);
    const school = await schoolAdmin.put('/api/stats/targets', {
      scopeOrgId: tree.school.id,
      termId,
      targets: { pairingCoverage: 90.5 },
    });
    expect(school.statusCode).toBe(200);
    expect(targetOf(school.json(), 'pairingCoverage')).toMatchObject({ target: 90.5, source: 'own' });
    expect(targetOf(school.json(), 'compliance')).toMatchObject({ target: 85, source: 'inherited' });
    const dash = (await teacher.get(`/api/stats/dashboard?termId=${termId}`)).json();
    expect(dash.kpis.find((k: { key: string }) => k.key === 'pairingCoverage').target).toBe(90.5);
    const [audit] = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'kpi_target.updated'), eq(auditEvent.targetId, tree.school.id)));
    expect(audit?.diff).toMatchObject({ to: { pairingCoverage: 90.5 } });
    const cleared = await schoolAdmin.put('/api/stats/targets', {
      scopeOrgId: tree.school.id,
      termId,
      targets: { pairingCoverage: null },
    });
    expect(targetOf(cleared.json(), 'pairingCoverage')).toMatchObject({ target: 95, source: 'inherited' });
  });

  it('refuse values outside 0–100% naming the field, in the caller’s language', async () => {
    const res = await schoolAdmin.put('/api/stats/targets', {
      scopeOrgId: tree.school.id,
      termId,
      targets: { archiveRate: 120 },
    });
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { field: string; message: string }[];
    expect(details[0]!.field).toContain('archiveRate');
    expect(details[0]!.message).toBe('目标值应在 0% 到 100% 之间');
    const unknown = await schoolAdmin.put('/api/stats/targets', {
      scopeOrgId: tree.school.id,
      termId,
      targets: { happiness: 50 },
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('answer 404 for a scope the caller cannot see and 403 to those who may only read', async () => {
    const res = await schoolAdmin.put('/api/stats/targets', {
      scopeOrgId: tree.otherSchool.id,
      termId,
      targets: { archiveRate: 90 },
    });
    expect(res.statusCode).toBe(404);
    expect((await schoolAdmin.get(`/api/stats/targets?scopeOrgId=${tree.otherSchool.id}`)).statusCode).toBe(404);
    const teacherPut = await teacher.put('/api/stats/targets', {
      scopeOrgId: tree.classA.id,
      termId,
      targets: { archiveRate: 90 },
    });
    expect(teacherPut.statusCode).toBe(403);
  });
});
