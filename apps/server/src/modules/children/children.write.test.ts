import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../modules/audit/audit.table';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildOrg, buildUser, type CountyTree } from '../../test/factories';

let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
let countyAdmin: Client;
let schoolAdmin: Client;
let teacherA: Client;
let director: Client;
let counselor: Client;
let teacherAndCounselor: Client;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '清水县');
  other = await buildCountyTree(t.db, '远山县');
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  director = await loginAs(t, await buildUser(t.db, [{ role: 'child_director', org: tree.village }]));
  counselor = await loginAs(t, await buildUser(t.db, [{ role: 'counselor', org: tree.school }]));
  teacherAndCounselor = await loginAs(
    t,
    await buildUser(t.db, [
      { role: 'class_teacher', org: tree.classA },
      { role: 'counselor', org: tree.school },
    ]),
  );
});
afterAll(() => t.close());

const auditRows = (childId: string, event: string) =>
  t.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.childId, childId), eq(auditEvent.event, event)));

describe('POST /api/children', () => {
  it('files a child in the teacher’s class with categories and enrollment, audited', async () => {
    const res = await teacherA.post('/api/children', {
      name: '张羽涵',
      sex: 'female',
      birthDate: '2016-06-15',
      idNumber: '430104201606150049',
      ethnicity: '01',
      schoolId: tree.school.id,
      classId: tree.classA.id,
      villageId: tree.village.id,
      categories: [{ category: 'left_behind_both', startDate: '2023-02-01' }],
      enrollmentStatus: 'enrolled',
      enrollmentDate: '2022-09-01',
      villageContactPhone: '0731-84567890',
    });
    expect(res.statusCode).toBe(201);
    const child = res.json();
    expect(child.namePinyin).toBe('zhang yu han');
    expect(child.idNumberMasked).toBe('430***********0049');
    expect(child.categories).toEqual(['left_behind_both']);
    expect(child.enrollmentStatus).toBe('enrolled');
    expect(child.completeness.missing).toContain('parentWorkPlace');
    expect(child.completeness.missing).not.toContain('sex');
    const [audit] = await auditRows(child.id, 'child.created');
    expect(audit!.actorRole).toBe('class_teacher');
    expect(JSON.stringify(audit!.diff)).not.toContain('430104201606150049');
    expect(JSON.stringify(audit!.diff)).toContain('430***********0049');
  });

  it('names each invalid field in Chinese', async () => {
    const res = await teacherA.post('/api/children', {
      name: '错误',
      schoolId: tree.school.id,
      classId: tree.classA.id,
      idNumber: '430104201606150031',
      birthDate: '2099-01-01',
      villageContactPhone: '12345',
      ethnicity: '99',
    });
    expect(res.statusCode).toBe(400);
    const details = Object.fromEntries(
      res.json().error.details.map((d: { field: string; message: string }) => [d.field, d.message]),
    );
    expect(details.idNumber).toBe('身份证号校验位不正确，请核对是否输错');
    expect(details.birthDate).toBe('日期不能晚于今天');
    expect(details.villageContactPhone).toContain('11位手机号码');
    expect(details.ethnicity).toBeTruthy();
  });

  it('refuses a class of another school, a village of another county, and units out of scope', async () => {
    const wrongClass = await schoolAdmin.post('/api/children', {
      name: '甲',
      schoolId: tree.school.id,
      classId: tree.otherClass.id,
    });
    expect(wrongClass.statusCode).toBe(400);
    expect(wrongClass.json().error.details).toEqual([{ field: 'classId', message: '所选班级不属于该学校' }]);
    const farVillage = await schoolAdmin.post('/api/children', {
      name: '乙',
      schoolId: tree.school.id,
      villageId: other.village.id,
    });
    expect(farVillage.json().error.details).toEqual([{ field: 'villageId', message: '所选单位不是本县的村（社区）' }]);
    const notVillage = await schoolAdmin.post('/api/children', { name: '丙', villageId: tree.school.id });
    expect(notVillage.json().error.details[0].field).toBe('villageId');
    const otherClass = await teacherA.post('/api/children', {
      name: '丁',
      schoolId: tree.school.id,
      classId: tree.classB.id,
    });
    expect(otherClass.json().error.details).toEqual([{ field: 'classId', message: '您无权把儿童登记到该单位' }]);
  });

  it('answers 403 to roles that read but do not write', async () => {
    const res = await countyAdmin.post('/api/children', { name: '戊', schoolId: tree.school.id });
    expect(res.statusCode).toBe(403);
    expect((await counselor.post('/api/children', { name: '戊', schoolId: tree.school.id })).statusCode).toBe(403);
  });

  it('refuses the same ID number (409) and warns of likely duplicates until confirmed', async () => {
    const sameId = await director.post('/api/children', {
      name: '张羽涵',
      villageId: tree.village.id,
      idNumber: '430104201606150049',
    });
    expect(sameId.statusCode).toBe(409);
    expect(sameId.json().error.code).toBe('ID_NUMBER_TAKEN');
    expect(sameId.json().error.candidates[0].name).toBe('张羽涵');
    expect(sameId.json().error.details).toEqual([{ field: 'idNumber', message: '该身份证号已建档' }]);

    const sameNameBirth = await director.post('/api/children', {
      name: '张羽涵',
      birthDate: '2016-06-15',
      villageId: tree.village.id,
    });
    expect(sameNameBirth.statusCode).toBe(409);
    expect(sameNameBirth.json().error.code).toBe('DUPLICATE_SUSPECTED');
    expect(sameNameBirth.json().error.candidates[0]).toMatchObject({
      name: '张羽涵',
      reason: 'same_name_and_birth_date',
      visible: true,
      schoolName: '清水县中心小学',
    });

    // A homophone in the same school (张雨涵) is suspected; a different name is not.
    const homophone = await schoolAdmin.post('/api/children', { name: '张雨涵', schoolId: tree.school.id });
    expect(homophone.json().error.code).toBe('DUPLICATE_SUSPECTED');
    expect(homophone.json().error.candidates[0].reason).toBe('similar_name_same_school');
    const confirmed = await schoolAdmin.post('/api/children', {
      name: '张雨涵',
      schoolId: tree.school.id,
      confirmDuplicate: true,
    });
    expect(confirmed.statusCode).toBe(201);
    expect((await schoolAdmin.post('/api/children', { name: '欧阳娜娜', schoolId: tree.school.id })).statusCode).toBe(
      201,
    );
  });

  it('shows out-of-scope candidates without their id, and similar names masked', async () => {
    await buildChild(t.db, { name: '王小明', class: tree.classB, birthDate: '2015-01-01' });
    const res = await teacherA.post('/api/children', {
      name: '王小明',
      birthDate: '2015-01-01',
      schoolId: tree.school.id,
      classId: tree.classA.id,
    });
    expect(res.statusCode).toBe(409);
    const candidates = res.json().error.candidates;
    expect(candidates).toContainEqual(
      expect.objectContaining({ id: null, visible: false, name: '王小明', reason: 'same_name_and_birth_date' }),
    );
    const similar = await teacherA.post('/api/children', {
      name: '王小敏',
      schoolId: tree.school.id,
      classId: tree.classA.id,
    });
    const hidden = similar.json().error.candidates.find((c: { visible: boolean }) => !c.visible);
    expect(hidden).toMatchObject({ id: null, name: '王**', birthDate: null });
  });
});

