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
import { auditEvent } from '../audit/audit.table';
import { appUser } from '../users/users.table';
import { healthCheck } from './health-checks.table';

let t: TestApp;
let tree: CountyTree;
const c: Record<string, Client> = {};
let kids: ChildFixture[];
let kidB: ChildFixture;
let pairedKid: ChildFixture;
const today = todayIso();

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '体检县');
  const other = await buildCountyTree(t.db, '外体检县');
  const user = (role: Parameters<typeof buildUser>[1][number]['role'], org: CountyTree['school']) =>
    buildUser(t.db, [{ role, org }]);
  c.teacherA = await loginAs(t, await user('class_teacher', tree.classA));
  c.teacherB = await loginAs(t, await user('class_teacher', tree.classB));
  c.schoolAdmin = await loginAs(t, await user('school_admin', tree.school));
  c.counselor = await loginAs(t, await user('counselor', tree.school));
  c.director = await loginAs(t, await user('child_director', tree.village));
  c.countyAdmin = await loginAs(t, await user('county_admin', tree.county));
  c.outsider = await loginAs(t, await user('school_admin', other.school));
  const mentorUser = await user('mentor', tree.school);
  c.mentor = await loginAs(t, mentorUser);
  kids = [
    // boy, 9.0 on 2025-06-01 … ages are pinned relative to today below
    await buildChild(t.db, { class: tree.classA, sex: 'male', birthDate: addDays(today, -(9 * 365 + 30)) }),
    await buildChild(t.db, { class: tree.classA, sex: 'female', birthDate: addDays(today, -(10 * 365 + 60)) }),
    await buildChild(t.db, { class: tree.classA, sex: 'male', birthDate: addDays(today, -(8 * 365 + 100)) }),
  ];
  pairedKid = kids[0]!;
  await buildPairing(t.db, { child: pairedKid, helper: mentorUser });
  kidB = await buildChild(t.db, { class: tree.classB, village: tree.village, sex: 'female', birthDate: '2015-03-01' });
});
afterAll(() => t.close());

const count = async () => (await t.db.select().from(healthCheck)).length;

