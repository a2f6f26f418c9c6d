import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultPairingCapacity, isValidIdNumber, leftBehindCategories, roles } from '@shouwang/shared';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../modules/audit/audit.table';
import { careRecord } from '../modules/care-records/care-records.table';
import { child, childCategory } from '../modules/children/children.table';
import { guardian } from '../modules/children/guardians.table';
import { revealIdNumber } from '../modules/children/id-number-hash';
import { parent } from '../modules/children/parents.table';
import { org } from '../modules/orgs/orgs.table';
import { pairing } from '../modules/pairings/pairings.table';
import { term } from '../modules/terms/terms.table';
import { appUser, roleAssignment } from '../modules/users/users.table';
import { buildTestApp, loginAs, type TestApp } from '../test/app';
import { readDemoPassword } from './demo-logins';
import { DEMO_COUNTY_NAME, SEED_SCHOOL } from './demo-plan';
import { type LoadDemoResult, loadDemoIfNeeded } from './load-demo';

let t: TestApp;
let dataDir: string;
let first: LoadDemoResult;
let printed: string[];

const count = async (
  table:
    | typeof org
    | typeof appUser
    | typeof roleAssignment
    | typeof term
    | typeof child
    | typeof parent
    | typeof guardian
    | typeof pairing
    | typeof careRecord,
) => {
  const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row!.n;
};
const counts = async () => ({
  orgs: await count(org),
  users: await count(appUser),
  roles: await count(roleAssignment),
  terms: await count(term),
  children: await count(child),
  parents: await count(parent),
  guardians: await count(guardian),
  pairings: await count(pairing),
  careRecords: await count(careRecord),
});
const seedSchoolId = async () => {
  const [school] = await t.db
    .select({ id: org.id })
    .from(org)
    .where(and(eq(org.name, SEED_SCHOOL.name), eq(org.kind, 'school')));
  return school!.id;
};

