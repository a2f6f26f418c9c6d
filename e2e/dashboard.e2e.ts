import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  desktop,
  expectNoHorizontalOverflow,
  expectNoRawKeys,
  launchBrowser,
  phone,
  type RunningServer,
  screenshot,
  screenshotDir,
  settle,
  startServer,
} from './support';

/**
 * 数据看板 on a phone: a school administrator opens the dashboard, sees pairing coverage in red
 * (no left-behind child has a mentor yet, the target is 100%), opens the children behind it,
 * switches the compliance chart to its table, and exports the statistics to Excel.
 */

type Api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown) => Promise<unknown>;

let server: RunningServer;
let browser: Browser;
let adminContext: BrowserContext;
let page: Page;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (n: number) => iso(new Date(Date.now() - n * 86_400_000));
const kids = ['王小明', '李思雨', '张子涵'];

async function apiSession(request: APIRequestContext, username: string, password: string, next: string) {
  let csrf = '';
  const call: Api = async (method, p, body) => {
    const response = await request.fetch(`/api${p}`, {
      method,
      data: body,
      headers: method === 'GET' ? {} : { 'X-CSRF-Token': csrf },
    });
    const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (!response.ok()) throw new Error(`${method} ${p}: ${response.status()} ${JSON.stringify(json)}`);
    if (json && typeof json.csrfToken === 'string') csrf = json.csrfToken;
    return json;
  };
  const me = (await call('POST', '/auth/login', { username, password })) as { user: { mustChangePassword: boolean } };
  if (me.user.mustChangePassword)
    await call('POST', '/auth/change-password', { currentPassword: password, newPassword: next });
  return call;
}

const visible = (locator: Locator, timeout = 20_000) => locator.first().waitFor({ state: 'visible', timeout });

async function bothSizes(name: string, ready: (p: Page) => Locator) {
  await visible(ready(page));
  await settle(page);
  await expectNoHorizontalOverflow(page);
  await expectNoRawKeys(page);
  expect((await page.locator('body').textContent()) ?? '').not.toMatch(/\bstats\.[a-zA-Z]+/);
  await screenshot(page, `${name}-375`);
  const wide = await browser.newContext({
    ...desktop,
    baseURL: server.baseUrl,
    storageState: await adminContext.storageState(),
    locale: 'zh-CN',
  });
  try {
    const big = await wide.newPage();
    await big.goto(page.url());
    await visible(ready(big));
    await settle(big);
    await screenshot(big, `${name}-1440`);
  } finally {
    await wide.close();
  }
}

describe('dashboard: KPI tiles against targets, drill-down, table view and export', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const bootstrap = await browser.newContext({ baseURL: server.baseUrl });
    const admin = await apiSession(
      bootstrap.request,
      server.adminUsername,
      server.adminPassword,
      'Dashboard-admin-2026',
    );
    const orgs = (await admin('GET', '/orgs')) as { items: { id: string; kind: string }[] };
    const county = orgs.items.find((o) => o.kind === 'county')!;
    const make = async (parentId: string, kind: string, name: string) =>
      ((await admin('POST', '/orgs', { parentId, kind, name })) as { id: string }).id;
    const township = await make(county.id, 'township', '黄泥镇');
    const school = await make(township, 'school', '黄泥村小学');
    const klass = await make(school, 'class', '五年级（1）班');
    const start = new Date(Date.now() - 75 * 86_400_000);
    const firstYear = start.getUTCMonth() >= 6 ? start.getUTCFullYear() : start.getUTCFullYear() - 1;
    await admin('POST', '/terms', {
      orgId: county.id,
      schoolYear: `${firstYear}-${firstYear + 1}`,
      termNo: start.getUTCMonth() >= 6 ? 1 : 2,
      startDate: iso(start),
      midDate: daysAgo(20),
      endDate: iso(new Date(Date.now() + 40 * 86_400_000)),
    });
    const { oneTimePassword } = (await admin('POST', '/users', {
      username: 'huang.xiaozhang',
      displayName: '黄校长',
      roles: [{ orgId: school, role: 'school_admin' }],
    })) as { oneTimePassword: string };
    await bootstrap.close();

    adminContext = await browser.newContext({ ...phone, baseURL: server.baseUrl, locale: 'zh-CN' });
    const schoolApi = await apiSession(
      adminContext.request,
      'huang.xiaozhang',
      oneTimePassword,
      'Huang-xiaozhang-2026!',
    );
    for (const name of kids)
      await schoolApi('POST', '/children', {
        name,
        schoolId: school,
        classId: klass,
        birthDate: '2015-04-01',
        categories: [{ category: 'left_behind_both', startDate: daysAgo(400) }],
        enrollmentStatus: 'enrolled',
        enrollmentDate: daysAgo(400),
      });
    page = await adminContext.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a red tile leads to the children behind it; a chart turns into a table; the statistics export', async () => {
    await page.goto('/dashboard');
    const tile = page.getByTestId('kpi-pairingCoverage');
    await visible(tile);
    expect(await tile.getAttribute('data-standing')).toBe('below');
    expect(await tile.textContent()).toContain('0 / 3');
    expect(await page.getByTestId('stats-as-of').textContent()).toContain('留守儿童 3 名');
    await bothSizes('dashboard', (p) => p.getByTestId('kpi-pairingCoverage'));

    await tile.click();
    const drawer = page.getByTestId('kpi-children');
    await visible(drawer.getByTestId('kpi-child'));
    expect(await drawer.getByTestId('kpi-child').count()).toBe(3);
    expect(await drawer.textContent()).toContain('没有帮扶教师或代理家长');
    fs.mkdirSync(screenshotDir, { recursive: true });
    await settle(page);
    await page.screenshot({ path: path.join(screenshotDir, 'dashboard-drill-375.png') });
    const listDownload = page.waitForEvent('download');
    await drawer.getByTestId('export-children').click();
    expect((await listDownload).suggestedFilename()).toMatch(/结对覆盖率.*\.xlsx$/);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    const card = page.getByTestId('card-compliance');
    await card.scrollIntoViewIfNeeded();
    await card.locator('.ant-segmented-item').nth(1).click();
    await visible(card.getByTestId('table-compliance'));
    expect(await card.getByTestId('table-compliance').textContent()).toContain('谈心');
    await settle(page);
    await page.screenshot({ path: path.join(screenshotDir, 'dashboard-table-375.png'), fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByTestId('export-all').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^关爱统计_黄泥村小学_.*\.xlsx$/);
  }, 180_000);

  test('a target set for the school and term turns the tile green', async () => {
    // The work summary links figures as /dashboard?kpi=…: the children behind it open at once.
    await page.goto('/dashboard?kpi=archiveRate');
    await visible(page.getByTestId('kpi-children').getByTestId('kpi-child'));
    expect(await page.getByTestId('kpi-children').textContent()).toContain('建档率');
    await page.keyboard.press('Escape');
    await page.getByTestId('kpi-children').waitFor({ state: 'hidden' });
    await page.goto('/dashboard');
    await visible(page.getByTestId('stats-targets'));
    await page.getByTestId('stats-targets').click();
    const form = page.getByTestId('targets-form');
    await visible(form);
    const coverage = form.locator('#pairingCoverage');
    await coverage.fill('0');
    await page.getByTestId('targets-save').click();
    await visible(page.getByText('目标值已保存'));
    const tile = page.getByTestId('kpi-pairingCoverage');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="kpi-pairingCoverage"]')?.getAttribute('data-standing') === 'met',
    );
    expect(await tile.textContent()).toContain('目标 0%');
  }, 120_000);
});
