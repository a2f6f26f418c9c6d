import { and, eq } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, clientFor, loginAs, type TestApp } from '../../test/app';
import { buildCountyTree, buildUser, type CountyTree, type UserFixture } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';
import { appUser, roleAssignment } from './users.table';

let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
/** Every response this file sees, checked at the end for secrets and stack traces. */
const seen: LightMyRequestResponse[] = [];

const u: Record<string, UserFixture> = {};
let countyAdmin: Client;
let schoolAdmin: Client;
let otherSchoolAdmin: Client;
let supervisor: Client;
let teacher: Client;
let otherCountyAdmin: Client;
let anonymous: Client;

/** Logs in through a recording wrapper, so every response lands in `seen`. */
function recorded(): Pick<TestApp, 'app'> {
  const inject = async (options: InjectOptions) => {
    const response = await t.app.inject(options);
    seen.push(response);
    return response;
  };
  return { app: { inject } as unknown as TestApp['app'] };
}
const signIn = (user: Pick<UserFixture, 'username' | 'password'>) => loginAs(recorded(), user);
/** A raw login attempt (recorded). */
const attemptLogin = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  recorded().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

async function auditRows(targetId: string) {
  return t.db.select().from(auditEvent).where(eq(auditEvent.targetId, targetId));
}

async function fetchUser(client: Client, id: string) {
  const res = await client.get(`/api/users/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await buildTestApp({ LOGIN_THROTTLE_PER_IP: '1000' });
  tree = await buildCountyTree(t.db, '清水县');
  other = await buildCountyTree(t.db, '远山县');
  u.countyAdmin = await buildUser(t.db, [{ role: 'county_admin', org: tree.county }], { username: 'qs.admin' });
  u.schoolAdmin = await buildUser(t.db, [{ role: 'school_admin', org: tree.school }], { username: 'qs.principal' });
  u.otherSchoolAdmin = await buildUser(t.db, [{ role: 'school_admin', org: tree.otherSchool }]);
  u.supervisor = await buildUser(t.db, [{ role: 'supervisor', org: tree.township }]);
  u.teacher = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }], { username: 'wang.laoshi' });
  u.counselor = await buildUser(t.db, [{ role: 'counselor', org: tree.school }]);
  u.otherTeacher = await buildUser(t.db, [{ role: 'class_teacher', org: tree.otherClass }], { username: 'li.laoshi' });
  // A county administrator who also mentors at the school: out of the school administrator's reach.
  u.dual = await buildUser(t.db, [
    { role: 'county_admin', org: tree.county },
    { role: 'mentor', org: tree.school },
  ]);
  u.farTeacher = await buildUser(t.db, [{ role: 'class_teacher', org: other.classA }]);
  u.otherCountyAdmin = await buildUser(t.db, [{ role: 'county_admin', org: other.county }]);
  u.roleless = await buildUser(t.db, [], { username: 'roleless.one' });
  await t.db.update(appUser).set({ countyId: tree.county.countyId }).where(eq(appUser.id, u.roleless.id));

  countyAdmin = await signIn(u.countyAdmin);
  schoolAdmin = await signIn(u.schoolAdmin);
  otherSchoolAdmin = await signIn(u.otherSchoolAdmin);
  supervisor = await signIn(u.supervisor);
  teacher = await signIn(u.teacher);
  otherCountyAdmin = await signIn(u.otherCountyAdmin);
  anonymous = clientFor(recorded(), '', '');
});
afterAll(() => t?.close());

const ids = (res: LightMyRequestResponse) => res.json().items.map((i: { id: string }) => i.id);

describe('GET /api/users', () => {
  it('shows a county administrator the whole county, roleless accounts included, and nothing beyond', async () => {
    const res = await countyAdmin.get('/api/users?pageSize=200');
    expect(res.statusCode).toBe(200);
    const seenIds = ids(res);
    for (const name of ['schoolAdmin', 'teacher', 'otherTeacher', 'dual', 'counselor', 'roleless'])
      expect(seenIds).toContain(u[name]!.id);
    expect(seenIds).not.toContain(u.farTeacher!.id);
    expect(seenIds).not.toContain(u.otherCountyAdmin!.id);
    expect(res.json()).toMatchObject({ page: 1, pageSize: 200, total: seenIds.length });
  });

  it('shows a school administrator the people of their school only', async () => {
    const seenIds = ids(await schoolAdmin.get('/api/users?pageSize=200'));
    for (const name of ['schoolAdmin', 'teacher', 'counselor', 'dual']) expect(seenIds).toContain(u[name]!.id);
    for (const name of ['otherTeacher', 'otherSchoolAdmin', 'roleless', 'farTeacher', 'countyAdmin', 'supervisor'])
      expect(seenIds).not.toContain(u[name]!.id);
  });

  it('shows a supervisor their township, not the neighbouring one', async () => {
    const seenIds = ids(await supervisor.get('/api/users?pageSize=200'));
    expect(seenIds).toContain(u.teacher!.id);
    expect(seenIds).not.toContain(u.otherTeacher!.id);
    expect(seenIds).not.toContain(u.roleless!.id);
  });

  it('filters by text, unit subtree, role and status, and pages', async () => {
    const byText = await countyAdmin.get(`/api/users?q=${encodeURIComponent('LAOSHI')}`);
    expect(ids(byText).sort()).toEqual([u.teacher!.id, u.otherTeacher!.id].sort());
    const byName = await countyAdmin.get(`/api/users?q=${encodeURIComponent('测试wang')}`);
    expect(ids(byName)).toEqual([u.teacher!.id]);
    const bySchool = ids(await countyAdmin.get(`/api/users?orgId=${tree.school.id}&pageSize=200`));
    expect(bySchool).toContain(u.teacher!.id);
    expect(bySchool).toContain(u.counselor!.id);
    expect(bySchool).not.toContain(u.otherTeacher!.id);
    const teachersThere = ids(await countyAdmin.get(`/api/users?orgId=${tree.school.id}&role=class_teacher`));
    expect(teachersThere).toEqual([u.teacher!.id]);
    const disabled = await countyAdmin.get('/api/users?status=disabled');
    expect(disabled.json().total).toBe(0);
    const page1 = (await countyAdmin.get('/api/users?pageSize=2')).json();
    const page2 = (await countyAdmin.get('/api/users?pageSize=2&page=2')).json();
    expect(page1.items).toHaveLength(2);
    expect(page2.page).toBe(2);
    expect(page1.total).toBeGreaterThan(4);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    // Filtering on another county's unit does not widen the scope.
    expect((await countyAdmin.get(`/api/users?orgId=${other.school.id}`)).json().total).toBe(0);
  });

  it('names the bad query field', async () => {
    const res = await countyAdmin.get('/api/users?pageSize=0');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('querystring.pageSize');
    const role = await countyAdmin.get('/api/users?role=emperor');
    expect(role.json().error.details[0].field).toBe('querystring.role');
  });

  it('refuses anonymous callers (401) and a class teacher (403)', async () => {
    const anon = await anonymous.get('/api/users');
    expect(anon.statusCode).toBe(401);
    const res = await teacher.get('/api/users');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });
});

describe('GET /api/users/:id', () => {
  it('answers the user with roles, abilities and an ETag', async () => {
    const res = await schoolAdmin.get(`/api/users/${u.teacher!.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe(`"${res.json().version}"`);
    expect(res.json()).toMatchObject({
      username: 'wang.laoshi',
      status: 'active',
      locked: false,
      roles: [{ role: 'class_teacher', orgId: tree.classA.id, orgName: '一年级1班', orgKind: 'class' }],
      abilities: { update: true, disable: true, enable: false, resetPassword: true, unlock: false, assignRoles: true },
    });
  });

  it('lets a school administrator see, but not manage, a county administrator who mentors there', async () => {
    const res = await schoolAdmin.get(`/api/users/${u.dual!.id}`);
    expect(res.statusCode).toBe(200);
    expect(Object.values(res.json().abilities).every((v) => v === false)).toBe(true);
    expect(
      res
        .json()
        .roles.map((r: { role: string }) => r.role)
        .sort(),
    ).toEqual(['county_admin', 'mentor']);
  });

  it('hides the roles a user holds in units the caller cannot see', async () => {
    const both = await buildUser(t.db, [
      { role: 'mentor', org: tree.school },
      { role: 'mentor', org: tree.otherSchool },
    ]);
    const res = await schoolAdmin.get(`/api/users/${both.id}`);
    expect(res.json().roles.map((r: { orgId: string }) => r.orgId)).toEqual([tree.school.id]);
    expect(res.json().abilities.update).toBe(false);
  });

  it('answers 404 out of scope: another school, another county, a roleless account', async () => {
    expect((await schoolAdmin.get(`/api/users/${u.otherTeacher!.id}`)).statusCode).toBe(404);
    expect((await otherCountyAdmin.get(`/api/users/${u.teacher!.id}`)).statusCode).toBe(404);
    expect((await schoolAdmin.get(`/api/users/${u.roleless!.id}`)).statusCode).toBe(404);
    expect((await countyAdmin.get(`/api/users/${u.roleless!.id}`)).statusCode).toBe(200);
  });

  it('names a malformed id, refuses anonymous (401) and no permission (403)', async () => {
    const bad = await countyAdmin.get('/api/users/nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('params.id');
    expect((await anonymous.get(`/api/users/${u.teacher!.id}`)).statusCode).toBe(401);
    expect((await teacher.get(`/api/users/${u.teacher!.id}`)).statusCode).toBe(403);
  });
});