describe('POST /api/health-checks', () => {
  it('stores BMI and flags computed by the shared screening', async () => {
    const res = await c.teacherA!.post('/api/health-checks', {
      childId: kids[0]!.id,
      checkedOn: today,
      heightCm: 130,
      weightKg: 40,
      visionLeft: 4.8,
      visionRight: 5.0,
      teeth: 'caries',
      referralNeeded: true,
      referralTo: '县医院眼科',
      followUpOn: addDays(today, 14),
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ bmi: 23.7, growthScreened: true, teeth: 'caries', referralNeeded: true });
    expect(body.flags).toEqual(['obesity', 'vision_moderate', 'vision_unequal']);
    expect(body.abilities).toMatchObject({ update: true, closeFollowUp: true });
  });

  it('refuses a height outside the human range, naming the field and the range (zh and en)', async () => {
    const res = await c.teacherA!.post('/api/health-checks', {
      childId: kids[1]!.id,
      checkedOn: today,
      heightCm: 1300,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({ field: 'heightCm', message: '身高应在 60–210 厘米之间' });
    const english = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
    await t.db.update(appUser).set({ language: 'en' }).where(eq(appUser.id, english.id));
    const en = await (await loginAs(t, english)).post('/api/health-checks', {
      childId: kids[1]!.id,
      checkedOn: today,
      weightKg: 2,
    });
    expect(en.json().error.details).toContainEqual({
      field: 'weightKg',
      message: 'weight must be between 8 and 180 kg',
    });
  });

  it('refuses a check with nothing measured, and a referral without a follow-up date', async () => {
    const res = await c.teacherA!.post('/api/health-checks', {
      childId: kids[1]!.id,
      checkedOn: today,
      referralNeeded: true,
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['heightCm', 'followUpOn']));
  });

  it('teacher of class B cannot record for class A (403), outsiders get 404, mentors and county staff 403', async () => {
    const body = { childId: kids[1]!.id, checkedOn: today, heightCm: 140 };
    expect((await c.teacherB!.post('/api/health-checks', body)).statusCode).toBe(404);
    expect((await c.outsider!.post('/api/health-checks', body)).statusCode).toBe(404);
    expect((await c.mentor!.post('/api/health-checks', { ...body, childId: pairedKid.id })).statusCode).toBe(403);
    expect((await c.counselor!.post('/api/health-checks', body)).statusCode).toBe(403);
    expect((await c.countyAdmin!.post('/api/health-checks', body)).statusCode).toBe(403);
  });
});

describe('POST /api/health-checks/batch', () => {
  const rows = () => [
    { childId: kids[0]!.id, heightCm: 132.5, weightKg: 28, visionLeft: 5.0, visionRight: 5.0 },
    { childId: kids[1]!.id, heightCm: 140, weightKg: 30.5, visionLeft: 4.9, visionRight: 4.9, teeth: 'normal' },
    { childId: kids[2]!.id, heightCm: 125, weightKg: 22 },
  ];

  it('writes a row per child in one action, with flags', async () => {
    const before = await count();
    const res = await c.teacherA!.post('/api/health-checks/batch', {
      classId: tree.classA.id,
      checkedOn: today,
      rows: rows(),
    });
    expect(res.statusCode).toBe(201);
    const { items, batchId } = res.json();
    expect(items).toHaveLength(3);
    expect(items.every((i: { batchId: string }) => i.batchId === batchId)).toBe(true);
    expect(items[1].flags).toEqual(['vision_mild']);
    expect(await count()).toBe(before + 3);
  });

  it('refuses the whole batch when one row is out of range, naming the row; nothing written', async () => {
    const before = await count();
    const bad = rows();
    bad[2]!.weightKg = 500;
    const res = await c.teacherA!.post('/api/health-checks/batch', {
      classId: tree.classA.id,
      checkedOn: today,
      rows: bad,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'rows.2.weightKg', message: '体重应在 8–180 千克之间' }]);
    expect(await count()).toBe(before);
  });

  it('refuses the whole batch when one child is of another class; nothing written', async () => {
    const before = await count();
    const res = await c.teacherA!.post('/api/health-checks/batch', {
      classId: tree.classA.id,
      checkedOn: today,
      rows: [...rows(), { childId: kidB.id, heightCm: 140 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'rows.3.childId', message: '该儿童不在所选班级' }]);
    expect(await count()).toBe(before);
  });

  it('teacher of class A cannot enter class B’s checks', async () => {
    const before = await count();
    const res = await c.teacherA!.post('/api/health-checks/batch', {
      classId: tree.classB.id,
      checkedOn: today,
      rows: [{ childId: kidB.id, heightCm: 140 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('rows.0.childId');
    expect(await count()).toBe(before);
  });
});

describe('reading health checks: who sees them', () => {
  it('class teacher, school admin, counselor read the class; reads are audited', async () => {
    for (const who of ['teacherA', 'schoolAdmin', 'counselor']) {
      const res = await c[who]!.get(`/api/health-checks?childId=${kids[0]!.id}`);
      expect(res.statusCode, who).toBe(200);
      expect(res.json().total).toBeGreaterThanOrEqual(2);
    }
    const audits = await t.db.select().from(auditEvent);
    expect(audits.some((a) => a.event === 'health_check.viewed' && a.childId === kids[0]!.id)).toBe(true);
  });

  it('teacher of class B cannot read class A’s checks (404 by child and by class)', async () => {
    expect((await c.teacherB!.get(`/api/health-checks?childId=${kids[0]!.id}`)).statusCode).toBe(404);
    expect((await c.teacherB!.get(`/api/health-checks?classId=${tree.classA.id}`)).statusCode).toBe(404);
    const own = await c.teacherB!.get(`/api/health-checks?classId=${tree.classB.id}`);
    expect(own.json().items).toEqual([]);
  });

  it('a mentor (even of a paired child) and county staff see no health details', async () => {
    expect((await c.mentor!.get(`/api/health-checks?childId=${pairedKid.id}`)).statusCode).toBe(403);
    expect((await c.countyAdmin!.get('/api/health-checks')).statusCode).toBe(403);
  });

  it('the home village’s child director reads and records for a child of the village', async () => {
    const res = await c.director!.post('/api/health-checks', { childId: kidB.id, checkedOn: today, heightCm: 150 });
    expect(res.statusCode).toBe(201);
    expect((await c.director!.get(`/api/health-checks/${res.json().id}`)).statusCode).toBe(200);
    expect((await c.director!.get(`/api/health-checks?childId=${kids[0]!.id}`)).statusCode).toBe(404);
  });

  it('an administrator of another county gets 404 for a check', async () => {
    const [row] = await t.db.select().from(healthCheck).limit(1);
    expect((await c.outsider!.get(`/api/health-checks/${row!.id}`)).statusCode).toBe(404);
    expect((await c.outsider!.patch(`/api/health-checks/${row!.id}`, { version: 1, heightCm: 120 })).statusCode).toBe(
      404,
    );
  });

  it('filters by flag', async () => {
    const res = await c.teacherA!.get(`/api/health-checks?classId=${tree.classA.id}&flag=vision_mild`);
    expect(res.json().items.map((i: { child: { id: string } }) => i.child.id)).toEqual([kids[1]!.id]);
  });
});

describe('PATCH, close-follow-up and DELETE', () => {
  it('recomputes flags on correction, needs the version, and closes the follow-up', async () => {
    const created = (
      await c.teacherA!.post('/api/health-checks', {
        childId: kids[2]!.id,
        checkedOn: today,
        heightCm: 125,
        weightKg: 22,
        referralNeeded: true,
        followUpOn: today,
      })
    ).json();
    expect((await c.teacherA!.patch(`/api/health-checks/${created.id}`, { weightKg: 40 })).statusCode).toBe(428);
    const patched = await c.teacherA!.patch(`/api/health-checks/${created.id}`, { version: 1, weightKg: 40 });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().flags).toEqual(['obesity']);
    expect((await c.teacherA!.patch(`/api/health-checks/${created.id}`, { version: 1, weightKg: 41 })).statusCode).toBe(
      409,
    );
    expect((await c.teacherB!.post(`/api/health-checks/${created.id}/close-follow-up`)).statusCode).toBe(404);
    expect((await c.counselor!.post(`/api/health-checks/${created.id}/close-follow-up`)).statusCode).toBe(403);
    const closed = await c.teacherA!.post(`/api/health-checks/${created.id}/close-follow-up`);
    expect(closed.json()).toMatchObject({ followUpDoneOn: today, abilities: { closeFollowUp: false } });
    expect((await c.counselor!.delete(`/api/health-checks/${created.id}`, { version: 3 })).statusCode).toBe(403);
    expect((await c.teacherA!.delete(`/api/health-checks/${created.id}`, { version: 3 })).statusCode).toBe(200);
    expect((await c.teacherA!.get(`/api/health-checks/${created.id}`)).statusCode).toBe(404);
  });
});
