import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addTerm, apiSession, countyAdmin, daysAgo, iso } from './api.support';
import { expectVisible, snapBothSizes, viewportShot } from './snap.support';
import {
  desktop,
  expectNoHorizontalOverflow,
  launchBrowser,
  phone,
  type RunningServer,
  settle,
  startServer,
} from './support';

/**
 * The care network on a phone: a class teacher opens the to-do list, finds the monthly talk with a
 * left-behind child overdue, records it in the drawer, and the overdue count drops; the school
 * administrator pairs three unpaired children with a mentor teacher in one action, and meets the
 * capacity limit on the fourth.
 */

let server: RunningServer;
let browser: Browser;
let teacherContext: BrowserContext;
let adminContext: BrowserContext;
let teacher: Page;
let schoolAdmin: Page;
const childIds: string[] = [];

const kids = ['李小雨', '陈子轩', '刘欣怡', '赵一鸣', '周可馨'];

/** Picks a helper in the bulk drawer; tries again when a busy machine swallowed the first tap. */
async function chooseHelper(page: Page, name: string) {
  const select = page.getByTestId('bulk-pair-drawer').getByTestId('bulk-pair-helper');
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name });
    await option.first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForTimeout(300);
    await option.first().click();
    const chosen = await page
      .getByTestId('bulk-pair-drawer')
      .locator('.ant-select', { hasText: name })
      .first()
      .waitFor({ state: 'visible', timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    if (chosen) return;
  }
  throw new Error(`could not choose ${name}`);
}

const snapBoth = snapBothSizes(() => ({ browser, baseUrl: server.baseUrl }), {
  featureKeys: /\bcare\.[a-zA-Z]+\.[a-zA-Z]+/,
});

const overdueCount = async (page: Page) => Number(await page.getByTestId('todo-count-overdue').textContent());