describe('POST /api/users', () => {
  it('creates a class teacher with a one-time password the new user must change, audited', async () => {
    const res = await schoolAdmin.post('/api/users', {
      username: 'Zhao.Laoshi',
      displayName: '赵老师',
      phone: '13800138000',
      roles: [{ role: 'class_teacher', orgId: tree.classB.id }],
    });
    expect(res.statusCode).toBe(201);
    const { user, oneTimePassword } = res.json();
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(user).toMatchObject({ username: 'Zhao.Laoshi', mustChangePassword: true, language: 'zh-CN', version: 1 });
    expect(user.roles).toEqual([expect.objectContaining({ role: 'class_teacher', orgId: tree.classB.id })]);

    const login = await attemptLogin('zhao.laoshi', oneTimePassword);
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);

    const events = (await auditRows(user.id)).map((r) => r.event);
    expect(events).toContain('user.created');
    const [created] = (await auditRows(user.id)).filter((r) => r.event === 'user.created');
    expect(created!.orgId).toBe(tree.classB.id);
    expect(JSON.stringify(created!.diff)).not.toContain(oneTimePassword);
    const assigned = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'role.assigned'), eq(auditEvent.orgId, tree.classB.id)));
    expect(assigned).toHaveLength(1);
  });

  it('lets a school administrator appoint a counselor at the school itself', async () => {
    const res = await schoolAdmin.post('/api/users', {
      username: 'xinli',
      displayName: '心理老师',
      roles: [{ role: 'counselor', orgId: tree.school.id }],
    });
    expect(res.statusCode).toBe(201);
  });

  it('refuses roles the caller may not hand out, or not at that kind of unit', async () => {
    const county = await schoolAdmin.post('/api/users', {
      username: 'would.be.admin',
      displayName: '越权',
      roles: [{ role: 'county_admin', orgId: tree.county.id }],
    });
    expect(county.statusCode).toBe(403);
    expect(county.json().error.details[0].field).toBe('roles.0.orgId');
    const elsewhere = await schoolAdmin.post('/api/users', {
      username: 'elsewhere',
      displayName: '外校',
      roles: [{ role: 'class_teacher', orgId: tree.otherClass.id }],
    });
    expect(elsewhere.statusCode).toBe(404);
    const mismatch = await schoolAdmin.post('/api/users', {
      username: 'mismatch',
      displayName: '错位',
      roles: [
        { role: 'class_teacher', orgId: tree.classA.id },
        { role: 'school_admin', orgId: tree.classA.id },
      ],
    });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error).toMatchObject({
      code: 'ROLE_ORG_MISMATCH',
      details: [{ field: 'roles.1.orgId', message: '该角色不能设置在这一级单位上' }],
    });
    const created = await t.db.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, 'mismatch'));
    expect(created).toEqual([]);
  });

  it('refuses a username taken in any letter case', async () => {
    const res = await countyAdmin.post('/api/users', {
      username: 'WANG.LAOSHI',
      displayName: '重名',
      roles: [{ role: 'mentor', orgId: tree.village.id }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'USERNAME_TAKEN', details: [{ field: 'username' }] });
  });

  it('names invalid fields in Chinese', async () => {
    const res = await countyAdmin.post('/api/users', {
      username: '张三',
      displayName: '张三',
      phone: '12345',
      roles: [],
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'phone', 'roles']));
    const phone = res.json().error.details.find((d: { field: string }) => d.field === 'phone');
    expect(phone.message).toBe('请输入11位手机号码');
  });

  it('refuses anonymous (401), supervisors and teachers (403)', async () => {
    const body = { username: 'nobody', displayName: '无', roles: [{ role: 'mentor', orgId: tree.school.id }] };
    expect((await anonymous.post('/api/users', body)).statusCode).toBe(401);
    expect((await supervisor.post('/api/users', body)).statusCode).toBe(403);
    expect((await teacher.post('/api/users', body)).statusCode).toBe(403);
  });
});

