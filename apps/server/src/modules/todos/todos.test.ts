import { addDays, monthStart, todayIso } from '@shouwang/shared';
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

let t: TestApp;
let tree: CountyTree;
let teacherA: Client;
let schoolAdmin: Client;
let countyAdmin: Client;
let mentor: Client;
let kid1: ChildFixture;
let kid2: ChildFixture;
let plainKid: ChildFixture;
let kidB: ChildFixture;
let birthdayKid: ChildFixture;
const today = todayIso();
const termEnd = addDays(today, 40);
/** The last month that has ended: its talk is overdue. */
const lastMonth = addDays(monthStart(today), -1).slice(0, 7);
const soon = addDays(today, 10);

interface Item {
  id: string;
  section: string;
  overdue: boolean;
  child: { id: string; name: string; className: string | null };
  kind: string;
  rule: { id: string; frequency: string } | null;
  period: { key: string } | null;
  record: { childId: string; kind: string; followUpOf: string | null };
}

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '待办县');
  teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  kid1 = await buildChild(t.db, { name: '甲同学', class: tree.classA, categories: ['left_behind_both'] });
  kid2 = await buildChild(t.db, { name: '乙同学', class: tree.classA, categories: ['left_behind_single'] });
  plainKid = await buildChild(t.db, { name: '丙同学', class: tree.classA });
  kidB = await buildChild(t.db, { class: tree.classB, categories: ['left_behind_both'] });
  birthdayKid = await buildChild(t.db, { name: '丁同学', class: tree.classA, birthDate: `2016-${soon.slice(5)}` });
  const mentorUser = await buildUser(t.db, [{ role: 'mentor', org: tree.school }]);
  await buildPairing(t.db, { child: kid1, helper: mentorUser });
  mentor = await loginAs(t, mentorUser);
  await buildTerm(t.db, tree.county, {
    startDate: addDays(today, -75),
    midDate: addDays(today, -20),
    endDate: termEnd,
  });
});
afterAll(() => t.close());

const todos = async (client: Client) => {
  const res = await client.get('/api/todos');
  expect(res.statusCode).toBe(200);
  return res.json() as {
    asOf: string;
    items: Item[];
    counts: { overdue: number; dueThisWeek: number; followUps: number; total: number };
  };
};
const talkOverdue = (items: Item[], childId: string) =>
  items.find((i) => i.kind === 'talk' && i.child.id === childId && i.section === 'overdue');

