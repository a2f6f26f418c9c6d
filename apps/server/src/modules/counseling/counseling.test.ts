import { addDays, todayIso } from '@shouwang/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import {
  buildChild,
  buildCountyTree,
  buildPairing,
  buildUser,
  type ChildFixture,
  type CountyTree,
} from '../../test/factories';
import { auditEvent } from '../audit/audit.table';
import { counselingSession } from './counseling.table';

let t: TestApp;
let tree: CountyTree;
let counselor: Client;
let counselorB: Client;
let teacher: Client;
let schoolAdmin: Client;
let mentor: Client;
let unpairedMentor: Client;
let kid: ChildFixture;
let kidB: ChildFixture;
let counselorId: string;
const today = todayIso();

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '心理县');
  const counselorUser = await buildUser(t.db, [{ role: 'counselor', org: tree.school }]);
  counselorId = counselorUser.id;
  counselor = await loginAs(t, counselorUser);
  counselorB = await loginAs(t, await buildUser(t.db, [{ role: 'counselor', org: tree.otherSchool }]));
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  kid = await buildChild(t.db, { name: '林小雨', class: tree.classA, village: tree.village });
  kidB = await buildChild(t.db, { name: '王乙', class: tree.otherClass });
  const mentorUser = await buildUser(t.db, [{ role: 'mentor', org: tree.school }]);
  await buildPairing(t.db, { child: kid, helper: mentorUser });
  mentor = await loginAs(t, mentorUser);
  unpairedMentor = await loginAs(t, await buildUser(t.db, [{ role: 'mentor', org: tree.school }]));
});
afterAll(() => t.close());

const session = (childId: string, extra: Record<string, unknown> = {}) => ({
  childId,
  sessionOn: today,
  presentingConcern: '最近夜里睡不着，想妈妈',
  notes: '孩子说起父母外出打工后很孤单，谈话中多次落泪。',
  agreedActions: '每周二午休来心理室聊一次',
  nextSessionOn: addDays(today, 7),
  ...extra,
});

async function viewsOf(targetId: string) {
  const rows = await t.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.event, 'counseling.session_viewed'), eq(auditEvent.targetId, targetId)));
  return rows.length;
}

describe('counseling sessions', () => {
  let sessionId: string;
  let sessionBId: string;

  it('a counselor records a session and reads it back; every read is audited', async () => {
    const res = await counselor.post('/api/counseling-sessions', session(kid.id));
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    sessionId = view.id;
    expect(view).toMatchObject({
      child: { id: kid.id, name: '林小雨' },
      counselor: { id: counselorId },
      notes: session(kid.id).notes,
      nextSessionOn: addDays(today, 7),
      version: 1,
      abilities: { update: true, delete: true },
    });
    expect(await viewsOf(sessionId)).toBe(0);
    expect((await counselor.get(`/api/counseling-sessions/${sessionId}`)).statusCode).toBe(200);
    expect(await viewsOf(sessionId)).toBe(1);
    const list = await counselor.get(`/api/counseling-sessions?childId=${kid.id}`);
    expect(list.json().items.map((s: { id: string }) => s.id)).toEqual([sessionId]);
    expect(await viewsOf(sessionId)).toBe(2);
    const created = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'counseling.session_created'), eq(auditEvent.targetId, sessionId)));
    expect(created).toHaveLength(1);
    expect(JSON.stringify(created[0]!.diff)).not.toContain('孤单');
  });

  it('a class teacher, a school administrator and a mentor cannot read notes: 404', async () => {
    for (const client of [teacher, schoolAdmin, mentor]) {
      expect((await client.get(`/api/counseling-sessions/${sessionId}`)).statusCode).toBe(404);
      expect((await client.get(`/api/counseling-sessions?childId=${kid.id}`)).statusCode).toBe(404);
      const all = await client.get('/api/counseling-sessions');
      expect(all.statusCode).toBe(200);
      expect(all.json().items).toEqual([]);
      expect(all.body).not.toContain('孤单');
    }
  });

  it('notes appear in no other read of a class teacher or school administrator (child, timeline, search, audit)', async () => {
    for (const client of [teacher, schoolAdmin]) {
      for (const url of [
        `/api/children/${kid.id}`,
        `/api/children/${kid.id}/timeline`,
        `/api/children/${kid.id}/risk-level`,
        `/api/children?q=${encodeURIComponent('孤单')}`,
        '/api/todos',
      ]) {
        const res = await client.get(url);
        expect(res.statusCode, url).toBeLessThan(500);
        expect(res.body, url).not.toContain('孤单');
        expect(res.body, url).not.toContain('想妈妈');
      }
    }
    const audit = await schoolAdmin.get('/api/audit-events?pageSize=200');
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('counseling.session_created');
    expect(audit.body).not.toContain('孤单');
  });

  it('a counselor of school B cannot read or write school A’s sessions', async () => {
    const own = await counselorB.post('/api/counseling-sessions', session(kidB.id, { notes: '乙校记录' }));
    expect(own.statusCode, own.body).toBe(201);
    sessionBId = own.json().id;
    expect((await counselorB.get(`/api/counseling-sessions/${sessionId}`)).statusCode).toBe(404);
    expect((await counselorB.post('/api/counseling-sessions', session(kid.id))).statusCode).toBe(404);
    const mine = await counselorB.get('/api/counseling-sessions');
    expect(mine.json().items.map((s: { id: string }) => s.id)).toEqual([sessionBId]);
    const listA = await counselor.get('/api/counseling-sessions');
    expect(listA.json().items.map((s: { id: string }) => s.id)).toEqual([sessionId]);
    expect((await counselor.get(`/api/counseling-sessions/${sessionBId}`)).statusCode).toBe(404);
    const patch = await counselorB.patch(`/api/counseling-sessions/${sessionId}`, { version: 1, notes: 'x' });
    expect(patch.statusCode).toBe(404);
  });

  it('only counselors record sessions (403 for other staff)', async () => {
    const res = await teacher.post('/api/counseling-sessions', session(kid.id));
    expect(res.statusCode).toBe(403);
  });

  it('refuses bad input naming the field, in the caller’s language', async () => {
    const noNotes = await counselor.post('/api/counseling-sessions', { ...session(kid.id), notes: '   ' });
    expect(noNotes.statusCode).toBe(400);
    expect(noNotes.json().error.details).toEqual([{ field: 'notes', message: '请填写内容' }]);
    const early = await counselor.request(
      'POST',
      '/api/counseling-sessions',
      session(kid.id, { nextSessionOn: addDays(today, -3) }),
      { 'accept-language': 'en' },
    );
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].field).toBe('nextSessionOn');
    const future = await counselor.post('/api/counseling-sessions', session(kid.id, { sessionOn: addDays(today, 2) }));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].field).toBe('sessionOn');
    const rows = await t.db.select({ id: counselingSession.id }).from(counselingSession);
    expect(rows).toHaveLength(2);
  });

  it('keeps HTML as text (escaped by the UI, never interpreted)', async () => {
    const html = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const res = await counselor.patch(`/api/counseling-sessions/${sessionId}`, { version: 1, agreedActions: html });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().agreedActions).toBe(html);
    expect(res.json().version).toBe(2);
  });

  it('edits need the current version: stale 409, missing 428', async () => {
    const stale = await counselor.patch(`/api/counseling-sessions/${sessionId}`, { version: 1, notes: '改' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.version).toBe(2);
    const missing = await counselor.patch(`/api/counseling-sessions/${sessionId}`, { notes: '改' });
    expect(missing.statusCode).toBe(428);
  });

  it('deletes softly; the session is gone from reads', async () => {
    const extra = await counselor.post('/api/counseling-sessions', session(kid.id, { notes: '将删除' }));
    const id = extra.json().id;
    expect((await teacher.delete(`/api/counseling-sessions/${id}`, { version: 1 })).statusCode).toBe(403);
    expect((await counselor.delete(`/api/counseling-sessions/${id}`, { version: 1 })).statusCode).toBe(200);
    expect((await counselor.get(`/api/counseling-sessions/${id}`)).statusCode).toBe(404);
  });
});

