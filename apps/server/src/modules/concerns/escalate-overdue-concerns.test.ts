import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type ChildFixture } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';
import { concern, concernEvent } from './concerns.table';
import { escalateOverdueConcerns } from './escalate-overdue-concerns';

let t: TestApp;
let teacher: Client;
let schoolAdmin: Client;
let supervisor: Client;
let otherSupervisor: Client;
let kid: ChildFixture;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await buildTestApp();
  const tree = await buildCountyTree(t.db, '督办县');
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  supervisor = await loginAs(t, await buildUser(t.db, [{ role: 'supervisor', org: tree.township }]));
  otherSupervisor = await loginAs(t, await buildUser(t.db, [{ role: 'supervisor', org: tree.otherTownship }]));
  kid = await buildChild(t.db, { class: tree.classA });
});
afterAll(() => t.close());

const raise = async () => {
  const res = await teacher.post('/api/concerns', {
    childId: kid.id,
    category: 'guardian_failing',
    severity: 'serious',
    description: '监护人长期酗酒，孩子常饿着肚子上学',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; createdAt: string };
};

const eventsOf = (id: string) =>
  t.db
    .select()
    .from(concernEvent)
    .where(and(eq(concernEvent.concernId, id), eq(concernEvent.kind, 'escalated')));

describe('escalating overdue concerns', () => {
  it('an unacknowledged concern escalates to the township supervisor once its 24 hours pass', async () => {
    const { id, createdAt } = await raise();
    const raised = Date.parse(createdAt);
    const actionable = async (client: Client) =>
      (await client.get('/api/concerns?actionable=true')).json().items.map((c: { id: string }) => c.id);
    expect(await actionable(supervisor)).not.toContain(id);

    expect(await escalateOverdueConcerns(t.db, new Date(raised + 23 * HOUR))).toBe(0);
    expect(await eventsOf(id)).toHaveLength(0);

    const at = new Date(raised + 25 * HOUR);
    expect(await escalateOverdueConcerns(t.db, at)).toBe(1);
    const [event] = await eventsOf(id);
    expect(event).toMatchObject({ actorId: null, status: 'reported' });
    expect(event!.at.getTime()).toBe(at.getTime());
    const [row] = await t.db.select().from(concern).where(eq(concern.id, id));
    expect(row!.escalatedAt!.getTime()).toBe(at.getTime());
    const audits = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'concern.escalated'), eq(auditEvent.targetId, id)));
    expect(audits).toHaveLength(1);

    // Flagged on the supervisor's list, and the view shows it; not on another township's.
    expect(await actionable(supervisor)).toContain(id);
    expect(await actionable(otherSupervisor)).not.toContain(id);
    const view = (await supervisor.get(`/api/concerns/${id}`)).json();
    expect(view.escalatedAt).toBe(at.toISOString());
    expect(view.events.map((e: { kind: string }) => e.kind)).toEqual(['reported', 'escalated']);

    // Once per step.
    expect(await escalateOverdueConcerns(t.db, new Date(raised + 48 * HOUR))).toBe(0);
    expect(await eventsOf(id)).toHaveLength(1);
  });

  it('the next step escalates again when it too is late; a concern on time never does', async () => {
    const late = await raise();
    const onTime = await raise();
    const ack = await schoolAdmin.post(`/api/concerns/${late.id}/acknowledge`, { version: 1 });
    expect(ack.statusCode).toBe(200);
    const acknowledgedAt = Date.parse(ack.json().acknowledgedAt);
    const count = await escalateOverdueConcerns(t.db, new Date(acknowledgedAt + 25 * HOUR));
    // The first concern (from the test above) is still reported and escalated already; onTime is now
    // past its 24 hours too (raised just now, checked 25 hours later), so it escalates as well.
    expect(count).toBe(2);
    expect((await eventsOf(late.id)).map((e) => e.status)).toEqual(['acknowledged']);
    expect(await eventsOf(onTime.id)).toHaveLength(1);

    const fresh = await raise();
    expect(await escalateOverdueConcerns(t.db, new Date(Date.parse(fresh.createdAt) + HOUR))).toBe(0);
    expect(await eventsOf(fresh.id)).toHaveLength(0);
  });

  it('a closed concern never escalates', async () => {
    const c = await raise();
    await schoolAdmin.post(`/api/concerns/${c.id}/acknowledge`, { version: 1 });
    expect(
      (await schoolAdmin.post(`/api/concerns/${c.id}/close`, { version: 2, note: '误报，已核实' })).statusCode,
    ).toBe(200);
    await escalateOverdueConcerns(t.db, new Date(Date.now() + 365 * 24 * HOUR));
    expect(await eventsOf(c.id)).toHaveLength(0);
  });
});
