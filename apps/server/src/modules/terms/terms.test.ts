import { addMonths } from '@shouwang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildCountyTree, buildUser, type CountyTree } from '../../test/factories';
import { todayInChina } from './terms.service';

let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
let countyAdmin: Client;
let schoolAdmin: Client;
let otherSchoolAdmin: Client;
let supervisor: Client;
let teacher: Client;
let otherCountyAdmin: Client;
let roleless: Client;

const year1 = {
  schoolYear: '2026-2027',
  termNo: 1,
  startDate: '2026-09-01',
  midDate: '2026-11-09',
  endDate: '2027-01-22',
};
const year2 = {
  schoolYear: '2026-2027',
  termNo: 2,
  startDate: '2027-02-24',
  midDate: '2027-04-27',
  endDate: '2027-07-02',
};
const anonymous = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, ...(payload ? { payload } : {}) });

interface Term {
  id: string;
  orgId: string;
  orgKind: string;
  orgName: string;
  schoolYear: string;
  termNo: number;
  startDate: string;
  midDate: string;
  endDate: string;
  version: number;
  abilities: Record<string, boolean>;
}

/** Creates a term and returns it, failing loudly if the API refuses. */
async function create(client: Client, body: object): Promise<Term> {
  const res = await client.post('/api/terms', body);
  if (res.statusCode !== 201) throw new Error(`create term: ${res.statusCode} ${res.body}`);
  return res.json();
}

let countyTerm1: Term;
let countyTerm2: Term;
let schoolOverride1: Term;
let otherSchoolOverride2: Term;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '清水县');
  other = await buildCountyTree(t.db, '远山县');
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  otherSchoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.otherSchool }]));
  supervisor = await loginAs(t, await buildUser(t.db, [{ role: 'supervisor', org: tree.township }]));
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  otherCountyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: other.county }]));
  roleless = await loginAs(t, await buildUser(t.db, []));

  countyTerm1 = await create(countyAdmin, { orgId: tree.county.id, ...year1 });
  countyTerm2 = await create(countyAdmin, { orgId: tree.county.id, ...year2 });
  schoolOverride1 = await create(schoolAdmin, { orgId: tree.school.id, ...year1, startDate: '2026-08-31' });
  otherSchoolOverride2 = await create(otherSchoolAdmin, {
    orgId: tree.otherSchool.id,
    ...year2,
    endDate: '2027-07-09',
  });
  await create(otherCountyAdmin, { orgId: other.county.id, ...year1 });
});
afterAll(() => t.close());

