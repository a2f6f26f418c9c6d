import { randomUUID } from 'node:crypto';
import { addDays, todayIso } from '@shouwang/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../modules/audit/audit.table';
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
import { careRecord } from './care-records.table';

let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
let teacherA: Client;
let teacherA2: Client;
let schoolAdmin: Client;
let countyAdmin: Client;
let mentor: Client;
let teacherAndCounselor: Client;
let kids: ChildFixture[];
let kidB: ChildFixture;
let otherKid: ChildFixture;
const today = todayIso();
const termStart = addDays(today, -60);

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '记录县');
  other = await buildCountyTree(t.db, '别县');
  teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  teacherA2 = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  teacherAndCounselor = await loginAs(
    t,
    await buildUser(t.db, [
      { role: 'class_teacher', org: tree.classA },
      { role: 'counselor', org: tree.school },
    ]),
  );
  kids = [];
  for (let i = 0; i < 3; i++) {
    kids.push(await buildChild(t.db, { class: tree.classA, village: tree.village, categories: ['left_behind_both'] }));
  }
  kidB = await buildChild(t.db, { class: tree.classB, categories: ['left_behind_both'] });
  otherKid = await buildChild(t.db, { class: other.classA });
  const mentorUser = await buildUser(t.db, [{ role: 'mentor', org: tree.school }]);
  await buildPairing(t.db, { child: kids[0]!, helper: mentorUser });
  mentor = await loginAs(t, mentorUser);
  await buildTerm(t.db, tree.county, {
    startDate: termStart,
    midDate: addDays(today, 10),
    endDate: addDays(today, 60),
  });
});
afterAll(() => t.close());

const talk = (childId: string, over: object = {}) => ({
  childId,
  kind: 'talk',
  occurredOn: today,
  summary: '谈学习和想念父母',
  details: { topic: '学习', mood: 3 },
  ...over,
});

