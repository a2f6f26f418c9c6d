import { addDays, type Role, rolePermissions, todayIso } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../modules/attachments/multipart.test-support';
import type { Client } from '../test/app';
import { loginAs } from '../test/app';
import { buildOrg, buildTerm, buildUser, type OrgFixture } from '../test/factories';
import {
  type Answer,
  apiRoutes,
  buildWorld,
  positions as childPositions,
  expected,
  roles,
  type World,
} from './authz-fixtures';
import { fingerprint } from './authz-probes';

/**
 * The authorization matrix for org-scoped administration (issue #9): units, terms, users, care rules
 * and care settings, KPI targets, the privacy officer, and attachment upload (multipart, per child
 * position). Each of the seven roles, at its natural unit of the shared fixture world, calls each
 * route for a target in each position relative to its unit — own class, sibling class, own school,
 * sibling school (same township), parent township, another township's school, the county, another
 * county. The expected answer comes from roles.ts and the module's policy (ok, 404 outside what the
 * role may see, 403 in sight without the right); refused writes leave every business table's digest
 * unchanged, and one allowed write then moves it.
 */
let w: World;
const unitPositions = [
  'own_class',
  'sibling_class',
  'own_school',
  'sibling_school',
  'parent_township',
  'other_township',
  'county',
  'other_county',
] as const;
type UnitPos = (typeof unitPositions)[number];
let orgs: Record<UnitPos, OrgFixture>;
/** A user holding one role at each position (class teacher at a class, counselor at a school …). */
let staff: Record<UnitPos, string>;
/** Terms: the county's, the own school's override, another township school's, another county's. */
const termPositions = ['county', 'own_school', 'other_township', 'other_county'] as const;
type TermPos = (typeof termPositions)[number];
let terms: Record<TermPos, string>;
const schoolPositions = ['own_school', 'sibling_school', 'other_township', 'other_county'] as const;
type SchoolPos = (typeof schoolPositions)[number];
let rules: Record<SchoolPos, string>;

beforeAll(async () => {
  w = await buildWorld();
  const { t, tree, other } = w;
  const siblingSchool = await buildOrg(t.db, 'school', tree.township, '矩阵县甲镇二小');
  orgs = {
    own_class: tree.classA,
    sibling_class: tree.classB,
    own_school: tree.school,
    sibling_school: siblingSchool,
    parent_township: tree.township,
    other_township: tree.otherSchool,
    county: tree.county,
    other_county: other.school,
  };
  const dates = {
    startDate: addDays(todayIso(), -30),
    midDate: addDays(todayIso(), 30),
    endDate: addDays(todayIso(), 90),
  };
  terms = {
    county: w.term.id,
    own_school: (await buildTerm(t.db, tree.school, dates)).id,
    other_township: (await buildTerm(t.db, tree.otherSchool, dates)).id,
    other_county: w.otherTerm.id,
  };
  const roleAt: Record<UnitPos, Role> = {
    own_class: 'class_teacher',
    sibling_class: 'class_teacher',
    own_school: 'counselor',
    sibling_school: 'counselor',
    parent_township: 'supervisor',
    other_township: 'counselor',
    county: 'county_admin',
    other_county: 'counselor',
  };
  staff = {} as Record<UnitPos, string>;
  for (const p of unitPositions) staff[p] = (await buildUser(t.db, [{ role: roleAt[p], org: orgs[p] }])).id;
  // A care rule at each school, added by that school's administrator.
  rules = {} as Record<SchoolPos, string>;
  for (const p of schoolPositions) {
    const admin: Client =
      p === 'own_school'
        ? w.clients.get('school_admin')!
        : await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: orgs[p] }]));
    const res = await admin.post('/api/care-rules', {
      schoolId: orgs[p].id,
      kind: 'talk',
      frequency: 'weekly',
      responsibleRole: 'class_teacher',
    });
    expect(res.statusCode, res.body).toBe(201);
    rules[p] = res.json().id;
  }
}, 180_000);
afterAll(() => w.t.close());

