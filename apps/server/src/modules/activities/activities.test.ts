import { addDays, todayIso } from '@shouwang/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../modules/audit/audit.table';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type ChildFixture, type CountyTree } from '../../test/factories';
import { multipartFile } from '../attachments/multipart.test-support';
import { grantConsent } from '../privacy/consent.test-support';
import { activity, activityParticipation } from './activities.table';

let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
let teacherA: Client;
let schoolAdmin: Client;
let otherSchoolAdmin: Client;
let director: Client;
let counselor: Client;
let outsider: Client;
let kidA: ChildFixture;
let kidA2: ChildFixture;
let kidB: ChildFixture;
let kidOtherSchool: ChildFixture;
let villageKid: ChildFixture;
const today = todayIso();

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '活动县');
  other = await buildCountyTree(t.db, '邻县');
  teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  otherSchoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.otherSchool }]));
  director = await loginAs(t, await buildUser(t.db, [{ role: 'child_director', org: tree.village }]));
  counselor = await loginAs(t, await buildUser(t.db, [{ role: 'counselor', org: tree.school }]));
  outsider = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: other.school }]));
  kidA = await buildChild(t.db, { name: '王小明', class: tree.classA, categories: ['left_behind_both'] });
  kidA2 = await buildChild(t.db, { name: '李小红', class: tree.classA });
  kidB = await buildChild(t.db, { name: '赵小刚', class: tree.classB, categories: ['left_behind_single'] });
  kidOtherSchool = await buildChild(t.db, { class: tree.otherClass, categories: ['left_behind_both'] });
  villageKid = await buildChild(t.db, { name: '村娃', village: tree.village, categories: ['left_behind_both'] });
  // Photos of an activity need its participants' photo consent (consent-gate.test.ts proves the gate).
  for (const kid of [kidA, kidA2, kidB, kidOtherSchool, villageKid]) await grantConsent(t.db, kid, 'photos');
});
afterAll(() => t.close());

const body = (orgId: string, over: object = {}) => ({
  type: 'festival',
  title: '中秋节一起过',
  orgId,
  occurredOn: today,
  place: '学校操场',
  organizers: '关爱领导小组',
  description: '给留守儿童送新文具和书包',
  participants: [],
  ...over,
});

describe('POST /api/activities', () => {
  it('records a class activity with participants, roles and awards, audited in the same transaction', async () => {
    const res = await teacherA.post(
      '/api/activities',
      body(tree.classA.id, {
        type: 'speech_contest',
        title: '我的家乡演讲比赛',
        participants: [{ childId: kidA.id, role: 'performer', award: '一等奖' }, { childId: kidA2.id }],
      }),
    );
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({ participantCount: 2, leftBehindCount: 1, org: { id: tree.classA.id } });
    expect(view.participants.find((p: { childId: string }) => p.childId === kidA.id)).toMatchObject({
      leftBehind: true,
      role: 'performer',
      award: '一等奖',
    });
    expect(view.abilities.update).toBe(true);
    const audits = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.targetId, view.id), eq(auditEvent.event, 'activity.created')));
    expect(audits).toHaveLength(1);
  });

  it('a class teacher of school A cannot add a child of school B (404 naming none), and nothing is written', async () => {
    const before = await t.db.select().from(activity);
    const res = await teacherA.post(
      '/api/activities',
      body(tree.classA.id, { participants: [{ childId: kidA.id }, { childId: kidOtherSchool.id }] }),
    );
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(kidOtherSchool.id);
    expect(await t.db.select().from(activity)).toHaveLength(before.length);
  });

  it('a class teacher cannot organize for the whole school (403) nor for a class of another school (404)', async () => {
    expect((await teacherA.post('/api/activities', body(tree.school.id))).statusCode).toBe(403);
    expect((await teacherA.post('/api/activities', body(tree.otherClass.id))).statusCode).toBe(404);
    expect((await outsider.post('/api/activities', body(tree.school.id))).statusCode).toBe(404);
  });

  it('a child in scope but outside the organizing unit is named field by field', async () => {
    const res = await schoolAdmin.post(
      '/api/activities',
      body(tree.classA.id, { participants: [{ childId: kidA.id }, { childId: kidB.id }] }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'participants.1.childId', message: '参与儿童不属于组织单位' }]);
  });

  it('a village child director manages village activities with the village’s children', async () => {
    const res = await director.post(
      '/api/activities',
      body(tree.village.id, {
        type: 'room_open',
        title: '留守儿童之家开放日',
        participants: [{ childId: villageKid.id }],
      }),
    );
    expect(res.statusCode).toBe(201);
    expect((await director.post('/api/activities', body(tree.school.id))).statusCode).toBe(404);
    // The school's administrator neither sees nor changes it.
    expect((await schoolAdmin.get(`/api/activities/${res.json().id}`)).statusCode).toBe(404);
  });

  it('refuses a date more than a year away unless confirmed, with a clear message', async () => {
    const far = addDays(today, -400);
    const res = await schoolAdmin.post('/api/activities', body(tree.school.id, { occurredOn: far }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'ACTIVITY_DATE_UNCONFIRMED' });
    expect(res.json().error.message).toContain('确认日期');
    const ok = await schoolAdmin.post('/api/activities', body(tree.school.id, { occurredOn: far, confirmDate: true }));
    expect(ok.statusCode).toBe(201);
  });

  it('answers bad input with a 400 naming the field', async () => {
    const res = await schoolAdmin.post('/api/activities', body(tree.school.id, { type: 'party', title: '' }));
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['type', 'title']));
    const dup = await schoolAdmin.post(
      '/api/activities',
      body(tree.school.id, { participants: [{ childId: kidA.id }, { childId: kidA.id }] }),
    );
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details[0].message).toBe('同一名儿童出现了两次');
  });
});

