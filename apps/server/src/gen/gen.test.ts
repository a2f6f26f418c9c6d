import { careRecordDetailSchemas, defaultCareRules, leftBehindCategories, screenHealthCheck } from '@shouwang/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, activityParticipation } from '../modules/activities/activities.table';
import { careRecord } from '../modules/care-records/care-records.table';
import { careRule, careSetting } from '../modules/care-rules/care-rules.table';
import { child, childCategory } from '../modules/children/children.table';
import { guardian, guardianEntrustment } from '../modules/children/guardians.table';
import { parent } from '../modules/children/parents.table';
import { refreshCompleteness } from '../modules/children/use-cases/refresh-completeness';
import { healthCheck } from '../modules/health-checks/health-checks.table';
import { org } from '../modules/orgs/orgs.table';
import { helperEligible } from '../modules/pairings/pairings.policy';
import { pairing } from '../modules/pairings/pairings.table';
import { term } from '../modules/terms/terms.table';
import { appUser, roleAssignment } from '../modules/users/users.table';
import { buildTestApp, loginAs, type TestApp } from '../test/app';
import { createTestDatabase } from '../test/db';
import { BENCH_PASSWORD } from './bench-users';
import { GenerateRefusal, type GenerateResult, generate } from './generate';

const now = new Date('2026-11-28T10:00:00+08:00');
let t: TestApp;
let result: GenerateResult;

beforeAll(async () => {
  t = await buildTestApp();
  result = await generate(t.database, { scale: 'small', now });
});
afterAll(() => t.close());

