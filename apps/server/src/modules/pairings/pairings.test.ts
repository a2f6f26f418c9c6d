import { addDays, todayIso } from '@shouwang/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../modules/audit/audit.table';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import {
  buildChild,
  buildCountyTree,
  buildTerm,
  buildUser,
  type ChildFixture,
  type CountyTree,
  type UserFixture,
} from '../../test/factories';
import { pairing } from './pairings.table';

let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
let schoolAdmin: Client;
let teacherA: Client;
let countyAdmin: Client;
let teacherAndCounselor: Client;
let mentor1: UserFixture;
let mentor2: UserFixture;
let villageTutor: UserFixture;
let counselorUser: UserFixture;
let otherMentor: UserFixture;
let kids: ChildFixture[];
let kidB: ChildFixture;
let otherKid: ChildFixture;
const today = todayIso();

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '结对县');
  other = await buildCountyTree(t.db, '邻县');
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  teacherAndCounselor = await loginAs(
    t,
    await buildUser(t.db, [
      { role: 'class_teacher', org: tree.classA },
      { role: 'counselor', org: tree.school },
    ]),
  );
  mentor1 = await buildUser(t.db, [{ role: 'mentor', org: tree.school }], { username: 'mentor-wang' });
  mentor2 = await buildUser(t.db, [{ role: 'mentor', org: tree.school }]);
  villageTutor = await buildUser(t.db, [{ role: 'mentor', org: tree.village }]);
  counselorUser = await buildUser(t.db, [{ role: 'counselor', org: tree.school }]);
  otherMentor = await buildUser(t.db, [{ role: 'mentor', org: other.school }]);
  kids = [];
  for (let i = 0; i < 8; i++) {
    kids.push(await buildChild(t.db, { class: tree.classA, village: tree.village, categories: ['left_behind_both'] }));
  }
  kidB = await buildChild(t.db, { class: tree.classB, categories: ['left_behind_single'] });
  otherKid = await buildChild(t.db, { class: other.classA });
  // This term and the next, so a holiday hand-over knows when the children come back.
  await buildTerm(t.db, tree.county, {
    startDate: addDays(today, -80),
    midDate: addDays(today, -10),
    endDate: addDays(today, 20),
  });
  await buildTerm(
    t.db,
    tree.county,
    { startDate: addDays(today, 40), midDate: addDays(today, 100), endDate: addDays(today, 160) },
    { termNo: 2 },
  );
});
afterAll(() => t.close());

const pair = (client: Client, body: object) => client.post('/api/pairings', body);
const mentorPair = (childId: string, helper: UserFixture) => ({
  childId,
  kind: 'mentor_teacher',
  helperUserId: helper.id,
});