describe('POST /api/terms', () => {
  it('lets a county administrator set a county term, audited with its org and values', async () => {
    const body = {
      orgId: tree.county.id,
      schoolYear: '2027-2028',
      termNo: 1,
      startDate: '2027-09-01',
      midDate: '2027-11-08',
      endDate: '2028-01-21',
    };
    const res = await countyAdmin.post('/api/terms', body);
    expect(res.statusCode).toBe(201);
    const term = res.json();
    expect(term).toMatchObject({ ...body, orgName: '清水县', orgKind: 'county', version: 1 });
    expect(term.abilities).toEqual({ update: true, delete: true });
    const audit = (await countyAdmin.get(`/api/audit-events?targetId=${term.id}`)).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      event: 'term.created',
      orgId: tree.county.id,
      orgName: '清水县',
      targetType: 'term',
    });
    expect(audit.items[0].diff.startDate).toEqual({ from: null, to: '2027-09-01' });
  });

  it('lets a school administrator override a term for their own school', () => {
    expect(schoolOverride1).toMatchObject({ orgId: tree.school.id, orgKind: 'school', startDate: '2026-08-31' });
    expect(schoolOverride1.abilities.update).toBe(true);
  });

  it('refuses a school administrator at the county, and a county administrator at a school (403)', async () => {
    const atCounty = await schoolAdmin.post('/api/terms', {
      orgId: tree.county.id,
      ...year1,
      schoolYear: '2028-2029',
      startDate: '2028-09-01',
      midDate: '2028-11-01',
      endDate: '2029-01-20',
    });
    expect(atCounty.statusCode).toBe(403);
    expect(atCounty.json().error.code).toBe('FORBIDDEN');
    const atSchool = await countyAdmin.post('/api/terms', { orgId: tree.school.id, ...year2 });
    expect(atSchool.statusCode).toBe(403);
  });

  it('refuses roles without term.manage (403)', async () => {
    for (const client of [teacher, supervisor, roleless]) {
      const res = await client.post('/api/terms', { orgId: tree.county.id, ...year1 });
      expect(res.statusCode).toBe(403);
    }
  });

  it('answers 404 for a unit out of scope', async () => {
    expect((await countyAdmin.post('/api/terms', { orgId: other.county.id, ...year2 })).statusCode).toBe(404);
    expect((await schoolAdmin.post('/api/terms', { orgId: tree.otherSchool.id, ...year2 })).statusCode).toBe(404);
    const missing = await countyAdmin.post('/api/terms', { orgId: '00000000-0000-4000-8000-000000000000', ...year2 });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses units other than a county or a school (422)', async () => {
    for (const unit of [tree.township, tree.village, tree.classA]) {
      const res = await countyAdmin.post('/api/terms', { orgId: unit.id, ...year1 });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('TERM_ORG_KIND_INVALID');
    }
  });

  it('refuses dates out of order (TERM_DATES_INVALID) and implausible spans (TERM_SPAN_INVALID)', async () => {
    const base = { orgId: tree.county.id, schoolYear: '2029-2030', termNo: 1 };
    const cases: [object, string][] = [
      [{ startDate: '2029-09-01', midDate: '2029-09-01', endDate: '2030-01-20' }, 'TERM_DATES_INVALID'],
      [{ startDate: '2029-09-01', midDate: '2030-02-01', endDate: '2030-01-20' }, 'TERM_DATES_INVALID'],
      [{ startDate: '2030-01-20', midDate: '2029-11-01', endDate: '2029-09-01' }, 'TERM_DATES_INVALID'],
      [{ startDate: '2029-09-01', midDate: '2029-12-01', endDate: '2030-05-02' }, 'TERM_SPAN_INVALID'],
      [{ startDate: '2028-09-01', midDate: '2028-11-01', endDate: '2029-01-20' }, 'TERM_SPAN_INVALID'],
      [{ startDate: '2030-07-01', midDate: '2030-08-01', endDate: '2030-09-20' }, 'TERM_SPAN_INVALID'],
    ];
    for (const [dates, code] of cases) {
      const res = await countyAdmin.post('/api/terms', { ...base, ...dates });
      expect(res.statusCode, JSON.stringify(dates)).toBe(422);
      expect(res.json().error.code).toBe(code);
    }
    const eightMonths = await countyAdmin.post('/api/terms', {
      ...base,
      startDate: '2029-09-01',
      midDate: '2029-12-01',
      endDate: addMonths('2029-09-01', 8),
    });
    expect(eightMonths.statusCode).toBe(201);
  });

  it('explains the date rule in Chinese', async () => {
    const res = await countyAdmin.post('/api/terms', { orgId: tree.county.id, ...year1, midDate: '2027-03-01' });
    expect(res.json().error.message).toBe('学期日期应满足：开学 < 期中 < 期末');
  });

  it('refuses a second term with the same school year and number at the same unit (409)', async () => {
    const res = await countyAdmin.post('/api/terms', { orgId: tree.county.id, ...year1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('TERM_DUPLICATE');
  });

  it('validates the body and names the field', async () => {
    const badYear = await countyAdmin.post('/api/terms', { orgId: tree.county.id, ...year1, schoolYear: '2026-2028' });
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().error.details).toEqual([{ field: 'schoolYear', message: '学年格式应为 2026-2027' }]);
    const badNo = await countyAdmin.post('/api/terms', { orgId: tree.county.id, ...year1, termNo: 3 });
    expect(badNo.statusCode).toBe(400);
    expect(badNo.json().error.details[0].field).toBe('termNo');
    const badDate = await countyAdmin.post('/api/terms', { orgId: tree.county.id, ...year1, midDate: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details[0].field).toBe('midDate');
    const extra = await countyAdmin.post('/api/terms', { orgId: tree.county.id, ...year1, countyId: tree.county.id });
    expect(extra.statusCode).toBe(400);
  });

  it('refuses anonymous callers', async () => {
    const res = await anonymous('POST', '/api/terms', { orgId: tree.county.id, ...year1 });
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /api/terms', () => {
  it('lists the terms of every county and school a county administrator sees, and no other county', async () => {
    const res = await countyAdmin.get('/api/terms');
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((i: Term) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining([countyTerm1.id, countyTerm2.id, schoolOverride1.id, otherSchoolOverride2.id]),
    );
    for (const item of res.json().items as Term[])
      expect([tree.county.id, tree.school.id, tree.otherSchool.id]).toContain(item.orgId);
    // The county administrator reads school overrides but does not edit them: the school owns them.
    const override = res.json().items.find((i: Term) => i.id === schoolOverride1.id);
    expect(override.abilities).toEqual({ update: false, delete: false });
  });

  it('shows a class teacher the county terms and their own school’s override only', async () => {
    const items: Term[] = (await teacher.get('/api/terms')).json().items;
    const ids = items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([countyTerm1.id, countyTerm2.id, schoolOverride1.id]));
    expect(ids).not.toContain(otherSchoolOverride2.id);
    for (const item of items) expect(item.abilities.update).toBe(false);
  });

  it('gives a class the effective terms: its school’s override in place of the county term', async () => {
    const res = await teacher.get(`/api/terms?orgId=${tree.classA.id}`);
    expect(res.statusCode).toBe(200);
    const items = (res.json().items as Term[]).filter((i) => i.schoolYear === '2026-2027');
    expect(items.map((i) => [i.schoolYear, i.termNo, i.id, i.orgKind])).toEqual([
      ['2026-2027', 2, countyTerm2.id, 'county'],
      ['2026-2027', 1, schoolOverride1.id, 'school'],
    ]);
    expect(items[1]).toMatchObject({ orgName: '清水县中心小学', startDate: '2026-08-31' });
  });

  it('uses each school’s own overrides, and the plain county terms for units outside schools', async () => {
    const otherClass: Term[] = (await countyAdmin.get(`/api/terms?orgId=${tree.otherClass.id}`)).json().items;
    expect(otherClass.find((i) => i.schoolYear === '2026-2027' && i.termNo === 2)?.id).toBe(otherSchoolOverride2.id);
    expect(otherClass.find((i) => i.schoolYear === '2026-2027' && i.termNo === 1)?.id).toBe(countyTerm1.id);
    for (const unit of [tree.village, tree.township, tree.county]) {
      const items: Term[] = (await countyAdmin.get(`/api/terms?orgId=${unit.id}`)).json().items;
      expect(items.every((i) => i.orgKind === 'county')).toBe(true);
      expect(items.map((i) => i.id)).toEqual(expect.arrayContaining([countyTerm1.id, countyTerm2.id]));
    }
  });

  it('answers 404 for a unit out of scope', async () => {
    expect((await teacher.get(`/api/terms?orgId=${tree.classB.id}`)).statusCode).toBe(404);
    expect((await countyAdmin.get(`/api/terms?orgId=${other.county.id}`)).statusCode).toBe(404);
    expect((await otherCountyAdmin.get(`/api/terms?orgId=${tree.school.id}`)).statusCode).toBe(404);
  });

  it('validates the query, refuses anonymous callers and users without any role', async () => {
    const bad = await countyAdmin.get('/api/terms?orgId=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('querystring.orgId');
    expect((await anonymous('GET', '/api/terms')).statusCode).toBe(401);
    expect((await roleless.get('/api/terms')).statusCode).toBe(403);
  });
});

describe('GET /api/terms/:id', () => {
  it('answers one visible term with its version as ETag, 404 out of scope', async () => {
    const res = await teacher.get(`/api/terms/${schoolOverride1.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe(`"${res.json().version}"`);
    expect((await teacher.get(`/api/terms/${otherSchoolOverride2.id}`)).statusCode).toBe(404);
    expect((await otherCountyAdmin.get(`/api/terms/${countyTerm1.id}`)).statusCode).toBe(404);
    expect((await teacher.get('/api/terms/nope')).statusCode).toBe(400);
    expect((await anonymous('GET', `/api/terms/${countyTerm1.id}`)).statusCode).toBe(401);
    expect((await roleless.get(`/api/terms/${countyTerm1.id}`)).statusCode).toBe(403);
  });
});

describe('GET /api/terms/current', () => {
  const today = todayInChina();
  const thisYear = Number(today.slice(0, 4));
  const plusDays = (date: string, days: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  /** A short term around a date, in the school year that date falls in. */
  const around = (date: string, termNo = 1) => {
    const startDate = plusDays(date, -3);
    const y = Number(startDate.slice(0, 4)) - (startDate.slice(5) < '07-01' ? 1 : 0);
    return { schoolYear: `${y}-${y + 1}`, termNo, startDate, midDate: plusDays(date, 1), endDate: plusDays(date, 4) };
  };
  const future = (y: number) => ({
    schoolYear: `${y}-${y + 1}`,
    termNo: 1,
    startDate: `${y}-09-01`,
    midDate: `${y}-11-10`,
    endDate: `${y + 1}-01-20`,
  });

  let now: CountyTree;
  let nowAdmin: Client;
  let nowSchoolAdmin: Client;
  let nowTeacher: Client;
  let nowCountyTerm: Term;
  let nowOverride: Term;
  beforeAll(async () => {
    now = await buildCountyTree(t.db, '今日县');
    nowAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: now.county }]));
    nowSchoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: now.school }]));
    nowTeacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: now.classA }]));
    nowCountyTerm = await create(nowAdmin, { orgId: now.county.id, ...around(today) });
    await create(nowAdmin, { orgId: now.county.id, ...future(thisYear + 2) });
    nowOverride = await create(nowSchoolAdmin, { orgId: now.school.id, ...around(today), endDate: plusDays(today, 6) });
  });

  it('finds the effective term running today', async () => {
    const county = await nowAdmin.get(`/api/terms/current?orgId=${now.county.id}`);
    expect(county.statusCode).toBe(200);
    expect(county.json().id).toBe(nowCountyTerm.id);
    const cls = await nowAdmin.get(`/api/terms/current?orgId=${now.classA.id}`);
    expect(cls.json().id).toBe(nowOverride.id);
    expect((await nowAdmin.get(`/api/terms/current?orgId=${now.otherClass.id}`)).json().id).toBe(nowCountyTerm.id);
  });

  it('defaults to the caller’s own unit', async () => {
    expect((await nowTeacher.get('/api/terms/current')).json().id).toBe(nowOverride.id);
    expect((await nowAdmin.get('/api/terms/current')).json().id).toBe(nowCountyTerm.id);
  });

  it('falls back to the next term to start, and answers 404 when there is none', async () => {
    const later = await buildCountyTree(t.db, '明年县');
    const laterAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: later.county }]));
    const past = {
      schoolYear: '2020-2021',
      termNo: 1,
      startDate: '2020-09-01',
      midDate: '2020-11-10',
      endDate: '2021-01-20',
    };
    await create(laterAdmin, { orgId: later.county.id, ...past });
    const none = await laterAdmin.get(`/api/terms/current?orgId=${later.county.id}`);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('NOT_FOUND');
    const second = await create(laterAdmin, { orgId: later.county.id, ...future(thisYear + 3) });
    const first = await create(laterAdmin, { orgId: later.county.id, ...future(thisYear + 1) });
    const res = await laterAdmin.get(`/api/terms/current?orgId=${later.school.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(first.id);
    expect(res.json().id).not.toBe(second.id);
  });

  it('answers 404 out of scope, 400 for a bad id, 401 anonymous, 403 without a role', async () => {
    expect((await nowTeacher.get(`/api/terms/current?orgId=${now.classB.id}`)).statusCode).toBe(404);
    expect((await countyAdmin.get(`/api/terms/current?orgId=${now.county.id}`)).statusCode).toBe(404);
    expect((await nowTeacher.get('/api/terms/current?orgId=x')).statusCode).toBe(400);
    expect((await anonymous('GET', '/api/terms/current')).statusCode).toBe(401);
    expect((await roleless.get('/api/terms/current')).statusCode).toBe(403);
  });
});

describe('PATCH /api/terms/:id', () => {
  it('changes dates with the current version, audited with a before/after diff', async () => {
    const term = await create(countyAdmin, {
      orgId: tree.county.id,
      schoolYear: '2030-2031',
      termNo: 1,
      startDate: '2030-09-01',
      midDate: '2030-11-10',
      endDate: '2031-01-20',
    });
    const res = await countyAdmin.patch(`/api/terms/${term.id}`, { version: term.version, midDate: '2030-11-17' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ midDate: '2030-11-17', startDate: '2030-09-01', version: term.version + 1 });
    const audit = (await countyAdmin.get(`/api/audit-events?targetId=${term.id}&event=term.updated`)).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0].orgId).toBe(tree.county.id);
    expect(audit.items[0].diff).toEqual({
      midDate: { from: '2030-11-10', to: '2030-11-17' },
      version: { from: 1, to: 2 },
    });
  });

  it('takes the version from If-Match, refuses a stale one with the current record, and requires one', async () => {
    const term = await create(countyAdmin, {
      orgId: tree.county.id,
      schoolYear: '2030-2031',
      termNo: 2,
      startDate: '2031-02-20',
      midDate: '2031-04-20',
      endDate: '2031-07-05',
    });
    const viaHeader = await countyAdmin.request(
      'PATCH',
      `/api/terms/${term.id}`,
      { endDate: '2031-07-10' },
      { 'if-match': `"${term.version}"` },
    );
    expect(viaHeader.statusCode).toBe(200);
    const stale = await countyAdmin.patch(`/api/terms/${term.id}`, { version: term.version, endDate: '2031-07-01' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(stale.json().error.current).toMatchObject({ id: term.id, endDate: '2031-07-10', version: term.version + 1 });
    const missing = await countyAdmin.patch(`/api/terms/${term.id}`, { endDate: '2031-07-01' });
    expect(missing.statusCode).toBe(428);
  });

  it('checks the merged dates', async () => {
    const res = await countyAdmin.patch(`/api/terms/${countyTerm2.id}`, {
      version: countyTerm2.version,
      midDate: '2027-08-01',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('TERM_DATES_INVALID');
    const span = await countyAdmin.patch(`/api/terms/${countyTerm2.id}`, {
      version: countyTerm2.version,
      endDate: '2027-08-31',
      startDate: '2026-12-20',
    });
    expect(span.json().error.code).toBe('TERM_SPAN_INVALID');
  });

  it('refuses changing the school year or number, and other unknown fields (400)', async () => {
    const res = await countyAdmin.patch(`/api/terms/${countyTerm2.id}`, { version: countyTerm2.version, termNo: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].message).toContain('termNo');
  });

  it('refuses editing a term defined by another unit (403) or out of scope (404)', async () => {
    expect(
      (await schoolAdmin.patch(`/api/terms/${countyTerm2.id}`, { version: 1, midDate: '2027-04-28' })).statusCode,
    ).toBe(403);
    expect(
      (await countyAdmin.patch(`/api/terms/${schoolOverride1.id}`, { version: 1, midDate: '2026-11-10' })).statusCode,
    ).toBe(403);
    expect(
      (await teacher.patch(`/api/terms/${countyTerm2.id}`, { version: 1, midDate: '2027-04-28' })).statusCode,
    ).toBe(403);
    expect(
      (await schoolAdmin.patch(`/api/terms/${otherSchoolOverride2.id}`, { version: 1, midDate: '2027-04-28' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await otherCountyAdmin.patch(`/api/terms/${countyTerm2.id}`, { version: 1, midDate: '2027-04-28' })).statusCode,
    ).toBe(404);
    expect((await anonymous('PATCH', `/api/terms/${countyTerm2.id}`, { version: 1 })).statusCode).toBe(401);
  });
});

describe('DELETE /api/terms/:id', () => {
  it('lets a school drop its override, so the county term applies again; audited', async () => {
    const override = await create(schoolAdmin, { orgId: tree.school.id, ...year2, midDate: '2027-04-29' });
    const before: Term[] = (await teacher.get(`/api/terms?orgId=${tree.classA.id}`)).json().items;
    const secondTerm = (items: Term[]) => items.find((i) => i.schoolYear === '2026-2027' && i.termNo === 2)?.id;
    expect(secondTerm(before)).toBe(override.id);

    const stale = await schoolAdmin.delete(`/api/terms/${override.id}`, { version: override.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.id).toBe(override.id);
    expect((await schoolAdmin.delete(`/api/terms/${override.id}`, {})).statusCode).toBe(428);

    const res = await schoolAdmin.delete(`/api/terms/${override.id}`, { version: override.version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    const after: Term[] = (await teacher.get(`/api/terms?orgId=${tree.classA.id}`)).json().items;
    expect(secondTerm(after)).toBe(countyTerm2.id);
    expect((await schoolAdmin.get(`/api/terms/${override.id}`)).statusCode).toBe(404);

    const audit = (await schoolAdmin.get(`/api/audit-events?targetId=${override.id}&event=term.deleted`)).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ orgId: tree.school.id, targetType: 'term' });
    expect(audit.items[0].diff.midDate).toEqual({ from: '2027-04-29', to: null });

    // The same school year and number may be set again once the old one is gone.
    await create(schoolAdmin, { orgId: tree.school.id, ...year2 });
  });

  it('refuses deleting another unit’s term (403), out of scope (404), bad id (400), anonymous (401)', async () => {
    expect((await schoolAdmin.delete(`/api/terms/${countyTerm1.id}`, { version: 1 })).statusCode).toBe(403);
    expect((await teacher.delete(`/api/terms/${countyTerm1.id}`, { version: 1 })).statusCode).toBe(403);
    expect((await otherCountyAdmin.delete(`/api/terms/${countyTerm1.id}`, { version: 1 })).statusCode).toBe(404);
    expect((await countyAdmin.delete('/api/terms/nope', { version: 1 })).statusCode).toBe(400);
    expect((await anonymous('DELETE', `/api/terms/${countyTerm1.id}`, { version: 1 })).statusCode).toBe(401);
    expect((await countyAdmin.get(`/api/terms/${countyTerm1.id}`)).statusCode).toBe(200);
  });
});
