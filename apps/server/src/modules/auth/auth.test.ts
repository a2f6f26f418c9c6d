import { and, eq, sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, clientFor, sessionCookie, type TestApp } from '../../test/app';
import { createTestDatabase } from '../../test/db';
import { buildCountyTree, buildUser, type CountyTree, TEST_PASSWORD } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';
import { org } from '../orgs/orgs.table';
import { createFirstAdminIfNeeded } from '../users/use-cases/create-first-admin';
import { appUser, roleAssignment, session } from '../users/users.table';
import { hashToken } from './session.repository';

/** Every response of this file, checked at the end for secrets and stack traces. */
const seen: LightMyRequestResponse[] = [];
let ipCounter = 0;
/** A fresh client address, so per-IP throttling never links unrelated tests. */
const nextIp = () => `10.20.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

function harness(target: () => TestApp) {
  const api = {
    app: {
      inject: async (options: InjectOptions) => {
        const response = await target().app.inject(options);
        seen.push(response);
        return response;
      },
    } as unknown as TestApp['app'],
  };
  const attempt = (
    username: string,
    password: string,
    options: { ip?: string; cookie?: string; language?: string } = {},
  ) =>
    api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: options.ip ?? nextIp(),
      headers: {
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...(options.language ? { 'accept-language': options.language } : {}),
      },
    });
  /** Signs in and returns a client bound to the new session. */
  const signIn = async (user: { username: string; password: string }, cookie?: string) => {
    const response = await attempt(user.username, user.password, { cookie });
    expect(response.statusCode, response.body).toBe(200);
    return clientFor(api, sessionCookie(response), response.json().csrfToken);
  };
  const me = (cookie: string) => api.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
  return { api, attempt, signIn, me };
}

let t: TestApp;
let tree: CountyTree;
const { attempt, signIn, me } = harness(() => t);

const sessionsOf = (userId: string) => t.db.select().from(session).where(eq(session.userId, userId));
const auditOf = (event: string, targetId: string) =>
  t.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.event, event), eq(auditEvent.targetId, targetId)));
const teacherAt = (options: Parameters<typeof buildUser>[2] = {}) =>
  buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }], options);

beforeAll(async () => {
  // These tests move session timestamps in the database to simulate time passing, so the
  // in-memory actor cache is off here; session-cache.test.ts covers the cache itself.
  t = await buildTestApp({ SESSION_CACHE_SECONDS: '0' });
  tree = await buildCountyTree(t.db, '白河县');
});
afterAll(() => t?.close());

describe('login', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and answers the user with a CSRF token', async () => {
    const user = await teacherAt();
    const res = await attempt(user.username, user.password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sw_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 12 * 3600 });
    expect(cookie.secure).toBeFalsy();
    expect(res.json()).toMatchObject({ user: { id: user.id, username: user.username, mustChangePassword: false } });
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(res.body).not.toContain(cookie.value);
    // Only a hash of the token is stored.
    const [row] = await sessionsOf(user.id);
    expect(row!.id).toBe(hashToken(cookie.value));
    expect(row!.id).not.toBe(cookie.value);
    const [audit] = await auditOf('auth.login', user.id);
    expect(audit).toMatchObject({ actorId: user.id, countyId: tree.county.countyId });
  });

  it('answers a wrong password and an unknown user alike, in the caller’s language', async () => {
    const user = await teacherAt();
    const wrong = await attempt(user.username, 'not-the-password');
    const unknown = await attempt('nobody.here', 'not-the-password');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toEqual({ code: 'BAD_CREDENTIALS', message: '用户名或密码不正确' });
      expect(res.cookies).toHaveLength(0);
    }
    const english = await attempt(user.username, 'nope', { language: 'en-US,en;q=0.9' });
    expect(english.json().error.message).toBe('Wrong username or password');
  });

  it('names the missing field and answers malformed JSON without internals', async () => {
    const res = await attempt('', 'x');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('username');
    const broken = await harness(() => t).api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('MALFORMED_REQUEST');
  });
});

describe('session rotation', () => {
  it('kills the old session when the same browser signs in again', async () => {
    const user = await teacherAt();
    const first = await signIn(user);
    const second = await signIn(user, first.cookie);
    expect(second.cookie).not.toBe(first.cookie);
    expect(second.csrfToken).not.toBe(first.csrfToken);
    const old = await me(first.cookie);
    expect(old.statusCode).toBe(401);
    expect(old.json().error.code).toBe('SESSION_EXPIRED');
    expect((await me(second.cookie)).statusCode).toBe(200);
    expect(await sessionsOf(user.id)).toHaveLength(1);
  });

  it('ends every session and issues a new one when the password changes', async () => {
    const user = await teacherAt();
    const laptop = await signIn(user);
    const phone = await signIn(user);
    const res = await laptop.post('/api/auth/change-password', {
      currentPassword: user.password,
      newPassword: 'Baihe-river-2026',
    });
    expect(res.statusCode).toBe(200);
    const renewed = sessionCookie(res);
    expect(renewed).not.toBe(laptop.cookie);
    expect(res.json().csrfToken).not.toBe(laptop.csrfToken);
    expect((await me(laptop.cookie)).statusCode).toBe(401);
    expect((await me(phone.cookie)).statusCode).toBe(401);
    expect((await me(renewed)).statusCode).toBe(200);
    expect((await attempt(user.username, user.password)).statusCode).toBe(401);
    expect((await attempt(user.username, 'Baihe-river-2026')).statusCode).toBe(200);
    expect(await auditOf('auth.password_changed', user.id)).toHaveLength(1);
  });
});

describe('session timeouts', () => {
  it('expires a session idle longer than the idle timeout', async () => {
    const user = await teacherAt();
    const client = await signIn(user);
    await t.db
      .update(session)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(session.userId, user.id));
    const res = await me(client.cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' });
    const cleared = res.cookies.find((c) => c.name === 'sw_session');
    expect(cleared?.value).toBe('');
    expect(await sessionsOf(user.id)).toHaveLength(0);
    expect(await auditOf('auth.session_expired', user.id)).toHaveLength(1);
  });

  it('expires a session at its absolute limit even while it is in use', async () => {
    const user = await teacherAt();
    const client = await signIn(user);
    expect((await me(client.cookie)).statusCode).toBe(200);
    await t.db
      .update(session)
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() - 1000) })
      .where(eq(session.userId, user.id));
    const res = await me(client.cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('keeps an active session alive by touching it', async () => {
    const user = await teacherAt();
    const client = await signIn(user);
    const stale = new Date(Date.now() - 20 * 60_000);
    await t.db.update(session).set({ lastSeenAt: stale }).where(eq(session.userId, user.id));
    expect((await me(client.cookie)).statusCode).toBe(200);
    const [row] = await sessionsOf(user.id);
    expect(row!.lastSeenAt.getTime()).toBeGreaterThan(stale.getTime());
  });

  it('answers a made-up cookie as an expired session, not as an error', async () => {
    const res = await me('sw_session=made-up-token');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });
});

describe('lockout', () => {
  it('locks the account after 5 failures; then even the right password is refused, all audited', async () => {
    const user = await teacherAt();
    for (let i = 1; i <= 4; i++) {
      const res = await attempt(user.username, `wrong-${i}`);
      expect(res.statusCode).toBe(401);
    }
    const fifth = await attempt(user.username, 'wrong-5');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    const right = await attempt(user.username, user.password);
    expect(right.statusCode).toBe(423);
    expect(right.cookies).toHaveLength(0);

    expect((await auditOf('auth.login_failed', user.id)).length).toBe(6);
    expect(await auditOf('auth.locked', user.id)).toHaveLength(1);
    const [row] = await t.db.select().from(appUser).where(eq(appUser.id, user.id));
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);

    // When the lock runs out, the right password works again.
    await t.db
      .update(appUser)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(appUser.id, user.id));
    expect((await attempt(user.username, user.password)).statusCode).toBe(200);
  });
});

describe('logout', () => {
  it('ends the session and clears the cookie', async () => {
    const user = await teacherAt();
    const client = await signIn(user);
    const res = await client.post('/api/auth/logout');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(res.cookies.find((c) => c.name === 'sw_session')?.value).toBe('');
    expect(await sessionsOf(user.id)).toHaveLength(0);
    expect((await me(client.cookie)).statusCode).toBe(401);
    expect(await auditOf('auth.logout', user.id)).toHaveLength(1);
  });
});

describe('CSRF', () => {
  it('refuses state-changing requests without the token or with a wrong one', async () => {
    const user = await teacherAt();
    const client = await signIn(user);
    const none = await client.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': '' });
    expect(none.statusCode).toBe(403);
    expect(none.json().error).toEqual({ code: 'CSRF_REJECTED', message: '页面已失效，请刷新后重试' });
    const wrong = await client.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': 'guessed' });
    expect(wrong.statusCode).toBe(403);
    const language = await client.request('PUT', '/api/me/language', { language: 'en' }, { 'x-csrf-token': 'x' });
    expect(language.json().error.code).toBe('CSRF_REJECTED');
    // Nothing happened: the session lives and the language is unchanged.
    const current = await me(client.cookie);
    expect(current.statusCode).toBe(200);
    expect(current.json().user.language).toBe('zh-CN');
  });

  it('does not accept another session’s token', async () => {
    const a = await signIn(await teacherAt());
    const b = await signIn(await teacherAt());
    const res = await a.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': b.csrfToken });
    expect(res.statusCode).toBe(403);
  });
});

describe('forced password change', () => {
  it('blocks everything but /me, logout and change-password until the initial password is changed', async () => {
    const user = await teacherAt({ mustChangePassword: true });
    const client = await signIn(user);
    const orgs = await client.get('/api/orgs');
    expect(orgs.statusCode).toBe(403);
    expect(orgs.json().error).toEqual({ code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码' });
    const self = await client.get('/api/me');
    expect(self.statusCode).toBe(200);
    expect(self.json().user.mustChangePassword).toBe(true);

    const changed = await client.post('/api/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Baihe-new-term-1',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user.mustChangePassword).toBe(false);
    const after = clientFor(harness(() => t).api, sessionCookie(changed), changed.json().csrfToken);
    expect((await after.get('/api/orgs')).statusCode).toBe(200);
  });
});

describe('password policy', () => {
  it('answers weak new passwords with 422 and a Chinese message naming the field', async () => {
    const user = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }], { username: 'zhangsan.bh' });
    const client = await signIn(user);
    const cases = [
      ['short7!', 'PASSWORD_TOO_SHORT', '密码至少需要8个字符'],
      ['password123', 'PASSWORD_TOO_COMMON', '这个密码太常见，容易被猜到，请换一个'],
      ['ZhangSan.BH', 'PASSWORD_IS_USERNAME', '密码不能与用户名相同'],
    ] as const;
    for (const [newPassword, code, message] of cases) {
      const res = await client.post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toEqual({ code, message, details: [{ field: 'newPassword', message }] });
    }
    const wrong = await client.post('/api/auth/change-password', {
      currentPassword: 'not-mine',
      newPassword: 'Baihe-valid-pass',
    });
    expect(wrong.json().error).toMatchObject({ code: 'PASSWORD_WRONG', message: '当前密码不正确' });
    const same = await client.post('/api/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: TEST_PASSWORD,
    });
    expect(same.json().error.code).toBe('PASSWORD_REUSED');
    // Still signed in with the old password.
    expect((await me(client.cookie)).statusCode).toBe(200);
  });

  it('speaks English to a user who chose it', async () => {
    const user = await teacherAt();
    await t.db.update(appUser).set({ language: 'en' }).where(eq(appUser.id, user.id));
    const client = await signIn(user);
    const res = await client.post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'x' });
    expect(res.json().error.message).toBe('The password needs at least 8 characters');
  });
});

describe('disabled accounts', () => {
  it('cannot sign in', async () => {
    const user = await teacherAt({ status: 'disabled' });
    const res = await attempt(user.username, user.password);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toEqual({ code: 'ACCOUNT_DISABLED', message: '该账号已停用，请联系管理员' });
    expect(res.cookies).toHaveLength(0);
  });

  it('lose their live session at once', async () => {
    const user = await teacherAt();
    const client = await signIn(user);
    await t.db.update(appUser).set({ status: 'disabled' }).where(eq(appUser.id, user.id));
    const res = await me(client.cookie);
    expect(res.statusCode).toBe(401);
    expect(res.cookies.find((c) => c.name === 'sw_session')?.value).toBe('');
    expect(await sessionsOf(user.id)).toHaveLength(0);
  });
});

describe('with tight limits (throttling, short idle timeout, secure cookies)', () => {
  let tight: TestApp;
  let tightTree: CountyTree;
  const h = harness(() => tight);
  const build = (username?: string) =>
    buildUser(tight.db, [{ role: 'mentor', org: tightTree.school }], username ? { username } : {});

  beforeAll(async () => {
    tight = await buildTestApp({
      LOGIN_THROTTLE_PER_USERNAME: '3',
      LOGIN_THROTTLE_PER_IP: '5',
      // 3 s: long enough that a loaded CI machine does not idle out between two quick requests.
      SESSION_IDLE_MINUTES: '0.05',
      COOKIE_SECURE: 'true',
    });
    tightTree = await buildCountyTree(tight.db, '细雨县');
  });
  afterAll(() => tight?.close());

  it('throttles one username tried from many addresses with 429', async () => {
    const user = await build();
    for (let i = 0; i < 3; i++) expect((await h.attempt(user.username, 'wrong')).statusCode).toBe(401);
    const res = await h.attempt(user.username, user.password);
    expect(res.statusCode).toBe(429);
    expect(res.json().error).toEqual({ code: 'TOO_MANY_ATTEMPTS', message: '尝试过于频繁，请稍后再试' });
    const throttled = await tight.db.select().from(auditEvent).where(eq(auditEvent.event, 'auth.throttled'));
    expect(throttled.length).toBeGreaterThan(0);
  });

  it('throttles one address trying many usernames with 429, and not other addresses', async () => {
    const ip = nextIp();
    for (let i = 0; i < 5; i++) expect((await h.attempt(`guess${i}`, 'wrong', { ip })).statusCode).toBe(401);
    const user = await build();
    expect((await h.attempt(user.username, user.password, { ip })).statusCode).toBe(429);
    expect((await h.attempt(user.username, user.password)).statusCode).toBe(200);
  });

  it('lets a whole school sign in from one shared address', async () => {
    const ip = nextIp();
    for (let i = 0; i < 8; i++) {
      const user = await build();
      const res = await h.attempt(user.username, user.password, { ip });
      expect(res.statusCode, `teacher ${i + 1}`).toBe(200);
    }
  });

  it('marks the cookie Secure when served over HTTPS', async () => {
    const user = await build();
    const res = await h.attempt(user.username, user.password);
    expect(res.cookies.find((c) => c.name === 'sw_session')?.secure).toBe(true);
  });

  it('expires a session after the configured idle time', async () => {
    const user = await build();
    const client = await h.signIn(user);
    expect((await h.me(client.cookie)).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3500));
    const res = await h.me(client.cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });
});

describe('first administrator', () => {
  it('is created once, with a one-time password to change at first sign-in; a second call does nothing', async () => {
    const database = await createTestDatabase();
    try {
      const db = database.db;
      const first = await createFirstAdminIfNeeded(db, '白河县');
      expect(first).toMatchObject({ username: 'admin' });
      expect(first!.password).toMatch(/^[A-Za-z0-9]{12}$/);
      const users = await db.select().from(appUser);
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({ username: 'admin', mustChangePassword: true, status: 'active' });
      expect(users[0]!.passwordHash).not.toContain(first!.password);
      const roles = await db.select().from(roleAssignment);
      expect(roles).toEqual([expect.objectContaining({ userId: users[0]!.id, role: 'county_admin' })]);
      const [county] = await db.select().from(org);
      expect(county).toMatchObject({ kind: 'county', name: '白河县', id: users[0]!.countyId });
      const audit = await db.select().from(auditEvent).where(eq(auditEvent.event, 'system.first_admin_created'));
      expect(audit).toHaveLength(1);

      expect(await createFirstAdminIfNeeded(db)).toBeNull();
      const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(appUser)) as [{ n: number }];
      expect(n).toBe(1);
      expect(await db.select().from(org)).toHaveLength(1);
    } finally {
      await database.close();
    }
  });
});

describe('every response', () => {
  it('carries no password hash and no stack trace', () => {
    expect(seen.length).toBeGreaterThan(40);
    for (const response of seen) {
      expect(response.body).not.toMatch(/passwordHash|password_hash|\$argon2/);
      expect(response.body).not.toMatch(/\n\s+at /);
    }
  });
});
