import { addDays, todayIso } from '@shouwang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildTerm, buildUser } from '../../test/factories';

/**
 * Every route of the care network, three ways: anonymous (401), a user without the permission
 * (403), a malformed id or body (400 naming the field), and — for routes about one record — an
 * administrator of another county, who holds every permission but not this record (404).
 */

let t: TestApp;
let admin: Client;
let roleless: Client;
let outsider: Client;
const ids = { pairing: '', rule: '', record: '', child: '', school: '', helper: '' };
const today = todayIso();

beforeAll(async () => {
  t = await buildTestApp();
  const tree = await buildCountyTree(t.db, '路由县');
  const other = await buildCountyTree(t.db, '外路由县');
  admin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  roleless = await loginAs(t, await buildUser(t.db, []));
  outsider = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: other.school }]));
  const kid = await buildChild(t.db, { class: tree.classA, categories: ['left_behind_both'] });
  const helper = await buildUser(t.db, [{ role: 'mentor', org: tree.school }]);
  await buildTerm(t.db, tree.county, { startDate: addDays(today, -30), midDate: today, endDate: addDays(today, 30) });
  ids.child = kid.id;
  ids.school = tree.school.id;
  ids.helper = helper.id;
  ids.pairing = (
    await admin.post('/api/pairings', { childId: kid.id, kind: 'mentor_teacher', helperUserId: helper.id })
  ).json().id;
  ids.rule = (
    await admin.post('/api/care-rules', {
      schoolId: tree.school.id,
      kind: 'tutoring',
      frequency: 'monthly',
      responsibleRole: 'class_teacher',
    })
  ).json().id;
  ids.record = (
    await admin.post('/api/care-records', {
      childId: kid.id,
      kind: 'growth_diary',
      occurredOn: today,
      summary: '日记',
      details: {},
    })
  ).json().id;
});
afterAll(() => t.close());

type Route = [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: () => string, body?: object];

const routes: Route[] = [
  ['GET', () => '/api/pairings'],
  ['GET', () => `/api/pairings/board?schoolId=${ids.school}`],
  ['GET', () => `/api/pairings/${ids.pairing}`],
  ['POST', () => '/api/pairings', {}],
  ['POST', () => '/api/pairings/bulk', {}],
  ['POST', () => '/api/pairings/holiday-handover', {}],
  ['POST', () => `/api/pairings/${ids.pairing}/end`, {}],
  ['GET', () => `/api/care-rules?schoolId=${ids.school}`],
  ['POST', () => '/api/care-rules', {}],
  ['PATCH', () => `/api/care-rules/${ids.rule}`, {}],
  ['DELETE', () => `/api/care-rules/${ids.rule}`, {}],
  ['GET', () => `/api/care-settings/${ids.school}`],
  ['PATCH', () => `/api/care-settings/${ids.school}`, {}],
  ['GET', () => '/api/care-records'],
  ['GET', () => `/api/care-records/${ids.record}`],
  ['POST', () => '/api/care-records', {}],
  ['POST', () => '/api/care-records/batch', {}],
  ['PATCH', () => `/api/care-records/${ids.record}`, {}],
  ['DELETE', () => `/api/care-records/${ids.record}`, {}],
  ['POST', () => `/api/care-records/${ids.record}/close-follow-up`, {}],
  ['GET', () => `/api/children/${ids.child}/timeline`],
  ['GET', () => '/api/todos'],
  ['GET', () => '/api/todos/counts'],
  ['GET', () => `/api/calendar?from=${today}&to=${today}`],
  ['GET', () => `/api/children/${ids.child}/schedule`],
  ['GET', () => `/api/stats/compliance?orgId=${ids.school}`],
  ['GET', () => `/api/stats/compliance/children?orgId=${ids.school}`],
];

