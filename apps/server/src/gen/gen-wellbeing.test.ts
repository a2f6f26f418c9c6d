import { aidCreateBody, concernStepHours, defaultMailboxDangerWords, templateProblems } from '@shouwang/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity } from '../modules/activities/activities.table';
import { aid, fundLedgerEntry } from '../modules/aid/aid.table';
import { child } from '../modules/children/children.table';
import { concern, concernEvent } from '../modules/concerns/concerns.table';
import { childRiskLevel, counselingSession } from '../modules/counseling/counseling.table';
import { letterDelivery, letterTemplate } from '../modules/letters/letters.table';
import { matchDangerWords } from '../modules/mailbox/danger-words';
import { openText } from '../modules/mailbox/mailbox.protection';
import { mailboxBox, mailboxMessage } from '../modules/mailbox/mailbox.table';
import { org } from '../modules/orgs/orgs.table';
import { term } from '../modules/terms/terms.table';
import { appUser, roleAssignment } from '../modules/users/users.table';
import { buildTestApp, loginAs, type TestApp } from '../test/app';
import { BENCH_PASSWORD } from './bench-users';
import { generate } from './generate';
import { counselingThemes, mailboxBodies, mailboxReplies, urgentMailboxBodies } from './wellbeing-texts';

/** The generator's aid, concerns, counseling, mailbox and letters at small scale (gen.test.ts has the rest). */

const now = new Date('2026-11-28T10:00:00+08:00');
const today = '2026-11-28';
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
  await generate(t.database, { scale: 'small', now });
});
afterAll(() => t.close());

const children = async () => new Map((await t.db.select().from(child)).map((c) => [c.id, c]));
const userIds = async () => new Set((await t.db.select({ id: appUser.id }).from(appUser)).map((u) => u.id));
async function loginRole(role: 'counselor' | 'school_admin') {
  const [holder] = await t.db
    .select({ username: appUser.username })
    .from(roleAssignment)
    .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
    .where(eq(roleAssignment.role, role))
    .limit(1);
  return loginAs(t, { username: holder!.username, password: BENCH_PASSWORD });
}

