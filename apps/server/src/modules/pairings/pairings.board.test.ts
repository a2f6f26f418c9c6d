import { addDays, todayIso } from '@shouwang/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let otherSchoolAdmin: Client;
let teacherA: Client;
let countyAdmin: Client;
let mentor: UserFixture;
let mentorClient: Client;
let mentor2: UserFixture;
let tutor: UserFixture;
let tutorClient: Client;
let kids: ChildFixture[];
const today = todayIso();
const nextTermStart = addDays(today, 40);

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '看板县');
  other = await buildCountyTree(t.db, '无学期县');
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  otherSchoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: other.school }]));
  teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  mentor = await buildUser(t.db, [{ role: 'mentor', org: tree.school }], { username: 'board-mentor' });
  mentorClient = await loginAs(t, mentor);
  mentor2 = await buildUser(t.db, [{ role: 'mentor', org: tree.school }]);
  tutor = await buildUser(t.db, [{ role: 'mentor', org: tree.village }], { username: 'village-tutor' });
  tutorClient = await loginAs(t, tutor);
  kids = [];
  for (const name of ['王一', '王二', '王三', '王四']) {
    kids.push(await buildChild(t.db, { name, class: tree.classA, village: tree.village, categories: ['orphan'] }));
  }
  await buildTerm(t.db, tree.county, {
    startDate: addDays(today, -80),
    midDate: addDays(today, -10),
    endDate: addDays(today, 20),
  });
  await buildTerm(
    t.db,
    tree.county,
    { startDate: nextTermStart, midDate: addDays(today, 100), endDate: addDays(today, 160) },
    { termNo: 2 },
  );
});
afterAll(() => t.close());

const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();

describe('GET /api/pairings/board', () => {
  it('shows unpaired children, helpers with their load and capacity, and village tutors', async () => {
    const res = await schoolAdmin.get(`/api/pairings/board?schoolId=${tree.school.id}`);
    expect(res.statusCode).toBe(200);
    const board = res.json();
    expect(ids(board.unpairedChildren)).toEqual(ids(kids));
    expect(board.unpairedChildren[0]).toMatchObject({ className: '一年级1班', categories: ['orphan'] });
    const helper = board.helpers.find((h: { userId: string }) => h.userId === mentor.id);
    expect(helper).toMatchObject({
      displayName: '测试board-mentor',
      roles: [{ role: 'mentor', orgId: tree.school.id }],
      load: { mentor_teacher: 0, proxy_parent: 0, holiday_tutor: 0, buddy_student: 0 },
      capacity: { mentor_teacher: 2 },
    });
    expect(board.villageTutors).toEqual([
      expect.objectContaining({ villageId: tree.village.id, helpers: [expect.objectContaining({ userId: tutor.id })] }),
    ]);
  });

  it('is for those who pair the school’s children, and read-only for the county’s overseers', async () => {
    expect((await schoolAdmin.get(`/api/pairings/board?schoolId=${tree.school.id}`)).json().abilities).toEqual({
      assign: true,
      handover: true,
    });
    const overseen = await countyAdmin.get(`/api/pairings/board?schoolId=${tree.school.id}`);
    expect(overseen.statusCode).toBe(200);
    expect(overseen.json().abilities).toEqual({ assign: false, handover: false });
    expect(ids(overseen.json().unpairedChildren)).toEqual(ids(kids));
    expect((await teacherA.get(`/api/pairings/board?schoolId=${tree.school.id}`)).statusCode).toBe(403);
    expect((await otherSchoolAdmin.get(`/api/pairings/board?schoolId=${tree.school.id}`)).statusCode).toBe(404);
    expect((await schoolAdmin.get('/api/pairings/board?schoolId=nope')).statusCode).toBe(400);
  });
});

