import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { changePassword, chooseById as choose, chooseOrg, drawerSubmit, signIn } from './forms.support';
import { expectVisible } from './snap.support';
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
 * The foundation journey: the first administrator signs in with the printed one-time password,
 * sets a real one, builds township → school → class, opens an account for a class teacher,
 * and the teacher signs in on a phone and sees only what the role allows.
 */

const adminPassword = 'Qingshan-admin-2026';
const teacherPassword = 'Li-laoshi-2026!';
const township = '城关镇';
const school = '城关镇中心小学';
const klass = '三年级（2）班';

let server: RunningServer;
let browser: Browser;
let adminContext: BrowserContext;
let admin: Page;
let teacherOneTimePassword = '';

async function orgAction(page: Page, orgName: string, action: string) {
  await page.getByTestId(`org-actions-${orgName}`).click();
  await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: action }).first().click();
}

/** Screenshots a page at 1440 px (this window) and 375 px (a phone window on the same session). */
async function snapBoth(page: Page, path: string, name: string, ready: (p: Page) => Locator) {
  await page.goto(path);
  await expectVisible(ready(page));
  await expectNoRawKeys(page);
  await screenshot(page, `${name}-1440`);
  const twin = await phoneTwin(browser, page.context(), server.baseUrl);
  try {
    const small = await twin.newPage();
    await small.goto(path);
    await expectVisible(ready(small));
    await settle(small);
    await expectNoHorizontalOverflow(small);
    await expectNoRawKeys(small);
    await screenshot(small, `${name}-375`);
  } finally {
    await twin.close();
  }
}

