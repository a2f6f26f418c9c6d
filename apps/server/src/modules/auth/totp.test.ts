import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FieldCipher } from '../../lib/crypto/field-cipher';
import { buildTestApp, type Client, clientFor, sessionCookie, type TestApp } from '../../test/app';
import { buildCountyTree, buildUser, type CountyTree, TEST_PASSWORD, type UserFixture } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';
import { appUser } from '../users/users.table';
import { totpFor } from './totp';

// Codes depend on the clock: Date is faked (only Date) and moved by whole 30-second steps.
const start = new Date('2026-11-28T09:00:05Z').getTime();
const at = (steps: number) => start + steps * 30_000;
const codeAt = (secret: string, steps: number) => totpFor(secret).generate({ timestamp: at(steps) });

let ip = 0;
const nextIp = () => `10.99.0.${++ip}`;

async function attempt(t: TestApp, user: Pick<UserFixture, 'username' | 'password'>, totp?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password: user.password, ...(totp === undefined ? {} : { totp }) },
    remoteAddress: nextIp(),
  });
}

async function signIn(t: TestApp, user: Pick<UserFixture, 'username' | 'password'>, totp?: string): Promise<Client> {
  const res = await attempt(t, user, totp);
  expect(res.statusCode, res.body).toBe(200);
  return clientFor(t, sessionCookie(res), res.json().csrfToken);
}

/** Enrols the user's authenticator with a code of step `steps`; answers the secret and recovery codes. */
async function enrol(client: Client, steps: number) {
  const setup = await client.post('/api/me/totp/setup');
  expect(setup.statusCode, setup.body).toBe(200);
  const { secret } = setup.json();
  const confirmed = await client.post('/api/me/totp/confirm', { code: codeAt(secret, steps) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

const userRow = async (t: TestApp, id: string) => (await t.db.select().from(appUser).where(eq(appUser.id, id)))[0]!;
const audits = (t: TestApp, event: string, targetId: string) =>
  t.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.event, event), eq(auditEvent.targetId, targetId)));

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at(0));
});
afterAll(() => vi.useRealTimers());