describe('the generator at small scale', () => {
  it('builds a tree whose every parent exists and whose paths follow the convention', async () => {
    const units = await t.db.select().from(org);
    const byId = new Map(units.map((u) => [u.id, u]));
    const county = units.filter((u) => u.kind === 'county');
    expect(county).toHaveLength(1);
    for (const u of units) {
      expect(u.countyId).toBe(county[0]!.id);
      if (u.parentId === null) {
        expect(u.path).toBe(`${u.id}/`);
        continue;
      }
      const up = byId.get(u.parentId);
      expect(up, `parent of ${u.name}`).toBeDefined();
      expect(u.path).toBe(`${up!.path}${u.id}/`);
    }
  });

  it('mirrors the seed report: one school of 185 students in six classes with 12 left-behind children', async () => {
    const schools = await t.db.select().from(org).where(eq(org.kind, 'school'));
    expect(schools).toHaveLength(1);
    const school = schools[0]!;
    expect(school.name).toBe('黄泥村小学');
    expect(school.studentCount).toBe(185);
    const classes = await t.db.select().from(org).where(eq(org.parentId, school.id));
    expect(classes).toHaveLength(6);
    expect(classes.reduce((sum, c) => sum + c.studentCount!, 0)).toBe(185);

    const [{ n }] = (await t.db
      .select({ n: sql<number>`count(distinct ${child.id})::int` })
      .from(child)
      .innerJoin(childCategory, eq(childCategory.childId, child.id))
      .where(
        and(
          eq(child.schoolId, school.id),
          isNull(child.deletedAt),
          isNull(childCategory.endDate),
          sql`${childCategory.category} in ${leftBehindCategories}`,
        ),
      )) as [{ n: number }];
    expect(n).toBe(12);
  });

  it('gives every role assignment an existing user and unit of the right kind, and every role a holder', async () => {
    const rows = await t.db
      .select({ role: roleAssignment.role, kind: org.kind, user: appUser.id })
      .from(roleAssignment)
      .leftJoin(org, eq(org.id, roleAssignment.orgId))
      .leftJoin(appUser, eq(appUser.id, roleAssignment.userId));
    for (const r of rows) {
      expect(r.kind).not.toBeNull();
      expect(r.user).not.toBeNull();
    }
    expect(new Set(rows.map((r) => r.role)).size).toBe(7);
    const users = await t.db.select().from(appUser);
    expect(users).toHaveLength(19);
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(1);
    for (const u of users) {
      expect(u.username).toMatch(/^[a-z0-9]+$/);
      expect(u.displayName).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      expect(u.mustChangePassword).toBe(false);
    }
    expect(await t.db.select().from(term)).toHaveLength(4);
  });

  it('files every child at an existing school, class of that school and village, with matching paths', async () => {
    const units = new Map((await t.db.select().from(org)).map((u) => [u.id, u]));
    const children = await t.db.select().from(child);
    expect(children).toHaveLength(15);
    for (const c of children) {
      const village = units.get(c.villageId!);
      expect(village?.kind).toBe('village');
      expect(c.villagePath).toBe(village!.path);
      if (c.schoolId) {
        const school = units.get(c.schoolId)!;
        const cls = c.classId ? units.get(c.classId)! : undefined;
        expect(school.kind).toBe('school');
        if (cls) {
          expect(cls.parentId).toBe(school.id);
          expect(c.schoolPath).toBe(cls.path);
        } else expect(c.schoolPath).toBe(school.path);
      }
      expect(c.countyId).toBe(village!.countyId);
      expect(c.namePinyin).toMatch(/^[a-z]+( [a-z]+)+$/);
    }
    const childIds = new Set(children.map((c) => c.id));
    for (const table of [parent, guardian, childCategory]) {
      const rows = await t.db.select({ childId: table.childId }).from(table);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(childIds.has(r.childId)).toBe(true);
    }
    const entrustments = await t.db.select().from(guardianEntrustment);
    const guardians = new Map((await t.db.select().from(guardian)).map((g) => [g.id, g]));
    for (const e of entrustments) expect(guardians.get(e.guardianId)?.entrustmentId).toBe(e.id);
  });

  it("stores no ID number in plain text, the children's nor their parents'", async () => {
    const plain = /^\d{17}[\dX]$/;
    const stored = [
      ...(await t.db.select({ id: child.idNumber }).from(child)),
      ...(await t.db.select({ id: parent.idNumber }).from(parent)),
    ].flatMap((r) => (r.id ? [r.id] : []));
    expect(stored.length).toBeGreaterThan(0);
    for (const value of stored) expect(value).not.toMatch(plain);
  });

  it('derives completeness exactly as the children module does', async () => {
    const before = await t.db
      .select({ id: child.id, complete: child.archiveComplete, missing: child.archiveMissing })
      .from(child);
    for (const c of before) await refreshCompleteness(t.db, c.id);
    const after = await t.db
      .select({ id: child.id, complete: child.archiveComplete, missing: child.archiveMissing })
      .from(child);
    expect(after.sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.sort((a, b) => a.id.localeCompare(b.id)));
  });

  it("keeps each child's categories in force on the child (open_categories), as the lists read them", async () => {
    const open = await t.db
      .select({ childId: childCategory.childId, category: childCategory.category })
      .from(childCategory)
      .where(isNull(childCategory.endDate));
    const expected = new Map<string, string[]>();
    for (const o of open) expected.set(o.childId, [...(expected.get(o.childId) ?? []), o.category].sort());
    const children = await t.db.select({ id: child.id, openCategories: child.openCategories }).from(child);
    expect(children.filter((c) => c.openCategories.length > 0).length).toBeGreaterThan(0);
    for (const c of children) expect(c.openCategories, c.id).toEqual(expected.get(c.id) ?? []);
  });

  it('writes logins that work: the class teacher signs in with the bench password and sees their class', async () => {
    const { logins, samples } = result.benchUsers;
    const teacher = await loginAs(t, { username: logins.classTeacher!.username, password: BENCH_PASSWORD });
    const res = await teacher.get('/api/children?pageSize=100');
    expect(res.statusCode).toBe(200);
    const items: { class: { id: string } | null }[] = res.json().items;
    expect(items.length).toBe(samples.class.children);
    for (const item of items) expect(item.class?.id).toBe(samples.class.id);
    const admin = await loginAs(t, { username: logins.countyAdmin!.username, password: BENCH_PASSWORD });
    expect((await admin.get('/api/children')).json().total).toBe(
      result.world.children.filter((c) => !c.deleted).length,
    );
  });

  it('pairs left-behind children with helpers the pairing rules accept, a few left unpaired', async () => {
    const units = new Map((await t.db.select().from(org)).map((u) => [u.id, u]));
    const children = new Map((await t.db.select().from(child)).map((c) => [c.id, c]));
    const assignments = await t.db.select().from(roleAssignment);
    const rows = await t.db.select().from(pairing);
    expect(rows.length).toBeGreaterThan(0);
    for (const p of rows) {
      const c = children.get(p.childId)!;
      expect(c, 'paired child').toBeDefined();
      expect(p.countyId).toBe(c.countyId);
      expect(p.schoolId).toBe(c.schoolId);
      if (p.endDate) expect(p.endDate >= p.startDate).toBe(true);
      const held = assignments
        .filter((a) => a.userId === p.helperUserId)
        .map((a) => ({ role: a.role, orgKind: units.get(a.orgId)!.kind, orgPath: units.get(a.orgId)!.path }));
      expect(helperEligible(p.kind, held, c), `${p.kind} of ${c.name}`).toBe(true);
    }
    const mentored = new Set(rows.filter((p) => p.kind === 'mentor_teacher' && !p.endDate).map((p) => p.childId));
    const leftBehind = result.world.children.filter((c) => c.leftBehind && !c.deleted && c.schoolId);
    expect(mentored.size).toBeGreaterThanOrEqual(Math.floor(leftBehind.length * 0.95));
    expect(rows.some((p) => p.kind === 'proxy_parent' || p.kind === 'holiday_tutor')).toBe(true);
  });

  it('writes care records for existing children by existing staff, placed like the child, with valid details', async () => {
    const children = new Map((await t.db.select().from(child)).map((c) => [c.id, c]));
    const users = new Set((await t.db.select({ id: appUser.id }).from(appUser)).map((u) => u.id));
    const rows = await t.db.select().from(careRecord);
    const today = '2026-11-28';
    const perChild = new Map<string, number>();
    for (const r of rows) {
      const c = children.get(r.childId)!;
      expect(c, 'child of a record').toBeDefined();
      expect(c.deletedAt).toBeNull();
      expect(users.has(r.authorId)).toBe(true);
      expect([r.countyId, r.schoolId, r.classId]).toEqual([c.countyId, c.schoolId, c.classId]);
      expect(r.occurredOn < today).toBe(true);
      expect(careRecordDetailSchemas[r.kind].safeParse(r.details).success, `${r.kind} details`).toBe(true);
      if (r.followUpNeeded) expect(r.followUpOn! >= r.occurredOn).toBe(true);
      else expect(r.followUpOn).toBeNull();
      perChild.set(r.childId, (perChild.get(r.childId) ?? 0) + 1);
    }
    const leftBehind = result.world.children.filter((c) => c.leftBehind && !c.deleted);
    const mean = leftBehind.reduce((n, c) => n + (perChild.get(c.id) ?? 0), 0) / leftBehind.length;
    // About 55 a year each (≈2,000,000 for a county's 36,000 left-behind children).
    expect(mean).toBeGreaterThan(35);
    expect(mean).toBeLessThan(80);
    expect(new Set(rows.map((r) => r.kind)).size).toBeGreaterThanOrEqual(7);
  });

  it("gives every school its care settings and the module's default rules", async () => {
    expect(await t.db.select().from(careSetting)).toHaveLength(1);
    expect(await t.db.select().from(careRule)).toHaveLength(defaultCareRules.length);
  });

  it('writes health checks of children in their class, screened as the module screens them', async () => {
    const children = new Map((await t.db.select().from(child)).map((c) => [c.id, c]));
    const rows = await t.db.select().from(healthCheck);
    expect(rows.length).toBeGreaterThan(children.size);
    for (const r of rows) {
      const c = children.get(r.childId)!;
      expect(c, 'child of a check').toBeDefined();
      expect([r.schoolId, r.classId]).toEqual([c.schoolId, c.classId]);
      const again = screenHealthCheck({ ...r, sex: c.sex, birthDate: c.birthDate });
      expect({ bmi: r.bmi, ageMonths: r.ageMonths, flags: r.flags, growthScreened: r.growthScreened }).toEqual(again);
    }
  });

  it('holds activities at existing units, their paths copied, with participants of the unit', async () => {
    const units = new Map((await t.db.select().from(org)).map((u) => [u.id, u]));
    const children = new Map((await t.db.select().from(child)).map((c) => [c.id, c]));
    const activities = new Map((await t.db.select().from(activity)).map((a) => [a.id, a]));
    expect(activities.size).toBeGreaterThan(0);
    for (const a of activities.values()) expect(a.orgPath).toBe(units.get(a.orgId)!.path);
    const rows = await t.db.select().from(activityParticipation);
    expect(rows.length).toBeGreaterThan(0);
    for (const p of rows) {
      const a = activities.get(p.activityId)!;
      const c = children.get(p.childId)!;
      expect(p.schoolId).toBe(c.schoolId);
      expect((c.schoolPath ?? c.villagePath)!.startsWith(a.orgPath)).toBe(true);
    }
  });

  it('refuses a database that already holds units', async () => {
    await expect(generate(t.database, { scale: 'small', now })).rejects.toBeInstanceOf(GenerateRefusal);
  });

  it('is deterministic: the same seed gives the same county, ids and names', async () => {
    const other = await createTestDatabase();
    try {
      const again = await generate(other, { scale: 'small', now });
      expect(again.world).toEqual(result.world);
      expect(again.benchUsers).toEqual({ ...result.benchUsers });
    } finally {
      await other.close();
    }
  });
});
