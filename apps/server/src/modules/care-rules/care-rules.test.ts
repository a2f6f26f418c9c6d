import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../modules/audit/audit.table';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildCountyTree, buildUser, type CountyTree } from '../../test/factories';

let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
let schoolAdmin: Client;
let teacher: Client;
let mentor: Client;
let otherAdmin: Client;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '规范县');
  other = await buildCountyTree(t.db, '他县');
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  mentor = await loginAs(t, await buildUser(t.db, [{ role: 'mentor', org: tree.school }]));
  otherAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: other.school }]));
});
afterAll(() => t.close());

const rulesOf = (client: Client, schoolId = tree.school.id) => client.get(`/api/care-rules?schoolId=${schoolId}`);

describe('GET /api/care-rules', () => {
  it('starts every school with the seed’s rules, created once', async () => {
    const [first, second] = await Promise.all([rulesOf(teacher), rulesOf(mentor)]);
    expect(first.statusCode).toBe(200);
    const items = first.json().items;
    expect(items.map((r: { kind: string; frequency: string }) => `${r.kind}/${r.frequency}`)).toEqual([
      'talk/monthly',
      'home_visit/term_windows',
      'parent_contact/monthly',
      'guardian_contact/monthly',
      'family_call/weekly',
    ]);
    expect(items[0]).toMatchObject({
      responsibleRole: 'class_teacher',
      responsiblePairingKind: null,
      categories: ['left_behind_both', 'left_behind_single'],
      careLevels: [],
      windowDays: 14,
      active: true,
      abilities: { update: false, delete: false },
    });
    expect(second.json().items).toHaveLength(5);
    const created = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'care_rule.defaults_created'), eq(auditEvent.targetId, tree.school.id)));
    expect(created).toHaveLength(1);
    expect((await rulesOf(schoolAdmin)).json().items[0].abilities).toEqual({ update: true, delete: true });
  });

  it('answers 401, 404 outside the caller’s schools, and 400 for a bad id', async () => {
    expect((await t.app.inject({ url: `/api/care-rules?schoolId=${tree.school.id}` })).statusCode).toBe(401);
    expect((await rulesOf(otherAdmin)).statusCode).toBe(404);
    expect((await rulesOf(schoolAdmin, tree.classA.id)).statusCode).toBe(404);
    const bad = await schoolAdmin.get('/api/care-rules?schoolId=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('querystring.schoolId');
  });
});

describe('editing rules', () => {
  let ruleId: string;

  it('lets the school administrator add a rule', async () => {
    const res = await schoolAdmin.post('/api/care-rules', {
      schoolId: tree.school.id,
      kind: 'talk',
      frequency: 'weekly',
      careLevels: ['special'],
      responsiblePairingKind: 'mentor_teacher',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'talk',
      frequency: 'weekly',
      responsibleRole: null,
      careLevels: ['special'],
    });
    ruleId = res.json().id;
  });

  it('names the field when the responsible party is unclear', async () => {
    const res = await schoolAdmin.post('/api/care-rules', {
      schoolId: tree.school.id,
      kind: 'talk',
      frequency: 'weekly',
      responsibleRole: 'class_teacher',
      responsiblePairingKind: 'mentor_teacher',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'responsibleRole', message: '请在“负责角色”和“结对类型”中二选一' },
    ]);
    const window = await schoolAdmin.post('/api/care-rules', {
      schoolId: tree.school.id,
      kind: 'home_visit',
      frequency: 'term_windows',
      windowDays: 0,
      responsibleRole: 'class_teacher',
    });
    expect(window.json().error.details[0].field).toBe('windowDays');
  });

  it('is refused to others: 403 inside the school, 404 outside', async () => {
    const body = { schoolId: tree.school.id, kind: 'talk', frequency: 'weekly', responsibleRole: 'class_teacher' };
    expect((await teacher.post('/api/care-rules', body)).statusCode).toBe(403);
    expect((await otherAdmin.post('/api/care-rules', body)).statusCode).toBe(404);
    expect((await otherAdmin.patch(`/api/care-rules/${ruleId}`, { version: 1, active: false })).statusCode).toBe(404);
  });

  it('edits with the version and audits the change', async () => {
    expect((await schoolAdmin.patch(`/api/care-rules/${ruleId}`, { active: false })).statusCode).toBe(428);
    const res = await schoolAdmin.patch(`/api/care-rules/${ruleId}`, { version: 1, responsibleRole: 'class_teacher' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ responsibleRole: 'class_teacher', responsiblePairingKind: null, version: 2 });
    const stale = await schoolAdmin.patch(`/api/care-rules/${ruleId}`, { version: 1, active: false });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.version).toBe(2);
    const [audit] = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'care_rule.updated'), eq(auditEvent.targetId, ruleId)));
    expect(audit!.diff).toMatchObject({ responsibleRole: { from: null, to: 'class_teacher' } });
  });

  it('removes a rule', async () => {
    expect((await schoolAdmin.delete(`/api/care-rules/${ruleId}`, { version: 2 })).statusCode).toBe(200);
    expect((await rulesOf(schoolAdmin)).json().items).toHaveLength(5);
    expect((await schoolAdmin.delete(`/api/care-rules/${ruleId}`, { version: 3 })).statusCode).toBe(404);
  });
});

describe('care settings', () => {
  it('reads and changes the edit window and capacity', async () => {
    const current = (await teacher.get(`/api/care-settings/${tree.school.id}`)).json();
    expect(current).toMatchObject({ recordEditDays: 7, abilities: { update: false } });
    expect((await teacher.patch(`/api/care-settings/${tree.school.id}`, { version: 1 })).statusCode).toBe(403);
    const res = await schoolAdmin.patch(`/api/care-settings/${tree.school.id}`, {
      version: current.version,
      recordEditDays: 3,
      pairingCapacity: { holiday_tutor: 6 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ recordEditDays: 3, pairingCapacity: { holiday_tutor: 6, mentor_teacher: 2 } });
    const invalid = await schoolAdmin.patch(`/api/care-settings/${tree.school.id}`, { recordEditDays: -1 });
    expect(invalid.json().error.details[0].field).toBe('recordEditDays');
    expect((await otherAdmin.get(`/api/care-settings/${tree.school.id}`)).statusCode).toBe(404);
  });
});
