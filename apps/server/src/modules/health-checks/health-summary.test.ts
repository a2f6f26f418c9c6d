import { addDays, todayIso } from '@shouwang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type CountyTree } from '../../test/factories';

/** 体检统计: numbers for overseers who may not read health details, scoped to their units. */
let t: TestApp;
let tree: CountyTree;
let countyAdmin: Client;
let supervisorOther: Client;
let teacher: Client;
let outsider: Client;
let mentor: Client;
const today = todayIso();

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '统计体检县');
  const other = await buildCountyTree(t.db, '外统计体检县');
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  supervisorOther = await loginAs(t, await buildUser(t.db, [{ role: 'supervisor', org: tree.otherTownship }]));
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  outsider = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: other.county }]));
  mentor = await loginAs(t, await buildUser(t.db, [{ role: 'mentor', org: tree.school }]));
  const born = addDays(today, -(9 * 365 + 40));
  const kids = [];
  for (let i = 0; i < 3; i++) kids.push(await buildChild(t.db, { class: tree.classA, sex: 'male', birthDate: born }));
  await teacher.post('/api/health-checks/batch', {
    classId: tree.classA.id,
    checkedOn: addDays(today, -20),
    rows: [
      { childId: kids[0]!.id, heightCm: 130, weightKg: 45 },
      { childId: kids[1]!.id, heightCm: 132, weightKg: 28, visionLeft: 4.8, visionRight: 4.8 },
    ],
  });
  await teacher.post('/api/health-checks', {
    childId: kids[0]!.id,
    checkedOn: today,
    heightCm: 131,
    weightKg: 46,
    referralNeeded: true,
    followUpOn: addDays(today, 7),
  });
});
afterAll(() => t.close());

describe('GET /api/health-checks/summary', () => {
  it('counts children checked and flagged (each child once), and open referrals; no names', async () => {
    const res = await countyAdmin.get(`/api/health-checks/summary?orgId=${tree.school.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ checks: 3, childrenChecked: 2, openReferrals: 1 });
    expect(body.childrenFlagged).toMatchObject({ obesity: 1, vision_moderate: 1, stunting: 0 });
    expect(res.body).not.toContain('儿童');
    const recent = (
      await countyAdmin.get(`/api/health-checks/summary?orgId=${tree.county.id}&from=${addDays(today, -5)}`)
    ).json();
    expect(recent).toMatchObject({ checks: 1, childrenChecked: 1, from: addDays(today, -5) });
  });

  it('a mentor (no statistics right) gets 403; another township or county 404', async () => {
    expect((await mentor.get(`/api/health-checks/summary?orgId=${tree.classA.id}`)).statusCode).toBe(403);
    expect((await supervisorOther.get(`/api/health-checks/summary?orgId=${tree.school.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/health-checks/summary?orgId=${tree.school.id}`)).statusCode).toBe(404);
    const bad = await countyAdmin.get('/api/health-checks/summary?orgId=x');
    expect(bad.json().error.details[0].field).toBe('querystring.orgId');
  });
});