describe('PATCH /api/users/:id', () => {
  it('edits with the current version, refuses a stale one with the newer record, needs a version', async () => {
    const before = await fetchUser(schoolAdmin, u.counselor!.id);
    const ok = await schoolAdmin.patch(`/api/users/${u.counselor!.id}`, {
      version: before.version,
      displayName: '周心语',
      phone: '13912345678',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ displayName: '周心语', phone: '13912345678', version: before.version + 1 });
    const stale = await schoolAdmin.patch(`/api/users/${u.counselor!.id}`, {
      version: before.version,
      displayName: '旧名',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.displayName).toBe('周心语');
    const missing = await schoolAdmin.patch(`/api/users/${u.counselor!.id}`, { displayName: '无版本' });
    expect(missing.statusCode).toBe(428);
    const viaHeader = await schoolAdmin.request(
      'PATCH',
      `/api/users/${u.counselor!.id}`,
      { phone: null },
      { 'if-match': `"${before.version + 1}"` },
    );
    expect(viaHeader.statusCode).toBe(200);
    expect(viaHeader.json().phone).toBeNull();
    const [updated] = (await auditRows(u.counselor!.id)).filter((r) => r.event === 'user.updated');
    expect(updated!.diff).toMatchObject({ displayName: { to: '周心语' } });
  });

  it('names an invalid field', async () => {
    const res = await schoolAdmin.patch(`/api/users/${u.counselor!.id}`, { version: 1, displayName: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('displayName');
  });

  it('answers 404 for another school or county, 403 for a user out of manage reach', async () => {
    expect(
      (await schoolAdmin.patch(`/api/users/${u.otherTeacher!.id}`, { version: 1, displayName: 'x' })).statusCode,
    ).toBe(404);
    expect(
      (await otherCountyAdmin.patch(`/api/users/${u.teacher!.id}`, { version: 1, displayName: 'x' })).statusCode,
    ).toBe(404);
    const dual = await schoolAdmin.patch(`/api/users/${u.dual!.id}`, { version: 1, displayName: 'x' });
    expect(dual.statusCode).toBe(403);
  });

  it('refuses anonymous (401) and a supervisor (403)', async () => {
    expect((await anonymous.patch(`/api/users/${u.teacher!.id}`, { version: 1 })).statusCode).toBe(401);
    expect((await supervisor.patch(`/api/users/${u.teacher!.id}`, { version: 1 })).statusCode).toBe(403);
  });
});

describe('disable and enable', () => {
  it('disables an account, ending its live session and sign-ins; enabling restores them', async () => {
    const target = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classB }]);
    const session = await signIn(target);
    const before = await fetchUser(schoolAdmin, target.id);
    const off = await schoolAdmin.post(`/api/users/${target.id}/disable`, { version: before.version });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ status: 'disabled', abilities: { disable: false, enable: true } });
    const me = await session.get('/api/me');
    expect(me.statusCode).toBe(401);
    const login = await attemptLogin(target.username, target.password);
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe('ACCOUNT_DISABLED');
    expect(
      (await countyAdmin.get('/api/users?status=disabled')).json().items.map((i: { id: string }) => i.id),
    ).toContain(target.id);

    const on = await schoolAdmin.post(`/api/users/${target.id}/enable`, { version: off.json().version });
    expect(on.statusCode).toBe(200);
    expect(on.json().status).toBe('active');
    expect((await signIn(target)).csrfToken).toBeTruthy();
    const events = (await auditRows(target.id)).map((r) => r.event);
    expect(events).toEqual(expect.arrayContaining(['user.disabled', 'user.enabled']));
  });

  it('refuses disabling oneself and a user out of manage reach', async () => {
    const self = await fetchUser(schoolAdmin, u.schoolAdmin!.id);
    expect(self.abilities.disable).toBe(false);
    const res = await schoolAdmin.post(`/api/users/${u.schoolAdmin!.id}/disable`, { version: self.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'CANNOT_DISABLE_SELF', message: '不能停用自己的账号' });
    expect((await schoolAdmin.post(`/api/users/${u.dual!.id}/disable`, { version: 1 })).statusCode).toBe(403);
  });

  it('answers 404 out of scope, 400 for a bad version, 401 and 403', async () => {
    expect((await otherSchoolAdmin.post(`/api/users/${u.teacher!.id}/disable`, { version: 1 })).statusCode).toBe(404);
    expect((await otherCountyAdmin.post(`/api/users/${u.teacher!.id}/enable`, { version: 1 })).statusCode).toBe(404);
    const bad = await schoolAdmin.post(`/api/users/${u.teacher!.id}/disable`, { version: 'one' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('version');
    expect((await schoolAdmin.post(`/api/users/${u.teacher!.id}/disable`, {})).statusCode).toBe(428);
    expect((await anonymous.post(`/api/users/${u.teacher!.id}/disable`, { version: 1 })).statusCode).toBe(401);
    expect((await supervisor.post(`/api/users/${u.teacher!.id}/disable`, { version: 1 })).statusCode).toBe(403);
    expect((await teacher.post(`/api/users/${u.teacher!.id}/enable`, { version: 1 })).statusCode).toBe(403);
  });
});

