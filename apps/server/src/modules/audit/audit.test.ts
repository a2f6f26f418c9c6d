import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildCountyTree, buildUser, type CountyTree, type UserFixture } from '../../test/factories';
import { auditEvent } from './audit.table';

let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
let countyAdminUser: UserFixture;
let countyAdmin: Client;
let schoolAdmin: Client;
let supervisor: Client;
let teacher: Client;
let otherCountyAdmin: Client;

interface AuditItem {
  id: string;
  occurredAt: string;
  event: string;
  actorId: string | null;
  actorName: string | null;
  orgId: string | null;
  orgName: string | null;
  targetId: string | null;
  diff: unknown;
}
const items = (res: { json(): { items: AuditItem[] } }) => res.json().items;

const term = (orgId: string, termNo: number) => ({
  orgId,
  schoolYear: '2026-2027',
  termNo,
  startDate: termNo === 1 ? '2026-09-01' : '2027-02-24',
  midDate: termNo === 1 ? '2026-11-09' : '2027-04-27',
  endDate: termNo === 1 ? '2027-01-22' : '2027-07-02',
});

let countyTermId: string;
let schoolTermId: string;
let otherCountyTermId: string;

/** Writes audit rows at chosen instants, as the application would (inserts only). */
async function insertRows(rows: { at: string; orgId: string; path: string; countyId: string; targetId: string }[]) {
  await t.db.insert(auditEvent).values(
    rows.map((r) => ({
      occurredAt: new Date(r.at),
      event: 'org.updated',
      orgId: r.orgId,
      orgPath: r.path,
      countyId: r.countyId,
      targetType: 'org',
      targetId: r.targetId,
      diff: { note: r.at },
    })),
  );
}

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '清水县');
  other = await buildCountyTree(t.db, '远山县');
  countyAdminUser = await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]);
  countyAdmin = await loginAs(t, countyAdminUser);
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  supervisor = await loginAs(t, await buildUser(t.db, [{ role: 'supervisor', org: tree.otherTownship }]));
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  otherCountyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: other.county }]));

  countyTermId = (await countyAdmin.post('/api/terms', term(tree.county.id, 1))).json().id;
  schoolTermId = (await schoolAdmin.post('/api/terms', term(tree.school.id, 1))).json().id;
  otherCountyTermId = (await otherCountyAdmin.post('/api/terms', term(other.county.id, 1))).json().id;
});
afterAll(() => t.close());

