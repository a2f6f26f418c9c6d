import { addDays, todayIso } from '@shouwang/shared';
import { and, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../modules/audit/audit.table';
import { buildTestApp, type Client, loginAs, type TestApp } from '../test/app';
import {
  buildChild,
  buildCountyTree,
  buildTerm,
  buildUser,
  type ChildFixture,
  type CountyTree,
} from '../test/factories';

/**
 * Audit completeness (issue #9): every read of a sensitive section and every export leaves audit
 * rows naming the actor, the role it acted in, the unit, the child (for a child's data), the
 * address and the time. Each call below is checked for its own rows, written by that call.
 */
let t: TestApp;
let tree: CountyTree;
let kid: ChildFixture;
let countyAdmin: Client;
let schoolAdmin: Client;
let counselor: Client;
const users: Record<string, string> = {};
let sessionId: string;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '审计县');
  await buildTerm(t.db, tree.county, {
    startDate: addDays(todayIso(), -30),
    midDate: addDays(todayIso(), 30),
    endDate: addDays(todayIso(), 90),
  });
  kid = await buildChild(t.db, {
    name: '审计同学',
    class: tree.classA,
    idNumber: '430104201606150030',
    categories: ['left_behind_both'],
  });
  for (const [name, role, org] of [
    ['county', 'county_admin', tree.county],
    ['school', 'school_admin', tree.school],
    ['counselor', 'counselor', tree.school],
  ] as const) {
    const user = await buildUser(t.db, [{ role, org }]);
    users[name] = user.id;
    const client = await loginAs(t, user);
    if (name === 'county') countyAdmin = client;
    if (name === 'school') schoolAdmin = client;
    if (name === 'counselor') counselor = client;
  }
  const session = await counselor.post('/api/counseling-sessions', {
    childId: kid.id,
    sessionOn: todayIso(),
    presentingConcern: '想家',
    notes: '笔记',
    agreedActions: '每周一次',
  });
  expect(session.statusCode, session.body).toBe(201);
  sessionId = session.json().id;
}, 120_000);
afterAll(() => t.close());

async function lastId() {
  const [row] = await t.db.select({ id: sql<number>`coalesce(max(${auditEvent.id}), 0)::int` }).from(auditEvent);
  return Number(row!.id);
}

/** Calls the route and answers the audit rows it wrote. */
async function rowsOf(call: () => Promise<{ statusCode: number; body: string }>) {
  const before = await lastId();
  const res = await call();
  expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(300);
  return t.db.select().from(auditEvent).where(gt(auditEvent.id, before));
}

function expectComplete(rows: Awaited<ReturnType<typeof rowsOf>>, event: RegExp, actor: string, child: string | null) {
  const own = rows.filter((r) => event.test(r.event));
  expect(own.length, `${event}: ${JSON.stringify(rows.map((r) => r.event))}`).toBeGreaterThanOrEqual(1);
  for (const row of own) {
    expect(row.actorId).toBe(actor);
    expect(row.actorRole).toBeTruthy();
    expect(row.orgId).toBeTruthy();
    expect(row.countyId).toBe(tree.county.countyId);
    expect(row.ip).toBe('127.0.0.1');
    expect(Date.now() - row.occurredAt.getTime()).toBeLessThan(120_000);
    if (child) expect(row.childId).toBe(child);
  }
}

describe('every sensitive read and export is audited with who, as what, where, whose and when', () => {
  it('the full ID number', async () => {
    const rows = await rowsOf(() => countyAdmin.get(`/api/children/${kid.id}/id-number`));
    expectComplete(rows, /^child\.id_number_viewed$/, users.county!, kid.id);
  });

  it('a counseling session', async () => {
    const rows = await rowsOf(() => counselor.get(`/api/counseling-sessions/${sessionId}`));
    expectComplete(rows, /^counseling\.session_viewed$/, users.counselor!, kid.id);
  });

  it('the contact card', async () => {
    const rows = await rowsOf(() => schoolAdmin.get(`/api/children/${kid.id}/contact-card.pdf`));
    expectComplete(rows, /^child\.contact_card_printed$/, users.school!, kid.id);
  });

  it('the guardian’s copy of everything about the child (JSON and PDF)', async () => {
    for (const format of ['json', 'pdf']) {
      const rows = await rowsOf(() => schoolAdmin.get(`/api/children/${kid.id}/privacy-export.${format}`));
      expectComplete(rows, /^privacy\.exported$/, users.school!, kid.id);
    }
  });

  it('the children list as Excel', async () => {
    const rows = await rowsOf(() => schoolAdmin.get(`/api/children/export.xlsx?schoolId=${tree.school.id}`));
    expectComplete(rows, /^child\.exported$/, users.school!, null);
  });

  it('statistics as Excel', async () => {
    const rows = await rowsOf(() => schoolAdmin.get(`/api/stats/export.xlsx?scopeOrgId=${tree.school.id}`));
    expectComplete(rows, /^stats\.exported$/, users.school!, null);
  });

  it('the staff assessment as Excel', async () => {
    const rows = await rowsOf(() => schoolAdmin.get(`/api/assessments/export.xlsx?schoolId=${tree.school.id}`));
    expectComplete(rows, /^assessment\.exported$/, users.school!, null);
  });
});

describe('audit rows name the child for child reads', () => {
  it('finds the ID-number read by child', async () => {
    const rows = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.childId, kid.id), eq(auditEvent.event, 'child.id_number_viewed')));
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });
});