describe('reading, editing and deleting', () => {
  let id: string;
  beforeAll(async () => {
    const res = await schoolAdmin.post(
      '/api/activities',
      body(tree.school.id, { type: 'art_exhibition', title: '书画展', participants: [{ childId: kidA.id }] }),
    );
    id = res.json().id;
  });

  it('a class teacher sees the school’s activity but may not change it; a counselor reads only', async () => {
    const view = await teacherA.get(`/api/activities/${id}`);
    expect(view.statusCode).toBe(200);
    expect(view.json().abilities.update).toBe(false);
    const put = await teacherA.put(`/api/activities/${id}`, { ...body(tree.school.id), version: 1 });
    expect(put.statusCode).toBe(403);
    expect((await counselor.get(`/api/activities/${id}`)).statusCode).toBe(200);
    expect((await otherSchoolAdmin.get(`/api/activities/${id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/activities/${id}`)).statusCode).toBe(404);
  });

  it('lists by type for those in scope only', async () => {
    const mine = await teacherA.get('/api/activities?type=art_exhibition');
    expect(mine.json().items.map((a: { id: string }) => a.id)).toContain(id);
    const theirs = await otherSchoolAdmin.get('/api/activities?type=art_exhibition');
    expect(theirs.json().items.map((a: { id: string }) => a.id)).not.toContain(id);
  });

  it('replaces participants with optimistic concurrency (stale version 409, missing 428)', async () => {
    const next = body(tree.school.id, {
      type: 'art_exhibition',
      title: '书画展（获奖名单）',
      participants: [
        { childId: kidA.id, award: '优秀作品' },
        { childId: kidB.id, award: '二等奖' },
      ],
    });
    expect((await schoolAdmin.put(`/api/activities/${id}`, next)).statusCode).toBe(428);
    const ok = await schoolAdmin.put(`/api/activities/${id}`, { ...next, version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, participantCount: 2, leftBehindCount: 2 });
    const stale = await schoolAdmin.put(`/api/activities/${id}`, { ...next, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.version).toBe(2);
  });

  it('photos: images only, judged by content; the activity’s readers view them', async () => {
    const html = multipartFile(Buffer.from('<html><script>alert(1)</script>'), 'photo.jpg', 'image/jpeg');
    const bad = await schoolAdmin.request('POST', `/api/activities/${id}/photos`, html.payload, html.headers);
    expect(bad.statusCode).toBe(415);
    expect(bad.json().error.code).toBe('ACTIVITY_PHOTO_NOT_IMAGE');
    const file = multipartFile(png, '合影.png', 'image/png');
    const up = await schoolAdmin.request('POST', `/api/activities/${id}/photos`, file.payload, file.headers);
    expect(up.statusCode).toBe(201);
    const photoId = up.json().id;
    const teacherUp = await teacherA.request('POST', `/api/activities/${id}/photos`, file.payload, file.headers);
    expect(teacherUp.statusCode).toBe(403);
    const view = await teacherA.get(`/api/activities/${id}/photos/${photoId}`);
    expect(view.statusCode).toBe(200);
    expect(view.headers['content-type']).toBe('image/png');
    expect((await outsider.get(`/api/activities/${id}/photos/${photoId}`)).statusCode).toBe(404);
    const act = (await schoolAdmin.get(`/api/activities/${id}`)).json();
    expect(act.photos).toHaveLength(1);
    const del = await schoolAdmin.delete(`/api/activities/${id}/photos/${photoId}`, { version: 1 });
    expect(del.statusCode).toBe(200);
  });

  it('soft-deletes with the version; the participation goes with it from lists', async () => {
    const current = (await schoolAdmin.get(`/api/activities/${id}`)).json();
    expect((await teacherA.delete(`/api/activities/${id}`, { version: current.version })).statusCode).toBe(403);
    expect((await schoolAdmin.delete(`/api/activities/${id}`, { version: current.version })).statusCode).toBe(200);
    expect((await schoolAdmin.get(`/api/activities/${id}`)).statusCode).toBe(404);
    const rows = await t.db.select().from(activityParticipation).where(eq(activityParticipation.activityId, id));
    expect(rows).toHaveLength(2);
  });
});