describe('risk levels', () => {
  it('a counselor sets the level with a reason; history keeps every judgement', async () => {
    const first = await counselor.post(`/api/children/${kid.id}/risk-level`, {
      level: 'medium',
      reason: '情绪低落两周',
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await counselor.post(`/api/children/${kid.id}/risk-level`, {
      level: 'high',
      reason: '提到“活着没意思”',
    });
    expect(second.statusCode).toBe(201);
    const view = (await counselor.get(`/api/children/${kid.id}/risk-level`)).json();
    expect(view.current).toMatchObject({ level: 'high', reason: '提到“活着没意思”' });
    expect(view.history.map((h: { level: string }) => h.level)).toEqual(['high', 'medium']);
    expect(view.abilities).toEqual({ readSessions: true, writeSessions: true, setRiskLevel: true });
  });

  it('other staff see the current level and whom to ask, never the reason or history', async () => {
    for (const client of [teacher, schoolAdmin, mentor]) {
      const res = await client.get(`/api/children/${kid.id}/risk-level`);
      expect(res.statusCode).toBe(200);
      const view = res.json();
      expect(view.current).toMatchObject({ level: 'high', reason: null });
      expect(view.history).toEqual([]);
      expect(view.contacts.map((c: { id: string }) => c.id)).toEqual([counselorId]);
      expect(view.abilities.readSessions).toBe(false);
      expect(res.body).not.toContain('活着没意思');
    }
  });

  it('out of scope answers 404; setting needs counseling.write', async () => {
    expect((await unpairedMentor.get(`/api/children/${kid.id}/risk-level`)).statusCode).toBe(404);
    expect((await counselorB.get(`/api/children/${kid.id}/risk-level`)).statusCode).toBe(404);
    expect(
      (await counselorB.post(`/api/children/${kid.id}/risk-level`, { level: 'low', reason: 'x' })).statusCode,
    ).toBe(404);
    expect((await teacher.post(`/api/children/${kid.id}/risk-level`, { level: 'low', reason: 'x' })).statusCode).toBe(
      403,
    );
    const bad = await counselor.post(`/api/children/${kid.id}/risk-level`, { level: 'extreme', reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['level', 'reason']);
  });
});
