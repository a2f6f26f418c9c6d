import fs from 'node:fs';
import {
  addDays,
  type Permission,
  pairedOnlyPermissions,
  type Role,
  rolePermissions,
  todayIso,
} from '@shouwang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careRecord } from '../modules/care-records/care-records.table';
import { healthCheck } from '../modules/health-checks/health-checks.table';
import { routeAccessTable } from '../plugins/route-guard';
import { buildTestApp, type Client, loginAs, type TestApp } from '../test/app';
import {
  buildChild,
  buildCountyTree,
  buildPairing,
  buildTerm,
  buildUser,
  type ChildFixture,
  type CountyTree,
} from '../test/factories';
import { routeScopeProofs } from './route-coverage';

/**
 * The authorization matrix (issue #9). 1) Every route of the app names the test that proves its
 * scope (route-coverage.ts): a new route without an entry fails here. 2) Every child-scoped read
 * (`GET /api/children/:id…`) is called by each of the seven roles of DESIGN.md, held at its natural
 * unit, for a child in each position — own class, sibling class, another school whose child lives in
 * the role's village, the school's child from no village, another county — and a mentor for a
 * paired and an unpaired child. The expected answer comes from roles.ts and the scope rule of
 * DESIGN.md (a role sees a child whose school/class or home village lies under its unit, a mentor
 * only paired children): 2xx, 404 (out of scope) or 403 (no such right anywhere). Field rules ride
 * along: no answer to a role without the grant carries the full ID number or counseling notes.
 */
const roles: Role[] = [
  'county_admin',
  'supervisor',
  'child_director',
  'school_admin',
  'class_teacher',
  'mentor',
  'counselor',
];
type Position = 'own_class' | 'sibling_class' | 'village_child_elsewhere' | 'other_county' | 'unpaired';

const fullId = '430104201606150030';
const secretNote = '机密谈话笔记只给心理老师看';
const healthFinding = '右眼视力需复查（体检细节）';
/** Per position, a care record and a health check of that child: record-scoped reads. */
const records = { care: {} as Record<Position, string>, health: {} as Record<Position, string> };

let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
const clients = new Map<Role, Client>();
const kids = {} as Record<Position, ChildFixture>;

/** Which positions each role sees (a mentor: only the paired child, for its paired-only rights). */
const sees: Record<Role, Position[]> = {
  county_admin: ['own_class', 'sibling_class', 'village_child_elsewhere', 'unpaired'],
  supervisor: ['own_class', 'sibling_class', 'village_child_elsewhere', 'unpaired'],
  child_director: ['own_class', 'village_child_elsewhere'],
  school_admin: ['own_class', 'sibling_class', 'unpaired'],
  counselor: ['own_class', 'sibling_class', 'unpaired'],
  class_teacher: ['own_class', 'unpaired'],
  mentor: ['own_class', 'sibling_class', 'unpaired'],
};