describe('every care-network route', () => {
  it('answers 401 without a session', async () => {
    for (const [method, url, body] of routes) {
      const res = await t.app.inject({ method, url: url(), ...(body ? { payload: body } : {}) });
      expect(res.statusCode, `${method} ${url()}`).toBe(401);
    }
  });

  it('answers 403 to a user without the permission', async () => {
    for (const [method, url, body] of routes) {
      // Everyone has a to-do list (empty for a user without duties): the one open route here.
      if (url().startsWith('/api/todos')) {
        const own = await roleless.request(method, url(), body);
        expect(own.statusCode, `${method} ${url()}`).toBe(200);
        expect(own.json().total ?? own.json().counts.total).toBe(0);
        continue;
      }
      const res = await roleless.request(method, url(), body);
      expect(res.statusCode, `${method} ${url()}`).toBe(403);
    }
  });

  it('names the malformed field', async () => {
    const cases: [Route[0], string, object | undefined, string][] = [
      ['GET', '/api/pairings?status=sometimes', undefined, 'querystring.status'],
      ['GET', '/api/pairings/board', undefined, 'querystring.schoolId'],
      ['GET', '/api/pairings/x', undefined, 'params.id'],
      ['POST', '/api/pairings', { childId: 'x', kind: 'mentor_teacher' }, 'childId'],
      ['POST', '/api/pairings/bulk', { items: [] }, 'items'],
      [
        'POST',
        '/api/pairings/holiday-handover',
        { helperUserId: ids.helper, childIds: [], startDate: today },
        'childIds',
      ],
      ['POST', `/api/pairings/${ids.pairing}/end`, { endDate: '2026-02-30' }, 'endDate'],
      ['GET', '/api/care-rules', undefined, 'querystring.schoolId'],
      ['POST', '/api/care-rules', { schoolId: ids.school, kind: 'talk', frequency: 'daily' }, 'frequency'],
      ['PATCH', `/api/care-rules/${ids.rule}`, { version: 1, windowDays: 99 }, 'windowDays'],
      ['DELETE', '/api/care-rules/x', { version: 1 }, 'params.id'],
      ['GET', '/api/care-settings/x', undefined, 'params.schoolId'],
      [
        'PATCH',
        `/api/care-settings/${ids.school}`,
        { pairingCapacity: { mentor_teacher: 0 } },
        'pairingCapacity.mentor_teacher',
      ],
      ['GET', `/api/care-records?from=${today}&to=${addDays(today, -1)}`, undefined, 'querystring.to'],
      ['GET', '/api/care-records/x', undefined, 'params.id'],
      ['POST', '/api/care-records', { kind: 'talk' }, 'childId'],
      [
        'POST',
        '/api/care-records/batch',
        { kind: 'family_call', classId: ids.school, occurredOn: today, callMinutes: 5, children: [] },
        'children',
      ],
      [
        'PATCH',
        `/api/care-records/${ids.record}`,
        { version: 1, kind: 'growth_diary', durationMinutes: 0 },
        'durationMinutes',
      ],
      ['DELETE', '/api/care-records/x', { version: 1 }, 'params.id'],
      ['POST', '/api/care-records/x/close-follow-up', undefined, 'params.id'],
      ['GET', `/api/children/${ids.child}/timeline?limit=0`, undefined, 'querystring.limit'],
      ['GET', '/api/calendar?from=today&to=tomorrow', undefined, 'querystring.from'],
      ['GET', `/api/children/${ids.child}/schedule?termId=x`, undefined, 'querystring.termId'],
      ['GET', '/api/stats/compliance', undefined, 'querystring.orgId'],
      ['GET', `/api/stats/compliance/children?orgId=${ids.school}&ruleId=x`, undefined, 'querystring.ruleId'],
    ];
    for (const [method, url, body, field] of cases) {
      const res = await admin.request(method, url, body);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
      const fields = res.json().error.details.map((d: { field: string }) => d.field);
      expect(fields, `${method} ${url}`).toContain(field);
    }
  });

  it('answers 404 for a record in another county', async () => {
    const cases: [Route[0], string, object?][] = [
      ['GET', `/api/pairings/${ids.pairing}`],
      ['POST', `/api/pairings/${ids.pairing}/end`, { version: 1 }],
      ['GET', `/api/pairings/board?schoolId=${ids.school}`],
      [
        'POST',
        '/api/pairings/bulk',
        { items: [{ childId: ids.child, kind: 'mentor_teacher', helperUserId: ids.helper }] },
      ],
      ['POST', '/api/pairings/holiday-handover', { helperUserId: ids.helper, childIds: [ids.child], startDate: today }],
      ['GET', `/api/care-rules?schoolId=${ids.school}`],
      ['PATCH', `/api/care-rules/${ids.rule}`, { version: 1, active: false }],
      ['DELETE', `/api/care-rules/${ids.rule}`, { version: 1 }],
      ['GET', `/api/care-settings/${ids.school}`],
      ['PATCH', `/api/care-settings/${ids.school}`, { version: 1, recordEditDays: 3 }],
      ['GET', `/api/care-records/${ids.record}`],
      ['PATCH', `/api/care-records/${ids.record}`, { version: 1, kind: 'growth_diary', summary: 'x' }],
      ['DELETE', `/api/care-records/${ids.record}`, { version: 1 }],
      ['POST', `/api/care-records/${ids.record}/close-follow-up`],
      ['GET', `/api/children/${ids.child}/timeline`],
      ['GET', `/api/children/${ids.child}/schedule`],
      ['GET', `/api/stats/compliance?orgId=${ids.school}`],
      ['GET', `/api/stats/compliance/children?orgId=${ids.school}`],
    ];
    for (const [method, url, body] of cases) {
      const res = await outsider.request(method, url, body);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
    }
    expect((await outsider.get(`/api/care-records?childId=${ids.child}`)).json().items).toEqual([]);
    expect((await outsider.get(`/api/pairings?childId=${ids.child}`)).json().items).toEqual([]);
  });
});
