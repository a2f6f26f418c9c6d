import { addDays, todayIso } from '@shouwang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../test/app';
import { buildChild, buildCountyTree, buildTerm, buildUser, type CountyTree } from '../test/factories';

/** GET /api/stats/trend: the KPI trend across terms answers by scope like the dashboard. */
let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
let schoolAdmin: Client;
let mentor: Client;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '趋势县');
  other = await buildCountyTree(t.db, '趋势外县');
  await buildTerm(t.db, tree.county, {
    startDate: addDays(todayIso(), -30),
    midDate: addDays(todayIso(), 30),
    endDate: addDays(todayIso(), 90),
  });
  await buildChild(t.db, { class: tree.classA, categories: ['left_behind_both'] });
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  mentor = await loginAs(t, await buildUser(t.db, [{ role: 'mentor', org: tree.school }]));
});
afterAll(() => t.close());

describe('GET /api/stats/trend', () => {
  it('answers the school, hides other units (404), refuses roles without statistics (403) and strangers (401)', async () => {
    const own = await schoolAdmin.get(`/api/stats/trend?scopeOrgId=${tree.school.id}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(JSON.stringify(own.json()).length).toBeGreaterThan(10);
    expect((await schoolAdmin.get(`/api/stats/trend?scopeOrgId=${tree.otherSchool.id}`)).statusCode).toBe(404);
    expect((await schoolAdmin.get(`/api/stats/trend?scopeOrgId=${other.school.id}`)).statusCode).toBe(404);
    expect((await schoolAdmin.get(`/api/stats/trend?scopeOrgId=${tree.county.id}`)).statusCode).toBe(404);
    expect((await mentor.get(`/api/stats/trend?scopeOrgId=${tree.school.id}`)).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/stats/trend?scopeOrgId=${tree.school.id}` })).statusCode).toBe(401);
    const bad = await schoolAdmin.get('/api/stats/trend?scopeOrgId=x');
    expect(bad.statusCode).toBe(400);
  });
});
