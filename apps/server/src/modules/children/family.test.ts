import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../modules/audit/audit.table';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type CountyTree } from '../../test/factories';

let t: TestApp;
let tree: CountyTree;
let teacherA: Client;
let teacherB: Client;
let countyAdmin: Client;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '清水县');
  teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  teacherB = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classB }]));
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
});
afterAll(() => t.close());

const events = (childId: string) =>
  t.db
    .select({ event: auditEvent.event, diff: auditEvent.diff })
    .from(auditEvent)
    .where(and(eq(auditEvent.childId, childId)));

describe('parents', () => {
  it('adds, edits and removes a parent, audited with the child', async () => {
    const child = await buildChild(t.db, { name: '林一', class: tree.classA, birthDate: '2016-01-01' });
    const created = await teacherA.post(`/api/children/${child.id}/parents`, {
      relation: 'father',
      name: '林父',
      status: 'migrant_work',
      birthDate: '1985-01-01',
      idNumber: '430104198501010010',
      workProvince: '广东省',
      workCity: '东莞市',
      phones: ['138 1234 5678', '0769-22345678'],
      returnFrequency: 'yearly',
      contactFrequency: 'weekly',
    });
    expect(created.statusCode).toBe(201);
    const father = created.json();
    expect(father).toMatchObject({
      phones: ['13812345678', '0769-22345678'],
      idNumberMasked: '430***********0010',
      version: 1,
      abilities: { update: true, delete: true },
    });
    expect(created.body).not.toContain('430104198501010010');

    const edited = await teacherA.patch(`/api/children/${child.id}/parents/${father.id}`, {
      version: 1,
      unreachable: true,
    });
    expect(edited.json()).toMatchObject({ unreachable: true, version: 2 });
    const flagged = (await teacherA.get('/api/children?parentUnreachable=true')).json().items;
    expect(flagged.map((c: { name: string }) => c.name)).toEqual(['林一']);
    const stale = await teacherA.patch(`/api/children/${child.id}/parents/${father.id}`, { version: 1, name: '林爸' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.unreachable).toBe(true);

    const list = await countyAdmin.get(`/api/children/${child.id}/parents`);
    expect(list.json().items[0].abilities).toEqual({ update: false, delete: false });
    const removed = await teacherA.delete(`/api/children/${child.id}/parents/${father.id}`, { version: 2 });
    expect(removed.statusCode).toBe(200);
    expect((await teacherA.get(`/api/children/${child.id}/parents`)).json().items).toEqual([]);
    expect((await events(child.id)).map((e) => e.event)).toEqual([
      'parent.created',
      'parent.updated',
      'parent.deleted',
    ]);
  });

  it('refuses a parent younger than the child plus 14 years, bad phones and unknown statuses, naming the field', async () => {
    const child = await buildChild(t.db, { name: '林二', class: tree.classA, birthDate: '2016-01-01' });
    const young = await teacherA.post(`/api/children/${child.id}/parents`, {
      relation: 'mother',
      name: '林母',
      birthDate: '2005-01-01',
    });
    expect(young.statusCode).toBe(400);
    expect(young.json().error.details).toEqual([{ field: 'birthDate', message: '父母的出生日期应比儿童早至少14年' }]);
    const bad = await teacherA.post(`/api/children/${child.id}/parents`, {
      relation: 'mother',
      name: '林母',
      phones: ['12345'],
      status: 'on_mars',
    });
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['phones.0', 'status']));

    // The rule also holds when the child's birth date changes later.
    await teacherA.post(`/api/children/${child.id}/parents`, {
      relation: 'mother',
      name: '林母',
      birthDate: '1995-06-01',
    });
    const page = (await teacherA.get(`/api/children/${child.id}`)).json();
    const later = await teacherA.patch(`/api/children/${child.id}`, { version: page.version, birthDate: '2009-01-01' });
    expect(later.json().error.details).toEqual([{ field: 'birthDate', message: '父母的出生日期应比儿童早至少14年' }]);
  });

  it('keeps another class’s teacher out (404) and read-only roles from writing (403)', async () => {
    const child = await buildChild(t.db, { name: '林三', class: tree.classA });
    expect((await teacherB.get(`/api/children/${child.id}/parents`)).statusCode).toBe(404);
    expect(
      (await teacherB.post(`/api/children/${child.id}/parents`, { relation: 'father', name: '外人' })).statusCode,
    ).toBe(404);
    expect(
      (await countyAdmin.post(`/api/children/${child.id}/parents`, { relation: 'father', name: '县里' })).statusCode,
    ).toBe(403);
  });
});

