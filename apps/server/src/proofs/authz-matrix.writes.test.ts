import { addDays, type Permission, type Role, todayIso } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Answer,
  apiRoutes,
  buildWorld,
  expected,
  inSlice,
  type Position,
  positions,
  roles,
  type World,
} from './authz-fixtures';
import { fingerprint } from './authz-probes';
import { writeOverrides } from './authz-write-rules';

/**
 * The authorization matrix for writes (issue #9): every write of a child or of a child's record is
 * sent by each of the seven roles for a child (or record) in each of the seven positions. An
 * out-of-scope caller gets 404, an in-scope caller without the right 403 — and the database is
 * byte-for-byte unchanged after all those refusals (a digest of every business table). Then one
 * allowed caller succeeds, and the digest moves: the check can see a write. CI sends the refusals of
 * the Latin-square slice (`inSlice` in authz-fixtures.ts); SHOUWANG_LONG=1 sends all 49 per route.
 */
let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 180_000);
afterAll(() => w.t.close());

const today = todayIso();
type Body = object | undefined;
interface WriteCase {
  /** `METHOD /url` exactly as the route table names it. */
  route: string;
  url: (p: Position) => string;
  body?: (p: Position) => Promise<Body> | Body;
  /** Who should make the one allowed call (the first role for which some position answers ok). */
  by?: Role[];
  /** Where the allowed call lands, when the first position would spoil later cases. */
  at?: Position;
}

async function versionOf(table: string, id: string): Promise<number> {
  const res = await w.t.db.execute(sql.raw(`select version from "${table}" where id = '${id}'`));
  const rows = (Array.isArray(res) ? res : (res as { rows: { version: number }[] }).rows) as { version: number }[];
  return rows[0]!.version;
}
const kid = (p: Position) => w.kids[p].id;
/** The activity of the school the child in position `p` attends (fixtures: one per school). */
const activityAt = (p: Position) =>
  w.activities[p === 'other_county' ? 2 : p === 'village_child_elsewhere' || p === 'other_township' ? 1 : 0]!;
const versioned =
  (table: string, id: (p: Position) => string, extra: object = {}) =>
  async (p: Position) => ({ version: await versionOf(table, id(p)), ...extra });