describe('GET /api/todos', () => {
  it('shows a class teacher the overdue monthly talk, ready to record', async () => {
    const list = await todos(teacherA);
    expect(list.asOf).toBe(today);
    const item = talkOverdue(list.items, kid1.id)!;
    expect(item).toMatchObject({
      overdue: true,
      child: { id: kid1.id, name: '甲同学', className: '一年级1班' },
      rule: { frequency: 'monthly' },
      period: { key: `M${lastMonth}` },
      record: { childId: kid1.id, kind: 'talk', followUpOf: null },
    });
    expect(item.id).toBe(`rule:${item.rule!.id}:${kid1.id}:M${lastMonth}`);
    const childIds = new Set(list.items.map((i) => i.child.id));
    expect(childIds.has(plainKid.id)).toBe(false);
    expect(childIds.has(kidB.id)).toBe(false);
    const sections = list.items.map((i) => i.section);
    expect(sections).toEqual([...sections].sort((a, b) => order(a) - order(b)));
    expect((await teacherA.get('/api/todos/counts')).json()).toEqual(list.counts);
    expect(list.counts.overdue).toBeGreaterThanOrEqual(2);
  });

  it('drops the overdue talk once it is recorded, and the count with it', async () => {
    const before = await todos(teacherA);
    const res = await teacherA.post('/api/care-records', {
      childId: kid1.id,
      kind: 'talk',
      occurredOn: today,
      summary: '补上本月谈心',
      details: { topic: '近况', mood: 4 },
    });
    expect(res.statusCode).toBe(201);
    const after = await todos(teacherA);
    expect(talkOverdue(after.items, kid1.id)).toBeUndefined();
    expect(talkOverdue(after.items, kid2.id)).toBeDefined();
    expect(after.counts.overdue).toBe(before.counts.overdue - 1);
    expect((await teacherA.get('/api/todos/counts')).json().overdue).toBe(after.counts.overdue);
  });

  it('lists the author’s open follow-ups with a link that closes them', async () => {
    const source = await teacherA.post('/api/care-records', {
      childId: kid2.id,
      kind: 'guardian_contact',
      occurredOn: today,
      summary: '奶奶说孩子晚上不睡觉',
      followUpNeeded: true,
      followUpOn: addDays(today, 2),
      details: {},
    });
    const list = await todos(teacherA);
    const item = list.items.find((i) => i.id === `follow_up:${source.json().id}`)!;
    expect(item).toMatchObject({ section: 'follow_up', overdue: false, kind: 'guardian_contact' });
    expect(item.record).toEqual({
      childId: kid2.id,
      kind: 'guardian_contact',
      followUpOf: source.json().id,
      termWindow: null,
    });
    expect(list.items.at(-1)!.section).toBe('follow_up');
    await teacherA.post('/api/care-records', {
      ...item.record,
      termWindow: undefined,
      occurredOn: today,
      summary: '再次沟通',
      details: {},
    });
    expect((await todos(teacherA)).items.find((i) => i.id === item.id)).toBeUndefined();
  });

  it('gives a mentor the duties of their pairing rules, for their paired child only', async () => {
    const rule = await schoolAdmin.post('/api/care-rules', {
      schoolId: tree.school.id,
      kind: 'tutoring',
      frequency: 'weekly',
      responsiblePairingKind: 'mentor_teacher',
    });
    expect(rule.statusCode).toBe(201);
    const list = await todos(mentor);
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i) => i.child.id === kid1.id && i.kind === 'tutoring')).toBe(true);
    expect((await todos(teacherA)).items.some((i) => i.kind === 'tutoring')).toBe(false);
  });

  it('has nothing for administrators under the default rules; 401 without a session', async () => {
    expect((await todos(schoolAdmin)).counts.total).toBe(0);
    expect((await todos(countyAdmin)).counts.total).toBe(0);
    expect((await t.app.inject({ url: '/api/todos' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/todos/counts' })).statusCode).toBe(401);
  });
});

const order = (section: string) => ['urgent', 'overdue', 'due_this_week', 'follow_up', 'task'].indexOf(section);

describe('GET /api/calendar', () => {
  it('shows the term’s home-visit windows and the children’s birthdays', async () => {
    const res = await teacherA.get(`/api/calendar?from=${today}&to=${addDays(today, 60)}`);
    expect(res.statusCode).toBe(200);
    const { homeVisitWindows, birthdays } = res.json();
    expect(homeVisitWindows).toEqual([
      expect.objectContaining({ schoolId: tree.school.id, window: 'end', start: addDays(termEnd, -13), end: termEnd }),
    ]);
    expect(birthdays).toEqual([
      {
        childId: birthdayKid.id,
        name: '丁同学',
        className: '一年级1班',
        date: soon,
        age: Number(soon.slice(0, 4)) - 2016,
      },
    ]);
    expect((await mentor.get(`/api/calendar?from=${today}&to=${addDays(today, 60)}`)).json().birthdays).toEqual([]);
  });

  it('names the range that is too long or reversed', async () => {
    const long = await teacherA.get(`/api/calendar?from=${today}&to=${addDays(today, 100)}`);
    expect(long.json().error.details).toEqual([{ field: 'to', message: '日历一次最多查询93天' }]);
    expect((await teacherA.get(`/api/calendar?from=${today}&to=${addDays(today, -1)}`)).statusCode).toBe(400);
    expect((await t.app.inject({ url: `/api/calendar?from=${today}&to=${today}` })).statusCode).toBe(401);
  });
});

describe('GET /api/children/:id/schedule', () => {
  it('gives each rule’s periods with status and who owes them', async () => {
    const res = await mentor.get(`/api/children/${kid1.id}/schedule`);
    expect(res.statusCode).toBe(200);
    const { duties, term } = res.json();
    expect(term.endDate).toBe(termEnd);
    const talk = duties.find(
      (d: { kind: string; period: { key: string } }) => d.kind === 'talk' && d.period.key === `M${lastMonth}`,
    );
    expect(talk).toMatchObject({ status: 'overdue', responsible: { role: 'class_teacher' } });
    expect(duties.some((d: { status: string }) => d.status === 'done')).toBe(true);
    expect((await mentor.get(`/api/children/${kid2.id}/schedule`)).statusCode).toBe(404);
  });
});
