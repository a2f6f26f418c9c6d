import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addTerm, apiSession, countyAdmin, daysAgo, iso } from './api.support';
import { snapBothSizes } from './snap.support';
import { launchBrowser, phone, type RunningServer, screenshotDir, settle, startServer } from './support';

/**
 * 数据看板 on a phone: a school administrator opens the dashboard, sees pairing coverage in red
 * (no left-behind child has a mentor yet, the target is 100%), opens the children behind it,
 * switches the compliance chart to its table, and exports the statistics to Excel.
 */

let server: RunningServer;
let browser: Browser;
let adminContext: BrowserContext;
let page: Page;
const kids = ['王小明', '李思雨', '张子涵'];

const visible = (locator: Locator, timeout = 20_000) => locator.first().waitFor({ state: 'visible', timeout });

const snap = snapBothSizes(() => ({ browser, baseUrl: server.baseUrl }), {
  featureKeys: /\bstats\.[a-zA-Z]+/,
  timeout: 20_000,
});
const bothSizes = (name: string, ready: (p: Page) => Locator) => snap(page, adminContext, name, ready);

describe('dashboard: KPI tiles against targets, drill-down, table view and export', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const bootstrap = await countyAdmin(browser, server, 'Dashboard-admin-2026');
    const { admin, county, makeOrg: make } = bootstrap;
    const township = await make(county.id, 'township', '黄泥镇');
    const school = await make(township, 'school', '黄泥村小学');
    const klass = await make(school, 'class', '五年级（1）班');
    await addTerm(
      admin,
      county.id,
      new Date(Date.now() - 75 * 86_400_000),
      daysAgo(20),
      iso(new Date(Date.now() + 40 * 86_400_000)),
    );
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

    // The classes compared, as a table: a unit's count of children is not antd's nested rows.
    const units = page.getByTestId('card-comparison');
    await units.scrollIntoViewIfNeeded();
    await units.locator('.ant-segmented-item').nth(1).click();
    await visible(units.getByTestId('table-comparison'));
    expect(await units.getByTestId('table-comparison').textContent()).toMatch(
      /五年级（1）班\s*3\s*0%\s*100%\s*100%\s*0%/,
    );

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