const rowsOf = <T>(res: unknown) => (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
async function versionOf(table: string, column: string, id: string): Promise<number> {
  const res = await w.t.db.execute(sql.raw(`select version from "${table}" where ${column} = '${id}'`));
  return rowsOf<{ version: number }>(res)[0]?.version ?? 1;
}
const versioned =
  <P extends string>(table: string, id: (p: P) => string, extra: object = {}, column = 'id') =>
  async (p: P) => ({ version: await versionOf(table, column, id(p)), ...extra });

/**
 * The matrix's digest: every business table (authz-probes.ts) plus the users' own fields, which the
 * shared digest leaves out because sign-ins touch app_user.
 */
async function digest(): Promise<Record<string, string>> {
  const users = rowsOf<{ d: string }>(
    await w.t.db.execute(
      sql.raw(
        `select md5(coalesce(string_agg(concat_ws(',', id, display_name, phone, status, version), '|' order by id), '')) as d from app_user`,
      ),
    ),
  );
  return { ...(await fingerprint(w.t)), app_user: users[0]!.d };
}

/** The units each role's subtree holds, and the units above it (which every role may look up). */
const below: Record<Role, UnitPos[]> = {
  county_admin: [
    'own_class',
    'sibling_class',
    'own_school',
    'sibling_school',
    'parent_township',
    'other_township',
    'county',
  ],
  supervisor: ['own_class', 'sibling_class', 'own_school', 'sibling_school', 'parent_township'],
  child_director: [],
  school_admin: ['own_class', 'sibling_class', 'own_school'],
  mentor: ['own_class', 'sibling_class', 'own_school'],
  counselor: ['own_class', 'sibling_class', 'own_school'],
  class_teacher: ['own_class'],
};
const above: Record<Role, UnitPos[]> = {
  county_admin: ['county'],
  supervisor: ['parent_township', 'county'],
  child_director: ['parent_township', 'county'],
  school_admin: ['own_school', 'parent_township', 'county'],
  mentor: ['own_school', 'parent_township', 'county'],
  counselor: ['own_school', 'parent_township', 'county'],
  class_teacher: ['own_class', 'own_school', 'parent_township', 'county'],
};
const can = (role: Role, permission: (typeof rolePermissions)[Role][number]) =>
  rolePermissions[role].includes(permission);
const inSight = (role: Role, p: UnitPos) => below[role].includes(p) || above[role].includes(p);
/** `.manage` covers the units strictly below the role's own, its own unit only for a county administrator. */
const manages = (role: Role, p: UnitPos) =>
  below[role].includes(p) && (role === 'county_admin' || !above[role].includes(p));
/** A write's answer: no right at all 403; the target out of sight 404; in sight but not managed 403. */
const writeAnswer = (hasRight: boolean, sees: boolean, may: boolean): Answer =>
  !hasRight ? 403 : !sees ? 404 : may ? 'ok' : 403;

interface Case<P extends string> {
  route: string;
  positions: readonly P[];
  url: (p: P) => string;
  body?: (p: P) => Promise<object | undefined> | object | undefined;
  multipart?: (p: P) => { payload: Buffer; headers: Record<string, string> };
  want: (role: Role, p: P) => Answer;
}
const orgCase = (c: Omit<Case<UnitPos>, 'positions'>): Case<string> =>
  ({ ...c, positions: unitPositions }) as Case<string>;
const termCase = (c: Omit<Case<TermPos>, 'positions'>): Case<string> =>
  ({ ...c, positions: termPositions }) as Case<string>;
const schoolCase = (c: Omit<Case<SchoolPos>, 'positions'>): Case<string> =>
  ({ ...c, positions: schoolPositions }) as Case<string>;

/** Roles whose grant covers the school's subtree or lies inside it (care-rules.policy.ts). */
const careRulesSeen = (role: Role, p: SchoolPos) => inSight(role, p);
const termSeen = (role: Role, p: TermPos) => inSight(role, p);
/** The user's one role lies in the reader's subtree (users.policy.ts canReadUser). */
const userSeen = (role: Role, p: UnitPos) => can(role, 'user.read') && below[role].includes(p);
/** Every role the user holds is one the manager may hand out at that unit (canManageUser). */
const userManaged = (role: Role, p: UnitPos) =>
  role === 'county_admin'
    ? below[role].includes(p)
    : role === 'school_admin' && ['own_class', 'sibling_class', 'own_school'].includes(p);

const reads = (): Case<string>[] => [
  orgCase({
    route: 'GET /api/orgs/:id',
    url: (p) => `/api/orgs/${orgs[p].id}`,
    want: (role, p) => (inSight(role, p) ? 'ok' : 404),
  }),
  termCase({
    route: 'GET /api/terms/:id',
    url: (p) => `/api/terms/${terms[p]}`,
    want: (role, p) => (termSeen(role, p) ? 'ok' : 404),
  }),
  orgCase({
    route: 'GET /api/users/:id',
    url: (p) => `/api/users/${staff[p]}`,
    want: (role, p) => (!can(role, 'user.read') ? 403 : userSeen(role, p) ? 'ok' : 404),
  }),
  orgCase({
    route: 'GET /api/reports/work-summary',
    url: (p) => `/api/reports/work-summary?orgId=${orgs[p].id}`,
    // A unit's work summary is for report.write holders over that unit (work-summary.service.ts).
    want: (role, p) => (!can(role, 'report.write') ? 403 : below[role].includes(p) ? 'ok' : 404),
  }),
  schoolCase({
    route: 'GET /api/care-settings/:schoolId',
    url: (p) => `/api/care-settings/${orgs[p].id}`,
    want: (role, p) => (careRulesSeen(role, p) ? 'ok' : 404),
  }),
  schoolCase({
    route: 'GET /api/care-rules',
    url: (p) => `/api/care-rules?schoolId=${orgs[p].id}`,
    want: (role, p) => (careRulesSeen(role, p) ? 'ok' : 404),
  }),
];

const writes = (): Case<string>[] => [
  orgCase({
    route: 'PATCH /api/orgs/:id',
    url: (p) => `/api/orgs/${orgs[p].id}`,
    body: versioned('org', (p) => orgs[p].id, { studentCount: 321 }),
    want: (role, p) => writeAnswer(can(role, 'org.manage'), inSight(role, p), manages(role, p)),
  }),
  termCase({
    route: 'PATCH /api/terms/:id',
    url: (p) => `/api/terms/${terms[p]}`,
    body: versioned('term', (p) => terms[p], { endDate: addDays(todayIso(), 91) }),
    // Terms are managed at the very node that defines them (terms.policy.ts).
    want: (role, p) =>
      writeAnswer(
        can(role, 'term.manage'),
        termSeen(role, p),
        (role === 'county_admin' && p === 'county') || (role === 'school_admin' && p === 'own_school'),
      ),
  }),
  orgCase({
    route: 'PATCH /api/users/:id',
    url: (p) => `/api/users/${staff[p]}`,
    body: versioned('app_user', (p) => staff[p], { displayName: '改过的名字' }),
    want: (role, p) => writeAnswer(can(role, 'user.manage'), userSeen(role, p), userManaged(role, p)),
  }),
  orgCase({
    route: 'POST /api/users/:id/reset-password',
    url: (p) => `/api/users/${staff[p]}/reset-password`,
    body: versioned('app_user', (p) => staff[p]),
    want: (role, p) => writeAnswer(can(role, 'user.manage'), userSeen(role, p), userManaged(role, p)),
  }),
  orgCase({
    route: 'POST /api/users/:id/disable',
    url: (p) => `/api/users/${staff[p]}/disable`,
    body: versioned('app_user', (p) => staff[p]),
    want: (role, p) => writeAnswer(can(role, 'user.manage'), userSeen(role, p), userManaged(role, p)),
  }),
  schoolCase({
    route: 'PATCH /api/care-settings/:schoolId',
    url: (p) => `/api/care-settings/${orgs[p].id}`,
    body: versioned('care_setting', (p) => orgs[p].id, { recordEditDays: 9 }, 'school_id'),
    want: (role, p) => writeAnswer(can(role, 'care_rule.manage'), careRulesSeen(role, p), p === 'own_school'),
  }),
  schoolCase({
    route: 'PATCH /api/care-rules/:id',
    url: (p) => `/api/care-rules/${rules[p]}`,
    body: versioned('care_rule', (p) => rules[p], { windowDays: 10 }),
    want: (role, p) => writeAnswer(can(role, 'care_rule.manage'), careRulesSeen(role, p), p === 'own_school'),
  }),
  schoolCase({
    route: 'DELETE /api/care-rules/:id',
    url: (p) => `/api/care-rules/${rules[p]}`,
    body: versioned('care_rule', (p) => rules[p]),
    want: (role, p) => writeAnswer(can(role, 'care_rule.manage'), careRulesSeen(role, p), p === 'own_school'),
  }),
  orgCase({
    route: 'PUT /api/stats/targets',
    url: () => '/api/stats/targets',
    body: (p) => ({
      scopeOrgId: orgs[p].id,
      termId: p === 'other_county' ? w.otherTerm.id : w.term.id,
      targets: { pairingCoverage: 90 },
    }),
    want: (role, p) => writeAnswer(can(role, 'stats.set_targets'), below[role].includes(p), below[role].includes(p)),
  }),
  {
    route: 'POST /api/children/:id/attachments',
    positions: childPositions,
    url: (p) => `/api/children/${w.kids[p as (typeof childPositions)[number]].id}/attachments`,
    multipart: (p) => multipartFile(Buffer.from(`%PDF-1.4\n%${p} 新\n%%EOF\n`), '户籍证明.pdf', 'application/pdf'),
    want: (role, p) => {
      const base = expected(role, 'child.write', p as (typeof childPositions)[number]);
      return p === 'other_county' && base !== 403 ? 404 : base;
    },
  },
  {
    route: 'PUT /api/privacy/officer',
    positions: ['own_county'],
    url: () => '/api/privacy/officer',
    body: () => ({ name: '赵主任', phone: '0731-88886666' }),
    // The county's officer is named by a county administrator; other holders of privacy.manage get 403.
    want: (role) => (role === 'county_admin' ? 'ok' : 403),
  },
];

const got = (status: number): Answer | number => (status >= 200 && status < 300 ? 'ok' : status);
const call = async (role: Role, method: string, c: Case<string>, p: string) => {
  const client = w.clients.get(role)!;
  if (c.multipart) {
    const file = c.multipart(p);
    return client.request(method, c.url(p), file.payload, file.headers);
  }
  return client.request(method, c.url(p), await c.body?.(p));
};

describe('administration: role × position of the unit, term, user or school', () => {
  it('answers every read as roles.ts and the policies say', async () => {
    const table = new Set(apiRoutes(w.t).map((r) => `${r.method} ${r.url}`));
    const wrong: string[] = [];
    for (const c of reads()) {
      expect(table.has(c.route), `${c.route} is not a route`).toBe(true);
      for (const p of c.positions)
        for (const role of roles) {
          const res = await call(role, 'GET', c, p);
          const answer = c.want(role, p);
          if (got(res.statusCode) !== answer)
            wrong.push(`${c.route} ${role} ${p}: expected ${answer}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  }, 300_000);

  it('answers every write as the rules say, changes nothing when refusing, and lets the right caller write', async () => {
    const table = new Set(apiRoutes(w.t).map((r) => `${r.method} ${r.url}`));
    const wrong: string[] = [];
    for (const c of writes()) {
      expect(table.has(c.route), `${c.route} is not a route`).toBe(true);
      const [method] = c.route.split(' ');
      const before = await digest();
      let allowed: [Role, string] | undefined;
      for (const p of c.positions)
        for (const role of roles) {
          const answer = c.want(role, p);
          if (answer === 'ok') {
            allowed ??= [role, p];
            continue;
          }
          const res = await call(role, method!, c, p);
          if (got(res.statusCode) !== answer)
            wrong.push(`${c.route} ${role} ${p}: expected ${answer}, got ${res.statusCode} ${res.body.slice(0, 140)}`);
        }
      const after = await digest();
      const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
      if (changed.length) wrong.push(`${c.route}: refused writes changed ${changed.join(', ')}`);
      if (!allowed) {
        wrong.push(`${c.route}: no role may call it in any position`);
        continue;
      }
      const [role, p] = allowed;
      const res = await call(role, method!, c, p);
      if (got(res.statusCode) !== 'ok')
        wrong.push(`${c.route} ${role} ${p}: expected ok, got ${res.statusCode} ${res.body.slice(0, 140)}`);
      const written = await digest();
      if (Object.keys(after).every((k) => after[k] === written[k]))
        wrong.push(`${c.route} ${role} ${p}: the allowed write changed nothing`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  }, 600_000);
});
