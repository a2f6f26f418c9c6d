import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildCountyTree, buildUser, type CountyTree } from '../../test/factories';
import { appUser } from '../users/users.table';

// The actor cache keeps signed-in users' roles in memory for a few seconds. Every change to
// accounts, roles, units or sessions made through the app must still take effect at once.
let t: TestApp;
let tree: CountyTree;
let admin: Client;

beforeAll(async () => {
  t = await buildTestApp({ SESSION_CACHE_SECONDS: '60' });
  tree = await buildCountyTree(t.db, '缓存县');
  admin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
});
afterAll(() => t.close());

const userOf = async (id: string) => (await admin.get(`/api/users/${id}`)).json();

describe('actor cache', () => {
  it('ends a session at logout at once', async () => {
    const teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
    expect((await teacher.get('/api/orgs')).statusCode).toBe(200);
    expect((await teacher.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await teacher.get('/api/orgs')).statusCode).toBe(401);
  });

  it('applies a disabled account at once', async () => {
    const fixture = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
    const teacher = await loginAs(t, fixture);
    expect((await teacher.get('/api/orgs')).statusCode).toBe(200);
    const { version } = await userOf(fixture.id);
    expect((await admin.post(`/api/users/${fixture.id}/disable`, { version })).statusCode).toBe(200);
    expect((await teacher.get('/api/orgs')).statusCode).toBe(401);
  });

  it('applies a revoked role at once', async () => {
    const fixture = await buildUser(t.db, [
      { role: 'school_admin', org: tree.school },
      { role: 'class_teacher', org: tree.classA },
    ]);
    const person = await loginAs(t, fixture);
    expect((await person.get('/api/users')).statusCode).toBe(200);
    const schoolRole = (await userOf(fixture.id)).roles.find((r: { role: string }) => r.role === 'school_admin');
    expect((await admin.delete(`/api/users/${fixture.id}/roles/${schoolRole.id}`)).statusCode).toBe(200);
    expect((await person.get('/api/users')).statusCode).toBe(403);
  });

  it('applies a deactivated unit at once', async () => {
    const cls = (await admin.post('/api/orgs', { parentId: tree.school.id, kind: 'class', name: '缓存班' })).json();
    const teacher = await loginAs(
      t,
      await buildUser(t.db, [
        { role: 'class_teacher', org: { ...tree.classA, ...cls, path: `${tree.school.path}${cls.id}/` } },
      ]),
    );
    expect((await teacher.get(`/api/orgs/${cls.id}`)).statusCode).toBe(200);
    expect((await admin.post(`/api/orgs/${cls.id}/deactivate`, { version: cls.version })).statusCode).toBe(200);
    expect((await teacher.get(`/api/orgs/${cls.id}`)).statusCode).toBe(403);
  });

  it('serves repeated requests from the cache without reloading the account', async () => {
    const fixture = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
    const teacher = await loginAs(t, fixture);
    expect((await teacher.get('/api/me')).json().user.displayName).toBe(`测试${fixture.username}`);
    // A change written behind the app's back (not through it) shows only after the cache expires.
    await t.db.update(appUser).set({ displayName: '改名' }).where(eq(appUser.id, fixture.id));
    expect((await teacher.get('/api/me')).json().user.displayName).toBe(`测试${fixture.username}`);
  });
});

describe('actor cache with a short idle timeout', () => {
  let idleApp: TestApp;
  beforeAll(async () => {
    idleApp = await buildTestApp({ SESSION_CACHE_SECONDS: '60', SESSION_IDLE_MINUTES: '0.05' });
  });
  afterAll(() => idleApp.close());

  it('still enforces the idle timeout while cached', async () => {
    const idleTree = await buildCountyTree(idleApp.db, '闲置县');
    const teacher = await loginAs(
      idleApp,
      await buildUser(idleApp.db, [{ role: 'class_teacher', org: idleTree.classA }]),
    );
    expect((await teacher.get('/api/orgs')).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3500));
    const res = await teacher.get('/api/orgs');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });
});
