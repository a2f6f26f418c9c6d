import { addDays, todayIso } from '@shouwang/shared';
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
  type UserFixture,
} from '../../test/factories';

/**
 * 体检 and 学习帮扶 on the to-do list: a school's "health check once per term" rule is owed until a
 * check is recorded; referral follow-ups reach the class teacher; study-plan reviews reach the helper.
 */
let t: TestApp;
let tree: CountyTree;
let admin: Client;
let teacherA: Client;
let teacherB: Client;
let mentor: Client;
let mentorUser: UserFixture;
let kid: ChildFixture;
const today = todayIso();

type Item = { id: string; kind: string | null; child: { id: string } | null; task: { title: string } | null };
const items = async (client: Client) => (await client.get('/api/todos')).json().items as Item[];

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '待办体检县');
  admin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  teacherB = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classB }]));
  mentorUser = await buildUser(t.db, [{ role: 'mentor', org: tree.school }]);
  mentor = await loginAs(t, mentorUser);
  kid = await buildChild(t.db, { class: tree.classA, categories: ['left_behind_both'], sex: 'male' });
  await buildPairing(t.db, { child: kid, helper: mentorUser });
  await buildTerm(t.db, tree.county, {
    startDate: addDays(today, -30),
    midDate: addDays(today, -10),
    // A termly duty is owed by the term's end: today, so it is on this week's list.
    endDate: today,
  });
});
afterAll(() => t.close());

describe('the 体检 care rule', () => {
  it('a school can add "health check once per term"; the child is owed one until a check is recorded', async () => {
    const rule = await admin.post('/api/care-rules', {
      schoolId: tree.school.id,
      kind: 'health_check',
      frequency: 'termly',
      responsibleRole: 'class_teacher',
      categories: ['left_behind_both', 'left_behind_single'],
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const owed = (await items(teacherA)).filter((i) => i.kind === 'health_check');
    expect(owed.map((i) => i.child?.id)).toEqual([kid.id]);
    expect((await items(teacherB)).some((i) => i.kind === 'health_check')).toBe(false);

    const batch = await teacherA.post('/api/health-checks/batch', {
      classId: tree.classA.id,
      checkedOn: today,
      rows: [{ childId: kid.id, heightCm: 130, weightKg: 27 }],
    });
    expect(batch.statusCode).toBe(201);
    expect((await items(teacherA)).some((i) => i.kind === 'health_check')).toBe(false);
  });
});

describe('referral follow-ups', () => {
  it('reach the class teacher until closed, and nobody outside the class', async () => {
    const check = (
      await admin.post('/api/health-checks', {
        childId: kid.id,
        checkedOn: today,
        visionLeft: 4.5,
        visionRight: 4.6,
        referralNeeded: true,
        referralTo: '县医院眼科',
        followUpOn: addDays(today, 3),
      })
    ).json();
    const task = (await items(teacherA)).find((i) => i.id === `health_follow_up:${check.id}`);
    expect(task).toMatchObject({ child: { id: kid.id }, task: { title: '体检转诊跟进', detail: '县医院眼科' } });
    // The school administrator wrote it: it is on their list too.
    expect((await items(admin)).some((i) => i.id === `health_follow_up:${check.id}`)).toBe(true);
    expect((await items(teacherB)).some((i) => i.id.startsWith('health_follow_up:'))).toBe(false);
    expect((await teacherA.post(`/api/health-checks/${check.id}/close-follow-up`)).statusCode).toBe(200);
    expect((await items(teacherA)).some((i) => i.id === `health_follow_up:${check.id}`)).toBe(false);
  });
});

describe('study plan reviews', () => {
  it('reach the plan’s helper around each review date, nobody else', async () => {
    const plan = await teacherA.post('/api/study-plans', {
      childId: kid.id,
      helperUserId: mentorUser.id,
      subjects: ['math'],
      content: '每周辅导两次数学',
      reviewDates: [addDays(today, 2), addDays(today, 40)],
    });
    expect(plan.statusCode).toBe(201);
    const reviews = (await items(mentor)).filter((i) => i.id.startsWith('study_plan_review:'));
    expect(reviews.map((i) => i.id)).toEqual([`study_plan_review:${plan.json().id}:${addDays(today, 2)}`]);
    expect(reviews[0]).toMatchObject({ child: { id: kid.id }, task: { title: '学习帮扶计划检查', detail: '数学' } });
    expect((await items(teacherA)).some((i) => i.id.startsWith('study_plan_review:'))).toBe(false);
  });
});
