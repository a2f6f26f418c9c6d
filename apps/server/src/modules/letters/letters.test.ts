import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type ChildFixture, type CountyTree } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';
import { appUser } from '../users/users.table';
import { letterDelivery, letterTemplate } from './letters.table';
import { buildLetterTerms } from './letters.test-support';

let t: TestApp;
let tree: CountyTree;
let admin: Client;
let teacherA: Client;
let teacherB: Client;
let countyAdmin: Client;
let otherTeacher: Client;
let otherAdmin: Client;
let englishAdmin: Client;
let termId: string;
let kids: ChildFixture[];
let kidB: ChildFixture;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '信件县');
  termId = (await buildLetterTerms(t.db, tree)).current.id;
  admin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  teacherB = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classB }]));
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  otherTeacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.otherClass }]));
  otherAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.otherSchool }]));
  const english = await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]);
  await t.db.update(appUser).set({ language: 'en' }).where(eq(appUser.id, english.id));
  englishAdmin = await loginAs(t, english);
  kids = [];
  for (const name of ['王一', '王二', '王三']) kids.push(await buildChild(t.db, { name, class: tree.classA }));
  kidB = await buildChild(t.db, { name: '李乙', class: tree.classB });
});
afterAll(() => t.close());

const templatesOf = async (client: Client) => client.get(`/api/letters/templates?schoolId=${tree.school.id}`);

describe('letter templates', () => {
  it('creates the term-start and term-end letters once, on first use; teachers of the school read them', async () => {
    const first = await templatesOf(teacherA);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items.map((i: { kind: string }) => i.kind)).toEqual(['term_start', 'term_end']);
    expect(first.json().items[0].abilities).toMatchObject({ update: false, delete: false, generate: true });
    const again = await templatesOf(admin);
    expect(again.json().items.map((i: { id: string }) => i.id)).toEqual(
      first.json().items.map((i: { id: string }) => i.id),
    );
    expect(again.json().items[0].abilities).toMatchObject({ update: true, delete: false });
    const audits = await t.db.select().from(auditEvent).where(eq(auditEvent.event, 'letter.template_defaults_created'));
    expect(audits).toHaveLength(1);
  });

  it('hides another school’s templates (404) and refuses a teacher’s edit (403)', async () => {
    expect((await templatesOf(otherTeacher)).statusCode).toBe(404);
    const [template] = (await templatesOf(admin)).json().items;
    const other = await otherAdmin.patch(`/api/letters/templates/${template.id}`, { title: '改', version: 1 });
    expect(other.statusCode).toBe(404);
    expect((await otherAdmin.get(`/api/letters/templates?schoolId=${tree.school.id}`)).statusCode).toBe(404);
    const teacher = await teacherA.patch(`/api/letters/templates/${template.id}`, { title: '改', version: 1 });
    expect(teacher.statusCode).toBe(403);
  });

  it('refuses an unknown merge field, naming it and the valid ones, in the user’s language; nothing saved', async () => {
    const [template] = (await templatesOf(admin)).json().items;
    const body = `${template.body}\n请转告{{孩子姓名}}按时返校。`;
    const res = await admin.patch(`/api/letters/templates/${template.id}`, { body, version: template.version });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('LETTER_MERGE_FIELD_UNKNOWN');
    expect(error.details[0].field).toBe('body');
    expect(error.details[0].message).toContain('未知的合并字段：{{孩子姓名}}');
    expect(error.details[0].message).toContain('{{儿童姓名}}');
    const en = await englishAdmin.patch(`/api/letters/templates/${template.id}`, { body, version: template.version });
    expect(en.json().error.details[0].message).toContain('Unknown merge field: {{孩子姓名}}');
    const [row] = await t.db.select().from(letterTemplate).where(eq(letterTemplate.id, template.id));
    expect(row!.body).toBe(template.body);
    expect(row!.version).toBe(template.version);
  });

  it('saves an edit with its version; a stale version is a conflict, a missing one is required', async () => {
    const [template] = (await templatesOf(admin)).json().items;
    const body = `${template.body}\n请记得常给孩子打电话。`;
    const res = await admin.patch(`/api/letters/templates/${template.id}`, { body, version: template.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ body, version: template.version + 1 });
    expect(
      (await admin.patch(`/api/letters/templates/${template.id}`, { body, version: template.version })).statusCode,
    ).toBe(409);
    expect((await admin.patch(`/api/letters/templates/${template.id}`, { body })).statusCode).toBe(428);
    const audits = await t.db.select().from(auditEvent).where(eq(auditEvent.event, 'letter.template_updated'));
    expect(audits).toHaveLength(1);
  });

  it('adds and deletes a school’s own letter; the term letters stay', async () => {
    const created = await admin.post('/api/letters/templates', {
      schoolId: tree.school.id,
      name: '暑假安全告家长书',
      title: '暑假安全告家长书',
      body: '尊敬的{{儿童姓名}}同学家长：\n暑假将至，请注意孩子安全。',
      signature: '{{学校名称}}',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'custom', abilities: { delete: true } });
    const bad = await admin.post('/api/letters/templates', {
      schoolId: tree.school.id,
      name: '',
      title: 'x',
      body: ' ',
      signature: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['body', 'name']);
    const del = await admin.delete(`/api/letters/templates/${created.json().id}`, { version: 1 });
    expect(del.statusCode).toBe(200);
    const [termStart] = (await templatesOf(admin)).json().items;
    const keep = await admin.delete(`/api/letters/templates/${termStart.id}`, { version: termStart.version });
    expect(keep.statusCode).toBe(422);
    expect(keep.json().error.code).toBe('LETTER_TEMPLATE_KEPT');
  });
});