describe('POST /api/pairings/bulk', () => {
  it('is all or nothing: one item over capacity leaves nothing behind, naming the item', async () => {
    const res = await schoolAdmin.post('/api/pairings/bulk', {
      items: kids.slice(0, 3).map((k) => ({ childId: k.id, kind: 'mentor_teacher', helperUserId: mentor.id })),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].field).toBe('items.2.helperUserId');
    expect(await t.db.select().from(pairing).where(eq(pairing.helperUserId, mentor.id))).toEqual([]);
  });

  it('pairs three unpaired children in one action', async () => {
    const res = await schoolAdmin.post('/api/pairings/bulk', {
      items: [
        { childId: kids[0]!.id, kind: 'mentor_teacher', helperUserId: mentor.id },
        { childId: kids[1]!.id, kind: 'mentor_teacher', helperUserId: mentor.id },
        { childId: kids[2]!.id, kind: 'mentor_teacher', helperUserId: mentor2.id },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().items).toHaveLength(3);
    const board = (await schoolAdmin.get(`/api/pairings/board?schoolId=${tree.school.id}`)).json();
    expect(ids(board.unpairedChildren)).toEqual([kids[3]!.id]);
    const load = board.helpers.find((h: { userId: string }) => h.userId === mentor.id).load;
    expect(load.mentor_teacher).toBe(2);
  });

  it('names the item whose field is invalid', async () => {
    const res = await schoolAdmin.post('/api/pairings/bulk', {
      items: [{ childId: kids[3]!.id, kind: 'mentor_teacher', helperUserId: mentor2.id }, { childId: 'x' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('items.1.childId');
  });
});

describe('a mentor', () => {
  it('sees only the children paired with them', async () => {
    const list = (await mentorClient.get('/api/children')).json();
    expect(ids(list.items)).toEqual(ids(kids.slice(0, 2)));
    expect((await mentorClient.get(`/api/children/${kids[0]!.id}`)).statusCode).toBe(200);
    expect((await mentorClient.get(`/api/children/${kids[3]!.id}`)).statusCode).toBe(404);
    const own = (await mentorClient.get('/api/pairings')).json();
    expect(own.items.map((p: { child: { id: string } }) => p.child.id).sort()).toEqual(ids(kids.slice(0, 2)));
    expect(own.items[0].abilities).toEqual({ end: false });
  });

  it('loses sight of a child once the pairing ends, which stays as history', async () => {
    const [p] = (await schoolAdmin.get(`/api/pairings?childId=${kids[1]!.id}`)).json().items;
    expect((await schoolAdmin.post(`/api/pairings/${p.id}/end`, {})).statusCode).toBe(428);
    expect((await mentorClient.post(`/api/pairings/${p.id}/end`, { version: p.version })).statusCode).toBe(403);
    const ended = await schoolAdmin.post(`/api/pairings/${p.id}/end`, { version: p.version, note: '转学' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ endDate: today, active: false, note: '转学', abilities: { end: false } });
    expect((await schoolAdmin.post(`/api/pairings/${p.id}/end`, { version: p.version + 1 })).json().error.code).toBe(
      'PAIRING_ALREADY_ENDED',
    );
    expect((await mentorClient.get(`/api/children/${kids[1]!.id}`)).statusCode).toBe(404);
    const history = (await schoolAdmin.get(`/api/pairings?childId=${kids[1]!.id}&status=ended`)).json();
    expect(history.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect((await schoolAdmin.get(`/api/pairings?childId=${kids[1]!.id}`)).json().items).toEqual([]);
  });

  it('cannot read pairings of other children', async () => {
    const [p] = (await schoolAdmin.get(`/api/pairings?childId=${kids[2]!.id}`)).json().items;
    expect((await mentorClient.get(`/api/pairings/${p.id}`)).statusCode).toBe(404);
    expect((await schoolAdmin.get(`/api/pairings/${p.id}`)).statusCode).toBe(200);
  });
});

describe('POST /api/pairings/holiday-handover', () => {
  it('hands children to a village tutor until the next term starts', async () => {
    const res = await schoolAdmin.post('/api/pairings/holiday-handover', {
      helperUserId: tutor.id,
      childIds: [kids[1]!.id, kids[3]!.id],
      startDate: today,
    });
    expect(res.statusCode).toBe(201);
    const items = res.json().items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ kind: 'holiday_tutor', endDate: nextTermStart, active: true });
    expect(items[0].handoverId).toBe(items[1].handoverId);
    const seen = (await tutorClient.get('/api/children')).json();
    expect(ids(seen.items)).toEqual([kids[1]!.id, kids[3]!.id].sort());
  });

  it('asks for an end date when no next term is set, and checks the children', async () => {
    const lone = await buildChild(t.db, { class: other.classA });
    const res = await otherSchoolAdmin.post('/api/pairings/holiday-handover', {
      helperUserId: tutor.id,
      childIds: [lone.id],
      startDate: today,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'endDate', message: '学校还没有设置下学期开学日期，请填写交接结束日期' },
    ]);
    const bad = await schoolAdmin.post('/api/pairings/holiday-handover', {
      helperUserId: tutor.id,
      childIds: [kids[0]!.id, kids[0]!.id],
      startDate: today,
    });
    expect(bad.json().error.details).toEqual([{ field: 'childIds', message: '不能重复选择同一项' }]);
  });
});