describe('POST /api/care-records', () => {
  it('records a talk with its details, audited', async () => {
    const res = await teacherA.post(
      '/api/care-records',
      talk(kids[0]!.id, { durationMinutes: 20, channel: 'in_person' }),
    );
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      kind: 'talk',
      child: { id: kids[0]!.id },
      occurredOn: today,
      durationMinutes: 20,
      details: { topic: '学习', mood: 3 },
      flags: [],
      followUpNeeded: false,
      abilities: { update: true, delete: true, closeFollowUp: false },
    });
    expect(Date.parse(view.editableUntil) - Date.parse(view.createdAt)).toBe(7 * 86_400_000);
    const audits = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'care_record.created'), eq(auditEvent.targetId, view.id)));
    expect(audits).toHaveLength(1);
  });

  it('names each invalid field, per kind', async () => {
    const cases: [object, string, string?][] = [
      [talk(kids[0]!.id, { details: { topic: '学习', mood: 7 } }), 'details.mood'],
      [talk(kids[0]!.id, { summary: '  ' }), 'summary', '请填写内容'],
      [talk(kids[0]!.id, { followUpNeeded: true }), 'followUpOn', '需要跟进时请填写跟进日期'],
      [talk(kids[0]!.id, { occurredOn: addDays(today, 1) }), 'occurredOn', '日期不能晚于今天'],
      [
        talk(kids[0]!.id, { occurredOn: '2020-03-01' }),
        'occurredOn',
        '日期早于该儿童建档（或类别、在读记录开始）的日期',
      ],
      [talk(kids[0]!.id, { attachmentIds: [randomUUID()] }), 'attachmentIds.0'],
      [
        { ...talk(kids[0]!.id), kind: 'parent_contact', details: { channel: 'fax', initiatedBy: 'school' } },
        'details.channel',
      ],
      [{ ...talk(kids[0]!.id), kind: 'visit' }, 'kind'],
    ];
    for (const [body, field, message] of cases) {
      const res = await teacherA.post('/api/care-records', body);
      expect(res.statusCode, field).toBe(400);
      const detail = res.json().error.details.find((d: { field: string }) => d.field === field);
      expect(detail, `${field}: ${res.body}`).toBeTruthy();
      if (message) expect(detail.message).toBe(message);
    }
  });

  it('answers 401, 403 and 404 by scope', async () => {
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/care-records', payload: talk(kids[0]!.id) })).statusCode,
    ).toBe(401);
    expect((await countyAdmin.post('/api/care-records', talk(kids[0]!.id))).statusCode).toBe(403);
    expect((await teacherA.post('/api/care-records', talk(otherKid.id))).statusCode).toBe(404);
    expect((await teacherA.post('/api/care-records', talk(kidB.id))).statusCode).toBe(404);
    expect((await teacherAndCounselor.post('/api/care-records', talk(kidB.id))).statusCode).toBe(403);
  });

  it('flags a home visit outside the term windows but keeps it; fills the window otherwise', async () => {
    const visit = (occurredOn: string) => ({
      childId: kids[1]!.id,
      kind: 'home_visit',
      occurredOn,
      summary: '到家中了解生活情况',
      details: { present: ['child', 'grandparent'], homeConditions: '整洁', guardianView: '希望多沟通' },
    });
    const inWindow = await teacherA.post('/api/care-records', visit(addDays(termStart, 3)));
    expect(inWindow.statusCode).toBe(201);
    expect(inWindow.json()).toMatchObject({ flags: [], details: { termWindow: 'start' } });
    const outside = await teacherA.post('/api/care-records', visit(addDays(termStart, 30)));
    expect(outside.statusCode).toBe(201);
    expect(outside.json()).toMatchObject({ flags: ['outside_term_window'], details: { termWindow: null } });
  });

  it('answers a double tap with the first record', async () => {
    const idempotencyKey = randomUUID();
    const first = await teacherA.post('/api/care-records', talk(kids[2]!.id, { idempotencyKey }));
    const again = await teacherA.post('/api/care-records', talk(kids[2]!.id, { idempotencyKey }));
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(again.json().id).toBe(first.json().id);
    const rows = await t.db.select().from(careRecord).where(eq(careRecord.idempotencyKey, idempotencyKey));
    expect(rows).toHaveLength(1);
  });
});

describe('a mentor', () => {
  it('records and reads only for the paired child', async () => {
    expect((await mentor.post('/api/care-records', talk(kids[0]!.id))).statusCode).toBe(201);
    expect((await mentor.post('/api/care-records', talk(kids[1]!.id))).statusCode).toBe(404);
    const list = (await mentor.get('/api/care-records?pageSize=100')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(new Set(list.items.map((r: { child: { id: string } }) => r.child.id))).toEqual(new Set([kids[0]!.id]));
    expect((await mentor.get(`/api/children/${kids[1]!.id}/timeline`)).statusCode).toBe(404);
    expect((await mentor.get(`/api/children/${kids[0]!.id}/timeline`)).statusCode).toBe(200);
  });
});

describe('editing', () => {
  let id: string;

  beforeAll(async () => {
    id = (await teacherA.post('/api/care-records', talk(kids[1]!.id, { summary: '第一次' }))).json().id;
  });

  it('lets the author edit within the window, audited with a diff', async () => {
    const res = await teacherA.patch(`/api/care-records/${id}`, { version: 1, kind: 'talk', summary: '改过的内容' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ summary: '改过的内容', version: 2 });
    const [audit] = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'care_record.updated'), eq(auditEvent.targetId, id)));
    expect(audit!.diff).toMatchObject({ summary: { from: '第一次', to: '改过的内容' } });
    const wrongKind = await teacherA.patch(`/api/care-records/${id}`, {
      version: 2,
      kind: 'growth_diary',
      summary: 'x',
    });
    expect(wrongKind.json().error.details).toEqual([{ field: 'kind', message: '记录类型不能修改' }]);
    expect((await teacherA.patch(`/api/care-records/${id}`, { version: 1, kind: 'talk' })).statusCode).toBe(409);
  });

  it('refuses another teacher’s edit, and the author’s after 7 days; a school administrator may', async () => {
    const other = await teacherA2.patch(`/api/care-records/${id}`, { version: 2, kind: 'talk', summary: 'x' });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('CARE_RECORD_NOT_AUTHOR');
    await t.db
      .update(careRecord)
      .set({ createdAt: new Date(Date.now() - 8 * 86_400_000) })
      .where(eq(careRecord.id, id));
    const late = await teacherA.patch(`/api/care-records/${id}`, { version: 2, kind: 'talk', summary: 'x' });
    expect(late.statusCode).toBe(403);
    expect(late.json().error.code).toBe('CARE_RECORD_EDIT_CLOSED');
    expect((await teacherA.get(`/api/care-records/${id}`)).json().abilities).toMatchObject({ update: false });
    const admin = await schoolAdmin.patch(`/api/care-records/${id}`, {
      version: 2,
      kind: 'talk',
      problems: '注意情绪',
    });
    expect(admin.statusCode).toBe(200);
    expect(admin.json().problems).toBe('注意情绪');
  });

  it('deletes (softly) with the same rights', async () => {
    expect((await teacherA.delete(`/api/care-records/${id}`, { version: 3 })).statusCode).toBe(403);
    expect((await schoolAdmin.delete(`/api/care-records/${id}`, { version: 3 })).statusCode).toBe(200);
    expect((await teacherA.get(`/api/care-records/${id}`)).statusCode).toBe(404);
  });
});

