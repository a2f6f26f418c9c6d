import { addDays, todayIso } from '@shouwang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildTerm, buildUser } from '../../test/factories';

/**
 * Every 体检 and 学习帮扶 route, four ways: anonymous (401), a user without the permission (403), a
 * malformed id or body (400 naming the field), and an administrator of another county, who holds
 * every permission but not this child (404).
 */
let t: TestApp;
let admin: Client;
let roleless: Client;
let outsider: Client;
const ids = { child: '', check: '', plan: '', classA: '', term: '' };
const today = todayIso();

beforeAll(async () => {
  t = await buildTestApp();
  const tree = await buildCountyTree(t.db, '路由体检县');
  const other = await buildCountyTree(t.db, '外路由体检县');
  admin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  roleless = await loginAs(t, await buildUser(t.db, []));
  outsider = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: other.school }]));
  const kid = await buildChild(t.db, { class: tree.classA });
  const term = await buildTerm(t.db, tree.county, {
    startDate: addDays(today, -30),
    midDate: today,
    endDate: addDays(today, 30),
  });
  Object.assign(ids, { child: kid.id, classA: tree.classA.id, term: term.id });
  ids.check = (await admin.post('/api/health-checks', { childId: kid.id, checkedOn: today, heightCm: 130 })).json().id;
  ids.plan = (
    await admin.post('/api/study-plans', { childId: kid.id, subjects: ['math'], content: '辅导数学' })
  ).json().id;
});
afterAll(() => t.close());

type Route = [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: () => string, body?: object];

const routes: Route[] = [
  ['GET', () => '/api/health-checks'],
  ['GET', () => `/api/health-checks/summary?orgId=${ids.classA}`],
  ['GET', () => `/api/health-checks/${ids.check}`],
  ['POST', () => '/api/health-checks', {}],
  ['POST', () => '/api/health-checks/batch', {}],
  ['PATCH', () => `/api/health-checks/${ids.check}`, {}],
  ['POST', () => `/api/health-checks/${ids.check}/close-follow-up`, {}],
  ['DELETE', () => `/api/health-checks/${ids.check}`, {}],
  ['GET', () => `/api/study-plans?childId=${ids.child}`],
  ['GET', () => `/api/study-plans/${ids.plan}`],
  ['POST', () => '/api/study-plans', {}],
  ['PATCH', () => `/api/study-plans/${ids.plan}`, {}],
  ['DELETE', () => `/api/study-plans/${ids.plan}`, {}],
  ['GET', () => `/api/grades?classId=${ids.classA}`],
  ['POST', () => '/api/grades/batch', {}],
  ['GET', () => `/api/children/${ids.child}/progress`],
];