describe('POST /api/users/:id/reset-password', () => {
  it('issues a one-time password, ends sessions, and the old password stops working', async () => {
    const target = await buildUser(t.db, [{ role: 'mentor', org: tree.school }]);
    const session = await signIn(target);
    const before = await fetchUser(schoolAdmin, target.id);
    const res = await schoolAdmin.post(`/api/users/${target.id}/reset-password`, { version: before.version });
    expect(res.statusCode).toBe(200);
    const { user, oneTimePassword } = res.json();
    expect(user.mustChangePassword).toBe(true);
    expect((await session.get('/api/me')).statusCode).toBe(401);
    const old = await attemptLogin(target.username, target.password);
    expect(old.statusCode).toBe(401);
    const fresh = await signIn({ username: target.username, password: oneTimePassword });
    expect((await fresh.get('/api/orgs')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const [reset] = (await auditRows(target.id)).filter((r) => r.event === 'user.password_reset');
    expect(reset!.diff).toMatchObject({ mustChangePassword: { from: false, to: true } });
  });

  it('refuses resetting one’s own password here', async () => {
    const self = await fetchUser(countyAdmin, u.countyAdmin!.id);
    expect(self.abilities.resetPassword).toBe(false);
    const res = await countyAdmin.post(`/api/users/${u.countyAdmin!.id}/reset-password`, { version: self.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('CANNOT_RESET_OWN_PASSWORD');
  });

  it('answers 404 out of scope, 400, 401 and 403', async () => {
    expect((await schoolAdmin.post(`/api/users/${u.otherTeacher!.id}/reset-password`, { version: 1 })).statusCode).toBe(
      404,
    );
    const bad = await schoolAdmin.post(`/api/users/${u.teacher!.id}/reset-password`, { version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('version');
    expect((await anonymous.post(`/api/users/${u.teacher!.id}/reset-password`, { version: 1 })).statusCode).toBe(401);
    expect((await supervisor.post(`/api/users/${u.teacher!.id}/reset-password`, { version: 1 })).statusCode).toBe(403);
    expect((await schoolAdmin.post(`/api/users/${u.dual!.id}/reset-password`, { version: 1 })).statusCode).toBe(403);
  });
});

describe('POST /api/users/:id/unlock', () => {
  it('lifts a sign-in lock so the right password works again', async () => {
    const target = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
    for (let i = 0; i < 5; i++) {
      await attemptLogin(target.username, 'wrong-password', `10.9.0.${i + 1}`);
    }
    const locked = await fetchUser(schoolAdmin, target.id);
    expect(locked).toMatchObject({ locked: true, abilities: { unlock: true } });
    const res = await schoolAdmin.post(`/api/users/${target.id}/unlock`, { version: locked.version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ locked: false, abilities: { unlock: false } });
    expect((await signIn(target)).csrfToken).toBeTruthy();
    expect((await auditRows(target.id)).map((r) => r.event)).toContain('user.unlocked');
  });

  it('answers 404 out of scope, 400, 401 and 403', async () => {
    expect((await otherCountyAdmin.post(`/api/users/${u.teacher!.id}/unlock`, { version: 1 })).statusCode).toBe(404);
    const bad = await schoolAdmin.post(`/api/users/${u.teacher!.id}/unlock`, { version: 1, extra: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toContain('extra');
    expect((await anonymous.post(`/api/users/${u.teacher!.id}/unlock`, { version: 1 })).statusCode).toBe(401);
    expect((await supervisor.post(`/api/users/${u.teacher!.id}/unlock`, { version: 1 })).statusCode).toBe(403);
  });
});

describe('role assignment', () => {
  it('adds and revokes a role (soft delete), audited both ways', async () => {
    const target = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
    const added = await schoolAdmin.post(`/api/users/${target.id}/roles`, { role: 'mentor', orgId: tree.school.id });
    expect(added.statusCode).toBe(201);
    const mentor = added.json().roles.find((r: { role: string }) => r.role === 'mentor');
    expect(mentor).toMatchObject({ orgId: tree.school.id, orgKind: 'school' });
    const again = await schoolAdmin.post(`/api/users/${target.id}/roles`, { role: 'mentor', orgId: tree.school.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ROLE_ALREADY_ASSIGNED');

    const revoked = await schoolAdmin.delete(`/api/users/${target.id}/roles/${mentor.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().roles.map((r: { role: string }) => r.role)).toEqual(['class_teacher']);
    const [row] = await t.db.select().from(roleAssignment).where(eq(roleAssignment.id, mentor.id));
    expect(row!.deletedAt).not.toBeNull();
    const audit = await auditRows(mentor.id);
    expect(audit.map((r) => r.event).sort()).toEqual(['role.assigned', 'role.revoked']);
    expect((await schoolAdmin.delete(`/api/users/${target.id}/roles/${mentor.id}`)).statusCode).toBe(404);
  });

  it('refuses assigning county_admin, roles elsewhere, and wrong unit kinds', async () => {
    const county = await schoolAdmin.post(`/api/users/${u.teacher!.id}/roles`, {
      role: 'county_admin',
      orgId: tree.county.id,
    });
    expect(county.statusCode).toBe(403);
    const elsewhere = await schoolAdmin.post(`/api/users/${u.teacher!.id}/roles`, {
      role: 'mentor',
      orgId: tree.otherSchool.id,
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error.details[0].field).toBe('orgId');
    const mismatch = await schoolAdmin.post(`/api/users/${u.teacher!.id}/roles`, {
      role: 'counselor',
      orgId: tree.classB.id,
    });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error.code).toBe('ROLE_ORG_MISMATCH');
  });

  it('refuses revoking one’s own role', async () => {
    const self = await fetchUser(schoolAdmin, u.schoolAdmin!.id);
    const res = await schoolAdmin.delete(`/api/users/${u.schoolAdmin!.id}/roles/${self.roles[0].id}`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('CANNOT_REVOKE_OWN_ROLE');
  });

  it('leaves a user without roles to the county administrators', async () => {
    const target = await buildUser(t.db, [{ role: 'mentor', org: tree.school }]);
    const view = await fetchUser(schoolAdmin, target.id);
    expect((await schoolAdmin.delete(`/api/users/${target.id}/roles/${view.roles[0].id}`)).statusCode).toBe(200);
    expect((await schoolAdmin.get(`/api/users/${target.id}`)).statusCode).toBe(404);
    const county = await fetchUser(countyAdmin, target.id);
    expect(county).toMatchObject({ roles: [], abilities: { update: true, assignRoles: true } });
    const back = await countyAdmin.post(`/api/users/${target.id}/roles`, { role: 'mentor', orgId: tree.village.id });
    expect(back.statusCode).toBe(201);
  });

  it('answers 404 out of scope, 400, 401 and 403', async () => {
    const theirs = await fetchUser(countyAdmin, u.otherTeacher!.id);
    expect(
      (await schoolAdmin.post(`/api/users/${u.otherTeacher!.id}/roles`, { role: 'mentor', orgId: tree.school.id }))
        .statusCode,
    ).toBe(404);
    expect((await schoolAdmin.delete(`/api/users/${u.otherTeacher!.id}/roles/${theirs.roles[0].id}`)).statusCode).toBe(
      404,
    );
    const bad = await schoolAdmin.post(`/api/users/${u.teacher!.id}/roles`, { role: 'king', orgId: tree.school.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('role');
    const badId = await schoolAdmin.delete(`/api/users/${u.teacher!.id}/roles/xyz`);
    expect(badId.json().error.details[0].field).toBe('params.assignmentId');
    const body = { role: 'mentor', orgId: tree.school.id };
    expect((await anonymous.post(`/api/users/${u.teacher!.id}/roles`, body)).statusCode).toBe(401);
    expect((await supervisor.post(`/api/users/${u.teacher!.id}/roles`, body)).statusCode).toBe(403);
    expect((await teacher.delete(`/api/users/${u.teacher!.id}/roles/${theirs.roles[0].id}`)).statusCode).toBe(403);
    expect((await schoolAdmin.post(`/api/users/${u.dual!.id}/roles`, body)).statusCode).toBe(403);
  });
});

describe('every response', () => {
  it('carries no password hash and no stack trace', () => {
    expect(seen.length).toBeGreaterThan(50);
    for (const response of seen) {
      expect(response.body).not.toMatch(/passwordHash|password_hash|\$argon2/);
      expect(response.body).not.toMatch(/\n\s+at /);
    }
  });
});