beforeAll(async () => {
  t = await buildTestApp();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-demo-test-'));
  printed = [];
  first = await loadDemoIfNeeded(t.db, dataDir, {
    now: new Date('2026-11-28T10:00:00Z'),
    log: (line) => printed.push(line),
  });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('loadDemoIfNeeded on an empty database', () => {
  it('creates the county with two townships, villages, schools and classes', async () => {
    expect(first.created).toBe(true);
    const units = await t.db.select().from(org).where(eq(org.countyId, first.countyId));
    const byKind = (kind: string) => units.filter((u) => u.kind === kind);
    expect(byKind('county').map((u) => u.name)).toEqual([DEMO_COUNTY_NAME]);
    expect(byKind('township')).toHaveLength(2);
    expect(byKind('village').length).toBeGreaterThanOrEqual(6);
    expect(byKind('school').length).toBeGreaterThanOrEqual(4);
    // The org path convention: the parent's path plus the own id.
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units) {
      const expected = u.parentId ? `${byId.get(u.parentId)!.path}${u.id}/` : `${u.id}/`;
      expect(u.path).toBe(expected);
    }
    // Every school's student count is the sum of its classes'.
    for (const school of byKind('school')) {
      const classes = units.filter((u) => u.parentId === school.id);
      expect(classes.length).toBeGreaterThan(0);
      expect(school.studentCount).toBe(classes.reduce((a, c) => a + c.studentCount!, 0));
    }
  });

  it('mirrors the seed report: a school of 185 students over six classes', async () => {
    const [school] = await t.db
      .select()
      .from(org)
      .where(and(eq(org.name, SEED_SCHOOL.name), eq(org.kind, 'school')));
    expect(school!.studentCount).toBe(185);
    const classes = await t.db.select().from(org).where(eq(org.parentId, school!.id));
    expect(classes.map((c) => c.name).sort()).toEqual(
      ['一年级1班', '二年级1班', '三年级1班', '四年级1班', '五年级1班', '六年级1班'].sort(),
    );
    expect(classes.reduce((a, c) => a + c.studentCount!, 0)).toBe(185);
    for (const c of classes) expect(c.studentCount).toBeGreaterThan(20);
  });

  it('has every role, and a class teacher for every class', async () => {
    const assignments = await t.db
      .select({ role: roleAssignment.role, orgId: roleAssignment.orgId })
      .from(roleAssignment);
    expect(new Set(assignments.map((a) => a.role))).toEqual(new Set(roles));
    const classes = await t.db.select({ id: org.id }).from(org).where(eq(org.kind, 'class'));
    const taught = new Set(assignments.filter((a) => a.role === 'class_teacher').map((a) => a.orgId));
    for (const c of classes) expect(taught.has(c.id)).toBe(true);
  });

  it('gives all accounts one hash, no forced password change, Chinese display names', async () => {
    const users = await t.db.select().from(appUser);
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(1);
    for (const u of users) {
      expect(u.mustChangePassword).toBe(false);
      expect(u.countyId).toBe(first.countyId);
      expect(u.username).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
      expect(u.displayName).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    }
    expect(new Set(users.map((u) => u.displayName)).size).toBe(users.length);
  });

  it('sets the county terms of the current school year and one school override', async () => {
    const rows = await t.db.select().from(term);
    const county = rows.filter((r) => r.orgId === first.countyId).sort((a, b) => a.termNo - b.termNo);
    expect(county.map((r) => [r.schoolYear, r.termNo, r.startDate, r.midDate, r.endDate])).toEqual([
      ['2026-2027', 1, '2026-09-01', '2026-11-09', '2027-01-20'],
      ['2026-2027', 2, '2027-02-24', '2027-04-26', '2027-07-05'],
    ]);
    const overrides = rows.filter((r) => r.orgId !== first.countyId);
    expect(overrides).toHaveLength(1);
    const [school] = await t.db.select().from(org).where(eq(org.id, overrides[0]!.orgId));
    expect(school!.kind).toBe('school');
  });

  it('records one system.demo_loaded audit event', async () => {
    const rows = await t.db.select().from(auditEvent).where(eq(auditEvent.event, 'system.demo_loaded'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.countyId).toBe(first.countyId);
  });

  it('keeps the password in the data folder and prints a login table', () => {
    expect(readDemoPassword(path.join(dataDir, 'demo-logins.txt'))).toBe(first.password);
    const text = printed.join('\n');
    expect(text).toContain('xian.admin');
    expect(text).toContain('班主任 Class teacher');
    expect(text).toContain(first.password);
    // The file lists every account, the console the class teachers of the seed school only.
    const file = fs.readFileSync(first.loginsFile, 'utf8');
    for (const l of first.logins) expect(file).toContain(l.username);
    expect(text).not.toContain('banzhuren.sqxx.1-1');
  });
});

describe('the seed school’s left-behind children', () => {
  it('has exactly its 12 children, all left-behind, spread over its classes, with valid ID numbers', async () => {
    const schoolId = await seedSchoolId();
    const rows = await t.db.select().from(child).where(eq(child.schoolId, schoolId));
    expect(rows).toHaveLength(SEED_SCHOOL.leftBehindChildren);
    expect(await count(child)).toBe(SEED_SCHOOL.leftBehindChildren);
    expect(new Set(rows.map((r) => r.classId)).size).toBe(6);
    const categories = await t.db.select().from(childCategory);
    for (const r of rows) {
      expect(categories.some((c) => c.childId === r.id && leftBehindCategories.includes(c.category))).toBe(true);
      expect(r.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      expect(r.enrollmentStatus).toBe('enrolled');
      const id = revealIdNumber(r.idNumber)!;
      expect(isValidIdNumber(id, '2026-11-28')).toBe(true);
      expect(id.slice(6, 14)).toBe(r.birthDate!.replaceAll('-', ''));
      expect(r.idNumberLast4).toBe(id.slice(-4));
    }
    expect(rows.filter((r) => r.careLevel === 'special')).toHaveLength(1);
    expect(rows.filter((r) => r.careLevel === 'key')).toHaveLength(2);
    // Something for the archive's completeness filter and the entrustment list to show.
    expect(rows.filter((r) => !r.archiveComplete).length).toBeGreaterThan(0);
    const guardians = await t.db.select().from(guardian);
    expect(guardians).toHaveLength(12);
    const signed = guardians.filter((g) => g.entrustmentSignedOn).length;
    expect(signed).toBeGreaterThan(6);
    expect(signed).toBeLessThan(12);
    const parents = await t.db.select().from(parent);
    expect(parents.filter((p) => p.unreachable)).toHaveLength(1);
    for (const p of parents) if (p.idNumber) expect(p.idNumber).toMatch(/^v1:/);
  });

  it('stores no ID number in plain text', async () => {
    const rows = await t.db.select({ idNumber: child.idNumber }).from(child);
    for (const r of rows) {
      expect(r.idNumber).not.toBeNull();
      expect(/^\d{17}[\dX]$/.test(r.idNumber!) && isValidIdNumber(r.idNumber!)).toBe(false);
    }
  });

  it('pairs children within each helper’s capacity and leaves some for the pairing board', async () => {
    const rows = await t.db
      .select({ kind: pairing.kind, username: appUser.username, childId: pairing.childId })
      .from(pairing)
      .innerJoin(appUser, eq(appUser.id, pairing.helperUserId));
    const load = new Map<string, number>();
    for (const r of rows) load.set(`${r.kind}:${r.username}`, (load.get(`${r.kind}:${r.username}`) ?? 0) + 1);
    for (const [key, n] of load) {
      const kind = key.split(':')[0] as keyof typeof defaultPairingCapacity;
      expect(n).toBeLessThanOrEqual(defaultPairingCapacity[kind]);
    }
    expect(rows.filter((r) => r.kind === 'mentor_teacher').map((r) => r.username)).toHaveLength(6);
    for (const r of rows.filter((r) => r.kind === 'mentor_teacher')) expect(r.username).toMatch(/^bangfu\.hnxx\./);
    expect(rows.filter((r) => r.kind === 'proxy_parent').map((r) => r.username)).toEqual([
      'zhiyuan.huangni',
      'zhiyuan.huangni',
    ]);
    expect(new Set(rows.map((r) => r.childId)).size).toBe(rows.length);
    expect(rows.length).toBeLessThan(12);
  });

  it('has a few care records of this term, none in the future', async () => {
    const rows = await t.db.select().from(careRecord);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.filter((r) => r.kind === 'home_visit')).toHaveLength(1);
    for (const r of rows) {
      expect(r.occurredOn >= '2026-09-01' && r.occurredOn <= '2026-11-28').toBe(true);
    }
  });

  it('shows a class teacher of the seed school only their class’s children', async () => {
    const password = readDemoPassword(path.join(dataDir, 'demo-logins.txt'))!;
    const teacher = await loginAs(t, { username: 'banzhuren.hnxx.5-1', password });
    const res = await teacher.get('/api/children');
    expect(res.statusCode).toBe(200);
    const items: { id: string }[] = res.json().items;
    const [cls] = await t.db
      .select({ id: org.id })
      .from(org)
      .where(and(eq(org.name, '五年级1班'), eq(org.parentId, await seedSchoolId())));
    const expected = await t.db.select({ id: child.id }).from(child).where(eq(child.classId, cls!.id));
    expect(expected.length).toBeGreaterThan(0);
    expect(items.map((i) => i.id).sort()).toEqual(expected.map((e) => e.id).sort());
  });
});

describe('loadDemoIfNeeded on a database that holds the demo', () => {
  it('creates nothing the second time and prints the same password', async () => {
    const before = await counts();
    const again = await loadDemoIfNeeded(t.db, dataDir, { log: () => {} });
    expect(again.created).toBe(false);
    expect(again.passwordReset).toBe(false);
    expect(again.password).toBe(first.password);
    expect(again.countyId).toBe(first.countyId);
    expect(again.logins).toEqual(first.logins);
    expect(await counts()).toEqual(before);
  });
});

describe('demo logins over HTTP', () => {
  it('lets a class teacher sign in and see only their class and its ancestors', async () => {
    const password = readDemoPassword(path.join(dataDir, 'demo-logins.txt'))!;
    const teacher = await loginAs(t, { username: 'banzhuren.hnxx.1-1', password });
    const res = await teacher.get('/api/orgs');
    expect(res.statusCode).toBe(200);
    const items: { id: string; kind: string; name: string }[] = res.json().items;
    const [cls] = await t.db
      .select()
      .from(org)
      .where(
        and(
          eq(org.name, '一年级1班'),
          inArray(org.parentId, t.db.select({ id: org.id }).from(org).where(eq(org.name, SEED_SCHOOL.name))),
        ),
      );
    const expected = cls!.path.split('/').filter(Boolean);
    expect(items.map((i) => i.id).sort()).toEqual(expected.sort());
    expect(items.map((i) => i.kind).sort()).toEqual(['class', 'county', 'school', 'township']);
  });

  it('lets the county administrator see the whole county', async () => {
    const admin = await loginAs(t, { username: 'xian.admin', password: first.password });
    const res = await admin.get('/api/orgs');
    expect(res.json().items).toHaveLength(await count(org));
  });
});

describe('a demo whose password file is lost', () => {
  it('gives the demo accounts a new password and writes it down', async () => {
    fs.rmSync(path.join(dataDir, 'demo-logins.txt'));
    const before = await counts();
    const reset = await loadDemoIfNeeded(t.db, dataDir, { log: () => {} });
    expect(reset.passwordReset).toBe(true);
    expect(reset.password).not.toBe(first.password);
    expect(readDemoPassword(path.join(dataDir, 'demo-logins.txt'))).toBe(reset.password);
    expect(await counts()).toEqual(before);
    const [{ n }] = (await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'user.password_reset'), isNull(auditEvent.actorId)))) as [{ n: number }];
    expect(n).toBe(before.users);
    await loginAs(t, { username: 'xinli.hnxx', password: reset.password });
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'xinli.hnxx', password: first.password },
    });
    expect(old.statusCode).toBe(401);
  });
});