const rosterOf = (client: Client, classId: string, kind = 'term_start') =>
  client.get(`/api/letters/roster?classId=${classId}&kind=${kind}`);

describe('letters sent (发放登记)', () => {
  it('lists a class with sent state; another class is not found; the county reads without marking', async () => {
    const res = await rosterOf(teacherA, tree.classA.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json().term).toMatchObject({ id: termId, name: '2026—2027学年第一学期' });
    expect(res.json().items.map((i: { child: { name: string } }) => i.child.name)).toEqual(['王二', '王三', '王一']);
    expect(res.json().items[0]).toMatchObject({ delivery: null, abilities: { markSent: true } });
    expect((await rosterOf(teacherA, tree.classB.id)).statusCode).toBe(404);
    expect((await rosterOf(otherTeacher, tree.classA.id)).statusCode).toBe(404);
    const county = await rosterOf(countyAdmin, tree.classA.id);
    expect(county.statusCode).toBe(200);
    expect(county.json().items[0].abilities.markSent).toBe(false);
  });

  const mark = (client: Client, childIds: string[], extra: Record<string, unknown> = {}) =>
    client.post('/api/letters/deliveries', {
      termId,
      letterKind: 'term_start',
      channel: 'wechat',
      sentOn: '2026-09-05',
      childIds,
      ...extra,
    });
  const liveDeliveries = () => t.db.select().from(letterDelivery).where(isNull(letterDelivery.deletedAt));

  it('refuses children outside the caller’s class (404), a reader without the right (403), a future date; nothing written', async () => {
    const outside = await mark(teacherA, [kids[0]!.id, kidB.id]);
    expect(outside.statusCode).toBe(404);
    expect((await mark(otherTeacher, [kids[0]!.id])).statusCode).toBe(404);
    expect((await mark(countyAdmin, [kids[0]!.id])).statusCode).toBe(403);
    const future = await mark(teacherA, [kids[0]!.id], { sentOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].field).toBe('sentOn');
    const badChannel = await mark(teacherA, [kids[0]!.id], { channel: 'pigeon' });
    expect(badChannel.statusCode).toBe(400);
    expect(badChannel.json().error.details[0].field).toBe('channel');
    expect(await liveDeliveries()).toHaveLength(0);
  });

  it('marks two letters sent at once, shows them, refuses marking them twice, and takes one back', async () => {
    const res = await mark(teacherA, [kids[0]!.id, kids[1]!.id]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items).toHaveLength(2);
    const roster = (await rosterOf(teacherA, tree.classA.id)).json().items;
    const byName = Object.fromEntries(roster.map((i: { child: { name: string } }) => [i.child.name, i]));
    expect(byName.王一.delivery).toMatchObject({ channel: 'wechat', sentOn: '2026-09-05' });
    expect(byName.王三.delivery).toBeNull();
    expect((await rosterOf(teacherA, tree.classA.id, 'term_end')).json().items[0].delivery).toBeNull();
    const twice = await mark(teacherA, [kids[2]!.id, kids[0]!.id]);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details[0].message).toContain('王一：已于2026-09-05登记发出（微信）');
    expect(await liveDeliveries()).toHaveLength(2);
    const audits = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'letter.marked_sent'), eq(auditEvent.childId, kids[0]!.id)));
    expect(audits).toHaveLength(1);
    const delivery = byName.王一.delivery;
    expect((await teacherB.delete(`/api/letters/deliveries/${delivery.id}`, { version: 1 })).statusCode).toBe(404);
    expect((await teacherA.delete(`/api/letters/deliveries/${delivery.id}`, { version: 1 })).statusCode).toBe(200);
    expect(await liveDeliveries()).toHaveLength(1);
  });
});

describe('generating letters: scope', () => {
  it('answers 404 for a class outside the caller’s scope, 403 for a reader, 422 for a village’s roster', async () => {
    const [template] = (await templatesOf(admin)).json().items;
    const url = (orgId: string, f = 'docx') => `/api/letters/templates/${template.id}/letters.${f}?orgId=${orgId}`;
    expect((await teacherB.get(url(tree.classA.id))).statusCode).toBe(404);
    expect((await otherTeacher.get(url(tree.otherClass.id))).statusCode).toBe(404);
    expect((await countyAdmin.get(url(tree.classA.id, 'pdf'))).statusCode).toBe(403);
    const village = await rosterOf(countyAdmin, tree.village.id);
    expect(village.statusCode).toBe(422);
    expect(village.json().error.code).toBe('LETTER_ORG_KIND');
    const badTerm = await admin.get(`${url(tree.classA.id)}&termId=00000000-0000-4000-8000-000000000000`);
    expect(badTerm.statusCode).toBe(404);
  });
});