describe('the generator at small scale: aid, concerns, counseling, mailbox, letters', () => {
  it('gives aid to existing children, placed like them, as the create schema would accept it', async () => {
    const kids = await children();
    const users = await userIds();
    const rows = await t.db.select().from(aid);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      const c = kids.get(r.childId)!;
      expect(c, 'child of an aid').toBeDefined();
      expect(r.schoolId).toBe(c.schoolId);
      expect(users.has(r.createdBy)).toBe(true);
      expect(r.givenOn < today).toBe(true);
      const body = { childId: r.childId, type: r.type, amountFen: r.amountFen, items: r.items, source: r.source };
      expect(aidCreateBody.safeParse({ ...body, givenOn: r.givenOn }).success, `${r.type} aid`).toBe(true);
    }
    const types = new Set(rows.map((r) => r.type));
    for (const type of ['stipend', 'festival_gift', 'birthday'] as const) expect(types.has(type), type).toBe(true);
  });

  it("keeps each school's ledger: income with a source, spending with a purpose, activities of the school", async () => {
    const activities = new Map((await t.db.select().from(activity)).map((a) => [a.id, a]));
    const units = new Map((await t.db.select().from(org)).map((u) => [u.id, u]));
    const rows = await t.db.select().from(fundLedgerEntry);
    expect(rows.some((r) => r.direction === 'income' && r.source === 'government')).toBe(true);
    expect(rows.some((r) => r.purpose === 'activity')).toBe(true);
    for (const r of rows) {
      expect(Number.isInteger(r.amountFen) && r.amountFen > 0).toBe(true);
      expect(r.occurredOn < today).toBe(true);
      if (r.direction === 'income') expect(r.source).not.toBeNull();
      else expect(r.purpose).not.toBeNull();
      if (r.activityId)
        expect(activities.get(r.activityId)!.orgPath.startsWith(units.get(r.schoolId)!.path)).toBe(true);
    }
  });

  it('raises concerns in every state, with events that tell their story and deadlines as the module sets them', async () => {
    const kids = await children();
    const users = await userIds();
    const rows = await t.db.select().from(concern);
    const events = await t.db.select().from(concernEvent);
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['reported', 'acknowledged', 'referred', 'following_up', 'closed']),
    );
    for (const r of rows) {
      if (r.childId) expect(r.schoolId).toBe(kids.get(r.childId)!.schoolId);
      else expect(r.mailboxMessageId).not.toBeNull();
      expect(users.has(r.reporterId)).toBe(true);
      const own = events.filter((e) => e.concernId === r.id).sort((a, b) => a.at.getTime() - b.at.getTime());
      expect(own[0]!.kind).toBe('reported');
      expect(own[0]!.at).toEqual(r.createdAt);
      expect(r.version).toBe(own.filter((e) => e.kind !== 'escalated').length);
      for (const e of own) expect(e.kind === 'escalated' ? e.actorId === null : users.has(e.actorId!)).toBe(true);
      if (r.status === 'closed') expect(r.dueAt).toBeNull();
      else {
        const last = own.filter((e) => e.kind !== 'escalated').at(-1)!;
        expect(r.dueAt!.getTime() - last.at.getTime()).toBe(concernStepHours[r.status] * 3_600_000);
      }
      if (r.status !== 'reported') expect(r.acknowledgedAt).not.toBeNull();
      if (r.escalatedStatus) expect(own.some((e) => e.kind === 'escalated')).toBe(true);
      expect(r.updatedAt.getTime()).toBeLessThan(now.getTime());
    }
    expect(rows.some((r) => r.status !== 'closed' && r.dueAt! < now)).toBe(true);
    const letters = new Map((await t.db.select().from(mailboxMessage)).map((m) => [m.id, m]));
    const fromMailbox = rows.filter((r) => r.mailboxMessageId);
    expect(fromMailbox.length).toBeGreaterThan(0);
    for (const r of fromMailbox) {
      const letter = letters.get(r.mailboxMessageId!)!;
      expect(letter.urgent).toBe(true);
      expect([r.schoolId, r.createdAt > letter.createdAt]).toEqual([letter.schoolId, true]);
      if (r.childId) expect(r.childId).toBe(letter.childId);
    }
    const admin = await loginRole('school_admin');
    const list = await admin.get('/api/concerns?pageSize=50');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(rows.filter((r) => r.schoolId).length);
  });

  it('writes counseling sealed at rest, and a counselor reads it in the app as written', async () => {
    const sessions = await t.db.select().from(counselingSession);
    const levels = await t.db.select().from(childRiskLevel);
    expect(sessions.length).toBeGreaterThan(0);
    expect(levels.length).toBeGreaterThan(0);
    for (const s of sessions) {
      expect(s.notes.startsWith('v1:')).toBe(true);
      expect(s.presentingConcern.startsWith('v1:')).toBe(true);
    }
    for (const l of levels) expect(l.reason.startsWith('v1:')).toBe(true);
    const counselor = await loginRole('counselor');
    const res = await counselor.get(`/api/counseling-sessions/${sessions[0]!.id}`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(counselingThemes.some((th) => th.concern.includes(view.presentingConcern))).toBe(true);
    expect(counselingThemes.some((th) => th.notes.includes(view.notes))).toBe(true);
    const risk = await counselor.get(`/api/children/${levels[0]!.childId}/risk-level`);
    expect(risk.statusCode).toBe(200);
    expect(risk.json().current.reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it("opens every school's mailbox; letters sealed, urgent exactly when a danger word is in them, readable in the app", async () => {
    const boxes = await t.db.select().from(mailboxBox);
    const schools = await t.db.select().from(org).where(eq(org.kind, 'school'));
    expect(boxes.map((b) => b.schoolId).sort()).toEqual(schools.map((s) => s.id).sort());
    const messages = await t.db.select().from(mailboxMessage);
    expect(messages.length).toBeGreaterThan(2);
    expect(new Set(messages.map((m) => m.pickupCodeHash)).size).toBe(messages.length);
    for (const m of messages) {
      const box = boxes.find((b) => b.id === m.boxId)!;
      expect(m.schoolId).toBe(box.schoolId);
      const body = openText('body', m.bodyCipher);
      expect([...mailboxBodies, ...urgentMailboxBodies]).toContain(body);
      expect(m.urgent).toBe(matchDangerWords(body, defaultMailboxDangerWords).length > 0);
      if (m.replyCipher) expect(mailboxReplies).toContain(openText('reply', m.replyCipher));
      if (m.closedAt) expect(m.closedAt < now).toBe(true);
    }
    const urgent = messages.find((m) => m.urgent)!;
    const counselor = await loginRole('counselor');
    const res = await counselor.get(`/api/mailbox/messages/${urgent.id}`);
    expect(res.statusCode).toBe(200);
    expect(urgentMailboxBodies).toContain(res.json().body);
  });

  it('builds again every index it set aside while loading', async () => {
    const result = await t.db.execute<{ name: string }>(
      sql`select indexname as name from pg_indexes where tablename in ('care_record', 'child', 'audit_event')`,
    );
    const names = (result as unknown as { rows: { name: string }[] }).rows.map((r) => r.name);
    for (const name of [
      'care_record_timeline_idx',
      'care_record_author_idx',
      'child_name_trgm_idx',
      'audit_event_time_idx',
    ])
      expect(names).toContain(name);
  });

  it('gives each school its two term letters and sends them to the families of its classes', async () => {
    const kids = await children();
    const templates = await t.db.select().from(letterTemplate);
    for (const tpl of templates) expect(templateProblems(tpl)).toEqual([]);
    expect(templates.filter((tpl) => tpl.kind !== 'custom')).toHaveLength(2);
    const terms = new Map((await t.db.select().from(term)).map((x) => [x.id, x]));
    const rows = await t.db.select().from(letterDelivery);
    expect(rows.length).toBeGreaterThan(kids.size * 3);
    const seen = new Set<string>();
    for (const d of rows) {
      const c = kids.get(d.childId)!;
      expect([d.schoolId, d.classId]).toEqual([c.schoolId, c.classId]);
      const x = terms.get(d.termId)!;
      expect(d.sentOn >= x.startDate && d.sentOn <= x.endDate && d.sentOn < today).toBe(true);
      const key = `${d.childId}:${d.termId}:${d.letterKind}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    expect(new Set(rows.map((d) => d.letterKind))).toEqual(new Set(['term_start', 'term_end']));
  });
});
