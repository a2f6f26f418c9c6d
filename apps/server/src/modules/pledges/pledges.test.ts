import { addDays, todayIso } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildPairing, buildUser, type ChildFixture } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';

let t: TestApp;
let teacher: Client;
let mentor: Client;
let counselor: Client;
let otherTeacher: Client;
let kid: ChildFixture;
let unpairedKid: ChildFixture;
const today = todayIso();

const pledgeBody = (childId: string, extra: object = {}) => ({
  childId,
  signedOn: addDays(today, -20),
  shortcomings: '上课爱讲话，作业拖拉',
  commitments: '上课认真听讲，按时完成作业',
  measures: '每天放学先写作业再看电视，请同桌提醒',
  deadline: addDays(today, -1),
  ...extra,
});

beforeAll(async () => {
  t = await buildTestApp();
  const tree = await buildCountyTree(t.db, '承诺县');
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  otherTeacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classB }]));
  counselor = await loginAs(t, await buildUser(t.db, [{ role: 'counselor', org: tree.school }]));
  kid = await buildChild(t.db, { name: '张小军', class: tree.classA });
  unpairedKid = await buildChild(t.db, { class: tree.classA });
  const mentorUser = await buildUser(t.db, [{ role: 'mentor', org: tree.school }]);
  await buildPairing(t.db, { child: kid, helper: mentorUser });
  mentor = await loginAs(t, mentorUser);
});
afterAll(() => t.close());