describe('guardians and the 委托监护确认书', () => {
  it('keeps one primary guardian, records signings and renewals, and completes the archive', async () => {
    const created = await teacherA.post('/api/children', {
      name: '黄小芳',
      sex: 'female',
      ethnicity: '01',
      birthDate: '2016-06-15',
      idNumber: '430104201606150049',
      hukouRegistered: true,
      hukouLocation: '清水县东村',
      currentAddress: '东村3组',
      health: 'healthy',
      boarding: 'day',
      schooling: 'primary',
      guardianshipType: 'fair',
      incomeSources: ['migrant_work', 'farming'],
      villageContactName: '李主任',
      villageContactPhone: '13912345678',
      schoolId: tree.school.id,
      classId: tree.classA.id,
      villageId: tree.village.id,
      categories: [{ category: 'left_behind_both', startDate: '2024-02-01' }],
    });
    expect(created.statusCode).toBe(201);
    const child = created.json();
    expect(child.completeness.missing).toEqual(['parentWorkPlace', 'entrustedGuardian']);

    await teacherA.post(`/api/children/${child.id}/parents`, {
      relation: 'father',
      name: '黄父',
      status: 'migrant_work',
      workProvince: '浙江省',
      workCity: '宁波市',
    });
    const grandma = await teacherA.post(`/api/children/${child.id}/guardians`, {
      relation: 'paternal_grandparent',
      name: '黄奶奶',
      birthYear: 1958,
      health: 'fair',
      literacy: 'illiterate',
      phone: '13712345678',
      isPrimary: true,
      entrustment: { signedOn: '2024-02-10', validUntil: '2025-02-09' },
    });
    expect(grandma.statusCode).toBe(201);
    expect(grandma.json()).toMatchObject({
      isPrimary: true,
      entrustment: { signedOn: '2024-02-10', validUntil: '2025-02-09' },
    });
    expect(grandma.json().age).toBeGreaterThan(60);
    let page = (await teacherA.get(`/api/children/${child.id}`)).json();
    expect(page.completeness.missing).toEqual(['entrustedGuardianAddress']);

    const grandpa = await teacherA.post(`/api/children/${child.id}/guardians`, {
      relation: 'maternal_grandparent',
      name: '陈外公',
      phone: '0731-8456789',
      address: '东村4组',
      isPrimary: true,
    });
    expect(grandpa.statusCode).toBe(201);
    page = (await teacherA.get(`/api/children/${child.id}`)).json();
    expect(page.guardians.map((g: { name: string; isPrimary: boolean }) => [g.name, g.isPrimary])).toEqual([
      ['陈外公', true],
      ['黄奶奶', false],
    ]);
    expect(page.completeness).toEqual({ complete: true, missing: [] });
    expect(page.archiveComplete).toBe(true);

    // The signed confirmation expired: the list flags the child until it is renewed.
    const missing = async () =>
      (await teacherA.get('/api/children?noEntrustment=true')).json().items.map((c: { name: string }) => c.name);
    expect(await missing()).toContain('黄小芳');
    const renewed = await teacherA.post(`/api/children/${child.id}/guardians/${grandma.json().id}/entrustments`, {
      signedOn: '2025-02-01',
      validUntil: '2099-12-31',
      note: '父亲换了务工地，重新签订',
    });
    expect(renewed.statusCode).toBe(201);
    expect(renewed.json().entrustment.signedOn).toBe('2025-02-01');
    expect(renewed.json().entrustmentHistory.map((e: { signedOn: string }) => e.signedOn)).toEqual([
      '2025-02-01',
      '2024-02-10',
    ]);
    expect(await missing()).not.toContain('黄小芳');

    const wrong = await teacherA.post(`/api/children/${child.id}/guardians/${grandma.json().id}/entrustments`, {
      signedOn: '2025-03-01',
      validUntil: '2025-01-01',
    });
    expect(wrong.json().error.details[0]).toMatchObject({ field: 'validUntil', message: '结束日期不能早于开始日期' });

    const del = await teacherA.delete(`/api/children/${child.id}/guardians/${grandpa.json().id}`, { version: 1 });
    expect(del.statusCode).toBe(200);
    page = (await teacherA.get(`/api/children/${child.id}`)).json();
    expect(page.completeness.missing).toEqual(['entrustedGuardianAddress']);
    const names = (await events(child.id)).map((e) => e.event);
    expect(names).toEqual(
      expect.arrayContaining(['guardian.created', 'guardian.entrustment_signed', 'guardian.deleted']),
    );
  });

  it('validates guardian fields and versions', async () => {
    const child = await buildChild(t.db, { name: '黄二', class: tree.classA });
    const bad = await teacherA.post(`/api/children/${child.id}/guardians`, {
      relation: 'neighbour',
      name: '邻居',
      phone: '555',
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['relation', 'phone']));
    const ok = (
      await teacherA.post(`/api/children/${child.id}/guardians`, { relation: 'relative', name: '黄姑' })
    ).json();
    const edit = await teacherA.patch(`/api/children/${child.id}/guardians/${ok.id}`, { version: 1, address: '西村' });
    expect(edit.json()).toMatchObject({ address: '西村', version: 2 });
    const stale = await teacherA.patch(`/api/children/${child.id}/guardians/${ok.id}`, { version: 1, address: '北村' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.address).toBe('西村');
    expect((await teacherB.get(`/api/children/${child.id}/guardians`)).statusCode).toBe(404);
    const other = await buildChild(t.db, { name: '黄三', class: tree.classA });
    expect((await teacherA.patch(`/api/children/${other.id}/guardians/${ok.id}`, { version: 2 })).statusCode).toBe(404);
  });
});