describe('care network: to-do, record, timeline and pairing on a phone', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();

    // The county administrator builds the school and its people, and a term that began 75 days ago,
    // so last month's talk is overdue.
    const bootstrap = await countyAdmin(browser, server);
    const { admin, county, makeOrg: make, makeUser: user } = bootstrap;
    const township = await make(county.id, 'township', '城关镇');
    const school = await make(township, 'school', '城关镇中心小学');
    const klass = await make(school, 'class', '四年级（1）班');
    // The school year runs from July 1 to August 31 of the next year.
    await addTerm(
      admin,
      county.id,
      new Date(Date.now() - 75 * 86_400_000),
      daysAgo(20),
      iso(new Date(Date.now() + 40 * 86_400_000)),
    );
    const teacherOtp = await user('li.laoshi', '李老师', klass, 'class_teacher');
    const adminOtp = await user('zhang.xiaozhang', '张校长', school, 'school_admin');
    await user('chen.laoshi', '陈老师', school, 'mentor');
    await user('wu.laoshi', '吴老师', school, 'mentor');
    await bootstrap.close();

    teacherContext = await browser.newContext({ ...phone, baseURL: server.baseUrl, locale: 'zh-CN' });
    const teacherApi = await apiSession(teacherContext.request, 'li.laoshi', teacherOtp, 'Li-laoshi-2026!');
    for (const name of kids) {
      const child = (await teacherApi('POST', '/children', {
        name,
        schoolId: school,
        classId: klass,
        categories: [{ category: 'left_behind_both', startDate: daysAgo(400) }],
        enrollmentStatus: 'enrolled',
        enrollmentDate: daysAgo(400),
      })) as { id: string };
      childIds.push(child.id);
    }
    teacher = await teacherContext.newPage();

    adminContext = await browser.newContext({ ...phone, baseURL: server.baseUrl, locale: 'zh-CN' });
    const adminApi = await apiSession(adminContext.request, 'zhang.xiaozhang', adminOtp, 'Zhang-xiaozhang-2026!');
    // This school lets a mentor teacher take three children (the default is two).
    const settings = (await adminApi('GET', `/care-settings/${school}`)) as { version: number };
    await adminApi('PATCH', `/care-settings/${school}`, {
      version: settings.version,
      pairingCapacity: { mentor_teacher: 3 },
    });
    schoolAdmin = await adminContext.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a class teacher sees the overdue monthly talk, records it, and the overdue count drops', async () => {
    await teacher.goto('/todos');
    await expectVisible(teacher.getByTestId('todo-section-overdue'));
    const overdueTalk = () =>
      teacher
        .getByTestId('todo-section-overdue')
        .getByTestId('todo-child')
        .filter({ hasText: kids[0]! })
        .getByTestId('todo-item')
        .filter({ hasText: '谈心' });
    await expectVisible(overdueTalk());
    const before = await overdueCount(teacher);
    // On a phone the menu button carries a red dot, and the menu the count.
    await expectVisible(teacher.locator('.ant-badge-dot'));
    await teacher.getByTestId('nav-open').click();
    await expectVisible(teacher.getByTestId('nav-drawer').getByTestId('todo-nav-badge'));
    expect((await teacher.getByTestId('nav-drawer').getByTestId('todo-nav-badge').textContent()) ?? '').toContain(
      String(before),
    );
    await teacher.keyboard.press('Escape');
    await teacher.getByTestId('nav-drawer').locator('.ant-drawer-content').waitFor({ state: 'hidden' });
    expect(before).toBeGreaterThanOrEqual(kids.length);
    await snapBoth(teacher, teacherContext, 'care-todos', (p) => p.getByTestId('todo-section-overdue'));

    await overdueTalk().first().getByTestId('todo-record').click();
    const drawer = teacher.getByTestId('care-record-drawer');
    await expectVisible(drawer.getByTestId('record-topic'));
    expect((await drawer.locator('.ant-drawer-title').textContent()) ?? '').toContain(kids[0]!);
    await drawer.getByTestId('record-topic').fill('想念外出打工的爸爸妈妈');
    await drawer.getByTestId('mood-4').click();
    await drawer
      .getByTestId('record-summary')
      .fill('课间和小雨聊了聊，她说上周和妈妈视频了，数学单元测验有进步。约定每周五放学后再聊一次。');
    await settle(teacher);
    await expectNoHorizontalOverflow(teacher);
    await viewportShot(teacher, 'care-record-form-375');
    // The same form at desktop width, opened from the child's timeline.
    const submit = teacher.getByTestId('drawer-submit').filter({ visible: true });
    // A double tap saves once (one idempotency key per opening).
    await submit.dblclick();
    await expectVisible(teacher.getByText(`已记录：${kids[0]}`));
    await drawer.waitFor({ state: 'hidden' });
    await settle(teacher);
    expect(await overdueCount(teacher)).toBe(before - 1);
    expect(await overdueTalk().count()).toBe(0);
  });

  test('the child page shows the talk on its timeline', async () => {
    await teacher.goto(`/children/${childIds[0]}?tab=care`);
    await expectVisible(teacher.getByTestId('timeline-record'));
    const entries = teacher.getByTestId('timeline-record');
    expect(await entries.count()).toBe(1);
    const text = (await entries.first().textContent()) ?? '';
    expect(text).toContain('想念外出打工的爸爸妈妈');
    expect(text).toContain('开心');
    expect(text).toContain('李老师');
    await snapBoth(teacher, teacherContext, 'care-timeline', (p) => p.getByTestId('timeline-record'));

    // The record form at desktop width.
    const wide = await browser.newContext({
      ...desktop,
      baseURL: server.baseUrl,
      storageState: await teacherContext.storageState(),
      locale: 'zh-CN',
    });
    try {
      const big = await wide.newPage();
      await big.goto(`/children/${childIds[1]}?tab=care`);
      await big.getByTestId('timeline-record-button').click();
      await expectVisible(big.getByTestId('record-summary'));
      await settle(big);
      await viewportShot(big, 'care-record-form-1440');
    } finally {
      await wide.close();
    }
  });

  test('a family-call class records a call for each child present in one save', async () => {
    await teacher.goto('/todos');
    await expectVisible(teacher.getByTestId('todo-count-week'));
    const weekBefore = Number(await teacher.getByTestId('todo-count-week').textContent());
    await teacher.goto('/care-records/batch');
    await expectVisible(teacher.getByTestId('batch-save-calls'));
    // Everyone is ticked; one child was absent today.
    await teacher.locator('.ant-checkbox-wrapper', { hasText: kids[4]! }).click();
    expect((await teacher.getByTestId('batch-save-calls').textContent()) ?? '').toContain('4');
    await snapBoth(teacher, teacherContext, 'care-batch', (p) => p.getByTestId('batch-save-calls'));
    await teacher.getByTestId('batch-save-calls').click();
    await expectVisible(teacher.getByText('已保存 4 条亲情电话记录'));

    // Talk cards for children of the class, one after another, saved together.
    await teacher.locator('.ant-segmented-item', { hasText: '谈心记录卡' }).click();
    await teacher.getByTestId('batch-add-child').click();
    await teacher.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: kids[2]! }).click();
    await teacher.getByTestId('batch-topic').fill('和同学闹矛盾');
    await teacher.getByTestId('mood-2').click();
    await teacher.getByTestId('batch-summary').fill('午饭时和同桌吵架了，聊过后愿意道歉。');
    await viewportShot(teacher, 'care-batch-talks-375');
    await teacher.getByTestId('batch-save-talks').click();
    await expectVisible(teacher.getByText('已保存 1 张谈心记录卡'));

    await teacher.goto('/todos');
    await expectVisible(teacher.getByTestId('todo-count-week'));
    await settle(teacher);
    expect(Number(await teacher.getByTestId('todo-count-week').textContent())).toBe(weekBefore - 4);
  });

  test('a school administrator pairs three unpaired children in bulk, and the fourth meets the limit', async () => {
    await schoolAdmin.goto('/pairings');
    await expectVisible(schoolAdmin.getByTestId('unpaired-child'));
    expect(await schoolAdmin.getByTestId('unpaired-child').count()).toBe(kids.length);
    for (const name of kids.slice(0, 3))
      await schoolAdmin.getByTestId('unpaired-child').filter({ hasText: name }).click();
    await expectVisible(schoolAdmin.getByTestId('pairing-selected').filter({ hasText: '已选 3 名儿童' }));
    await snapBoth(schoolAdmin, adminContext, 'care-pairing-board', (p) => p.getByTestId('pairing-helper'));

    await schoolAdmin.getByTestId('pairing-assign').click();
    const drawer = schoolAdmin.getByTestId('bulk-pair-drawer');
    await chooseHelper(schoolAdmin, '陈老师');
    await expectVisible(drawer.getByText('还可结对 3 名'));
    await viewportShot(schoolAdmin, 'care-pairing-assign-375');
    await schoolAdmin.getByTestId('drawer-submit').filter({ visible: true }).click();
    await expectVisible(schoolAdmin.getByText('已为 3 名儿童结对'));
    await settle(schoolAdmin);
    expect(await schoolAdmin.getByTestId('unpaired-child').count()).toBe(kids.length - 3);
    const chen = schoolAdmin.getByTestId('pairing-helper').filter({ hasText: '陈老师' });
    expect((await chen.textContent()) ?? '').toContain('帮扶教师 3/3');

    // A fourth child for the same teacher: the form warns, and the server's refusal is shown.
    await schoolAdmin.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
    await schoolAdmin.getByTestId('unpaired-child').filter({ hasText: kids[3]! }).click();
    await schoolAdmin.getByTestId('pairing-assign').click();
    await chooseHelper(schoolAdmin, '陈老师');
    await expectVisible(drawer.getByTestId('bulk-pair-capacity'));
    await schoolAdmin.getByTestId('drawer-submit').filter({ visible: true }).click();
    await expectVisible(drawer.getByTestId('bulk-pair-error'));
    expect((await drawer.getByTestId('bulk-pair-error').textContent()) ?? '').toContain('上限');
    await settle(schoolAdmin);
    await viewportShot(schoolAdmin, 'care-pairing-capacity-375');
  });
});
