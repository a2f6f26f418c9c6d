import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type ChildFixture, type CountyTree } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';
import { appUser } from '../users/users.table';
import { concern } from './concerns.table';

let t: TestApp;
let tree: CountyTree;
let teacher: Client;
let teacherB: Client;
let schoolAdmin: Client;
let childDirector: Client;
let supervisor: Client;
let otherSupervisor: Client;
let countyAdmin: Client;
let counselor: Client;
let otherAdmin: Client;
let english: Client;
let kid: ChildFixture;
let otherKid: ChildFixture;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '报告县');
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  teacherB = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classB }]));
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  childDirector = await loginAs(t, await buildUser(t.db, [{ role: 'child_director', org: tree.village }]));
  supervisor = await loginAs(t, await buildUser(t.db, [{ role: 'supervisor', org: tree.township }]));
  otherSupervisor = await loginAs(t, await buildUser(t.db, [{ role: 'supervisor', org: tree.otherTownship }]));
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  counselor = await loginAs(t, await buildUser(t.db, [{ role: 'counselor', org: tree.school }]));
  otherAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.otherSchool }]));
  const englishUser = await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]);
  await t.db.update(appUser).set({ language: 'en' }).where(eq(appUser.id, englishUser.id));
  english = await loginAs(t, englishUser);
  kid = await buildChild(t.db, { name: '陈小满', class: tree.classA, village: tree.village });
  otherKid = await buildChild(t.db, { name: '外校生', class: tree.otherClass });
});
afterAll(() => t.close());

const report = (extra: Record<string, unknown> = {}) => ({
  childId: kid.id,
  category: 'unsupervised',
  severity: 'serious',
  description: '周末爷爷住院，孩子独自在家两天，邻居发现后告知学校。',
  immediateActions: '已联系村儿童主任上门查看',
  ...extra,
});

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((c) => c.id);

