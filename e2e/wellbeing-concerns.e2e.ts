import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiSession, countyAdmin } from './api.support';
import { snapBothSizes, viewportShot } from './snap.support';
import { desktop, expectNoRawKeys, launchBrowser, phone, type RunningServer, startServer } from './support';

/**
 * 心理与安全 and 强制报告 on a phone: a class teacher sees the child's risk level and whom to ask
 * (never the counselor's notes) and raises a concern from the child's page; the school administrator
 * finds it on the concerns page, acknowledges it and records the report to the police with its
 * receipt number. The counselor sees the confidential sessions on the same tab.
 */

let server: RunningServer;
let browser: Browser;
let teacherContext: BrowserContext;
let adminContext: BrowserContext;
let counselorContext: BrowserContext;
let childId = '';
const secretNote = '孩子说周末常常一个人在家，夜里害怕';

async function expectVisible(locator: Locator, timeout = 30_000) {
  await locator.first().waitFor({ state: 'visible', timeout });
}

const snapBoth = snapBothSizes(() => ({ browser, baseUrl: server.baseUrl }), {
  featureKeys: /\b(concerns|counseling)\.[a-zA-Z]+/,
  timeout: 30_000,
});

/** Picks an option of an antd select; tries again when a busy machine swallowed the first tap. */
async function choose(page: Page, select: Locator, text: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });
    const shown = await option
      .first()
      .waitFor({ state: 'visible', timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (!shown) continue;
    await page.waitForTimeout(300);
    await option.first().click();
    const chosen = await select
      .locator('.ant-select-content, .ant-select-selection-item', { hasText: text })
      .first()
      .waitFor({ state: 'visible', timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    if (chosen) return;
  }
  throw new Error(`could not choose ${text}`);
}

describe('wellbeing and concern reports', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const bootstrap = await countyAdmin(browser, server);
    const { county, makeOrg: make, makeUser: user } = bootstrap;
    const township = await make(county.id, 'township', '城关镇');
    const school = await make(township, 'school', '城关镇中心小学');
    const klass = await make(school, 'class', '四年级（1）班');
    const teacherOtp = await user('li.laoshi', '李老师', klass, 'class_teacher');
    const adminOtp = await user('zhang.xiaozhang', '张校长', school, 'school_admin');
    const counselorOtp = await user('wang.xinli', '王老师', school, 'counselor');
    await bootstrap.close();

    teacherContext = await browser.newContext({ ...phone, baseURL: server.baseUrl, locale: 'zh-CN' });
    const teacherApi = await apiSession(teacherContext.request, 'li.laoshi', teacherOtp, 'Li-laoshi-2026!');
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const child = (await teacherApi('POST', '/children', {
      name: '刘欣怡',
      schoolId: school,
      classId: klass,
      categories: [{ category: 'left_behind_both', startDate: iso(new Date(Date.now() - 400 * 86_400_000)) }],
    })) as { id: string };
    childId = child.id;

    counselorContext = await browser.newContext({ ...phone, baseURL: server.baseUrl, locale: 'zh-CN' });
    const counselorApi = await apiSession(counselorContext.request, 'wang.xinli', counselorOtp, 'Wang-xinli-2026!');
    await counselorApi('POST', '/counseling-sessions', {
      childId,
      sessionOn: iso(new Date()),
      presentingConcern: '最近上课走神，晚上睡不好',
      notes: secretNote,
      agreedActions: '每周二午休来心理室聊一聊',
      nextSessionOn: iso(new Date(Date.now() + 7 * 86_400_000)),
    });
    await counselorApi('POST', `/children/${childId}/risk-level`, { level: 'medium', reason: '情绪低落两周' });

    adminContext = await browser.newContext({ ...phone, baseURL: server.baseUrl, locale: 'zh-CN' });
    await apiSession(adminContext.request, 'zhang.xiaozhang', adminOtp, 'Zhang-xiaozhang-2026!');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a class teacher sees the risk level and whom to ask, never the notes, and raises a concern', async () => {
    const page = await teacherContext.newPage();
    await page.goto(`/children/${childId}?tab=wellbeing`);
    await expectVisible(page.getByTestId('risk-level-card'));
    await expectVisible(page.getByTestId('risk-contact').filter({ hasText: '王老师' }));
    expect(await page.getByTestId('risk-level').first().textContent()).toBe('中风险');
    expect(await page.getByTestId('session-list').count()).toBe(0);
    expect((await page.locator('body').textContent()) ?? '').not.toContain(secretNote);
    await snapBoth(page, teacherContext, 'wellbeing-teacher-tab', (p) => p.getByTestId('risk-level-card'));

    await page.getByTestId('concern-raise').click();
    const form = page.getByTestId('concern-raise-form');
    await expectVisible(form.getByTestId('concern-category'));
    // Nothing chosen: the form names the missing fields and sends nothing.
    await page.getByTestId('drawer-submit').click();
    await expectVisible(form.locator('.ant-form-item-explain-error'));
    await viewportShot(page, 'wellbeing-raise-errors-375');
    await choose(page, form.getByTestId('concern-category'), '无人监护');
    await form.getByTestId('concern-severity').getByText('严重').click();
    await form
      .getByTestId('concern-description')
      .fill('周末爷爷住院，孩子独自在家两天，邻居告诉了学校。<b>不是粗体</b>');
    await viewportShot(page, 'wellbeing-raise-form-375');
    await page.getByTestId('drawer-submit').click();
    await expectVisible(page.locator('.ant-message-notice', { hasText: '报告已提交' }));
    const drawer = page.getByTestId('concern-drawer');
    await expectVisible(drawer.getByTestId('concern-status').filter({ hasText: '待确认' }));
    // Text stays text: the tag is shown, never rendered.
    await expectVisible(drawer.getByText('<b>不是粗体</b>', { exact: false }));
    expect(await drawer.locator('b', { hasText: '不是粗体' }).count()).toBe(0);
    expect(await drawer.getByTestId('concern-step-form').count()).toBe(0);
    await viewportShot(page, 'wellbeing-concern-raised-375');
    await page.close();
  });

  test('the school administrator sees it, acknowledges it and records the report to the police', async () => {
    const page = await adminContext.newPage();
    await page.goto('/concerns');
    const card = page.getByTestId('concern-card').filter({ hasText: '刘欣怡' });
    await expectVisible(card);
    await expectVisible(card.getByTestId('concern-status').filter({ hasText: '待确认' }));
    await snapBoth(page, adminContext, 'concerns-list', (p) => p.getByTestId('concern-card'));

    await card.click();
    const drawer = page.getByTestId('concern-drawer');
    await expectVisible(drawer.getByTestId('concern-step-form'));
    await viewportShot(page, 'concerns-drawer-reported-375');
    await drawer.getByTestId('concern-note').fill('已核实，立即向派出所报告');
    await drawer.getByTestId('concern-step-submit').click();
    await expectVisible(drawer.getByTestId('concern-status').filter({ hasText: '已确认' }));

    await choose(page, drawer.getByTestId('concern-authority'), '公安机关');
    await drawer.getByTestId('concern-receipt').fill('城关派出所 受案登记 2026-118');
    await drawer.getByTestId('concern-step-submit').click();
    await expectVisible(drawer.getByTestId('concern-status').filter({ hasText: '已上报' }));
    await expectVisible(drawer.getByTestId('concern-receipt-text').filter({ hasText: '2026-118' }));
    await expectNoRawKeys(page);
    await viewportShot(page, 'concerns-drawer-referred-375');
    await drawer.evaluate((el) => {
      el.querySelector('.ant-drawer-body')?.scrollTo(0, 10_000);
    });
    await viewportShot(page, 'concerns-drawer-referred-bottom-375');

    const wide = await browser.newContext({
      ...desktop,
      baseURL: server.baseUrl,
      storageState: await adminContext.storageState(),
      locale: 'zh-CN',
    });
    const big = await wide.newPage();
    await big.goto(page.url());
    await expectVisible(big.getByTestId('concern-drawer').getByTestId('concern-events'));
    await viewportShot(big, 'concerns-drawer-1440');
    await wide.close();
    await page.close();
  });

  test('the counselor sees the confidential sessions and the risk history on the child’s tab', async () => {
    const page = await counselorContext.newPage();
    await page.goto(`/children/${childId}?tab=wellbeing`);
    await expectVisible(page.getByTestId('session-item').filter({ hasText: secretNote }));
    await snapBoth(page, counselorContext, 'wellbeing-counselor-tab', (p) => p.getByTestId('session-item'));
    await page.close();
  });
});