describe('pledges (自律承诺书)', () => {
  it('records a pledge whose review is due after the deadline, reviews it once, then it is final', async () => {
    const res = await teacher.post('/api/pledges', pledgeBody(kid.id));
    expect(res.statusCode, res.body).toBe(201);
    const pledge = res.json();
    expect(pledge).toMatchObject({ reviewState: 'due', review: null, abilities: { review: true } });

    const open = await mentor.post('/api/pledges', pledgeBody(kid.id, { deadline: addDays(today, 30) }));
    expect(open.statusCode, open.body).toBe(201);
    expect(open.json().reviewState).toBe('open');

    expect(
      (await teacher.post(`/api/pledges/${pledge.id}/review`, { result: 'kept', reviewedOn: today })).statusCode,
    ).toBe(428);
    const reviewed = await mentor.post(`/api/pledges/${pledge.id}/review`, {
      result: 'partly_kept',
      note: '作业按时了，上课讲话还要再提醒',
      reviewedOn: today,
      version: pledge.version,
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({
      reviewState: 'reviewed',
      review: { result: 'partly_kept', reviewedOn: today, reviewedBy: { displayName: expect.any(String) } },
      abilities: { update: false, review: false },
    });
    const again = await teacher.post(`/api/pledges/${pledge.id}/review`, {
      result: 'kept',
      reviewedOn: today,
      version: reviewed.json().version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PLEDGE_ALREADY_REVIEWED');
    const edit = await teacher.patch(`/api/pledges/${pledge.id}`, { measures: '改', version: reviewed.json().version });
    expect(edit.json().error.code).toBe('PLEDGE_ALREADY_REVIEWED');

    const list = (await teacher.get(`/api/children/${kid.id}/pledges`)).json();
    expect(list.pledges.map((p: { reviewState: string }) => p.reviewState).sort()).toEqual(['open', 'reviewed']);
    expect(list.abilities).toEqual({ create: true });
    const audits = await t.db.select().from(auditEvent).where(sql`${auditEvent.event} like 'pledge.%'`);
    expect(audits.map((a) => a.event).sort()).toEqual(['pledge.created', 'pledge.created', 'pledge.reviewed']);
  });

  it('validates the fields in the user’s language, naming them', async () => {
    const bad = await teacher.post(
      '/api/pledges',
      pledgeBody(kid.id, { shortcomings: ' ', deadline: addDays(today, -30) }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual(
      expect.arrayContaining([
        { field: 'shortcomings', message: '请填写内容' },
        { field: 'deadline', message: '改正期限不能早于签订日期' },
      ]),
    );
    const en = await teacher.request('POST', '/api/pledges', pledgeBody(kid.id, { deadline: 'soon' }), {
      'accept-language': 'en',
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.details[0].field).toBe('deadline');
    const future = await teacher.post('/api/pledges', pledgeBody(kid.id, { signedOn: addDays(today, 3) }));
    expect(future.json().error.details[0]).toEqual({ field: 'signedOn', message: '日期不能晚于今天' });
  });

  it('keeps pledges to the child’s carers: 404 out of scope, 403 for a reader who may not write', async () => {
    expect((await otherTeacher.get(`/api/children/${kid.id}/pledges`)).statusCode).toBe(404);
    expect((await otherTeacher.post('/api/pledges', pledgeBody(kid.id))).statusCode).toBe(404);
    expect((await mentor.get(`/api/children/${unpairedKid.id}/pledges`)).statusCode).toBe(404);
    // A counselor reads care records of the school but writes none.
    expect((await counselor.get(`/api/children/${kid.id}/pledges`)).statusCode).toBe(200);
    expect((await counselor.post('/api/pledges', pledgeBody(kid.id))).statusCode).toBe(403);
    const [first] = (await teacher.get(`/api/children/${kid.id}/pledges`)).json().pledges;
    expect((await otherTeacher.delete(`/api/pledges/${first.id}`, { version: first.version })).statusCode).toBe(404);
  });
});

describe('pledge reviews on the to-do list', () => {
  const reviewTasks = async (client: Client) =>
    (
      (await client.get('/api/todos')).json().items as { id: string; child: { id: string } | null; href: string }[]
    ).filter((i) => i.id.startsWith('pledge_review:'));

  it('go to the child’s mentor teacher, or to the class teacher when the child has none', async () => {
    const due = await teacher.post('/api/pledges', pledgeBody(kid.id, { deadline: today }));
    expect(due.statusCode).toBe(201);
    const later = await teacher.post('/api/pledges', pledgeBody(kid.id, { deadline: addDays(today, 20) }));
    expect(later.statusCode).toBe(201);
    const unmentored = await teacher.post('/api/pledges', pledgeBody(unpairedKid.id, { deadline: addDays(today, -2) }));
    expect(unmentored.statusCode).toBe(201);

    const mentorTasks = await reviewTasks(mentor);
    expect(mentorTasks.map((i) => i.id)).toEqual([`pledge_review:${due.json().id}`]);
    expect(mentorTasks[0]).toMatchObject({ child: { id: kid.id }, href: `/children/${kid.id}?tab=pledges` });
    expect((await reviewTasks(teacher)).map((i) => i.id)).toEqual([`pledge_review:${unmentored.json().id}`]);
    expect(await reviewTasks(otherTeacher)).toEqual([]);

    const reviewed = await mentor.post(`/api/pledges/${due.json().id}/review`, {
      result: 'kept',
      reviewedOn: today,
      version: due.json().version,
    });
    expect(reviewed.statusCode).toBe(200);
    expect(await reviewTasks(mentor)).toEqual([]);
  });
});

describe('self-evaluations (自我评价)', () => {
  it('adds and deletes entries for the child; outsiders are refused', async () => {
    const res = await teacher.post('/api/self-evaluations', {
      childId: kid.id,
      evaluatedOn: today,
      aspect: 'study',
      content: '这个月数学作业都按时交了<b>加油</b>',
      gaps: '英语单词背得少',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ aspect: 'study', content: expect.stringContaining('<b>加油</b>') });
    const bad = await teacher.post('/api/self-evaluations', {
      childId: kid.id,
      evaluatedOn: today,
      aspect: 'mood',
      content: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['aspect', 'content']);
    expect(
      (
        await otherTeacher.post('/api/self-evaluations', {
          childId: kid.id,
          evaluatedOn: today,
          aspect: 'life',
          content: '好',
        })
      ).statusCode,
    ).toBe(404);
    const listed = (await mentor.get(`/api/children/${kid.id}/pledges`)).json().selfEvaluations;
    expect(listed).toHaveLength(1);
    expect((await otherTeacher.delete(`/api/self-evaluations/${listed[0].id}`, { version: 1 })).statusCode).toBe(404);
    const stale = await teacher.delete(`/api/self-evaluations/${listed[0].id}`, { version: 7 });
    expect(stale.statusCode).toBe(409);
    expect((await teacher.delete(`/api/self-evaluations/${listed[0].id}`, { version: 1 })).statusCode).toBe(200);
    expect((await teacher.get(`/api/children/${kid.id}/pledges`)).json().selfEvaluations).toEqual([]);
  });
});