const cases = (): WriteCase[] => [
  {
    route: 'PATCH /api/children/:id',
    url: (p) => `/api/children/${kid(p)}`,
    body: versioned('child', kid, { interests: '画画' }),
  },
  {
    route: 'POST /api/children/:id/parents',
    url: (p) => `/api/children/${kid(p)}/parents`,
    body: () => ({ relation: 'father', name: '林父', status: 'migrant_work' }),
  },
  {
    route: 'POST /api/children/:id/guardians',
    url: (p) => `/api/children/${kid(p)}/guardians`,
    body: () => ({ relation: 'paternal_grandparent', name: '黄奶奶', phone: '13712345678' }),
  },
  {
    route: 'POST /api/children/:id/categories',
    url: (p) => `/api/children/${kid(p)}/categories`,
    body: () => ({ category: 'difficulty_poverty', startDate: '2025-03-01' }),
  },
  {
    route: 'POST /api/children/:id/consents',
    url: (p) => `/api/children/${kid(p)}/consents`,
    body: () => ({
      category: 'health',
      basis: 'guardian_consent',
      consenterName: '王奶奶',
      consenterRelation: '祖母',
      consentedOn: '2025-09-01',
    }),
  },
  {
    route: 'POST /api/children/:id/consents/:consentId/withdraw',
    url: (p) => `/api/children/${kid(p)}/consents/${w.records.consent[p]}/withdraw`,
    body: versioned('child_consent', (p) => w.records.consent[p], { reason: '家长撤回' }),
  },
  {
    route: 'POST /api/children/:id/risk-level',
    url: (p) => `/api/children/${kid(p)}/risk-level`,
    body: () => ({ level: 'medium', reason: '情绪低落' }),
  },
  {
    route: 'POST /api/children/:id/correction-requests',
    url: (p) => `/api/children/${kid(p)}/correction-requests`,
    body: () => ({
      requesterName: '刘大伟',
      requesterRelation: '父亲',
      requestedOn: '2025-10-08',
      request: '名字有误',
    }),
  },
  {
    route: 'POST /api/children/:id/birthday-celebrations',
    url: (p) => `/api/children/${kid(p)}/birthday-celebrations`,
    body: () => ({ celebratedOn: today, summary: '生日祝福' }),
  },
  {
    route: 'POST /api/care-records',
    url: () => '/api/care-records',
    body: (p) => ({
      childId: kid(p),
      kind: 'talk',
      occurredOn: today,
      summary: '谈心',
      details: { topic: '近况', mood: 4 },
    }),
  },
  {
    route: 'POST /api/health-checks',
    url: () => '/api/health-checks',
    body: (p) => ({ childId: kid(p), checkedOn: today, heightCm: 130 }),
  },
  {
    route: 'POST /api/counseling-sessions',
    url: () => '/api/counseling-sessions',
    body: (p) => ({
      childId: kid(p),
      sessionOn: today,
      presentingConcern: '想家',
      notes: '笔记',
      agreedActions: '再聊',
    }),
  },
  {
    route: 'POST /api/concerns',
    url: () => '/api/concerns',
    body: (p) => ({ childId: kid(p), category: 'unsupervised', severity: 'serious', description: '独自在家' }),
  },
  {
    route: 'POST /api/pledges',
    url: () => '/api/pledges',
    body: (p) => ({
      childId: kid(p),
      signedOn: today,
      shortcomings: '拖拉',
      commitments: '按时',
      measures: '提醒',
      deadline: addDays(today, 30),
    }),
  },
  {
    route: 'POST /api/self-evaluations',
    url: () => '/api/self-evaluations',
    body: (p) => ({ childId: kid(p), evaluatedOn: today, aspect: 'study', content: '作业按时交了' }),
  },
  {
    route: 'POST /api/study-plans',
    url: () => '/api/study-plans',
    body: (p) => ({ childId: kid(p), subjects: ['math'], content: '辅导数学' }),
  },
  {
    route: 'POST /api/aid',
    url: () => '/api/aid',
    body: (p) => ({ childId: kid(p), type: 'festival_gift', amountFen: 1000, givenOn: today }),
  },
  {
    route: 'POST /api/letters/deliveries',
    url: () => '/api/letters/deliveries',
    body: (p) => ({
      termId: p === 'other_county' ? w.otherTerm.id : w.term.id,
      letterKind: 'term_end', // the fixtures sent the term-start letter already
      channel: 'mail',
      sentOn: today,
      childIds: [kid(p)],
    }),
  },
  {
    route: 'PATCH /api/care-records/:id',
    url: (p) => `/api/care-records/${w.records.care[p]}`,
    body: versioned('care_record', (p) => w.records.care[p], { kind: 'talk', summary: '改过的谈心' }),
    by: ['school_admin'],
  },
  {
    route: 'PATCH /api/health-checks/:id',
    url: (p) => `/api/health-checks/${w.records.health[p]}`,
    body: versioned('health_check', (p) => w.records.health[p], { heightCm: 131 }),
  },
  {
    route: 'PATCH /api/counseling-sessions/:id',
    url: (p) => `/api/counseling-sessions/${w.records.counseling[p]}`,
    body: versioned('counseling_session', (p) => w.records.counseling[p], { agreedActions: '改过' }),
  },
  {
    route: 'POST /api/concerns/:id/acknowledge',
    url: (p) => `/api/concerns/${w.records.concern[p]}/acknowledge`,
    body: versioned('concern', (p) => w.records.concern[p], { note: '已知悉' }),
  },
  {
    route: 'PATCH /api/pledges/:id',
    url: (p) => `/api/pledges/${w.records.pledge[p]}`,
    body: versioned('pledge', (p) => w.records.pledge[p], { measures: '改过' }),
  },
  {
    route: 'PATCH /api/study-plans/:id',
    url: (p) => `/api/study-plans/${w.records.plan[p]}`,
    body: versioned('study_plan', (p) => w.records.plan[p], { content: '改过' }),
  },
  {
    route: 'POST /api/pairings/:id/end',
    url: (p) => `/api/pairings/${w.records.pairing[p]}/end`,
    body: versioned('pairing', (p) => w.records.pairing[p]),
    at: 'unpaired', // the mentor's pairing with own_class must outlive this case
  },
  {
    route: 'DELETE /api/aid/:id',
    url: (p) => `/api/aid/${w.records.aid[p]}`,
    body: versioned('aid', (p) => w.records.aid[p]),
  },
  {
    route: 'DELETE /api/care-records/:id',
    url: (p) => `/api/care-records/${w.records.care[p]}`,
    body: versioned('care_record', (p) => w.records.care[p]),
    by: ['school_admin'],
  },
  {
    route: 'DELETE /api/health-checks/:id',
    url: (p) => `/api/health-checks/${w.records.health[p]}`,
    body: versioned('health_check', (p) => w.records.health[p]),
  },
  {
    route: 'DELETE /api/counseling-sessions/:id',
    url: (p) => `/api/counseling-sessions/${w.records.counseling[p]}`,
    body: versioned('counseling_session', (p) => w.records.counseling[p]),
  },
  {
    route: 'DELETE /api/pledges/:id',
    url: (p) => `/api/pledges/${w.records.pledge[p]}`,
    body: versioned('pledge', (p) => w.records.pledge[p]),
  },
  {
    route: 'DELETE /api/study-plans/:id',
    url: (p) => `/api/study-plans/${w.records.plan[p]}`,
    body: versioned('study_plan', (p) => w.records.plan[p]),
  },
  {
    route: 'PUT /api/activities/:id',
    url: (p) => `/api/activities/${activityAt(p)}`,
    body: async (p) => ({
      version: await versionOf('activity', activityAt(p)),
      type: 'art_exhibition',
      title: '书画展（改）',
      orgId: w.kids[p].schoolId,
      occurredOn: today,
      participants: positions
        .filter((q) => w.kids[q].schoolId === w.kids[p].schoolId)
        .map((q) => ({ childId: kid(q) })),
    }),
    by: ['school_admin'],
  },
  {
    route: 'DELETE /api/activities/:id',
    url: (p) => `/api/activities/${activityAt(p)}`,
    body: versioned('activity', activityAt),
  },
  {
    route: 'DELETE /api/letters/deliveries/:id',
    url: (p) => `/api/letters/deliveries/${w.records.delivery[p]}`,
    body: versioned('letter_delivery', (p) => w.records.delivery[p]),
  },
  {
    route: 'DELETE /api/attachments/:id',
    url: (p) => `/api/attachments/${w.records.attachment[p]}`,
    body: versioned('attachment', (p) => w.records.attachment[p]),
  },
  { route: 'DELETE /api/children/:id', url: (p) => `/api/children/${kid(p)}`, body: versioned('child', kid) },
];