describe('two-step sign-in (TOTP), optional', () => {
  let t: TestApp;
  let tree: CountyTree;
  beforeAll(async () => {
    t = await buildTestApp();
    tree = await buildCountyTree(t.db, '验证县');
  });
  afterAll(() => t.close());
  afterEach(() => vi.setSystemTime(at(0)));

  it('sets up with a QR code, keeps the secret encrypted and pending until a code confirms it', async () => {
    const user = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
    const client = await signIn(t, user);
    expect((await client.get('/api/me/totp')).json()).toEqual({
      enabled: false,
      pending: false,
      required: false,
      recoveryCodesLeft: 0,
    });
    const setup = await client.post('/api/me/totp/setup');
    expect(setup.statusCode).toBe(200);
    expect(setup.headers['cache-control']).toBe('no-store');
    const { otpauthUri, qrDataUrl, secret } = setup.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.+secret=[A-Z2-7]+/);
    expect(otpauthUri).toContain(encodeURIComponent(user.username));
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    let row = await userRow(t, user.id);
    expect(FieldCipher.isCiphertext(row.totpSecret!)).toBe(true);
    expect(row.totpSecret).not.toContain(secret);
    expect(row.totpEnabledAt).toBeNull();
    expect((await client.get('/api/me/totp')).json()).toMatchObject({ enabled: false, pending: true });

    // Pending is not on: sign-in still needs no code.
    expect((await attempt(t, user)).statusCode).toBe(200);

    const wrong = await client.post('/api/me/totp/confirm', { code: codeAt(secret, 5) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('TOTP_CODE_WRONG');
    const ok = await client.post('/api/me/totp/confirm', { code: codeAt(secret, 0) });
    expect(ok.statusCode).toBe(200);
    const { recoveryCodes } = ok.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    row = await userRow(t, user.id);
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.recoveryCodeHashes).toHaveLength(10);
    expect(JSON.stringify(row)).not.toContain(recoveryCodes[0].replaceAll('-', ''));
    expect(JSON.stringify(row)).not.toContain(recoveryCodes[0]);
    expect(await audits(t, 'auth.totp_enabled', user.id)).toHaveLength(1);
    expect((await client.get('/api/me')).json().user).toMatchObject({
      totpEnabled: true,
      totpEnrollmentRequired: false,
    });
    expect((await client.post('/api/me/totp/setup')).json().error.code).toBe('TOTP_ALREADY_ENABLED');
  });

  it('asks for the code, refuses wrong and replayed codes (counted toward the lock), accepts a fresh one', async () => {
    const user = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
    const { secret } = await enrol(await signIn(t, user), 0);

    const missing = await attempt(t, user);
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.code).toBe('TOTP_REQUIRED');
    expect(missing.cookies.find((c) => c.name === 'sw_session')).toBeUndefined();
    expect((await userRow(t, user.id)).failedLogins).toBe(0);

    const wrongPassword = await attempt(t, { username: user.username, password: 'wrong-password' }, codeAt(secret, 0));
    expect(wrongPassword.json().error.code).toBe('BAD_CREDENTIALS');

    const wrong = await attempt(t, user, '000000' === codeAt(secret, 1) ? '111111' : '000000');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('TOTP_INVALID');
    expect((await userRow(t, user.id)).failedLogins).toBe(2);

    // The code that confirmed enrolment (step 0) was used: it cannot sign in.
    expect((await attempt(t, user, codeAt(secret, 0))).json().error.code).toBe('TOTP_INVALID');

    vi.setSystemTime(at(1));
    const client = await signIn(t, user, codeAt(secret, 1));
    expect((await client.get('/api/me')).statusCode).toBe(200);
    expect((await userRow(t, user.id)).failedLogins).toBe(0);
    const replay = await attempt(t, user, codeAt(secret, 1));
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('TOTP_INVALID');

    // Clock drift of one step either way is allowed.
    vi.setSystemTime(at(3));
    expect((await attempt(t, user, codeAt(secret, 4))).statusCode).toBe(200);
    vi.setSystemTime(at(8));
    expect((await attempt(t, user, codeAt(secret, 6))).json().error.code).toBe('TOTP_INVALID');
  });

  it('locks the account after too many wrong codes', async () => {
    const user = await buildUser(t.db, [{ role: 'mentor', org: tree.school }]);
    const { secret } = await enrol(await signIn(t, user), 0);
    const bad = codeAt(secret, 0) === '123456' ? '654321' : '123456';
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await attempt(t, user, bad)).json().error.code);
    expect(codes).toEqual(['TOTP_INVALID', 'TOTP_INVALID', 'TOTP_INVALID', 'TOTP_INVALID', 'ACCOUNT_LOCKED']);
    vi.setSystemTime(at(1));
    expect((await attempt(t, user, codeAt(secret, 1))).json().error.code).toBe('ACCOUNT_LOCKED');
    const failures = await audits(t, 'auth.login_failed', user.id);
    expect(failures.map((a) => (a.diff as { reason: string }).reason)).toContain('bad_totp');
  });

  it('signs in with a recovery code once; the code is then spent', async () => {
    const user = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classB }]);
    const { recoveryCodes } = await enrol(await signIn(t, user), 0);
    const code = recoveryCodes[3]!;
    const client = await signIn(t, user, code.toUpperCase().replaceAll('-', ' '));
    expect((await client.get('/api/me/totp')).json()).toMatchObject({ enabled: true, recoveryCodesLeft: 9 });
    const [used] = await audits(t, 'auth.recovery_code_used', user.id);
    expect(used!.diff).toEqual({ left: 9 });
    const again = await attempt(t, user, code);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('TOTP_INVALID');
    expect((await attempt(t, user, 'abcd-efgh-jkmn')).json().error.code).toBe('TOTP_INVALID');
    expect((await attempt(t, user, recoveryCodes[4])).statusCode).toBe(200);
  });

  it('turns off with the password and a code; sign-in then needs no code', async () => {
    const user = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
    const elsewhere = await signIn(t, user);
    const first = await signIn(t, user);
    const { secret } = await enrol(first, 0);
    // Enrolment ended the user's other sessions, not the one that enrolled.
    expect((await elsewhere.get('/api/me')).statusCode).toBe(401);
    expect((await first.get('/api/me')).statusCode).toBe(200);
    vi.setSystemTime(at(1));
    const client = await signIn(t, user, codeAt(secret, 1));

    vi.setSystemTime(at(2));
    const badPassword = await client.post('/api/me/totp/disable', { password: 'nope-nope', code: codeAt(secret, 2) });
    expect(badPassword.json().error.code).toBe('PASSWORD_WRONG');
    const badCode = await client.post('/api/me/totp/disable', { password: TEST_PASSWORD, code: codeAt(secret, 1) });
    expect(badCode.statusCode).toBe(422);
    expect(badCode.json().error.code).toBe('TOTP_CODE_WRONG');
    const off = await client.post('/api/me/totp/disable', { password: TEST_PASSWORD, code: codeAt(secret, 2) });
    expect(off.statusCode, off.body).toBe(200);
    const row = await userRow(t, user.id);
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, recoveryCodeHashes: null });
    expect(await audits(t, 'auth.totp_disabled', user.id)).toHaveLength(1);
    expect((await attempt(t, user)).statusCode).toBe(200);
  });

  it('turns off with a recovery code (a lost phone)', async () => {
    const user = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
    const { secret, recoveryCodes } = await enrol(await signIn(t, user), 0);
    vi.setSystemTime(at(1));
    const client = await signIn(t, user, recoveryCodes[0]);
    const off = await client.post('/api/me/totp/disable', { password: TEST_PASSWORD, code: recoveryCodes[1] });
    expect(off.statusCode, off.body).toBe(200);
    expect((await attempt(t, user)).statusCode).toBe(200);
    expect(secret).toBeTruthy();
  });
});

