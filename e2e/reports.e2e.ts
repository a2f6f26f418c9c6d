import fs from 'node:fs';
import JSZip from 'jszip';
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
  settle,
  startServer,
} from './support';

/**
 * The term's paperwork: a school administrator drafts the 工作总结 from the records, rewrites one
 * paragraph in the browser and downloads the Word file with the edit in it; then scores a class
 * teacher's rubric on the 工作考核 page, and the teacher sees their own sheet.
 */

type Api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown) => Promise<unknown>;

let server: RunningServer;
let browser: Browser;
let adminContext: BrowserContext;
let teacherContext: BrowserContext;
let admin: Page;
let teacher: Page;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (n: number) => iso(new Date(Date.now() - n * 86_400_000));

async function apiSession(request: APIRequestContext, username: string, password: string, next: string) {
  let csrf = '';
  const call: Api = async (method, path, body) => {
    const response = await request.fetch(`/api${path}`, {
      method,
      data: body === undefined ? undefined : body,
      headers: method === 'GET' ? {} : { 'X-CSRF-Token': csrf },
    });
    const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${JSON.stringify(json)}`);
    if (json && typeof json.csrfToken === 'string') csrf = json.csrfToken;
    return json;
  };
  const me = (await call('POST', '/auth/login', { username, password })) as { user: { mustChangePassword: boolean } };
  if (me.user.mustChangePassword)
    await call('POST', '/auth/change-password', { currentPassword: password, newPassword: next });
  return call;
}

async function expectVisible(locator: Locator, timeout = 20_000) {
  await locator.first().waitFor({ state: 'visible', timeout });
}

/** Screenshots the page at 375 px, then the same address at 1440 px on the same session. */
async function snapBoth(page: Page, context: BrowserContext, name: string, ready: (p: Page) => Locator) {
  await expectVisible(ready(page));
  await settle(page);
  await expectNoHorizontalOverflow(page);
  await expectNoRawKeys(page);
  expect((await page.locator('body').textContent()) ?? '').not.toMatch(/\breports\.[a-zA-Z]+\.[a-zA-Z]+/);
  await screenshot(page, `${name}-375`);
  const wide = await browser.newContext({
    ...desktop,
    baseURL: server.baseUrl,
    storageState: await context.storageState(),
    locale: 'zh-CN',
  });
  try {
    const big = await wide.newPage();
    await big.goto(page.url());
    await expectVisible(ready(big));
    await settle(big);
    await screenshot(big, `${name}-1440`);
  } finally {
    await wide.close();
  }
}

/** antd puts the test id on the input itself or on its wrapper, depending on the version. */
const scoreInput = () =>
  admin.locator('[data-testid="score-attitude"]').locator('xpath=self::input | .//input').first();

describe('term paperwork: work summary and staff assessment', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const bootstrap = await browser.newContext({ baseURL: server.baseUrl });
    const county = await apiSession(
      bootstrap.request,
      server.adminUsername,
      server.adminPassword,
      'Qingshan-admin-2026',
    );
    const orgs = (await county('GET', '/orgs')) as { items: { id: string; kind: string }[] };
    const countyId = orgs.items.find((o) => o.kind === 'county')!.id;
    const make = async (parentId: string, kind: string, name: string) =>
      ((await county('POST', '/orgs', { parentId, kind, name })) as { id: string }).id;
    const township = await make(countyId, 'township', '石涧镇');
    const school = await make(township, 'school', '石涧镇中心小学');
    const klass = await make(school, 'class', '五年级（2）班');
    const start = new Date(Date.now() - 70 * 86_400_000);
    const firstYear = start.getUTCMonth() >= 6 ? start.getUTCFullYear() : start.getUTCFullYear() - 1;
    await county('POST', '/terms', {
      orgId: countyId,
      schoolYear: `${firstYear}-${firstYear + 1}`,
      termNo: start.getUTCMonth() >= 6 ? 1 : 2,
      startDate: iso(start),
      midDate: daysAgo(15),
      endDate: iso(new Date(Date.now() + 50 * 86_400_000)),
    });
    const user = async (username: string, displayName: string, orgId: string, role: string) =>
      (
        (await county('POST', '/users', { username, displayName, roles: [{ orgId, role }] })) as {
          oneTimePassword: string;
        }
      ).oneTimePassword;
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
