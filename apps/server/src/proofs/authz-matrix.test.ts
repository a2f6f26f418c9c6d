import fs from 'node:fs';
import type { Permission, Role } from '@shouwang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Answer,
  buildWorld,
  can,
  expected,
  inSlice,
  type Position,
  positions,
  roles,
  apiRoutes as routesOf,
  secrets,
  type World,
} from './authz-fixtures';
import { textOf } from './authz-probes';
import { routeScopeProofs } from './route-coverage';

/**
 * The authorization matrix (issue #9). 1) Every route of the app names the test that proves its
 * scope (route-coverage.ts): a new route without an entry fails here. 2) Every child-scoped read
 * (`GET /api/children/:id…`) is called by each of the seven roles of DESIGN.md, held at its natural
 * unit, for a child in each of the seven positions of authz-fixtures.ts — own class (paired with the
 * mentor), own class unpaired, sibling class, the school without a class (the class teacher's parent
 * unit), another school whose child lives in the role's village, another township, another county.
 * The expected answer comes from roles.ts and the scope rule of DESIGN.md (a role sees a child whose
 * school/class or home village lies under its unit, a mentor only paired children): 2xx, 404 (out of
 * scope) or 403 (no such right anywhere). 3) The same for every record-scoped read (care records,
 * health checks, counseling sessions, pairings, concerns, study plans, attachments). Field rules ride along on
 * every answer, PDFs read back as text: no answer to a role without the grant carries the full ID
 * number, counseling notes or health findings. Writes: authz-matrix.writes.test.ts; lists, exports and
 * search: authz-matrix.lists.test.ts.
 */
let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 180_000);
afterAll(() => w.t.close());

const apiRoutes = () => routesOf(w.t);
const got = (status: number): Answer | number => (status >= 200 && status < 300 ? 'ok' : status);

function want(role: Role, permission: Permission | 'authenticated', p: Position): Answer {
  const base = expected(role, permission, p);
  return p === 'other_county' && base !== 403 ? 404 : base;
}

/** Guarded fields found in an answer to a role without their grant. */
async function guardedLeaks(role: Role, res: Parameters<typeof textOf>[0]): Promise<string[]> {
  if (res.statusCode >= 300) return [];
  const text = await textOf(res);
  const found: string[] = [];
  if (!can(role, 'child.read_id_number') && text.includes(secrets.fullId)) found.push('full ID number');
  if (!can(role, 'counseling.read') && text.includes(secrets.counselingNote)) found.push('counseling notes');
  if (!can(role, 'health_check.read') && text.includes(secrets.healthFinding)) found.push('health details');
  return found;
}

describe('every route names its scope proof', () => {
  it('has an entry for each route, and none for a route that is gone', () => {
    const routes = new Set(apiRoutes().map((r) => `${r.method} ${r.url}`));
    const missing = [...routes].filter((r) => !(r in routeScopeProofs));
    const stale = Object.keys(routeScopeProofs).filter((r) => !routes.has(r));
    expect(
      missing,
      'add these routes to apps/server/src/proofs/route-coverage.ts with the test that proves their scope',
    ).toEqual([]);
    expect(stale, 'remove these routes from route-coverage.ts').toEqual([]);
  });

  it('names tests that exist and call the route', () => {
    const wrong: string[] = [];
    for (const [route, file] of Object.entries(routeScopeProofs)) {
      if (!fs.existsSync(file)) {
        wrong.push(`${route}: ${file} does not exist`);
        continue;
      }
      const url = route.split(' ')[1]!;
      const prefix = url.split('/:')[0]!;
      if (!fs.readFileSync(file, 'utf8').includes(prefix)) wrong.push(`${route}: ${file} never calls ${prefix}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('child-scoped reads: role × position', () => {
  it('answers each role as roles.ts and the scope rule say, and never leaks a guarded field', async () => {
    const reads = apiRoutes().filter((r) => r.method === 'GET' && /^\/api\/children\/:id(\/[\w.-]+)?$/.test(r.url));
    expect(reads.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    const spent = new Map<string, number>();
    for (const [routeNo, route] of reads.entries()) {
      const started = performance.now();
      // Rendering a PDF costs ~0.3 s: CI takes the Latin-square slice of those (SHOUWANG_LONG=1: all).
      const sliced = route.url.endsWith('.pdf');
      const permission = (route.access.permission ?? 'authenticated') as Permission | 'authenticated';
      for (const role of roles) {
        for (const p of positions) {
          if (sliced && !inSlice(routeNo, role, p)) continue;
          const answer = want(role, permission, p);
          const res = await w.clients.get(role)!.get(route.url.replace(':id', w.kids[p].id));
          if (got(res.statusCode) !== answer)
            wrong.push(
              `${route.url} ${role} ${p}: expected ${answer}, got ${res.statusCode} ${res.body.slice(0, 120)}`,
            );
          for (const leak of await guardedLeaks(role, res)) wrong.push(`${route.url} ${role} ${p}: ${leak} leaked`);
        }
      }
      spent.set(route.url, performance.now() - started);
    }
    if (process.env.AUTHZ_TIMING) console.log([...spent].map(([u, ms]) => `${Math.round(ms)} ${u}`).join('\n'));
    expect(wrong, wrong.join('\n')).toEqual([]);
  }, 900_000);
});

describe('record-scoped reads: role × position of the record’s child', () => {
  it('answers each record type as roles.ts and the scope rule say', async () => {
    const table = new Map(apiRoutes().map((r) => [`${r.method} ${r.url}`, r]));
    const r = w.records;
    const wrong: string[] = [];
    for (const [url, ids] of [
      ['/api/care-records/:id', r.care],
      ['/api/health-checks/:id', r.health],
      ['/api/counseling-sessions/:id', r.counseling],
      ['/api/pairings/:id', r.pairing],
      ['/api/concerns/:id', r.concern],
      ['/api/study-plans/:id', r.plan],
      ['/api/attachments/:id', r.attachment],
    ] as const) {
      const route = table.get(`GET ${url}`)!;
      expect(route, url).toBeTruthy();
      const permission = (route.access.permission ?? 'authenticated') as Permission | 'authenticated';
      for (const role of roles) {
        for (const p of positions) {
          const answer = readOverrides[url]?.(role, p, want(role, permission, p)) ?? want(role, permission, p);
          const res = await w.clients.get(role)!.get(url.replace(':id', ids[p]));
          if (got(res.statusCode) !== answer)
            wrong.push(`${url} ${role} ${p}: expected ${answer}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
          for (const leak of await guardedLeaks(role, res)) wrong.push(`${url} ${role} ${p}: ${leak} leaked`);
        }
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  }, 600_000);
});

/** Record reads whose rule is narrower than the route's permission over the child, and why. */
const readOverrides: Record<string, (role: Role, p: Position, base: Answer) => Answer> = {
  // DESIGN.md: counseling notes are for counselors only; to anyone else a session does not exist.
  '/api/counseling-sessions/:id': (role, _p, base) => (can(role, 'counseling.read') ? base : 404),
  // 强制报告 (concerns.policy.ts): seen by its reporter, the handlers and the overseers over the child;
  // other staff, who may raise one, do not see the others' reports.
  '/api/concerns/:id': (role, p) =>
    expected(role, 'concern.handle', p) === 'ok' || expected(role, 'concern.oversee', p) === 'ok' ? 'ok' : 404,
};
