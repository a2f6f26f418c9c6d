import { addDays, todayIso } from '@shouwang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import {
  buildChild,
  buildCountyTree,
  buildTerm,
  buildUser,
  type ChildFixture,
  type CountyTree,
} from '../../test/factories';
import { participationFigures } from './participation.service';

/**
 * Participation figures pinned on a hand-built school: 6 left-behind children and 3 others in
 * classes A and B, one activity last term, two this term, and the activity room.
 */
let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
let admin: Client;
let teacherA: Client;
let outsider: Client;
let termId: string;
const today = todayIso();
const term = { startDate: addDays(today, -60), midDate: addDays(today, 10), endDate: addDays(today, 60) };
const lb: ChildFixture[] = [];
const others: ChildFixture[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '参与县');
  other = await buildCountyTree(t.db, '外县');
  admin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  outsider = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: other.school }]));
  const names = ['安然', '白雪', '陈晨', '丁丁', '方圆', '高山'];
  for (const [i, name] of names.entries())
    lb.push(
      await buildChild(t.db, {
        name,
        class: i < 3 ? tree.classA : tree.classB,
        categories: [i % 2 ? 'left_behind_single' : 'left_behind_both'],
      }),
    );
  for (const name of ['孔明', '刘备', '马超']) others.push(await buildChild(t.db, { name, class: tree.classA }));
  // A left-behind child of the other school never counts here.
  await buildChild(t.db, { class: tree.otherClass, categories: ['left_behind_both'] });
  termId = (await buildTerm(t.db, tree.county, term)).id;
});
afterAll(() => t.close());

const activity = (date: string, participants: { childId: string; award?: string }[], confirmDate = false) =>
  admin.post('/api/activities', {
    type: 'art_exhibition',
    title: '书画展',
    orgId: tree.school.id,
    occurredOn: date,
    participants,
    confirmDate,
  });

describe('participation per school and term', () => {
  it('starts with every left-behind child on the not-yet list', async () => {
    const res = await admin.get(`/api/activities/participation?schoolId=${tree.school.id}&termId=${termId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ activities: 0, participants: 0, leftBehindChildren: 6 });
    expect(res.json().notYetParticipated.map((c: { name: string }) => c.name)).toEqual(names());
  });

  it('counts left-behind vs all participants, awards, room visits; lists who took part in nothing', async () => {
    // Last term: does not count.
    expect((await activity(addDays(term.startDate, -10), [{ childId: lb[5]!.id }])).statusCode).toBe(201);
    // This term: 8 awarded of whom 5 left-behind is the seed's sentence; here 3 awarded, 2 left-behind.
    await activity(addDays(today, -5), [
      { childId: lb[0]!.id, award: '一等奖' },
      { childId: lb[1]!.id, award: '二等奖' },
      { childId: others[0]!.id, award: '三等奖' },
      { childId: others[1]!.id },
    ]);
    await activity(addDays(today, -1), [{ childId: lb[0]!.id }, { childId: lb[2]!.id }]);
    // The activity room: lb[3] came to read; it counts as taking part.
    const visit = await admin.post('/api/activity-room/visits', {
      orgId: tree.school.id,
      visitedOn: today,
      childIds: [lb[3]!.id],
      doings: ['reading', 'parent_call'],
    });
    expect(visit.statusCode).toBe(201);

    const view = (await admin.get(`/api/activities/participation?schoolId=${tree.school.id}&termId=${termId}`)).json();
    expect(view).toMatchObject({
      activities: 2,
      participants: 5,
      leftBehindParticipants: 3,
      leftBehindChildren: 6,
      awarded: 3,
      leftBehindAwarded: 2,
      roomVisitors: 1,
      leftBehindRoomVisitors: 1,
    });
    expect(view.notYetParticipated.map((c: { name: string }) => c.name)).toEqual(['方圆', '高山']);
    expect(view.notYetParticipated[0].className).toBe('一年级2班');
  });

  it('the service function gives the same figures for the work summary', async () => {
    const figures = await participationFigures(t.db, { countyId: tree.county.id, orgPath: tree.school.path }, term);
    expect(figures).toMatchObject({ activities: 2, participants: 5, leftBehindParticipants: 3, awarded: 3 });
    const classA = await participationFigures(t.db, { countyId: tree.county.id, orgPath: tree.classA.path }, term);
    expect(classA).toMatchObject({ participants: 5, leftBehindParticipants: 3, leftBehindChildren: 3 });
    expect(classA.notYetParticipated).toEqual([]);
  });

  it('is not found for a school out of scope or an unknown term', async () => {
    expect(
      (await outsider.get(`/api/activities/participation?schoolId=${tree.school.id}&termId=${termId}`)).statusCode,
    ).toBe(404);
    expect(
      (await admin.get(`/api/activities/participation?schoolId=${tree.school.id}&termId=${crypto.randomUUID()}`))
        .statusCode,
    ).toBe(404);
    expect((await admin.get(`/api/activities/participation?schoolId=nope&termId=${termId}`)).statusCode).toBe(400);
  });
});

describe('activity room (留守儿童之家)', () => {
  it('the school sets the weekday schedule; a class teacher reads it but may not change it', async () => {
    const slot = await admin.post('/api/activity-room/slots', {
      orgId: tree.school.id,
      weekday: 3,
      startTime: '15:30',
      endTime: '17:00',
      dutyName: '张老师',
    });
    expect(slot.statusCode).toBe(201);
    const bad = await admin.post('/api/activity-room/slots', {
      orgId: tree.school.id,
      weekday: 8,
      startTime: '17:00',
      endTime: '16:00',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['weekday', 'endTime']),
    );
    const room = await teacherA.get(`/api/activity-room?orgId=${tree.school.id}`);
    expect(room.statusCode).toBe(200);
    expect(room.json()).toMatchObject({ canManage: false, slots: [{ weekday: 3, dutyName: '张老师' }] });
    expect(room.json().visits).toHaveLength(1);
    const teacherSlot = await teacherA.post('/api/activity-room/slots', {
      orgId: tree.school.id,
      weekday: 1,
      startTime: '15:30',
      endTime: '17:00',
    });
    expect(teacherSlot.statusCode).toBe(403);
    expect((await outsider.get(`/api/activity-room?orgId=${tree.school.id}`)).statusCode).toBe(404);
  });

  it('a class teacher records visits of their own class only, all or nothing', async () => {
    const mixed = await teacherA.post('/api/activity-room/visits', {
      orgId: tree.school.id,
      visitedOn: today,
      childIds: [lb[0]!.id, lb[4]!.id],
      doings: ['painting'],
    });
    expect(mixed.statusCode).toBe(404);
    const room = (await admin.get(`/api/activity-room?orgId=${tree.school.id}`)).json();
    expect(room.visits).toHaveLength(1);
    const ok = await teacherA.post('/api/activity-room/visits', {
      orgId: tree.school.id,
      visitedOn: today,
      childIds: [lb[0]!.id, lb[1]!.id],
      doings: ['group_study'],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().items).toHaveLength(2);
  });
});

function names() {
  return ['安然', '白雪', '陈晨', '丁丁', '方圆', '高山'];
}