describe('POST /api/pairings', () => {
  it('pairs a child with a mentor teacher, audited', async () => {
    const res = await pair(schoolAdmin, mentorPair(kids[0]!.id, mentor1));
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      kind: 'mentor_teacher',
      child: { id: kids[0]!.id, className: '一年级1班' },
      helper: { userId: mentor1.id, displayName: '测试mentor-wang' },
      startDate: today,
      endDate: null,
      active: true,
      abilities: { end: true },
    });
    const audits = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'pairing.created'), eq(auditEvent.targetId, view.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.childId).toBe(kids[0]!.id);
  });

  it('names the missing or wrong field', async () => {
    let res = await pair(schoolAdmin, { childId: kids[1]!.id, kind: 'mentor_teacher' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'helperUserId', message: '请选择帮扶人' }]);
    res = await pair(schoolAdmin, { childId: kids[1]!.id, kind: 'buddy_student', buddyClassId: tree.classA.id });
    expect(res.json().error.details).toEqual([{ field: 'buddyName', message: '请填写爱心同学的姓名' }]);
    res = await pair(schoolAdmin, { ...mentorPair(kids[1]!.id, mentor1), kind: 'godparent' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('kind');
  });

  it('refuses a helper without a suitable role at the child’s school, saying why', async () => {
    for (const helper of [counselorUser, otherMentor, villageTutor]) {
      const res = await pair(schoolAdmin, mentorPair(kids[1]!.id, helper));
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('PAIRING_HELPER_INVALID');
      expect(res.json().error.details[0].field).toBe('helperUserId');
      expect(res.json().error.details[0].message).toContain('帮扶教师');
    }
    // A village mentor may be a proxy parent of the village's children.
    const res = await pair(schoolAdmin, { ...mentorPair(kids[1]!.id, villageTutor), kind: 'proxy_parent' });
    expect(res.statusCode).toBe(201);
  });

  it('answers 401, 403 and 404 by scope', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/pairings', payload: {} });
    expect(anonymous.statusCode).toBe(401);
    expect((await pair(countyAdmin, mentorPair(kids[2]!.id, mentor1))).statusCode).toBe(403);
    expect((await pair(teacherA, mentorPair(otherKid.id, mentor1))).statusCode).toBe(404);
    expect((await pair(teacherA, mentorPair(kidB.id, mentor1))).statusCode).toBe(404);
    // Can see the class-B child (as counselor) but pair only in class A.
    expect((await pair(teacherAndCounselor, mentorPair(kidB.id, mentor1))).statusCode).toBe(403);
  });

  it('refuses the same pairing twice', async () => {
    const res = await pair(schoolAdmin, mentorPair(kids[0]!.id, mentor1));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PAIRING_DUPLICATE');
  });
});

describe('capacity', () => {
  it('stops a helper at the school’s limit with a message naming them and the limit', async () => {
    expect((await pair(schoolAdmin, mentorPair(kids[2]!.id, mentor1))).statusCode).toBe(201);
    const res = await pair(schoolAdmin, mentorPair(kids[3]!.id, mentor1));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'PAIRING_CAPACITY_EXCEEDED',
      message: '帮扶人结对的儿童人数已达上限',
    });
    expect(res.json().error.details).toEqual([
      { field: 'helperUserId', message: '测试mentor-wang作为帮扶教师已结对2名儿童，已达上限2名' },
    ]);
  });

  it('holds under concurrent requests: two of four parallel assignments get through', async () => {
    const responses = await Promise.all([4, 5, 6, 7].map((i) => pair(schoolAdmin, mentorPair(kids[i]!.id, mentor2))));
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 201, 422, 422]);
    const rows = await t.db.select().from(pairing).where(eq(pairing.helperUserId, mentor2.id));
    expect(rows).toHaveLength(2);
  });

  it('follows the school’s own setting', async () => {
    const settings = (await schoolAdmin.get(`/api/care-settings/${tree.school.id}`)).json();
    expect(settings.pairingCapacity).toEqual({
      mentor_teacher: 2,
      proxy_parent: 2,
      holiday_tutor: 8,
      buddy_student: 1,
    });
    const res = await schoolAdmin.patch(`/api/care-settings/${tree.school.id}`, {
      version: settings.version,
      pairingCapacity: { mentor_teacher: 3 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().pairingCapacity.mentor_teacher).toBe(3);
    expect((await pair(schoolAdmin, mentorPair(kids[3]!.id, mentor1))).statusCode).toBe(201);
  });

  it('counts a buddy student by name and class', async () => {
    const buddy = { kind: 'buddy_student', buddyName: '李小红', buddyClassId: tree.classA.id };
    const first = await pair(teacherA, { ...buddy, childId: kids[4]!.id });
    expect(first.statusCode).toBe(201);
    expect(first.json().buddy).toEqual({ name: '李小红', classId: tree.classA.id, className: '一年级1班' });
    const second = await pair(teacherA, { ...buddy, childId: kids[5]!.id });
    expect(second.statusCode).toBe(422);
    expect(second.json().error.details[0].message).toContain('李小红（一年级1班）');
    const wrongClass = await pair(teacherA, { ...buddy, childId: kids[5]!.id, buddyClassId: other.classA.id });
    expect(wrongClass.json().error.details).toEqual([
      { field: 'buddyClassId', message: '爱心同学的班级应是该儿童学校的班级' },
    ]);
  });
});
