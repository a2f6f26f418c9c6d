import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, clientFor, loginAs, sessionCookie, type TestApp } from '../../test/app';
import { buildCountyTree, buildUser, type CountyTree, type UserFixture } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';
import { encryptTotpSecret, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpFor } from '../auth/totp';
import { appUser, session } from './users.table';

/** Puts a confirmed authenticator on the account directly (enrolment itself is proved in totp.test.ts). */
async function withTotp(t: TestApp, user: UserFixture) {
  const secret = newTotpSecret();
  await t.db
    .update(appUser)
    .set({
      totpSecret: encryptTotpSecret(secret),
      totpEnabledAt: new Date(),
      recoveryCodeHashes: newRecoveryCodes().map((c) => hashRecoveryCode(user.id, c)),
    })
    .where(eq(appUser.id, user.id));
  return secret;
}

const userRow = async (t: TestApp, id: string) => (await t.db.select().from(appUser).where(eq(appUser.id, id)))[0]!;
const sessionsOf = (t: TestApp, id: string) => t.db.select().from(session).where(eq(session.userId, id));

async function reset(client: Client, target: UserFixture, password: string) {
  const view = await client.get(`/api/users/${target.id}`);
  const version = view.statusCode === 200 ? view.json().version : 1;
  return client.post(`/api/users/${target.id}/reset-totp`, { version, password });
}

describe('an administrator resets a user’s two-step sign-in (lost phone and recovery codes)', () => {
  let t: TestApp;
  let tree: CountyTree;
  let otherCounty: CountyTree;
  let countyAdmin: UserFixture;
  let schoolAdmin: UserFixture;
  let teacher: UserFixture;
  let countyAdminClient: Client;
  let schoolAdminClient: Client;
  beforeAll(async () => {
    t = await buildTestApp();
    tree = await buildCountyTree(t.db, '重置县');
    otherCounty = await buildCountyTree(t.db, '邻县');
    countyAdmin = await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]);
    schoolAdmin = await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]);
    teacher = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
    countyAdminClient = await loginAs(t, countyAdmin);
    schoolAdminClient = await loginAs(t, schoolAdmin);
  });
  afterAll(() => t.close());

  it('clears secret and recovery codes, ends the user’s sessions, audits, and the next sign-in names who reset it', async () => {
    const teacherClient = await loginAs(t, teacher);
    await withTotp(t, teacher);
    expect((await sessionsOf(t, teacher.id)).length).toBeGreaterThan(0);
    const list = await schoolAdminClient.get(`/api/users/${teacher.id}`);
    expect(list.json()).toMatchObject({ totp: 'on', abilities: { resetTotp: true } });

    const res = await reset(schoolAdminClient, teacher, schoolAdmin.password);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ totp: 'off', abilities: { resetTotp: false } });
    const row = await userRow(t, teacher.id);
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, recoveryCodeHashes: null });
    expect(await sessionsOf(t, teacher.id)).toHaveLength(0);
    expect((await teacherClient.get('/api/me')).statusCode).toBe(401);

    const audits = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'user.totp_reset'), eq(auditEvent.targetId, teacher.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorId).toBe(schoolAdmin.id);
    expect(JSON.stringify(audits[0]!.diff)).not.toMatch(/totp|recovery|password/i);

    // Signs in with the password alone now, and is told who reset it.
    const again = await loginAs(t, teacher);
    const me = (await again.get('/api/me')).json();
    expect(me.user.totpEnabled).toBe(false);
    expect(me.user.totpReset).toMatchObject({ byName: `测试${schoolAdmin.username}` });
    // Resetting a user without two-step sign-in is refused (nothing to reset).
    const none = await reset(schoolAdminClient, teacher, schoolAdmin.password);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('TOTP_NOT_SET');
  });

  it('refuses a wrong password of the acting administrator (422, in zh-CN and en), changing nothing', async () => {
    const user = await buildUser(t.db, [{ role: 'mentor', org: tree.classB }]);
    await withTotp(t, user);
    const zh = await reset(schoolAdminClient, user, 'not-my-password');
    expect(zh.statusCode).toBe(422);
    expect(zh.json().error).toMatchObject({ code: 'REAUTH_PASSWORD_WRONG', details: [{ field: 'password' }] });
    expect(zh.json().error.message).toContain('密码不正确');
    expect((await schoolAdminClient.put('/api/me/language', { language: 'en' })).statusCode).toBe(200);
    const en = await reset(schoolAdminClient, user, 'not-my-password');
    expect(en.json().error.message).toMatch(/password is wrong/);
    await schoolAdminClient.put('/api/me/language', { language: 'zh-CN' });
    // The target's password does not do either.
    expect((await reset(schoolAdminClient, user, user.password)).statusCode).toBe(200);
    const missing = await schoolAdminClient.post(`/api/users/${user.id}/reset-totp`, { version: 1 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('password');
  });

  it('refuses resetting one’s own two-step sign-in', async () => {
    await withTotp(t, countyAdmin);
    const res = await reset(countyAdminClient, countyAdmin, countyAdmin.password);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('CANNOT_RESET_OWN_TOTP');
    expect((await userRow(t, countyAdmin.id)).totpEnabledAt).not.toBeNull();
    expect((await countyAdminClient.get(`/api/users/${countyAdmin.id}`)).json().abilities.resetTotp).toBe(false);
  });

  it('keeps to scope: other county 404, another school 404, a county administrator 403 for a school administrator', async () => {
    const stranger = await buildUser(t.db, [{ role: 'class_teacher', org: otherCounty.classA }]);
    const otherSchoolTeacher = await buildUser(t.db, [{ role: 'class_teacher', org: tree.otherClass }]);
    await withTotp(t, stranger);
    await withTotp(t, otherSchoolTeacher);
    expect((await reset(countyAdminClient, stranger, countyAdmin.password)).statusCode).toBe(404);
    expect((await reset(schoolAdminClient, otherSchoolTeacher, schoolAdmin.password)).statusCode).toBe(404);
    // A wrong password does not reveal anything about a user outside the scope either.
    expect((await reset(schoolAdminClient, otherSchoolTeacher, 'wrong')).statusCode).toBe(404);
    expect((await userRow(t, stranger.id)).totpEnabledAt).not.toBeNull();
    expect((await userRow(t, otherSchoolTeacher.id)).totpEnabledAt).not.toBeNull();

    // The county administrator is outside the school administrator's scope; one who also teaches
    // at the school is visible there, but not theirs to manage.
    expect((await reset(schoolAdminClient, countyAdmin, schoolAdmin.password)).statusCode).toBe(404);
    const teachingAdmin = await buildUser(t.db, [
      { role: 'county_admin', org: tree.county },
      { role: 'class_teacher', org: tree.classA },
    ]);
    await withTotp(t, teachingAdmin);
    expect((await reset(schoolAdminClient, teachingAdmin, schoolAdmin.password)).statusCode).toBe(403);
    // The county administrator manages everyone of the county, school administrators included.
    await withTotp(t, schoolAdmin);
    const res = await reset(countyAdminClient, schoolAdmin, countyAdmin.password);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('needs user.manage: a class teacher is refused', async () => {
    const teacherClient = await loginAs(t, teacher);
    const other = await buildUser(t.db, [{ role: 'mentor', org: tree.classA }]);
    await withTotp(t, other);
    expect((await reset(teacherClient, other, teacher.password)).statusCode).toBe(403);
  });
});

describe('reset where administrators must use two-step sign-in (REQUIRE_TOTP_FOR_ADMINS=true)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ REQUIRE_TOTP_FOR_ADMINS: 'true' });
  });
  afterAll(() => t.close());

  it('sends the school administrator back to enrolment at the next sign-in, with who reset it', async () => {
    const tree = await buildCountyTree(t.db, '强制县');
    const countyAdmin = await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]);
    const schoolAdmin = await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]);
    const secret = await withTotp(t, countyAdmin);
    await withTotp(t, schoolAdmin);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: countyAdmin.username, password: countyAdmin.password, totp: totpFor(secret).generate() },
    });
    expect(login.statusCode, login.body).toBe(200);
    const admin = clientFor(t, sessionCookie(login), login.json().csrfToken);
    expect((await reset(admin, schoolAdmin, countyAdmin.password)).statusCode).toBe(200);

    const next = await loginAs(t, schoolAdmin);
    const me = (await next.get('/api/me')).json();
    expect(me.user).toMatchObject({
      totpEnrollmentRequired: true,
      totpReset: { byName: `测试${countyAdmin.username}` },
    });
    expect((await next.get('/api/users')).json().error.code).toBe('TOTP_ENROLLMENT_REQUIRED');
  });
});

