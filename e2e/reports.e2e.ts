import fs from 'node:fs';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addTerm, apiSession, countyAdmin, daysAgo, iso } from './api.support';
import { snapBothSizes } from './snap.support';
import {
  desktop,
  expectNoHorizontalOverflow,
  launchBrowser,
  phone,
  type RunningServer,
  screenshot,
  settle,
  startServer,
} from './support';

/**
 * The term's paperwork: a school administrator drafts the 工作总结 from the records, rewrites one
 * paragraph in the browser and downloads the Word file with the edit in it; then scores a class
 * teacher's rubric on the 工作考核 page, and the teacher sees their own sheet.
 */

let server: RunningServer;
let browser: Browser;
let adminContext: BrowserContext;
let teacherContext: BrowserContext;
let admin: Page;
let teacher: Page;

async function expectVisible(locator: Locator, timeout = 20_000) {
  await locator.first().waitFor({ state: 'visible', timeout });
}

const snapBoth = snapBothSizes(() => ({ browser, baseUrl: server.baseUrl }), {
  featureKeys: /\breports\.[a-zA-Z]+\.[a-zA-Z]+/,
  timeout: 20_000,
});

/** antd puts the test id on the input itself or on its wrapper, depending on the version. */
const scoreInput = () =>
  admin.locator('[data-testid="score-attitude"]').locator('xpath=self::input | .//input').first();

describe('term paperwork: work summary and staff assessment', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const bootstrap = await countyAdmin(browser, server);
    const {
      admin: county,
      county: { id: countyId },
      makeOrg: make,
      makeUser: user,
    } = bootstrap;
    const township = await make(countyId, 'township', '石涧镇');
    const school = await make(township, 'school', '石涧镇中心小学');
    const klass = await make(school, 'class', '五年级（2）班');
    await addTerm(
      county,
      countyId,
      new Date(Date.now() - 70 * 86_400_000),
      daysAgo(15),
      iso(new Date(Date.now() + 50 * 86_400_000)),
    );
    const teacherOtp = await user('wang.laoshi', '王老师', klass, 'class_teacher');
    const adminOtp = await user('zhao.xiaozhang', '赵校长', school, 'school_admin');
    await bootstrap.close();

    teacherContext = await browser.newContext({ ...phone, baseURL: server.baseUrl, locale: 'zh-CN' });
    const teacherApi = await apiSession(teacherContext.request, 'wang.laoshi', teacherOtp, 'Wang-laoshi-2026!');
    for (const name of ['张羽涵', '李思远', '陈雨桐']) {
      const child = (await teacherApi('POST', '/children', {
        name,
        schoolId: school,
        classId: klass,
        categories: [{ category: 'left_behind_both', startDate: daysAgo(400) }],
        enrollmentStatus: 'enrolled',
        enrollmentDate: daysAgo(400),
      })) as { id: string };
      await teacherApi('POST', '/care-records', {
        childId: child.id,
        kind: 'talk',
        occurredOn: daysAgo(3),
        summary: '谈心，了解在校学习和生活情况',
        details: { topic: '学习和生活', mood: 4 },
      });
    }
    teacher = await teacherContext.newPage();
    adminContext = await browser.newContext({
      ...desktop,
      baseURL: server.baseUrl,
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    await apiSession(adminContext.request, 'zhao.xiaozhang', adminOtp, 'Zhao-xiaozhang-2026!');
    admin = await adminContext.newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a school administrator drafts the summary, edits a paragraph and downloads the .docx', async () => {
    await admin.goto('/reports/work-summary');
    await expectVisible(admin.getByTestId('summary-generate'));
    await admin.getByTestId('summary-generate').click();
    await expectVisible(admin.getByTestId('summary-draft'));
    await expect
      .poll(() => admin.getByTestId('summary-title').textContent())
      .toMatch(/石涧镇中心小学.*关爱留守儿童工作总结/);
    const people = admin.getByTestId('paragraph-basic.children');
    await expect.poll(() => people.textContent()).toContain('留守儿童3名');
    // The figure links to the children list filtered to the school and the left-behind categories.
    const href = (await people.getByTestId('figure-leftBehind').getAttribute('href')) ?? '';
    expect(href.startsWith('/children?')).toBe(true);
    const query = new URLSearchParams(href.split('?')[1]);
    expect(query.get('schoolId')).toBeTruthy();
    expect(query.get('category')).toBe('left_behind_both,left_behind_single');
    expect(await admin.getByTestId('paragraph-measures.talks').textContent()).toContain('共谈心3次');
    // The figure opens the children behind it.
    await people.getByTestId('figure-leftBehind').click();
    await admin.waitForURL(/\/children\?/);
    await expect.poll(() => admin.locator('main').first().textContent(), { timeout: 20_000 }).toContain('陈雨桐');
    await admin.goBack();
    await expectVisible(admin.getByTestId('summary-draft'));

    const edited = '学校成立了以赵校长为组长、各班主任为成员的关爱留守儿童工作领导小组，每月召开一次专题会。';
    await admin.getByTestId('paragraph-edit-measures.organization').click();
    await admin.getByTestId('paragraph-editor').fill(edited);
    await admin.getByTestId('paragraph-save').click();
    await expect.poll(() => admin.getByTestId('paragraph-measures.organization').textContent()).toContain('专题会');

    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('summary-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/关爱留守儿童工作总结\.docx$/);
    const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(edited);
    expect(xml).toContain('二、主要工作措施');

    const phoneTwin = await browser.newContext({
      ...phone,
      baseURL: server.baseUrl,
      storageState: await adminContext.storageState(),
      locale: 'zh-CN',
    });
    const small = await phoneTwin.newPage();
    await small.goto('/reports/work-summary');
    await snapBoth(small, phoneTwin, 'reports-work-summary', (p) => p.getByTestId('summary-draft'));
    await phoneTwin.close();
  });

  test('the administrator scores a rubric item; the teacher sees only their own sheet', async () => {
    await admin.goto('/assessment');
    await expectVisible(admin.getByTestId('assessment-table'));
    await admin.getByTestId('score-open-王老师').click();
    await expectVisible(admin.getByTestId('score-drawer'));
    await scoreInput().fill('25');
    await admin.getByTestId('drawer-submit').click();
    // Above the item's maximum: the field says so, in Chinese.
    await expectVisible(admin.getByTestId('score-drawer').locator('.ant-form-item-explain-error'));
    await scoreInput().fill('18');
    await admin.getByTestId('drawer-submit').click();
    await admin.getByTestId('score-drawer').waitFor({ state: 'hidden', timeout: 20_000 });
    const row = admin.getByTestId('assessment-table').locator('tr', { hasText: '王老师' });
    await expect.poll(() => row.textContent()).toContain('18');
    await admin
      .locator('.ant-message-notice')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
    await screenshot(admin, 'reports-assessment-1440');

    const phoneTwin = await browser.newContext({
      ...phone,
      baseURL: server.baseUrl,
      storageState: await adminContext.storageState(),
      locale: 'zh-CN',
    });
    const small = await phoneTwin.newPage();
    await small.goto('/assessment');
    await expectVisible(small.getByTestId('sheet-王老师'));
    await settle(small);
    await expectNoHorizontalOverflow(small);
    await screenshot(small, 'reports-assessment-375');
    await phoneTwin.close();

    await teacher.goto('/assessment');
    await snapBoth(teacher, teacherContext, 'reports-assessment-own', (p) => p.getByTestId('sheet-王老师'));
    expect(await teacher.getByTestId('sheet-王老师').textContent()).toContain('18');
    expect(await teacher.getByTestId('assessment-export').count()).toBe(0);
  });
});