describe('raising a concern', () => {
  let concernId: string;

  it('any staff member raises one about a child they see; the acknowledgement is due in 24 hours', async () => {
    const before = Date.now();
    const res = await teacher.post('/api/concerns', report());
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    concernId = view.id;
    expect(view).toMatchObject({
      child: { id: kid.id, name: '陈小满' },
      status: 'reported',
      overdue: false,
      escalatedAt: null,
      abilities: { acknowledge: false, refer: false, followUp: false, close: false },
    });
    const due = Date.parse(view.dueAt) - before;
    expect(due).toBeGreaterThan(23.9 * 3_600_000);
    expect(due).toBeLessThan(24.1 * 3_600_000);
    expect(view.events.map((e: { kind: string }) => e.kind)).toEqual(['reported']);
    const audits = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'concern.raised'), eq(auditEvent.targetId, concernId)));
    expect(audits).toHaveLength(1);
  });

  it('is visible to the reporter, the school administrator, the child director and the supervisor only', async () => {
    for (const client of [teacher, schoolAdmin, childDirector, supervisor, countyAdmin]) {
      expect((await client.get(`/api/concerns/${concernId}`)).statusCode).toBe(200);
      expect(ids(await client.get('/api/concerns'))).toContain(concernId);
    }
    for (const client of [teacherB, otherSupervisor, otherAdmin, counselor]) {
      expect((await client.get(`/api/concerns/${concernId}`)).statusCode).toBe(404);
      expect(ids(await client.get('/api/concerns'))).not.toContain(concernId);
    }
    const viewed = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'concern.viewed'), eq(auditEvent.targetId, concernId)));
    expect(viewed.length).toBe(5);
    const asAdmin = (await schoolAdmin.get(`/api/concerns/${concernId}`)).json();
    expect(asAdmin.abilities).toEqual({ acknowledge: true, refer: false, followUp: false, close: false });
    expect((await supervisor.get(`/api/concerns/${concernId}`)).json().abilities.acknowledge).toBe(false);
  });

  it('refuses a concern without category or severity, naming the fields; nothing is written', async () => {
    const count = async () => (await t.db.select({ id: concern.id }).from(concern)).length;
    const n = await count();
    const res = await teacher.post('/api/concerns', report({ category: undefined, severity: undefined }));
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['category', 'severity']);
    const nobody = await english.post('/api/concerns', {
      category: 'missing',
      severity: 'urgent',
      description: '有孩子说同学失踪',
    });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().error.details).toEqual([
      { field: 'childId', message: 'choose the child, or the school when the child is not known' },
    ]);
    const empty = await teacher.post('/api/concerns', report({ description: '  ' }));
    expect(empty.json().error.details).toEqual([{ field: 'description', message: '请填写内容' }]);
    expect(await count()).toBe(n);
  });

  it('keeps HTML as text; a child outside the reporter’s scope is not found', async () => {
    const html = '<script>alert("x")</script>';
    const res = await teacher.post('/api/concerns', report({ description: html, severity: 'general' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().description).toBe(html);
    expect((await teacher.post('/api/concerns', report({ childId: otherKid.id }))).statusCode).toBe(404);
    expect((await teacherB.post('/api/concerns', report())).statusCode).toBe(404);
  });

  it('may name no child when raised from a mailbox message: it then belongs to the school', async () => {
    const box = await schoolAdmin.put(`/api/mailbox/boxes/${tree.school.id}`, { enabled: true, dangerWords: [] });
    expect(box.statusCode, box.body).toBe(201);
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/public/mailbox/${box.json().box.code}`,
      payload: { body: '我不想活了，没人管我' },
      remoteAddress: '10.9.0.1',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const inbox = await counselor.get('/api/mailbox/messages?pageSize=100');
    const messageId = (inbox.json().items as { id: string }[])[0]!.id;
    const fromLetter = (extra: object) => ({
      schoolId: tree.school.id,
      mailboxMessageId: messageId,
      category: 'self_harm_risk',
      severity: 'urgent',
      description: '信箱来信说“不想活了”，未署名',
      ...extra,
    });
    const count = async () => (await t.db.select({ id: concern.id }).from(concern)).length;
    const n = await count();
    // A letter that does not exist, or that the reporter may not read, is not found.
    expect((await counselor.post('/api/concerns', fromLetter({ mailboxMessageId: randomUUID() }))).statusCode).toBe(
      404,
    );
    expect((await schoolAdmin.post('/api/concerns', fromLetter({}))).statusCode).toBe(404);
    // A counselor at two schools cannot file the letter under the other one.
    const both = await loginAs(
      t,
      await buildUser(t.db, [
        { role: 'counselor', org: tree.school },
        { role: 'counselor', org: tree.otherSchool },
      ]),
    );
    const elsewhere = await both.post('/api/concerns', fromLetter({ schoolId: tree.otherSchool.id }));
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().error).toMatchObject({
      code: 'CONCERN_MAILBOX_OTHER_SCHOOL',
      details: [{ field: 'mailboxMessageId' }],
    });
    expect(await count()).toBe(n);

    const res = await counselor.post('/api/concerns', fromLetter({}));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ child: null, school: { id: tree.school.id }, mailboxMessageId: messageId });
    expect((await schoolAdmin.get(`/api/concerns/${res.json().id}`)).statusCode).toBe(200);
    expect((await childDirector.get(`/api/concerns/${res.json().id}`)).statusCode).toBe(404);
    const foreign = await otherAdmin.post('/api/concerns', {
      schoolId: tree.school.id,
      category: 'missing',
      severity: 'urgent',
      description: 'x',
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('the workflow', () => {
  let id: string;

  it('acknowledge → refer → follow up → close, by a handler, each step with its version', async () => {
    id = (await teacher.post('/api/concerns', report({ category: 'suspected_violence', severity: 'urgent' }))).json()
      .id;
    expect((await teacher.post(`/api/concerns/${id}/acknowledge`, { version: 1 })).statusCode).toBe(403);
    expect((await supervisor.post(`/api/concerns/${id}/acknowledge`, { version: 1 })).statusCode).toBe(403);
    expect((await otherAdmin.post(`/api/concerns/${id}/acknowledge`, { version: 1 })).statusCode).toBe(404);
    const early = await schoolAdmin.post(`/api/concerns/${id}/refer`, {
      version: 1,
      authority: 'police',
      referredAt: new Date().toISOString(),
      receiptNumber: 'JJ-1',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CONCERN_STEP_INVALID');
    expect((await schoolAdmin.post(`/api/concerns/${id}/acknowledge`, {})).statusCode).toBe(428);

    const ack = await schoolAdmin.post(`/api/concerns/${id}/acknowledge`, { version: 1, note: '已核实，马上报警' });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', version: 2, abilities: { refer: true, close: true } });
    expect(Date.parse(ack.json().acknowledgedAt)).toBeLessThanOrEqual(Date.now());

    const noReceipt = await schoolAdmin.post(`/api/concerns/${id}/refer`, {
      version: 2,
      authority: 'police',
      referredAt: new Date().toISOString(),
    });
    expect(noReceipt.statusCode).toBe(400);
    expect(noReceipt.json().error.details[0].field).toBe('receiptNumber');
    const future = await schoolAdmin.post(`/api/concerns/${id}/refer`, {
      version: 2,
      authority: 'police',
      referredAt: new Date(Date.now() + 86_400_000).toISOString(),
      receiptNumber: 'JJ-1',
    });
    expect(future.json().error.details[0]).toEqual({ field: 'referredAt', message: '时间不能晚于现在' });

    const referredAt = new Date(Date.now() - 3_600_000).toISOString();
    const refer = await schoolAdmin.post(`/api/concerns/${id}/refer`, {
      version: 2,
      authority: 'police',
      referredAt,
      receiptNumber: '城关派出所 受案2026-118',
    });
    expect(refer.statusCode, refer.body).toBe(200);
    expect(refer.json()).toMatchObject({ status: 'referred', referredAt });
    const stale = await schoolAdmin.post(`/api/concerns/${id}/follow-up`, { version: 2, note: '复查' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const follow = await childDirector.post(`/api/concerns/${id}/follow-up`, {
      version: 3,
      note: '上门查看，孩子已由姑姑照看',
    });
    expect(follow.statusCode, follow.body).toBe(200);
    expect(follow.json().status).toBe('following_up');
    const close = await schoolAdmin.post(`/api/concerns/${id}/close`, { version: 4, note: '监护已落实，结案' });
    expect(close.statusCode).toBe(200);
    const done = close.json();
    expect(done).toMatchObject({ status: 'closed', dueAt: null, overdue: false });
    expect(done.events.map((e: { kind: string }) => e.kind)).toEqual([
      'reported',
      'acknowledged',
      'referred',
      'followed_up',
      'closed',
    ]);
    expect(done.events[2]).toMatchObject({
      authority: 'police',
      receiptNumber: '城关派出所 受案2026-118',
      referredAt,
      actor: { displayName: expect.any(String) },
    });
    expect((await schoolAdmin.post(`/api/concerns/${id}/close`, { version: 5, note: 'x' })).statusCode).toBe(409);
    const audits = await t.db.select({ event: auditEvent.event }).from(auditEvent).where(eq(auditEvent.targetId, id));
    expect(audits.map((a) => a.event)).toEqual(
      expect.arrayContaining([
        'concern.raised',
        'concern.acknowledged',
        'concern.referred',
        'concern.followed_up',
        'concern.closed',
      ]),
    );
  });

  it('lists a handler’s open concerns as actionable (the menu badge)', async () => {
    const mine = await schoolAdmin.get('/api/concerns?actionable=true&pageSize=100');
    expect(mine.json().items.every((c: { status: string }) => c.status !== 'closed')).toBe(true);
    expect(ids(mine)).not.toContain(id);
    expect(mine.json().total).toBeGreaterThan(0);
    expect((await teacher.get('/api/concerns?actionable=true')).json().total).toBe(0);
  });
});