describe('wrong administrator passwords in a reset are throttled like sign-in attempts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ LOGIN_THROTTLE_PER_USERNAME: '3' });
  });
  afterAll(() => t.close());

  it('after three wrong passwords even the right one is refused with 429 and audited; nothing changes', async () => {
    const tree = await buildCountyTree(t.db, '慢试县');
    const admin = await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]);
    const other = await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]);
    const target = await buildUser(t.db, [{ role: 'mentor', org: tree.classA }]);
    await withTotp(t, target);
    const client = await loginAs(t, admin);
    // A right password releases its attempt: resets with it never add up towards the limit.
    for (let i = 0; i < 4; i++) {
      await withTotp(t, target);
      expect((await reset(client, target, admin.password)).statusCode).toBe(200);
    }
    await withTotp(t, target);
    for (let i = 0; i < 3; i++) expect((await reset(client, target, `guess-${i}`)).statusCode).toBe(422);
    const refused = await reset(client, target, admin.password);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toEqual({ code: 'TOO_MANY_ATTEMPTS', message: '尝试过于频繁，请稍后再试' });
    expect((await userRow(t, target.id)).totpEnabledAt).not.toBeNull();
    const throttled = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'auth.throttled'), eq(auditEvent.targetId, admin.id)));
    expect(throttled.length).toBe(1);
    // The limit is the administrator's own: a colleague resets at once.
    const colleague = await loginAs(t, other);
    expect((await reset(colleague, target, other.password)).statusCode).toBe(200);
  });
});