/** The answer a role should get: roles.ts and the scope rule, refined by the route's own rule. */
function want(route: string, permission: Permission | 'authenticated', role: Role, p: Position): Answer {
  const base = expected(role, permission, p);
  const rule = writeOverrides[route];
  const refined = rule ? rule(role, p, base) : base;
  // Another county is never in anyone's scope here: not found, unless the right is missing altogether.
  return p === 'other_county' && refined !== 403 ? 404 : refined;
}

const got = (status: number): Answer | number => (status >= 200 && status < 300 ? 'ok' : status);

describe('writes: role × position, refused writes change nothing', () => {
  it('a refused care-record edit does not seed the school’s care rules (found by the matrix)', async () => {
    const before = await fingerprint(w.t);
    const url = `/api/care-records/${w.records.care.own_class}`;
    const body = { version: await versionOf('care_record', w.records.care.own_class), kind: 'talk', summary: '改' };
    const res = await w.clients.get('class_teacher')!.patch(url, body);
    expect(res.json().error.code).toBe('CARE_RECORD_NOT_AUTHOR');
    expect(await fingerprint(w.t)).toEqual(before);
  });

  it('answers every write as the rules say, leaves the database untouched when refusing, and lets the right caller write', async () => {
    const table = new Map(apiRoutes(w.t).map((r) => [`${r.method} ${r.url}`, r]));
    const wrong: string[] = [];
    for (const [routeNo, c] of cases().entries()) {
      const route = table.get(c.route);
      expect(route, `${c.route} is not a route`).toBeTruthy();
      const [method] = c.route.split(' ');
      const permission = (route!.access.permission ?? 'authenticated') as Permission | 'authenticated';
      const before = await fingerprint(w.t);
      let allowed: [Role, Position] | undefined;
      for (const p of positions) {
        const body = await c.body?.(p);
        for (const role of roles) {
          const answer = want(c.route, permission, role, p);
          if (answer === 'ok') {
            const better =
              !allowed ||
              (c.at === p && allowed[1] !== p) ||
              (c.by?.includes(role) && !c.by.includes(allowed[0]) && (!c.at || c.at === p));
            if (better) allowed = [role, p];
            continue;
          }
          if (!inSlice(routeNo, role, p)) continue;
          const res = await w.clients.get(role)!.request(method!, c.url(p), body);
          if (got(res.statusCode) !== answer)
            wrong.push(`${c.route} ${role} ${p}: expected ${answer}, got ${res.statusCode} ${res.body.slice(0, 140)}`);
        }
      }
      const after = await fingerprint(w.t);
      const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
      if (changed.length) wrong.push(`${c.route}: refused writes changed ${changed.join(', ')}`);
      if (!allowed) {
        wrong.push(`${c.route}: no role may call it in any position`);
        continue;
      }
      const [role, p] = allowed;
      const res = await w.clients.get(role)!.request(method!, c.url(p), await c.body?.(p));
      if (got(res.statusCode) !== 'ok')
        wrong.push(`${c.route} ${role} ${p}: expected ok, got ${res.statusCode} ${res.body.slice(0, 140)}`);
      const written = await fingerprint(w.t);
      if (Object.keys(after).every((k) => after[k] === written[k]))
        wrong.push(`${c.route} ${role} ${p}: the allowed write changed nothing`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  }, 900_000);
});
