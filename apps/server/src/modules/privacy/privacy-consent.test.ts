import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type CountyTree } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';

let t: TestApp;
let tree: CountyTree;
let admin: Client;
let teacher: Client;
let countyAdmin: Client;
let otherCountyAdmin: Client;
let childId: string;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '同意县');
  const other = await buildCountyTree(t.db, '远县');
  admin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  otherCountyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: other.county }]));
  childId = (await buildChild(t.db, { name: '王小雨', class: tree.classA })).id;
});
afterAll(() => t.close());

const consent = {
  category: 'photos',
  basis: 'guardian_consent',
  consenterName: '王奶奶',
  consenterRelation: '祖母',
  consentedOn: '2025-09-01',
  scopeNote: '仅用于校内活动展示',
};

describe('consent and legal basis per data category', () => {
  it('records a guardian’s consent, lists it to readers, withdraws it with a reason and the version; audited', async () => {
    const created = await admin.post(`/api/children/${childId}/consents`, consent);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const list = await teacher.get(`/api/children/${childId}/consents`);
    expect(list.statusCode).toBe(200);
    expect(list.json().canManage).toBe(false);
    expect(list.json().items[0]).toMatchObject({ category: 'photos', consenterName: '王奶奶', withdrawnAt: null });
    expect((await admin.get(`/api/children/${childId}/consents`)).json().canManage).toBe(true);

    expect(
      (await admin.post(`/api/children/${childId}/consents/${id}/withdraw`, { reason: '家长要求' })).statusCode,
    ).toBe(428);
    const stale = await admin.post(`/api/children/${childId}/consents/${id}/withdraw`, {
      version: 9,
      reason: '家长要求',
    });
    expect(stale.statusCode).toBe(409);
    const withdrawn = await admin.post(`/api/children/${childId}/consents/${id}/withdraw`, {
      version: 1,
      reason: '家长要求不再展示照片',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ withdrawalReason: '家长要求不再展示照片', version: 2 });
    expect(withdrawn.json().withdrawnAt).not.toBeNull();
    const again = await admin.post(`/api/children/${childId}/consents/${id}/withdraw`, { version: 2, reason: '再次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONSENT_ALREADY_WITHDRAWN');

    const events = await t.db
      .select({ event: auditEvent.event })
      .from(auditEvent)
      .where(and(eq(auditEvent.childId, childId), eq(auditEvent.targetId, id)));
    expect(events.map((e) => e.event).sort()).toEqual(['consent.recorded', 'consent.withdrawn']);
  });

  it('names the missing consenter for guardian consent, in the caller’s language; accepts a statutory duty without one', async () => {
    const res = await admin.post(`/api/children/${childId}/consents`, { ...consent, consenterName: '' });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain('consenterName');
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    const duty = await admin.post(`/api/children/${childId}/consents`, {
      category: 'basic_archive',
      basis: 'legal_duty',
      consentedOn: '2025-09-01',
    });
    expect(duty.statusCode, duty.body).toBe(201);
    const future = await admin.post(`/api/children/${childId}/consents`, { ...consent, consentedOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
  });

  it('refuses a class teacher (403) and another county (404)', async () => {
    expect((await teacher.post(`/api/children/${childId}/consents`, consent)).statusCode).toBe(403);
    expect((await otherCountyAdmin.post(`/api/children/${childId}/consents`, consent)).statusCode).toBe(404);
    expect((await otherCountyAdmin.get(`/api/children/${childId}/consents`)).statusCode).toBe(404);
  });
});

describe('data-protection officer per county', () => {
  it('is set by the county administrator and shown to every signed-in user of that county only', async () => {
    expect((await teacher.get('/api/privacy/officer')).json()).toEqual({ officer: null });
    expect((await admin.put('/api/privacy/officer', { name: '赵主任', phone: '0731-1234567' })).statusCode).toBe(403);
    const set = await countyAdmin.put('/api/privacy/officer', {
      name: '赵主任',
      phone: '0731-1234567',
      email: 'pi@example.cn',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await teacher.get('/api/privacy/officer')).json().officer).toMatchObject({
      name: '赵主任',
      phone: '0731-1234567',
    });
    expect((await otherCountyAdmin.get('/api/privacy/officer')).json()).toEqual({ officer: null });
    const bad = await countyAdmin.put('/api/privacy/officer', { name: '', phone: '1', email: 'x' });
    expect(bad.statusCode).toBe(400);
    const events = await t.db.select().from(auditEvent).where(eq(auditEvent.event, 'privacy.officer_set'));
    expect(events).toHaveLength(1);
  });
});