describe('follow-ups', () => {
  it('closes a follow-up by a later record or by hand', async () => {
    const due = addDays(today, 3);
    const first = await teacherA.post(
      '/api/care-records',
      talk(kids[2]!.id, { followUpNeeded: true, followUpOn: due, problems: '作业没完成' }),
    );
    expect(first.json()).toMatchObject({ followUpOn: due, followUpDoneOn: null, abilities: { closeFollowUp: true } });
    const followUp = await teacherA.post('/api/care-records', talk(kids[2]!.id, { followUpOf: first.json().id }));
    expect(followUp.statusCode).toBe(201);
    expect((await teacherA.get(`/api/care-records/${first.json().id}`)).json().followUpDoneOn).toBe(today);
    const again = await teacherA.post('/api/care-records', talk(kids[2]!.id, { followUpOf: first.json().id }));
    expect(again.json().error.details).toEqual([
      { field: 'followUpOf', message: '所跟进的记录不存在、不属于该儿童或已跟进完成' },
    ]);

    const second = await teacherA.post(
      '/api/care-records',
      talk(kids[2]!.id, { followUpNeeded: true, followUpOn: due }),
    );
    const closed = await teacherA.post(`/api/care-records/${second.json().id}/close-follow-up`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().followUpDoneOn).toBe(today);
    const twice = await teacherA.post(`/api/care-records/${second.json().id}/close-follow-up`);
    expect(twice.json().error.code).toBe('FOLLOW_UP_NOT_OPEN');
  });
});

describe('GET /api/children/:id/timeline', () => {
  it('pages through every record of the child, newest first, without gaps', async () => {
    const kid = await buildChild(t.db, { class: tree.classA, categories: ['orphan'] });
    const dates = [0, 0, 0, -1, -5, -5, -20].map((d) => addDays(today, d));
    for (const occurredOn of dates) {
      expect((await teacherA.post('/api/care-records', talk(kid.id, { occurredOn }))).statusCode).toBe(201);
    }
    const seen: { id: string; occurredOn: string }[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/children/${kid.id}/timeline?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await teacherA.get(url)).json();
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(dates.length);
    expect(new Set(seen.map((r) => r.id)).size).toBe(dates.length);
    expect(seen.map((r) => r.occurredOn)).toEqual([...dates].sort().reverse());
    const bad = await teacherA.get(`/api/children/${kid.id}/timeline?cursor=nonsense`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('cursor');
    expect((await teacherA.get(`/api/children/${otherKid.id}/timeline`)).statusCode).toBe(404);
  });
});