describe('two-step sign-in required for administrators (REQUIRE_TOTP_FOR_ADMINS=true)', () => {
  let t: TestApp;
  let tree: CountyTree;
  beforeAll(async () => {
    t = await buildTestApp({ REQUIRE_TOTP_FOR_ADMINS: 'true' });
    tree = await buildCountyTree(t.db, '必验县');
  });
  afterAll(() => t.close());

  it('lets a county admin without TOTP reach only enrolment until it is set up', async () => {
    const admin = await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]);
    const client = await signIn(t, admin);
    const me = await client.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ totpEnabled: false, totpEnrollmentRequired: true });
    const blocked = await client.get('/api/orgs');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('TOTP_ENROLLMENT_REQUIRED');
    expect((await client.get('/api/me/totp')).json()).toMatchObject({ required: true, enabled: false });

    const { secret } = await enrol(client, 0);
    expect((await client.get('/api/me')).json().user.totpEnrollmentRequired).toBe(false);
    expect((await client.get('/api/orgs')).statusCode).toBe(200);

    vi.setSystemTime(at(1));
    expect((await attempt(t, admin)).json().error.code).toBe('TOTP_REQUIRED');
    const again = await signIn(t, admin, codeAt(secret, 1));
    expect((await again.get('/api/orgs')).statusCode).toBe(200);
    vi.setSystemTime(at(0));
  });

  it('applies to school admins, not to other roles', async () => {
    const schoolAdmin = await signIn(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
    expect((await schoolAdmin.get('/api/orgs')).json().error.code).toBe('TOTP_ENROLLMENT_REQUIRED');
    const teacher = await signIn(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
    expect((await teacher.get('/api/me')).json().user.totpEnrollmentRequired).toBe(false);
    expect((await teacher.get('/api/children')).statusCode).toBe(200);
  });

  it('sends a new administrator to enrolment right after the initial password is changed', async () => {
    const admin = await buildUser(t.db, [{ role: 'county_admin', org: tree.county }], { mustChangePassword: true });
    const client = await signIn(t, admin);
    expect((await client.post('/api/me/totp/setup')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await client.post('/api/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Qingshan-river-2026',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const next = clientFor(t, sessionCookie(changed), changed.json().csrfToken);
    expect(changed.json().user).toMatchObject({ mustChangePassword: false, totpEnrollmentRequired: true });
    expect((await next.get('/api/users')).json().error.code).toBe('TOTP_ENROLLMENT_REQUIRED');
    expect((await next.post('/api/me/totp/setup')).statusCode).toBe(200);
    expect((await next.post('/api/auth/logout')).statusCode).toBe(200);
  });
});