function expected(role: Role, access: { permission?: string; public?: boolean }, position: Position): 'ok' | 403 | 404 {
  const permission = access.permission as Permission | 'authenticated';
  if (permission !== 'authenticated' && !rolePermissions[role].includes(permission)) return 403;
  const pairedOnly = role === 'mentor' && pairedOnlyPermissions.mentor?.includes(permission as Permission);
  if (pairedOnly) return position === 'own_class' ? 'ok' : 404;
  return sees[role].includes(position) ? 'ok' : 404;
}

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '矩阵县');
  other = await buildCountyTree(t.db, '外县');
  await buildTerm(t.db, tree.county, {
    startDate: addDays(todayIso(), -30),
    midDate: addDays(todayIso(), 30),
    endDate: addDays(todayIso(), 90),
  });
  const units: Record<Role, keyof CountyTree> = {
    county_admin: 'county',
    supervisor: 'township',
    child_director: 'village',
    school_admin: 'school',
    class_teacher: 'classA',
    mentor: 'school',
    counselor: 'school',
  };
  const users = new Map<Role, { id: string }>();
  for (const role of roles) {
    const user = await buildUser(t.db, [{ role, org: tree[units[role]] }]);
    users.set(role, user);
    clients.set(role, await loginAs(t, user));
  }
  const lb = ['left_behind_both' as const];
  kids.own_class = await buildChild(t.db, {
    class: tree.classA,
    village: tree.village,
    idNumber: fullId,
    categories: lb,
  });
  kids.unpaired = await buildChild(t.db, { class: tree.classA, categories: lb });
  kids.sibling_class = await buildChild(t.db, { class: tree.classB, categories: lb });
  kids.village_child_elsewhere = await buildChild(t.db, {
    class: tree.otherClass,
    village: tree.village,
    categories: lb,
  });
  kids.other_county = await buildChild(t.db, { class: other.classA, categories: lb });
  await buildPairing(t.db, { child: kids.own_class, helper: users.get('mentor')! });
  const author = users.get('county_admin')!.id;
  for (const position of Object.keys(kids) as Position[]) {
    const kid = kids[position];
    const [care] = await t.db
      .insert(careRecord)
      .values({
        countyId: kid.countyId,
        childId: kid.id,
        authorId: author,
        kind: 'talk',
        occurredOn: todayIso(),
        summary: '谈心',
        details: { topic: '学习', mood: 3 },
      })
      .returning();
    records.care[position] = care!.id;
    const [check] = await t.db
      .insert(healthCheck)
      .values({
        countyId: kid.countyId,
        childId: kid.id,
        schoolId: kid.schoolId,
        classId: kid.classId,
        authorId: author,
        checkedOn: todayIso(),
        findings: healthFinding,
      })
      .returning();
    records.health[position] = check!.id;
  }
  const note = await clients.get('counselor')!.post('/api/counseling-sessions', {
    childId: kids.own_class.id,
    sessionOn: todayIso(),
    presentingConcern: '想家',
    notes: secretNote,
    agreedActions: '每周聊一次',
  });
  expect(note.statusCode, note.body).toBe(201);
}, 180_000);
afterAll(() => t.close());

const apiRoutes = () =>
  routeAccessTable(t.app).filter(
    (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD',
  );

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
    for (const route of reads) {
      for (const role of roles) {
        for (const position of Object.keys(kids) as Position[]) {
          const want =
            position === 'other_county'
              ? expected(role, route.access, position) === 403
                ? 403
                : 404
              : expected(role, route.access, position);
          const res = await clients.get(role)!.get(route.url.replace(':id', kids[position].id));
          const got = res.statusCode >= 200 && res.statusCode < 300 ? 'ok' : res.statusCode;
          if (got !== want)
            wrong.push(
              `${route.url} ${role} ${position}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 120)}`,
            );
          if (!rolePermissions[role].includes('child.read_id_number') && res.body.includes(fullId))
            wrong.push(`${route.url} ${role} ${position}: full ID number leaked`);
          if (role !== 'counselor' && res.body.includes(secretNote))
            wrong.push(`${route.url} ${role} ${position}: counseling notes leaked`);
          if (!rolePermissions[role].includes('health_check.read') && res.body.includes(healthFinding))
            wrong.push(`${route.url} ${role} ${position}: health details leaked`);
        }
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  }, 900_000);
});

describe('record-scoped reads: role × position of the record’s child', () => {
  it('answers care records and health checks as roles.ts and the scope rule say', async () => {
    const table = new Map(apiRoutes().map((r) => [`${r.method} ${r.url}`, r]));
    const wrong: string[] = [];
    for (const [url, ids] of [
      ['/api/care-records/:id', records.care],
      ['/api/health-checks/:id', records.health],
    ] as const) {
      const route = table.get(`GET ${url}`)!;
      expect(route, url).toBeTruthy();
      for (const role of roles) {
        for (const position of Object.keys(kids) as Position[]) {
          const base = expected(role, route.access, position);
          const want = position === 'other_county' && base !== 403 ? 404 : base;
          const res = await clients.get(role)!.get(url.replace(':id', ids[position]));
          const got = res.statusCode >= 200 && res.statusCode < 300 ? 'ok' : res.statusCode;
          if (got !== want)
            wrong.push(`${url} ${role} ${position}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  }, 600_000);
});