describe('foundation: sign-in, units, users, and what a class teacher sees', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    adminContext = await browser.newContext({ ...desktop, baseURL: server.baseUrl, locale: 'zh-CN' });
    admin = await adminContext.newPage();
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  });

  test('the login page greets in Chinese and fits a phone', async () => {
    await admin.goto('/login');
    await expectVisible(admin.getByTestId('login-submit'));
    expect((await admin.locator('body').textContent()) ?? '').toContain('守望');
    await expectNoRawKeys(admin);
    await screenshot(admin, 'login-1440');
    const small = await browser.newContext({ ...phone, baseURL: server.baseUrl, locale: 'zh-CN' });
    try {
      const page = await small.newPage();
      await page.goto('/login');
      await expectVisible(page.getByTestId('login-submit'));
      await expectNoHorizontalOverflow(page);
      await screenshot(page, 'login-375');
      // A wrong password is refused with the server's Chinese message.
      await page.locator('#login-username').fill('admin');
      await page.locator('#login-password').fill('not-the-password');
      await page.getByTestId('login-submit').click();
      await expectVisible(page.getByTestId('login-error'));
      expect((await page.getByTestId('login-error').textContent()) ?? '').toContain('用户名或密码不正确');
      await screenshot(page, 'login-error-375');
    } finally {
      await small.close();
    }
  });

  test('the first administrator must replace the one-time password', async () => {
    await signIn(admin, server.adminUsername, server.adminPassword);
    await admin.waitForURL('**/change-password');
    await expectVisible(admin.getByTestId('password-policy'));
    const policy = (await admin.getByTestId('password-policy').textContent()) ?? '';
    expect(policy).toContain('8');
    expect(policy).toContain('用户名');
    await screenshot(admin, 'change-password-1440');
    // The client applies the shared policy before sending.
    await admin.locator('#currentPassword').fill(server.adminPassword);
    await admin.locator('#newPassword').fill('12345678');
    await admin.locator('#confirmPassword').fill('12345678');
    await admin.getByTestId('change-password-submit').click();
    await expectVisible(admin.getByText('这个密码太常见'));
    await changePassword(admin, server.adminPassword, adminPassword);
    const header = (await admin.getByTestId('user-role-summary').textContent()) ?? '';
    expect(header).toContain('县级管理员');
  });

  test('the administrator builds township → school → class', async () => {
    await admin.getByTestId('nav-orgs').click();
    await admin.waitForURL('**/orgs');
    await expectVisible(admin.getByTestId('org-tree'));
    const county = (await admin.locator('[data-testid^="org-node-"]').first().getAttribute('data-testid'))!.replace(
      'org-node-',
      '',
    );

    await orgAction(admin, county, '新建下级单位');
    await admin.locator('#name').fill(township);
    await drawerSubmit(admin).click();
    await expectVisible(admin.getByTestId(`org-node-${township}`));

    await orgAction(admin, township, '新建下级单位');
    await choose(admin, 'kind', '学校');
    await admin.locator('#name').fill(school);
    await admin.locator('#studentCount').fill('185');
    await drawerSubmit(admin).click();
    await expectVisible(admin.getByTestId(`org-node-${school}`));

    await orgAction(admin, school, '新建下级单位');
    await admin.locator('#name').fill(klass);
    await admin.locator('#studentCount').fill('46');
    await drawerSubmit(admin).click();
    await expectVisible(admin.getByTestId(`org-node-${klass}`));
    expect((await admin.getByTestId(`org-node-${school}`).textContent()) ?? '').toContain('185');

    // The same name twice under one parent is refused with the server's message in the drawer.
    await orgAction(admin, school, '新建下级单位');
    await admin.locator('#name').fill(klass);
    await drawerSubmit(admin).click();
    await expectVisible(admin.getByTestId('form-error'));
    expect((await admin.getByTestId('form-error').textContent()) ?? '').toContain('同名');
    await screenshot(admin, 'org-duplicate-error-1440');
    await admin.keyboard.press('Escape');

    await snapBoth(admin, '/orgs', 'orgs', (p) => p.getByTestId(`org-node-${klass}`));
  });

  test('the administrator sets the county term', async () => {
    await admin.goto('/terms');
    await expectVisible(admin.getByTestId('term-create'));
    await admin.getByTestId('term-create').click();
    await choose(admin, 'schoolYear', '2026-2027');
    for (const [id, date] of [
      ['startDate', '2026-09-01'],
      ['midDate', '2026-11-10'],
      ['endDate', '2027-01-20'],
    ] as const) {
      await admin.locator(`#${id}`).click();
      await admin.locator(`#${id}`).fill(date);
      await admin.locator(`#${id}`).press('Enter');
    }
    await drawerSubmit(admin).click();
    await expectVisible(admin.getByText('2026-2027学年 第一学期'));
    await snapBoth(admin, '/terms', 'terms', (p) => p.getByText('2026-09-01'));
  });

  test('the administrator opens an account for the class teacher', async () => {
    await admin.goto('/users');
    await expectVisible(admin.getByTestId('user-create'));
    await admin.getByTestId('user-create').click();
    await admin.locator('#username').fill('li.laoshi');
    await admin.locator('#displayName').fill('李老师');
    await chooseOrg(admin, 'roles_0_orgId', klass);
    // A class takes exactly one role, so it is chosen by itself.
    await expectVisible(admin.locator('.ant-drawer-open .ant-select-content', { hasText: '班主任' }));
    await screenshot(admin, 'user-create-1440');
    await drawerSubmit(admin).click();
    await expectVisible(admin.getByTestId('otp-value'));
    teacherOneTimePassword = ((await admin.getByTestId('otp-value').textContent()) ?? '').trim();
    expect(teacherOneTimePassword.length).toBeGreaterThanOrEqual(8);
    expect((await admin.getByTestId('otp-modal').textContent()) ?? '').toContain('只显示这一次');
    await screenshot(admin, 'user-otp-1440');
    await admin.getByTestId('otp-done').click();
    await snapBoth(admin, '/users', 'users', (p) => p.getByText('li.laoshi'));
  });

  test('the audit log shows what happened, readably', async () => {
    await snapBoth(admin, '/audit', 'audit', (p) => p.getByText('新建用户'));
    // The change itself, field by field.
    const row = admin.locator('tr.ant-table-row', { hasText: '新建单位' }).first();
    await row.locator('.ant-table-row-expand-icon').click();
    await expectVisible(admin.locator('.ant-table-expanded-row', { hasText: '新建时填写的内容' }));
    const detail = (await admin.locator('.ant-table-expanded-row').first().textContent()) ?? '';
    expect(detail).toContain(klass);
    // Unit ids are shown as names.
    expect(detail).toContain(`${township} / ${school} / ${klass}`);
    await screenshot(admin, 'audit-diff-1440');
    await snapBoth(admin, '/', 'home-admin', (p) => p.getByTestId('home-roles'));
  });

  test('a stale edit shows what someone else saved instead of overwriting it', async () => {
    await admin.goto('/orgs');
    await orgAction(admin, school, '修改名称和信息');
    await expectVisible(admin.locator('#studentCount'));

    // Meanwhile, in another window, the count is corrected.
    const other = await browser.newContext({
      ...desktop,
      baseURL: server.baseUrl,
      storageState: await adminContext.storageState(),
    });
    try {
      const page = await other.newPage();
      await page.goto('/orgs');
      await orgAction(page, school, '修改名称和信息');
      await page.locator('#studentCount').fill('190');
      await drawerSubmit(page).click();
      await expectVisible(page.getByText('学生 190 人'));
    } finally {
      await other.close();
    }

    await admin.locator('#studentCount').fill('186');
    await drawerSubmit(admin).click();
    await expectVisible(admin.getByTestId('version-conflict'));
    expect((await admin.getByTestId('version-conflict').textContent()) ?? '').toContain('190');
    await screenshot(admin, 'org-conflict-1440');
    await admin.getByTestId('version-conflict').getByRole('button').click();
    expect(await admin.locator('#studentCount').inputValue()).toBe('190');
    await admin.locator('#studentCount').fill('186');
    await drawerSubmit(admin).click();
    await expectVisible(admin.getByText('学生 186 人'));
  });

  test('forms fit a phone: drawers open full screen', async () => {
    const twin = await phoneTwin(browser, adminContext, server.baseUrl);
    try {
      const page = await twin.newPage();
      await page.goto('/users');
      await page.getByTestId('user-create').click();
      await expectVisible(page.locator('#username'));
      await expectNoHorizontalOverflow(page);
      await screenshot(page, 'user-create-375');
      await page.keyboard.press('Escape');

      await page.getByTestId('user-card-li.laoshi').getByRole('button', { name: '角色' }).click();
      await expectVisible(page.getByTestId('user-roles'));
      await screenshot(page, 'user-roles-375');
      await page.keyboard.press('Escape');

      await page.goto('/orgs');
      await orgAction(page, school, '修改名称和信息');
      await expectVisible(page.locator('#studentCount'));
      await screenshot(page, 'org-edit-375');
      await page.keyboard.press('Escape');

      await page.goto('/terms');
      await page.getByTestId('term-create').click();
      await expectVisible(page.locator('#startDate'));
      await screenshot(page, 'term-create-375');
    } finally {
      await twin.close();
    }
  });

  test('the administrator signs out', async () => {
    await admin.goto('/');
    await admin.getByTestId('user-menu').click();
    const item = admin.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: '退出登录' });
    await expectVisible(item);
    // The server ends the session first; then the page forgets it and shows the sign-in page.
    const [answer] = await Promise.all([
      admin.waitForResponse((response) => new URL(response.url()).pathname === '/api/auth/logout'),
      item.click(),
    ]);
    expect(answer.status()).toBe(200);
    await admin.waitForURL('**/login');
    await admin.goto('/orgs');
    await admin.waitForURL('**/login');
  });

  test('the class teacher signs in on a phone and sees only their class', async () => {
    const context = await browser.newContext({ ...phone, baseURL: server.baseUrl, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await signIn(page, 'li.laoshi', teacherOneTimePassword);
      await page.waitForURL('**/change-password');
      await expectNoHorizontalOverflow(page);
      await screenshot(page, 'change-password-375');
      await changePassword(page, teacherOneTimePassword, teacherPassword);
      await expectNoHorizontalOverflow(page);
      await screenshot(page, 'home-teacher-375');
      // The summary counts the teacher's own class, not the ancestors shown for context.
      const units = (await page.getByTestId('home-units').textContent()) ?? '';
      expect(units).toContain('46');
      expect(units).not.toContain('185');

      // Navigation comes from permissions: no users, no audit log.
      await page.getByTestId('nav-open').click();
      await expectVisible(page.getByTestId('nav-orgs'));
      expect(await page.getByTestId('nav-users').count()).toBe(0);
      expect(await page.getByTestId('nav-audit').count()).toBe(0);
      await screenshot(page, 'nav-drawer-teacher-375');
      await page.getByTestId('nav-orgs').click();
      await page.waitForURL('**/orgs');
      await expectVisible(page.getByTestId(`org-node-${klass}`));
      await settle(page);

      // The class and its ancestors, nothing else, and nothing to change.
      const nodes = await page
        .locator('[data-testid^="org-node-"]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.replace('org-node-', '')));
      expect(nodes).toHaveLength(4);
      expect(nodes).toEqual(expect.arrayContaining([township, school, klass]));
      expect(await page.getByTestId('org-create').count()).toBe(0);
      expect(await page.locator('[data-testid^="org-actions-"]').count()).toBe(0);
      await expectNoHorizontalOverflow(page);
      await screenshot(page, 'orgs-teacher-375');

      // Typing the address of a page the role lacks shows a refusal, not the page.
      await page.goto('/users');
      await expectVisible(page.getByText('没有访问权限'));
      await screenshot(page, 'forbidden-teacher-375');

      // The terms page is readable and offers no changes.
      await page.goto('/terms');
      await expectVisible(page.getByText('2026-09-01'));
      expect(await page.getByTestId('term-create').count()).toBe(0);
      await screenshot(page, 'terms-teacher-375');

      // English on request, saved to the account.
      await page.goto('/');
      await page.getByTestId('language-switch').click();
      await expectVisible(page.getByText('My roles and units'));
      await expectNoRawKeys(page);
      await screenshot(page, 'home-teacher-en-375');
      await page.reload();
      await expectVisible(page.getByText('My roles and units'));
      await page.getByTestId('language-switch').click();
      await expectVisible(page.getByText('我的角色与单位'));

      // The teacher on a desktop.
      const wide = await browser.newContext({
        ...desktop,
        baseURL: server.baseUrl,
        storageState: await context.storageState(),
      });
      try {
        const big = await wide.newPage();
        await big.goto('/orgs');
        await expectVisible(big.getByTestId(`org-node-${klass}`));
        expect(await big.getByTestId('nav-users').count()).toBe(0);
        await screenshot(big, 'orgs-teacher-1440');
        await big.goto('/');
        await expectVisible(big.getByTestId('home-roles'));
        await screenshot(big, 'home-teacher-1440');
      } finally {
        await wide.close();
      }
    } finally {
      await context.close();
    }
  });
});
