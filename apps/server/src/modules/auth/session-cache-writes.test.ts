import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, clientFor, loginAs, sessionCookie, type TestApp } from '../../test/app';
import { buildCountyTree, buildUser, type CountyTree, TEST_PASSWORD } from '../../test/factories';
import { appUser } from '../users/users.table';

// Every session is cached (one request first) before the write; the write must show on the very
// next request of the same process, well within the cache's minute.
let t: TestApp;
let tree: CountyTree;
let admin: Client;

beforeAll(async () => {
  t = await buildTestApp({ SESSION_CACHE_SECONDS: '60' });
  tree = await buildCountyTree(t.db, '写缓存县');
  admin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
});
afterAll(() => t.close());

const versionOf = async (id: string) => (await admin.get(`/api/users/${id}`)).json().version as number;
const teacher = () => buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
/** Signs in and makes one request, so the session sits in the cache. */
async function cached(user: { username: string; password: string }) {
  const client = await loginAs(t, user);
  expect((await client.get('/api/orgs')).statusCode).toBe(200);
  return client;
}
const expired = async (client: Client) => {
  const res = await client.get('/api/orgs');
  expect(res.statusCode).toBe(401);
  expect(res.json().error.code).toBe('SESSION_EXPIRED');
};

describe('actor cache: writes take effect on the next request', () => {
  it('a password change ends the account’s other cached sessions', async () => {
    const user = await teacher();
    const laptop = await cached(user);
    const phone = await cached(user);
    const res = await laptop.post('/api/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Qinghe-bridge-2026',
    });
    expect(res.statusCode).toBe(200);
    await expired(phone);
    await expired(laptop);
    const renewed = clientFor(t, sessionCookie(res), res.json().csrfToken);
    expect((await renewed.get('/api/orgs')).statusCode).toBe(200);
  });

  it('an administrator’s password reset ends the user’s cached sessions', async () => {
    const user = await teacher();
    const session = await cached(user);
    const res = await admin.post(`/api/users/${user.id}/reset-password`, { version: await versionOf(user.id) });
    expect(res.statusCode).toBe(200);
    await expired(session);
  });

  it('signing in again from the same browser ends its cached previous session', async () => {
    const user = await teacher();
    const first = await cached(user);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: first.cookie },
      payload: { username: user.username, password: user.password },
    });
    expect(again.statusCode).toBe(200);
    await expired(first);
    expect((await clientFor(t, sessionCookie(again), again.json().csrfToken).get('/api/orgs')).statusCode).toBe(200);
  });

  it('a granted role applies at once', async () => {
    const user = await teacher();
    const person = await cached(user);
    expect((await person.get('/api/users')).statusCode).toBe(403);
    const granted = await admin.post(`/api/users/${user.id}/roles`, { role: 'school_admin', orgId: tree.school.id });
    expect(granted.statusCode).toBe(201);
    expect((await person.get('/api/users')).statusCode).toBe(200);
    expect((await person.get('/api/me')).json().permissions).toContain('user.manage');
  });

  it('a language choice applies at once', async () => {
    const person = await cached(await teacher());
    expect((await person.put('/api/me/language', { language: 'en' })).statusCode).toBe(200);
    const me = (await person.get('/api/me')).json();
    expect(me.user.language).toBe('en');
    // Messages follow the account's language, not the browser's.
    const refused = await person.get('/api/users');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/[a-z]/i);
    expect(refused.json().error.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('a unit moved or renamed shows in the roles of those assigned there at once', async () => {
    const cls = (await admin.post('/api/orgs', { parentId: tree.school.id, kind: 'class', name: '搬迁班' })).json();
    const user = await buildUser(t.db, [
      { role: 'class_teacher', org: { ...tree.classA, id: cls.id, path: `${tree.school.path}${cls.id}/` } },
    ]);
    const person = await cached(user);
    const roleOf = async () => (await person.get('/api/me')).json().roles[0];
    expect((await roleOf()).orgPath).toContain(tree.school.name);
    const moved = await admin.post(`/api/orgs/${cls.id}/move`, { version: cls.version, parentId: tree.otherSchool.id });
    expect(moved.statusCode).toBe(200);
    const role = await roleOf();
    expect(role.orgPath).toContain(tree.otherSchool.name);
    expect(role.orgPath).not.toContain(tree.school.name);
    const renamed = await admin.patch(`/api/orgs/${cls.id}`, { version: moved.json().version, name: '新名班' });
    expect(renamed.statusCode).toBe(200);
    expect((await roleOf()).orgName).toBe('新名班');
  });

  it('a write about one account leaves the other accounts’ cached sessions alone', async () => {
    const bystander = await teacher();
    const watcher = await cached(bystander);
    const target = await teacher();
    await cached(target);
    // Renamed behind the app's back: only a reload from the database would show it.
    await t.db.update(appUser).set({ displayName: '旁观者改名' }).where(eq(appUser.id, bystander.id));
    const disabled = await admin.post(`/api/users/${target.id}/disable`, { version: await versionOf(target.id) });
    expect(disabled.statusCode).toBe(200);
    expect((await watcher.get('/api/me')).json().user.displayName).toBe(`测试${bystander.username}`);
  });

  it('a refused write changes nothing and keeps the cache', async () => {
    const user = await teacher();
    const person = await cached(user);
    await t.db.update(appUser).set({ displayName: '拒后改名' }).where(eq(appUser.id, user.id));
    const refused = await admin.post(`/api/users/${user.id}/disable`, { version: 999 });
    expect(refused.statusCode).toBe(409);
    expect((await person.get('/api/me')).json().user.displayName).toBe(`测试${user.username}`);
  });
});