describe('GET /api/audit-events', () => {
  it('shows a county administrator the county’s rows, with actor and unit names, newest first', async () => {
    const res = await countyAdmin.get('/api/audit-events?pageSize=200');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ page: 1, pageSize: 200 });
    expect(body.total).toBe(body.items.length);
    const created = body.items.find((i: AuditItem) => i.targetId === countyTermId);
    expect(created).toMatchObject({
      event: 'term.created',
      actorId: countyAdminUser.id,
      actorName: `测试${countyAdminUser.username}`,
      orgId: tree.county.id,
      orgName: '清水县',
      targetType: 'term',
      actorRole: 'county_admin',
    });
    expect(body.items.map((i: AuditItem) => i.targetId)).toContain(schoolTermId);
    expect(body.items.map((i: AuditItem) => i.targetId)).not.toContain(otherCountyTermId);
    const times = body.items.map((i: AuditItem) => i.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('includes the county’s rows tied to no unit (sign-ins) for its administrator only', async () => {
    const mine = items(await countyAdmin.get(`/api/audit-events?event=auth.login&actorId=${countyAdminUser.id}`));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0]).toMatchObject({ orgId: null, orgName: null, actorId: countyAdminUser.id });
    const logins = items(await countyAdmin.get('/api/audit-events?event=auth.login&pageSize=200'));
    // Four users of this county signed in; the other county's administrator's sign-in is not here.
    expect(logins).toHaveLength(4);
    expect(items(await schoolAdmin.get('/api/audit-events?event=auth.login'))).toEqual([]);
    expect(items(await supervisor.get('/api/audit-events?event=auth.login'))).toEqual([]);
  });

  it('shows a school administrator their school’s rows only', async () => {
    const rows = items(await schoolAdmin.get('/api/audit-events?pageSize=200'));
    expect(rows.map((i) => i.targetId)).toContain(schoolTermId);
    expect(rows.map((i) => i.targetId)).not.toContain(countyTermId);
    for (const row of rows) expect(row.orgId).toBe(tree.school.id);
  });

  it('shows a supervisor the rows below their township only', async () => {
    const target = randomUUID();
    await insertRows([
      {
        at: '2026-05-01T02:00:00Z',
        orgId: tree.otherSchool.id,
        path: tree.otherSchool.path,
        countyId: tree.county.id,
        targetId: target,
      },
      {
        at: '2026-05-01T03:00:00Z',
        orgId: tree.school.id,
        path: tree.school.path,
        countyId: tree.county.id,
        targetId: target,
      },
    ]);
    const rows = items(await supervisor.get(`/api/audit-events?targetId=${target}`));
    expect(rows.map((r) => r.orgId)).toEqual([tree.otherSchool.id]);
    expect(rows[0]?.orgName).toBe('清水县乙镇小学');
  });

  it('filters by event, actor, target and unit subtree', async () => {
    const byEvent = items(await countyAdmin.get('/api/audit-events?event=term.created&pageSize=200'));
    expect(byEvent.map((i) => i.targetId).sort()).toEqual([countyTermId, schoolTermId].sort());
    const byTarget = items(await countyAdmin.get(`/api/audit-events?targetId=${schoolTermId}`));
    expect(byTarget).toHaveLength(1);
    const byActor = items(await countyAdmin.get(`/api/audit-events?actorId=${countyAdminUser.id}&pageSize=200`));
    expect(byActor.every((i) => i.actorId === countyAdminUser.id)).toBe(true);
    expect(byActor.map((i) => i.targetId)).toContain(countyTermId);
    const bySchool = items(await countyAdmin.get(`/api/audit-events?orgId=${tree.school.id}&pageSize=200`));
    expect(bySchool.map((i) => i.targetId)).toContain(schoolTermId);
    expect(bySchool.map((i) => i.targetId)).not.toContain(countyTermId);
    const byTownship = items(await countyAdmin.get(`/api/audit-events?orgId=${tree.township.id}&event=term.created`));
    expect(byTownship.map((i) => i.targetId)).toEqual([schoolTermId]);
  });

  it('reads from/to as whole days in China time', async () => {
    const target = randomUUID();
    const at = { orgId: tree.school.id, path: tree.school.path, countyId: tree.county.id, targetId: target };
    await insertRows([
      { ...at, at: '2026-03-09T16:00:00Z' }, // 2026-03-10 00:00 in China
      { ...at, at: '2026-03-10T15:59:59Z' }, // 2026-03-10 23:59:59
      { ...at, at: '2026-03-10T16:00:00Z' }, // 2026-03-11 00:00
    ]);
    const notes = async (query: string) =>
      items(await countyAdmin.get(`/api/audit-events?targetId=${target}&${query}`)).map(
        (i) => (i.diff as { note: string }).note,
      );
    expect(await notes('from=2026-03-10&to=2026-03-10')).toEqual(['2026-03-10T15:59:59Z', '2026-03-09T16:00:00Z']);
    expect(await notes('from=2026-03-11')).toEqual(['2026-03-10T16:00:00Z']);
    expect(await notes('to=2026-03-09')).toEqual([]);
  });

  it('pages with a total', async () => {
    const target = randomUUID();
    const at = { orgId: tree.classA.id, path: tree.classA.path, countyId: tree.county.id, targetId: target };
    await insertRows([1, 2, 3, 4, 5].map((n) => ({ ...at, at: `2026-04-0${n}T08:00:00Z` })));
    const page1 = (await countyAdmin.get(`/api/audit-events?targetId=${target}&pageSize=2`)).json();
    expect(page1).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(page1.items.map((i: AuditItem) => i.occurredAt)).toEqual([
      '2026-04-05T08:00:00.000Z',
      '2026-04-04T08:00:00.000Z',
    ]);
    const page3 = (await countyAdmin.get(`/api/audit-events?targetId=${target}&pageSize=2&page=3`)).json();
    expect(page3.items.map((i: AuditItem) => i.occurredAt)).toEqual(['2026-04-01T08:00:00.000Z']);
    expect(page3.total).toBe(5);
  });

  it('answers 404 when filtering by a unit outside the caller’s audit scope', async () => {
    expect((await countyAdmin.get(`/api/audit-events?orgId=${other.county.id}`)).statusCode).toBe(404);
    expect((await schoolAdmin.get(`/api/audit-events?orgId=${tree.otherSchool.id}`)).statusCode).toBe(404);
    expect((await schoolAdmin.get(`/api/audit-events?orgId=${tree.county.id}`)).statusCode).toBe(404);
    expect((await countyAdmin.get(`/api/audit-events?orgId=${randomUUID()}`)).statusCode).toBe(404);
  });

  it('validates the query and names the field', async () => {
    const cases: [string, string][] = [
      ['event=no.such_event', 'querystring.event'],
      ['pageSize=500', 'querystring.pageSize'],
      ['page=0', 'querystring.page'],
      ['from=2026-02-30', 'querystring.from'],
      ['actorId=me', 'querystring.actorId'],
    ];
    for (const [query, field] of cases) {
      const res = await countyAdmin.get(`/api/audit-events?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.details[0].field, query).toBe(field);
    }
  });

  it('refuses anonymous callers (401) and roles without audit.read (403)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/audit-events' })).statusCode).toBe(401);
    const res = await teacher.get('/api/audit-events');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('offers no way to change or remove rows through the API', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await countyAdmin.request(method, '/api/audit-events', {});
      expect(res.statusCode, method).toBe(404);
    }
    const one = items(await countyAdmin.get('/api/audit-events?pageSize=1'))[0]!;
    expect((await countyAdmin.request('DELETE', `/api/audit-events/${one.id}`, {})).statusCode).toBe(404);
  });
});

describe('audit_event in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, whoever asks', async () => {
    const [row] = await t.db.select({ id: auditEvent.id }).from(auditEvent).limit(1);
    expect(row).toBeDefined();
    await expect(
      t.db.update(auditEvent).set({ event: 'tampered' }).where(eq(auditEvent.id, row!.id)),
    ).rejects.toThrow();
    await expect(t.db.delete(auditEvent).where(eq(auditEvent.id, row!.id))).rejects.toThrow();
    await expect(t.db.execute(sql`truncate audit_event`)).rejects.toThrow();
    for (const statement of [sql`update audit_event set event = 'tampered'`, sql`delete from audit_event`]) {
      const error = await t.db.execute(statement).catch((e: unknown) => e);
      const messages = `${(error as Error).message} ${((error as Error).cause as Error | undefined)?.message}`;
      expect(messages).toContain('audit_event is append-only');
    }
    const [still] = await t.db.select().from(auditEvent).where(eq(auditEvent.id, row!.id));
    expect(still?.event).not.toBe('tampered');
    const [count] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditEvent);
    expect(count?.n).toBeGreaterThan(0);
  });

  it('still accepts new rows', async () => {
    await insertRows([
      {
        at: new Date().toISOString(),
        orgId: tree.county.id,
        path: tree.county.path,
        countyId: tree.county.id,
        targetId: randomUUID(),
      },
    ]);
  });
});
