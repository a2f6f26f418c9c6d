import { randomUUID } from 'node:crypto';
import { addDays, todayIso } from '@shouwang/shared';
import { eq } from 'drizzle-orm';
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
import { careRecord } from './care-records.table';

let t: TestApp;
let tree: CountyTree;
let teacherA: Client;
let teacherB: Client;
let mentor: Client;
let kids: ChildFixture[];
let kidB: ChildFixture;
const today = todayIso();

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '批量县');
  teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  teacherB = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classB }]));
  kids = [];
  for (let i = 0; i < 4; i++)
    kids.push(await buildChild(t.db, { class: tree.classA, categories: ['left_behind_both'] }));
  kidB = await buildChild(t.db, { class: tree.classB, categories: ['left_behind_both'] });
  const mentorUser = await buildUser(t.db, [{ role: 'mentor', org: tree.school }]);
  await buildPairing(t.db, { child: kids[0]!, helper: mentorUser });
  mentor = await loginAs(t, mentorUser);
});
afterAll(() => t.close());

const count = async () => (await t.db.select().from(careRecord)).length;

const familyCalls = (children: object[], over: object = {}) => ({
  kind: 'family_call',
  classId: tree.classA.id,
  occurredOn: today,
  callMinutes: 5,
  children,
  ...over,
});

describe('POST /api/care-records/batch: a family-call session', () => {
  it('records a call for each child present in one action', async () => {
    const res = await teacherA.post(
      '/api/care-records/batch',
      familyCalls([
        { childId: kids[0]!.id },
        { childId: kids[1]!.id, callMinutes: 9, problems: '妈妈没接' },
        { childId: kids[2]!.id },
      ]),
    );
    expect(res.statusCode).toBe(201);
    const { batchId, items } = res.json();
    expect(items).toHaveLength(3);
    expect(items.map((r: { details: object }) => r.details)).toEqual([
      { callMinutes: 5 },
      { callMinutes: 9 },
      { callMinutes: 5 },
    ]);
    expect(items[0]).toMatchObject({
      kind: 'family_call',
      channel: 'phone',
      summary: '亲情电话课：给在外的父母打电话',
    });
    expect(items.every((r: { batchId: string }) => r.batchId === batchId)).toBe(true);
  });

  it('writes nothing when one child is not in the class, and says which', async () => {
    const before = await count();
    const res = await teacherA.post(
      '/api/care-records/batch',
      familyCalls([{ childId: kids[0]!.id }, { childId: kids[1]!.id }, { childId: kidB.id }]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'children.2.childId', message: '该儿童不在所选班级' }]);
    const twice = await teacherA.post(
      '/api/care-records/batch',
      familyCalls([{ childId: kids[0]!.id }, { childId: kids[0]!.id }]),
    );
    expect(twice.json().error.details).toEqual([{ field: 'children.1.childId', message: '同一名儿童出现了两次' }]);
    expect(await count()).toBe(before);
  });

  it('answers a repeated submission with the records already written', async () => {
    const idempotencyKey = randomUUID();
    const body = familyCalls([{ childId: kids[0]!.id }, { childId: kids[3]!.id }], { idempotencyKey });
    const first = await teacherA.post('/api/care-records/batch', body);
    const before = await count();
    const again = await teacherA.post('/api/care-records/batch', body);
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(again.json().items.map((r: { id: string }) => r.id)).toEqual(
      first.json().items.map((r: { id: string }) => r.id),
    );
    expect(await count()).toBe(before);
  });

  it('is refused for another class’s teacher, and for a mentor beyond the paired child', async () => {
    const res = await teacherB.post('/api/care-records/batch', familyCalls([{ childId: kids[0]!.id }]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toEqual({ field: 'children.0.childId', message: '该儿童不在所选班级' });
    expect((await mentor.post('/api/care-records/batch', familyCalls([{ childId: kids[0]!.id }]))).statusCode).toBe(
      201,
    );
    const beyond = await mentor.post(
      '/api/care-records/batch',
      familyCalls([{ childId: kids[0]!.id }, { childId: kids[1]!.id }]),
    );
    expect(beyond.json().error.details).toEqual([{ field: 'children.1.childId', message: '该儿童不在所选班级' }]);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/care-records/batch', payload: {} });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('POST /api/care-records/batch: talk record cards', () => {
  const card = (childId: string, over: object = {}) => ({
    childId,
    topic: '近况',
    mood: 4,
    summary: '聊了近况',
    ...over,
  });

  it('fills a card for several children of the class in a row', async () => {
    const res = await teacherA.post('/api/care-records/batch', {
      kind: 'talk',
      classId: tree.classA.id,
      occurredOn: today,
      durationMinutes: 15,
      children: [
        card(kids[0]!.id),
        card(kids[1]!.id, {
          occurredOn: addDays(today, -1),
          mood: 2,
          followUpNeeded: true,
          followUpOn: addDays(today, 7),
        }),
      ],
    });
    expect(res.statusCode).toBe(201);
    const [a, b] = res.json().items;
    expect(a).toMatchObject({
      kind: 'talk',
      channel: 'in_person',
      durationMinutes: 15,
      details: { topic: '近况', mood: 4 },
    });
    expect(b).toMatchObject({ occurredOn: addDays(today, -1), followUpNeeded: true, details: { mood: 2 } });
  });

  it('names the card and field that is wrong, writing nothing', async () => {
    const before = await count();
    const res = await teacherA.post('/api/care-records/batch', {
      kind: 'talk',
      classId: tree.classA.id,
      occurredOn: today,
      children: [card(kids[0]!.id), card(kids[1]!.id, { mood: 0 }), card(kids[2]!.id, { followUpNeeded: true })],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['children.1.mood']);
    const noDate = await teacherA.post('/api/care-records/batch', {
      kind: 'talk',
      classId: tree.classA.id,
      occurredOn: today,
      children: [card(kids[2]!.id, { followUpNeeded: true })],
    });
    expect(noDate.json().error.details).toEqual([
      { field: 'children.0.followUpOn', message: '需要跟进时请填写跟进日期' },
    ]);
    expect(await count()).toBe(before);
  });
});

describe('batch records on the timeline', () => {
  it('keeps records written in one statement apart when paging', async () => {
    const kid = kids[0]!;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/children/${kid.id}/timeline?limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await teacherA.get(url)).json();
      seen.push(...page.items.map((r: { id: string }) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    const stored = await t.db.select().from(careRecord).where(eq(careRecord.childId, kid.id));
    expect(seen.sort()).toEqual(stored.map((r) => r.id).sort());
  });
});