describe('PATCH /api/children/:id', () => {
  it('edits with the current version, refuses a stale one with the newer record, and needs a version', async () => {
    const child = await buildChild(t.db, { name: '赵一', class: tree.classA });
    const ok = await teacherA.patch(`/api/children/${child.id}`, { version: 1, name: '赵壹', careLevel: 'key' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '赵壹', namePinyin: 'zhao yi', careLevel: 'key', version: 2 });
    const stale = await schoolAdmin.patch(`/api/children/${child.id}`, { version: 1, name: '赵二' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(stale.json().error.current.name).toBe('赵壹');
    expect((await teacherA.patch(`/api/children/${child.id}`, { name: '赵三' })).statusCode).toBe(428);
    const ifMatch = await teacherA.request(
      'PATCH',
      `/api/children/${child.id}`,
      { note: '备注' },
      { 'if-match': '"2"' },
    );
    expect(ifMatch.statusCode).toBe(200);
    const [audit] = await auditRows(child.id, 'child.updated');
    expect(audit!.diff).toMatchObject({ name: { from: '赵一', to: '赵壹' } });
  });

  it('checks the merged record: ID against birth date, class against school', async () => {
    const child = await buildChild(t.db, { name: '钱二', class: tree.classA, birthDate: '2015-05-05' });
    const mismatch = await teacherA.patch(`/api/children/${child.id}`, {
      version: 1,
      idNumber: '430104201606150030',
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.details).toEqual([
      { field: 'birthDate', message: '出生日期与身份证号中的出生日期不一致' },
    ]);
    const wrongClass = await schoolAdmin.patch(`/api/children/${child.id}`, {
      version: 1,
      classId: tree.otherClass.id,
    });
    expect(wrongClass.json().error.details[0]).toEqual({ field: 'classId', message: '所选班级不属于该学校' });
  });

  it('moves a child to another class for a school administrator, not for the class teacher', async () => {
    const child = await buildChild(t.db, { name: '孙三', class: tree.classA });
    const byTeacher = await teacherA.patch(`/api/children/${child.id}`, { version: 1, classId: tree.classB.id });
    expect(byTeacher.json().error.details[0].message).toBe('您无权把儿童登记到该单位');
    const moved = await schoolAdmin.patch(`/api/children/${child.id}`, { version: 1, classId: tree.classB.id });
    expect(moved.statusCode).toBe(200);
    expect((await teacherA.get(`/api/children/${child.id}`)).statusCode).toBe(404);
  });

  it('answers 403 to a user who reads the child through one role but writes only elsewhere', async () => {
    const child = await buildChild(t.db, { name: '周四', class: tree.classB });
    expect((await teacherAndCounselor.get(`/api/children/${child.id}`)).statusCode).toBe(200);
    const res = await teacherAndCounselor.patch(`/api/children/${child.id}`, { version: 1, name: '周肆' });
    expect(res.statusCode).toBe(403);
    expect((await teacherA.patch(`/api/children/${child.id}`, { version: 1, name: '周肆' })).statusCode).toBe(404);
  });
});

describe('DELETE and restore', () => {
  it('soft-deletes, lists in the recycle bin, restores; all audited', async () => {
    const child = await buildChild(t.db, { name: '吴五', class: tree.classA });
    const del = await teacherA.delete(`/api/children/${child.id}`, { version: 1 });
    expect(del.statusCode).toBe(200);
    expect((await teacherA.get(`/api/children/${child.id}`)).statusCode).toBe(404);
    const bin = (await teacherA.get('/api/children?deleted=true')).json().items;
    expect(bin.map((c: { name: string }) => c.name)).toEqual(['吴五']);
    expect(bin[0].abilities.restore).toBe(true);
    const restored = await teacherA.post(`/api/children/${child.id}/restore`, { version: 2 });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().version).toBe(3);
    expect((await teacherA.post(`/api/children/${child.id}/restore`, { version: 3 })).statusCode).toBe(409);
    expect(await auditRows(child.id, 'child.deleted')).toHaveLength(1);
    expect(await auditRows(child.id, 'child.restored')).toHaveLength(1);
    expect((await director.delete(`/api/children/${child.id}`, { version: 3 })).statusCode).toBe(404);
  });
});

describe('category and enrollment history', () => {
  it('ends left-behind status when a parent comes home, with the date', async () => {
    const child = await buildChild(t.db, { name: '郑六', class: tree.classA, categories: ['left_behind_single'] });
    const page = (await teacherA.get(`/api/children/${child.id}`)).json();
    const period = page.categoryHistory[0];
    const early = await teacherA.post(`/api/children/${child.id}/categories/${period.id}/end`, {
      endDate: '2020-01-01',
    });
    expect(early.json().error.details[0]).toEqual({ field: 'endDate', message: '结束日期不能早于开始日期' });
    const end = await teacherA.post(`/api/children/${child.id}/categories/${period.id}/end`, {
      endDate: '2025-03-01',
      note: '父亲返乡',
    });
    expect(end.statusCode).toBe(200);
    expect(end.json()).toMatchObject({ category: 'left_behind_single', endDate: '2025-03-01' });
    const again = await teacherA.post(`/api/children/${child.id}/categories/${period.id}/end`, {
      endDate: '2025-03-02',
    });
    expect(again.json().error.code).toBe('CATEGORY_ALREADY_ENDED');
    expect((await teacherA.get(`/api/children?category=left_behind_single`)).json().items).toEqual([]);

    const start = await teacherA.post(`/api/children/${child.id}/categories`, {
      category: 'difficulty_poverty',
      startDate: '2025-03-01',
    });
    expect(start.statusCode).toBe(201);
    const dup = await teacherA.post(`/api/children/${child.id}/categories`, {
      category: 'difficulty_poverty',
      startDate: '2025-04-01',
    });
    expect(dup.json().error.code).toBe('CATEGORY_ALREADY_ACTIVE');
    expect(await auditRows(child.id, 'child.category_ended')).toHaveLength(1);
  });

  it('records enrollment changes and keeps the newest as the current status', async () => {
    const child = await buildChild(t.db, { name: '冯七', class: tree.classA });
    const noDestination = await teacherA.post(`/api/children/${child.id}/enrollments`, {
      status: 'transferred_out',
      date: '2025-02-20',
    });
    expect(noDestination.json().error.details[0]).toEqual({
      field: 'destination',
      message: '转出时请填写转入学校或去向',
    });
    await teacherA.post(`/api/children/${child.id}/enrollments`, { status: 'enrolled', date: '2024-09-01' });
    await teacherA.post(`/api/children/${child.id}/enrollments`, {
      status: 'transferred_out',
      date: '2025-02-20',
      destination: '广州市白云区实验小学',
    });
    await teacherA.post(`/api/children/${child.id}/enrollments`, { status: 'suspended', date: '2024-10-01' });
    const page = (await teacherA.get(`/api/children/${child.id}`)).json();
    expect(page.enrollmentStatus).toBe('transferred_out');
    expect(page.enrollmentHistory.map((e: { status: string }) => e.status)).toEqual([
      'transferred_out',
      'suspended',
      'enrolled',
    ]);
    const counted = (await teacherA.get('/api/children?enrollmentStatus=transferred_out')).json().items;
    expect(counted.map((c: { name: string }) => c.name)).toEqual(['冯七']);
    expect(
      (await counselor.post(`/api/children/${child.id}/enrollments`, { status: 'graduated', date: '2025-06-30' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('org changes', () => {
  it('children follow a moved school, and a unit with children cannot be deleted', async () => {
    const cls = await buildOrg(t.db, 'class', tree.otherSchool, '待迁班');
    const child = await buildChild(t.db, { name: '陈八', class: cls });
    const supervisor2 = await loginAs(t, await buildUser(t.db, [{ role: 'supervisor', org: tree.otherTownship }]));
    expect((await supervisor2.get(`/api/children/${child.id}`)).statusCode).toBe(200);
    const school = (await countyAdmin.get(`/api/orgs/${tree.otherSchool.id}`)).json();
    const moved = await countyAdmin.post(`/api/orgs/${tree.otherSchool.id}/move`, {
      version: school.version,
      parentId: tree.township.id,
    });
    expect(moved.statusCode).toBe(200);
    expect((await supervisor2.get(`/api/children/${child.id}`)).statusCode).toBe(404);
    const supervisor1 = await loginAs(t, await buildUser(t.db, [{ role: 'supervisor', org: tree.township }]));
    expect((await supervisor1.get(`/api/children/${child.id}`)).statusCode).toBe(200);

    const del = await countyAdmin.delete(`/api/orgs/${cls.id}`, { version: cls.version });
    expect(del.statusCode).toBe(409);
    expect(del.json().error.code).toBe('ORG_NOT_EMPTY');
  });
});
