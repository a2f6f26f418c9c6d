import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Api, apiSession } from './api.support';
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
 * Consent that blocks: a school administrator adds a photo of a child whose guardian has not
 * consented to photos; the page says which child and what is missing, and leads to the child's
 * 隐私与同意 tab; once the consent is recorded there, the photo is taken.
 */

const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysFromNow = (n: number) => iso(new Date(Date.now() + n * 86_400_000));
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let server: RunningServer;
let browser: Browser;
let deskContext: BrowserContext;
let head: Api;
let childId = '';
let schoolId = '';
let teacherContext: BrowserContext;

const visible = (locator: Locator, timeout = 20_000) => locator.first().waitFor({ state: 'visible', timeout });

async function check(page: Page, name: string) {
  await settle(page);
  await expectNoHorizontalOverflow(page);
  await expectNoRawKeys(page);
  expect((await page.locator('body').textContent()) ?? '').not.toMatch(/\bprivacy\.[a-zA-Z]+/);
  await screenshot(page, name);
}

async function addPhoto(page: Page) {
  await page.goto(`/children/${childId}`);
  await visible(page.getByTestId('child-photo'));
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
}

describe('consent that blocks a photo', () => {
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
    const created = (await admin('POST', '/users', {
      username: 'wu.xiaozhang',
      displayName: '吴校长',
      roles: [{ orgId: school, role: 'school_admin' }],
    })) as { oneTimePassword: string };
    const start = new Date(Date.now() - 30 * 86_400_000);
    const firstYear = start.getUTCMonth() >= 6 ? start.getUTCFullYear() : start.getUTCFullYear() - 1;
    await admin('POST', '/terms', {
      orgId: county.id,
      schoolYear: `${firstYear}-${firstYear + 1}`,
      termNo: start.getUTCMonth() >= 6 ? 1 : 2,
      startDate: iso(start),
      midDate: daysFromNow(20),
      endDate: daysFromNow(90),
    });
    const teacher = (await admin('POST', '/users', {
      username: 'zheng.laoshi',
      displayName: '郑老师',
      roles: [{ orgId: klass, role: 'class_teacher' }],
    })) as { oneTimePassword: string };
    schoolId = school;
    await bootstrap.close();
    teacherContext = await browser.newContext({ ...phone, baseURL: server.baseUrl, locale: 'zh-CN' });
    await apiSession(teacherContext.request, 'zheng.laoshi', teacher.oneTimePassword, 'Zheng-laoshi-2026!');
    deskContext = await browser.newContext({ ...desktop, baseURL: server.baseUrl, locale: 'zh-CN' });
    head = await apiSession(deskContext.request, 'wu.xiaozhang', created.oneTimePassword, 'Wu-xiaozhang-2026!');
    const child = (await head('POST', '/children', {
      name: '冯小叶',
      sex: 'female',
      birthDate: daysFromNow(-9 * 365),
      schoolId: school,
      classId: klass,
      categories: [{ category: 'left_behind_both', startDate: daysFromNow(-400) }],
      enrollmentStatus: 'enrolled',
      enrollmentDate: daysFromNow(-400),
    })) as { id: string };
    childId = child.id;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('without photo consent the photo is refused, naming the child, with a way to the consent tab', async () => {
    const phonePage = await (await phoneTwin(browser, deskContext, server.baseUrl)).newPage();
    await addPhoto(phonePage);
    await visible(phonePage.getByTestId('consent-blocked'));
    await check(phonePage, 'consent-blocked-photo-375');
    await phonePage.context().close();

    const page = await deskContext.newPage();
    await addPhoto(page);
    await visible(page.getByTestId('consent-blocked'));
    const text = (await page.locator('.ant-modal-confirm').textContent()) ?? '';
    expect(text).toContain('缺少“照片与影像”的监护人同意或法定依据');
    expect(text).toContain('冯小叶：“照片与影像”尚未登记监护人同意或法定依据');
    await check(page, 'consent-blocked-photo-1440');
    await page.getByRole('button', { name: '去登记同意' }).click();
    await page.waitForURL(/\?tab=privacy$/);
    await visible(page.getByTestId('record-photos'));
    expect(await page.getByTestId('consent-blocks-photos').textContent()).toContain('登记前不能上传该生照片');
    await check(page, 'consent-blocked-privacy-tab-1440');

    await head('POST', `/children/${childId}/consents`, {
      category: 'photos',
      basis: 'guardian_consent',
      consenterName: '冯奶奶',
      consenterRelation: '祖母',
      consentedOn: daysFromNow(-1),
    });
    await addPhoto(page);
    await visible(page.getByText('照片已更新'));
    await visible(page.locator('[data-testid="child-photo"] img[src^="/api/attachments/"]'));
    await page.close();
  });

  test('after a withdrawal the activity’s photos are held back from all but its organizers', async () => {
    const activity = (await head('POST', '/activities', {
      orgId: schoolId,
      type: 'festival',
      title: '中秋节一起过',
      occurredOn: daysFromNow(-1),
      participants: [{ childId }],
    })) as { id: string };
    const me = (await (await deskContext.request.get('/api/me')).json()) as { csrfToken: string };
    const upload = await deskContext.request.post(`/api/activities/${activity.id}/photos`, {
      headers: { 'X-CSRF-Token': me.csrfToken },
      multipart: { file: { name: '合影.png', mimeType: 'image/png', buffer: png } },
    });
    expect(upload.status()).toBe(201);
    const consents = (await head('GET', `/children/${childId}/consents`)) as {
      items: { id: string; category: string; version: number; withdrawnAt: string | null }[];
    };
    const photos = consents.items.find((c) => c.category === 'photos' && !c.withdrawnAt)!;
    await head('POST', `/children/${childId}/consents/${photos.id}/withdraw`, {
      version: photos.version,
      reason: '家长电话告知不再同意使用照片',
    });

    const page = await deskContext.newPage();
    await page.goto('/activities');
    const card = page.getByTestId('activity-card').filter({ hasText: '中秋节一起过' });
    await visible(card);
    expect(await card.getByTestId('photo-consent-withdrawn').textContent()).toContain('冯小叶的监护人已撤回照片同意');
    await visible(card.locator('img'));
    await check(page, 'consent-withdrawn-gallery-organizer-1440');
    await page.close();

    const teacherPage = await teacherContext.newPage();
    await teacherPage.goto('/activities');
    const seen = teacherPage.getByTestId('activity-card').filter({ hasText: '中秋节一起过' });
    await visible(seen);
    expect(await seen.getByTestId('photo-consent-withdrawn').textContent()).toContain('1 张照片已隐藏');
    expect(await seen.locator('img').count()).toBe(0);
    await check(teacherPage, 'consent-withdrawn-gallery-reader-375');
    await teacherPage.close();
  });
});