describe('every health-check and learning route', () => {
  it('answers 401 without a session', async () => {
    for (const [method, url, body] of routes) {
      const res = await t.app.inject({ method, url: url(), ...(body ? { payload: body } : {}) });
      expect(res.statusCode, `${method} ${url()}`).toBe(401);
    }
  });

  it('answers 403 to a user without the permission', async () => {
    for (const [method, url, body] of routes) {
      const res = await roleless.request(method, url(), body);
      expect(res.statusCode, `${method} ${url()}`).toBe(403);
    }
  });

  it('names the malformed field', async () => {
    const cases: [Route[0], string, object | undefined, string][] = [
      ['GET', '/api/health-checks?flag=tall', undefined, 'querystring.flag'],
      ['GET', '/api/health-checks/x', undefined, 'params.id'],
      ['POST', '/api/health-checks', { childId: ids.child, checkedOn: today, visionLeft: 6.1 }, 'visionLeft'],
      ['POST', '/api/health-checks', { childId: ids.child, checkedOn: addDays(today, 1), heightCm: 130 }, 'checkedOn'],
      ['POST', '/api/health-checks/batch', { classId: ids.classA, checkedOn: today, rows: [] }, 'rows'],
      ['PATCH', `/api/health-checks/${ids.check}`, { version: 1, heightCm: 30 }, 'heightCm'],
      ['POST', '/api/health-checks/x/close-follow-up', undefined, 'params.id'],
      ['DELETE', '/api/health-checks/x', { version: 1 }, 'params.id'],
      ['GET', '/api/study-plans', undefined, 'querystring.childId'],
      ['GET', '/api/study-plans/x', undefined, 'params.id'],
      ['POST', '/api/study-plans', { childId: ids.child, subjects: ['art'], content: 'x' }, 'subjects.0'],
      ['PATCH', `/api/study-plans/${ids.plan}`, { version: 1, reviewDates: ['2026-02-30'] }, 'reviewDates.0'],
      ['DELETE', '/api/study-plans/x', { version: 1 }, 'params.id'],
      ['GET', '/api/grades?classId=x', undefined, 'querystring.classId'],
      [
        'POST',
        '/api/grades/batch',
        {
          classId: ids.classA,
          termId: ids.term,
          subjects: [{ subject: 'math', fullMark: 100 }],
          rows: [{ childId: ids.child, scores: { math: 101 } }],
        },
        'rows.0.scores.math',
      ],
      ['GET', '/api/children/x/progress', undefined, 'params.id'],
    ];
    for (const [method, url, body, field] of cases) {
      const res = await admin.request(method, url, body);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
      const fields = res.json().error.details.map((d: { field: string }) => d.field);
      expect(fields, `${method} ${url}`).toContain(field);
    }
  });

  it('answers 404 for a child in another county', async () => {
    const cases: [Route[0], string, object?][] = [
      ['GET', `/api/health-checks?childId=${ids.child}`],
      ['GET', `/api/health-checks?classId=${ids.classA}`],
      ['GET', `/api/health-checks/${ids.check}`],
      ['POST', '/api/health-checks', { childId: ids.child, checkedOn: today, heightCm: 120 }],
      ['PATCH', `/api/health-checks/${ids.check}`, { version: 1, heightCm: 120 }],
      ['POST', `/api/health-checks/${ids.check}/close-follow-up`],
      ['DELETE', `/api/health-checks/${ids.check}`, { version: 1 }],
      ['GET', `/api/study-plans?childId=${ids.child}`],
      ['GET', `/api/study-plans/${ids.plan}`],
      ['POST', '/api/study-plans', { childId: ids.child, subjects: ['math'], content: 'x' }],
      ['PATCH', `/api/study-plans/${ids.plan}`, { version: 1, content: 'x' }],
      ['DELETE', `/api/study-plans/${ids.plan}`, { version: 1 }],
      ['GET', `/api/grades?classId=${ids.classA}`],
      ['GET', `/api/grades?childId=${ids.child}`],
      ['GET', `/api/children/${ids.child}/progress`],
    ];
    for (const [method, url, body] of cases) {
      const res = await outsider.request(method, url, body);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
    }
    expect((await outsider.get('/api/health-checks')).json().items).toEqual([]);
  });

  it('refuses another county’s class in a batch, naming the rows; nothing is written', async () => {
    const health = await outsider.post('/api/health-checks/batch', {
      classId: ids.classA,
      checkedOn: today,
      rows: [{ childId: ids.child, heightCm: 120 }],
    });
    expect(health.json().error.details).toEqual([{ field: 'rows.0.childId', message: '该儿童不在所选班级' }]);
    const grades = await outsider.post('/api/grades/batch', {
      classId: ids.classA,
      termId: ids.term,
      subjects: [{ subject: 'math', fullMark: 100 }],
      rows: [{ childId: ids.child, scores: { math: 90 } }],
    });
    expect(grades.json().error.details).toEqual([{ field: 'rows.0.childId', message: '该儿童不在所选班级' }]);
    expect((await admin.get(`/api/grades?childId=${ids.child}`)).json().items).toEqual([]);
  });
});
