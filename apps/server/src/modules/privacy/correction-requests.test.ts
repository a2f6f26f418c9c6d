import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';

let t: TestApp;
let admin: Client;
let teacher: Client;
let stranger: Client;
let childId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const tree = await buildCountyTree(t.db, '更正县');
  const other = await buildCountyTree(t.db, '他县');
  admin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  stranger = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: other.school }]));
  childId = (await buildChild(t.db, { name: '刘晓明', class: tree.classA })).id;
});
afterAll(() => t.close());

const request = {
  requesterName: '刘大伟',
  requesterRelation: '父亲',
  requestedOn: '2025-10-08',
  request: '孩子名字应为刘晓铭（金字旁）',
};

describe('correction requests (更正申请)', () => {
  it('records a guardian’s request, and closes it as corrected linked to the archive change; audited', async () => {
    const created = await admin.post(`/api/children/${childId}/correction-requests`, request);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const child = (await admin.get(`/api/children/${childId}`)).json();
    const edit = await admin.patch(`/api/children/${childId}`, { version: child.version, name: '刘晓铭' });
    expect(edit.statusCode, edit.body).toBe(200);
    const [change] = await t.db.select().from(auditEvent).where(eq(auditEvent.event, 'child.updated'));
    const done = await admin.post(`/api/children/${childId}/correction-requests/${id}/resolve`, {
      version: 1,
      outcome: 'corrected',
      resolutionNote: '已按户口本更正姓名',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ outcome: 'corrected', changeAuditId: change!.id, version: 2 });
    const again = await admin.post(`/api/children/${childId}/correction-requests/${id}/resolve`, {
      version: 2,
      outcome: 'rejected',
      resolutionNote: '重复',
    });
    expect(again.json().error.code).toBe('CORRECTION_ALREADY_HANDLED');
    const list = (await admin.get(`/api/children/${childId}/correction-requests`)).json();
    expect(list.items).toHaveLength(1);
    const events = await t.db.select({ event: auditEvent.event }).from(auditEvent).where(eq(auditEvent.targetId, id));
    expect(events.map((e) => e.event).sort()).toEqual(['correction.recorded', 'correction.resolved']);
    // The export shows the request too.
    const exported = (await admin.get(`/api/children/${childId}/privacy-export.json`)).json();
    expect(exported.sections.find((s: { key: string }) => s.key === 'corrections').rows[0].request).toContain('刘晓铭');
  });

  it('refuses a refusal without its reason (400 naming the field), a class teacher (403) and another county (404)', async () => {
    const created = await admin.post(`/api/children/${childId}/correction-requests`, request);
    const bad = await admin.post(`/api/children/${childId}/correction-requests/${created.json().id}/resolve`, {
      version: 1,
      outcome: 'rejected',
      resolutionNote: ' ',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('resolutionNote');
    expect((await teacher.post(`/api/children/${childId}/correction-requests`, request)).statusCode).toBe(403);
    expect((await teacher.get(`/api/children/${childId}/correction-requests`)).statusCode).toBe(403);
    expect((await stranger.get(`/api/children/${childId}/correction-requests`)).statusCode).toBe(404);
  });
});
