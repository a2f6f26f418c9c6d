import { createHmac } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiSession } from './api.support';
import {
  desktop,
  expectNoHorizontalOverflow,
  expectNoRawKeys,
  launchBrowser,
  phone,
  phoneTwin,
  type RunningServer,
  screenshot,
  settle,
  startServer,
} from './support';

/**
 * 重置两步验证: a teacher lost the phone and the recovery codes. The school administrator resets
 * the teacher's two-step sign-in on the user page, confirming with their own password (a wrong one
 * is refused on the field); the teacher signs in with the password alone and is told who reset it.
 */

/** RFC 6238 code (SHA-1, 6 digits, 30 s) of a base32 secret, as an authenticator app shows it. */
function totpCode(secret: string, at = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => Number.parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0xf;
  return String((hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

let server: RunningServer;
let browser: Browser;
let deskContext: BrowserContext;
const teacherPassword = 'Li-laoshi-2026!';

const visible = (locator: Locator, timeout = 20_000) => locator.first().waitFor({ state: 'visible', timeout });

async function check(page: Page, name: string) {
  await settle(page);
  await expectNoHorizontalOverflow(page);
  await expectNoRawKeys(page);
  expect((await page.locator('body').textContent()) ?? '').not.toMatch(/\bsecurity\.[a-zA-Z]+/);
  await screenshot(page, name);
}

/** Opens the teacher's 更多 menu on the user page (table row on a desktop, card on a phone). */
async function openResetDialog(page: Page) {
  await page.goto('/users');
  const holder = page.locator('tr, .ant-card').filter({ hasText: '李老师' }).last();
  await visible(holder);
  await holder.getByRole('button', { name: '更多' }).click();
  await page.getByRole('menuitem', { name: '重置两步验证' }).click();
  await visible(page.getByTestId('totp-reset-password'));
}

describe('an administrator resets a teacher’s two-step sign-in', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const bootstrap = await browser.newContext({ baseURL: server.baseUrl });
    const admin = await apiSession(
      bootstrap.request,
      server.adminUsername,
      server.adminPassword,
      'Qingshan-admin-2026',
    );
    const orgs = (await admin('GET', '/orgs')) as { items: { id: string; kind: string }[] };
    const county = orgs.items.find((o) => o.kind === 'county')!;
    const make = async (parentId: string, kind: string, name: string) =>
      ((await admin('POST', '/orgs', { parentId, kind, name })) as { id: string }).id;
    const township = await make(county.id, 'township', '青石镇');
    const school = await make(township, 'school', '青石镇中心小学');
    const klass = await make(school, 'class', '三年级（1）班');
    const head = (await admin('POST', '/users', {
      username: 'zhou.xiaozhang',
      displayName: '周校长',
      roles: [{ orgId: school, role: 'school_admin' }],
    })) as { oneTimePassword: string };
    const teacher = (await admin('POST', '/users', {
      username: 'li.laoshi',
      displayName: '李老师',
      roles: [{ orgId: klass, role: 'class_teacher' }],
    })) as { oneTimePassword: string };
    // The teacher sets up an authenticator (the phone that is later lost).
    const teacherCall = await apiSession(bootstrap.request, 'li.laoshi', teacher.oneTimePassword, teacherPassword);
    const { secret } = (await teacherCall('POST', '/me/totp/setup')) as { secret: string };
    await teacherCall('POST', '/me/totp/confirm', { code: totpCode(secret) });
    await bootstrap.close();
    deskContext = await browser.newContext({ ...desktop, baseURL: server.baseUrl, locale: 'zh-CN' });
    await apiSession(deskContext.request, 'zhou.xiaozhang', head.oneTimePassword, 'Zhou-xiaozhang-2026!');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the dialog on a phone asks for the administrator’s own password', async () => {
    const context = await phoneTwin(browser, deskContext, server.baseUrl);
    const page = await context.newPage();
    await openResetDialog(page);
    await visible(page.getByText('仅在对方手机丢失'));
    await check(page, 'totp-reset-dialog-375');
    await context.close();
  });

  test('a wrong password is refused on the field; the right one resets it', async () => {
    const page = await deskContext.newPage();
    await page.goto('/users');
    await visible(page.locator('tr').filter({ hasText: '李老师' }).getByText('已开启两步验证'));
    await openResetDialog(page);
    await page.getByTestId('totp-reset-password').fill('not-my-password');
    await page.locator('#totp-reset-ok').click();
    await visible(page.getByText('您输入的登录密码不正确'));
    await check(page, 'totp-reset-dialog-wrong-1440');
    await page.getByTestId('totp-reset-password').fill('Zhou-xiaozhang-2026!');
    await page.locator('#totp-reset-ok').click();
    await visible(page.getByText('已重置“李老师”的两步验证'));
    await page
      .locator('.ant-modal-wrap')
      .first()
      .waitFor({ state: 'hidden' })
      .catch(() => undefined);
    expect(await page.locator('tr').filter({ hasText: '李老师' }).getByText('已开启两步验证').count()).toBe(0);
    await check(page, 'totp-reset-done-1440');
    await page.close();
  });

  test('the teacher signs in with the password alone and is told who reset it', async () => {
    for (const [size, name] of [
      [desktop, 'totp-reset-notice-1440'],
      [phone, 'totp-reset-notice-375'],
    ] as const) {
      const context = await browser.newContext({ ...size, baseURL: server.baseUrl, locale: 'zh-CN' });
      await apiSession(context.request, 'li.laoshi', teacherPassword, teacherPassword);
      const page = await context.newPage();
      await page.goto('/');
      await visible(page.getByTestId('totp-reset-notice'));
      const text = (await page.getByTestId('totp-reset-notice').textContent()) ?? '';
      expect(text).toContain('您的两步验证已被重置');
      expect(text).toContain('周校长');
      await check(page, name);
      await context.close();
    }
  });
});
