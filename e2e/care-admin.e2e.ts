import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Api, apiSession, countyAdmin } from './api.support';
import { choose, expectVisible } from './care-admin.support';
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
 * The care network's administration on a phone and a desktop: the calendar, the compliance
 * page with the children behind each rate, the care rules and settings editor, editing a record
 * inside and after the edit window, the holiday hand-over, the school picker of a township
 * supervisor, and the scanned entrusted-guardianship confirmation. Each test sets up what it needs
 * on top of the shared school built once.
 */

let server: RunningServer;
let browser: Browser;
const contexts: Record<string, BrowserContext> = {};
const apis: Record<string, Api> = {};
let school = '';
let otherSchool = '';
let klass = '';
const kidIds: string[] = [];
const kids = ['李小雨', '陈子轩', '刘欣怡', '赵一鸣'];
const day = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (n: number) => iso(new Date(Date.now() - n * day));
const midDate = daysAgo(20);

async function open(who: string, path: string) {
  const page = await contexts[who]!.newPage();
  await page.goto(path);
  return page;
}

/** Screenshots at 375 px (this page), then the same address at 1440 px on the same session. */
async function snapBoth(page: Page, who: string, name: string, ready: (p: Page, wide: boolean) => Locator) {
  await expectVisible(ready(page, false));
  await settle(page);
  await expectNoHorizontalOverflow(page);
  await expectNoRawKeys(page);
  expect((await page.locator('body').textContent()) ?? '').not.toMatch(/\bcareAdmin\.[a-zA-Z]+/);
  await screenshot(page, `${name}-375`);
  const wide = await browser.newContext({
    ...desktop,
    baseURL: server.baseUrl,
    storageState: await contexts[who]!.storageState(),
    locale: 'zh-CN',
  });
  try {
    const big = await wide.newPage();
    await big.goto(page.url());
    await expectVisible(ready(big, true));
    await settle(big);
    await screenshot(big, `${name}-1440`);
  } finally {
    await wide.close();
  }
}

describe('care network administration', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const bootstrap = await countyAdmin(browser, server);
    const { admin, county, makeOrg: make } = bootstrap;
    const township = await make(county.id, 'township', '城关镇');
    school = await make(township, 'school', '城关镇中心小学');
    otherSchool = await make(township, 'school', '城关镇第二小学');
    klass = await make(school, 'class', '四年级（1）班');
    const village = await make(township, 'village', '桃花村');
    const start = new Date(Date.now() - 75 * day);
    const firstYear = start.getUTCMonth() >= 6 ? start.getUTCFullYear() : start.getUTCFullYear() - 1;
    await admin('POST', '/terms', {
      orgId: county.id,
      schoolYear: `${firstYear}-${firstYear + 1}`,
      termNo: start.getUTCMonth() >= 6 ? 1 : 2,
      startDate: iso(start),
      midDate,
      endDate: iso(new Date(Date.now() + 40 * day)),
    });
    // Keyed by role, but for the second school's administrator.
    // The next term, when the holiday tutors hand the children back.
    const next = new Date(Date.now() + 60 * day);
    const firstTerm = start.getUTCMonth() >= 6;
    await admin('POST', '/terms', {
      orgId: county.id,
      schoolYear: firstTerm ? `${firstYear}-${firstYear + 1}` : `${firstYear + 1}-${firstYear + 2}`,
      termNo: firstTerm ? 2 : 1,
      startDate: iso(next),
      midDate: iso(new Date(Date.now() + 120 * day)),
      endDate: iso(new Date(Date.now() + 180 * day)),
    });
    const users: [string, string, string, string, string, string][] = [
      ['li.laoshi', '李老师', klass, 'class_teacher', 'Li-laoshi-2026!', 'class_teacher'],
      ['zhang.xiaozhang', '张校长', school, 'school_admin', 'Zhang-xiaozhang-2026!', 'school_admin'],
      ['zhao.xiaozhang', '赵校长', otherSchool, 'school_admin', 'Zhao-xiaozhang-2026!', 'other_admin'],
      ['wang.dujie', '王督导', township, 'supervisor', 'Wang-dudao-2026!', 'supervisor'],
      ['tao.dajie', '陶大姐', village, 'mentor', 'Tao-dajie-2026!', 'mentor'],
    ];
    for (const [username, displayName, orgId, role, next, key] of users) {
      const { oneTimePassword } = (await admin('POST', '/users', {
        username,
        displayName,
        roles: [{ orgId, role }],
      })) as { oneTimePassword: string };
      const context = await browser.newContext({ ...phone, baseURL: server.baseUrl, locale: 'zh-CN' });
      contexts[key] = context;
      apis[key] = await apiSession(context.request, username, oneTimePassword, next);
    }
    // Born in the month of the mid-term date, so the calendar of that month holds a birthday.
    const birthDate = `2016-${midDate.slice(5, 7)}-15`;
    for (const name of kids) {
      const child = (await apis.class_teacher!('POST', '/children', {
        name,
        birthDate,
        schoolId: school,
        classId: klass,
        villageId: village,
        categories: [{ category: 'left_behind_both', startDate: daysAgo(400) }],
        enrollmentStatus: 'enrolled',
        enrollmentDate: daysAgo(400),
      })) as { id: string };
      kidIds.push(child.id);
    }
    await apis.other_admin!('POST', '/children', {
      name: '周小北',
      schoolId: otherSchool,
      categories: [{ category: 'left_behind_single', startDate: daysAgo(400) }],
      enrollmentStatus: 'enrolled',
      enrollmentDate: daysAgo(400),
    });
    await bootstrap.close();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the calendar shows home-visit windows, birthdays and overdue duties', async () => {
    const page = await open('class_teacher', `/calendar?month=${midDate.slice(0, 7)}`);
    await expectVisible(page.getByTestId('calendar-agenda'));
    const windows = page.getByTestId('calendar-window');
    await expectVisible(windows.filter({ hasText: '期中家访' }));
    expect((await windows.filter({ hasText: '期中家访' }).textContent()) ?? '').toContain('城关镇中心小学');
    const birthdays = page.getByTestId('calendar-birthday');
    expect(await birthdays.count()).toBe(kids.length);
    expect((await birthdays.first().textContent()) ?? '').toMatch(/岁生日/);
    await snapBoth(page, 'class_teacher', 'care-admin-calendar', (p, wide) =>
      wide ? p.getByTestId('calendar-month') : p.getByTestId('calendar-agenda'),
    );
    // On a desktop the birthday sits in its day's cell of the month grid.
    const wide = await browser.newContext({
      ...desktop,
      baseURL: server.baseUrl,
      storageState: await contexts.class_teacher!.storageState(),
    });
    const big = await wide.newPage();
    await big.goto(page.url());
    const cell = big.locator(`[data-date="${midDate.slice(0, 8)}15"]`);
    await expectVisible(cell.getByTestId('calendar-birthday'));
    expect(await cell.getByTestId('calendar-birthday').count()).toBe(kids.length);
    await wide.close();

    // Last month's talks were due and not recorded: they show as overdue on their due date.
    await page.goto('/calendar');
    await expectVisible(page.getByTestId('calendar-title'));
    const title = (await page.getByTestId('calendar-title').textContent()) ?? '';
    await page.getByRole('button', { name: '上个月' }).click();
    // The month shown changes first; its duties load after, so wait for the talk itself.
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="calendar-title"]')?.textContent !== before,
      title,
    );
    await expectVisible(page.getByTestId('calendar-due').filter({ hasText: '逾期' }).filter({ hasText: '谈心' }));
  });

  test('the compliance page shows each rule’s rate and the children behind it', async () => {
    const page = await open('school_admin', '/compliance');
    await expectVisible(page.getByTestId('compliance-rule'));
    const talk = page.getByTestId('compliance-rule').filter({ hasText: '每月 · 谈心' });
    await expectVisible(talk.getByTestId('compliance-ended'));
    // Nobody talked with the children last month: 0 of 4 done, and all four are named.
    expect((await talk.getByTestId('compliance-ended').textContent()) ?? '').toMatch(/已完成 0 \/ 应完成 \d+/);
    await expectVisible(talk.getByTestId('compliance-overdue-child'));
    const names = await talk.getByTestId('compliance-overdue-child').allTextContents();
    expect(names.length).toBe(kids.length);
    for (const name of kids) expect(names.join(' ')).toContain(name);
    await snapBoth(page, 'school_admin', 'care-admin-compliance', (p) => p.getByTestId('compliance-overdue-child'));

    // A township supervisor holds two schools and picks one.
    const overseer = await open('supervisor', '/compliance');
    await expectVisible(overseer.getByTestId('compliance-rule'));
    // The schools are in pinyin order: 城关镇第二小学 (di) first.
    await expectVisible(overseer.getByTestId('compliance-overdue-child').filter({ hasText: '周小北' }));
    await choose(overseer, overseer.getByTestId('school-select'), '城关镇中心小学');
    await expectVisible(overseer.getByTestId('compliance-overdue-child').filter({ hasText: kids[0]! }));
    expect(overseer.url()).toContain(`school=${school}`);
  });

  test('a school administrator adds and deactivates a care rule and changes the settings', async () => {
    const page = await open('school_admin', '/care-rules');
    await expectVisible(page.getByTestId('care-rule'));
    const before = await page.getByTestId('care-rule').count();
    await page.getByTestId('care-rule-add').click();
    const drawer = page.getByTestId('care-rule-drawer');
    await choose(page, drawer.getByTestId('rule-kind'), '学习辅导');
    await drawer.getByText('每周', { exact: true }).click();
    await page.getByTestId('drawer-submit').filter({ visible: true }).click();
    await expectVisible(page.getByText('关爱规范已保存'));
    const tutoring = page.getByTestId('care-rule').filter({ hasText: '每周 · 学习辅导' });
    await expectVisible(tutoring);
    expect(await page.getByTestId('care-rule').count()).toBe(before + 1);
    expect((await tutoring.textContent()) ?? '').toContain('负责人：班主任');

    await tutoring.getByTestId('care-rule-toggle').click();
    await expectVisible(page.getByTestId('care-rule').filter({ hasText: '已停用' }));
    expect(await tutoring.getAttribute('data-active')).toBe('false');

    await page.getByTestId('capacity-holiday_tutor').fill('6');
    await page.getByTestId('care-settings-save').click();
    await expectVisible(page.getByText('关爱设置已保存'));
    await snapBoth(page, 'school_admin', 'care-admin-rules', (p) => p.getByTestId('care-settings'));
    await page.reload();
    await expectVisible(page.getByTestId('capacity-holiday_tutor'));
    expect(await page.getByTestId('capacity-holiday_tutor').inputValue()).toBe('6');
  });

  test('the author edits a record in the edit window; afterwards only the school administrator can', async () => {
    const record = (await apis.class_teacher!('POST', '/care-records', {
      childId: kidIds[1],
      kind: 'talk',
      occurredOn: daysAgo(0),
      summary: '聊了聊周末在家做什么。',
      details: { topic: '周末生活', mood: 3 },
    })) as { id: string };
    expect(record.id).toBeTruthy();
    const teacher = await open('class_teacher', `/children/${kidIds[1]}?tab=care`);
    await expectVisible(teacher.getByTestId('timeline-record-edit'));
    await teacher.getByTestId('timeline-record-edit').click();
    const drawer = teacher.getByTestId('care-record-drawer');
    await expectVisible(drawer.getByTestId('record-summary'));
    expect(await drawer.getByTestId('record-summary').inputValue()).toBe('聊了聊周末在家做什么。');
    await drawer.getByTestId('record-summary').fill('聊了聊周末在家做什么，他帮奶奶喂了鸡。');
    await teacher.getByTestId('drawer-submit').filter({ visible: true }).click();
    await expectVisible(teacher.getByText('已保存修改'));
    await expectVisible(teacher.getByTestId('timeline-record').filter({ hasText: '帮奶奶喂了鸡' }));

    // The school closes the window: the author is told why, the administrator still edits.
    const settings = (await apis.school_admin!('GET', `/care-settings/${school}`)) as { version: number };
    await apis.school_admin!('PATCH', `/care-settings/${school}`, { version: settings.version, recordEditDays: 0 });
    try {
      await teacher.reload();
      await expectVisible(teacher.getByTestId('timeline-record-locked'));
      expect((await teacher.getByTestId('timeline-record-locked').textContent()) ?? '').toContain(
        '只能由学校管理员修改',
      );
      expect(await teacher.getByTestId('timeline-record-edit').count()).toBe(0);
      await snapBoth(teacher, 'class_teacher', 'care-admin-record-locked', (p) => p.getByTestId('timeline-record'));

      const admin = await open('school_admin', `/children/${kidIds[1]}?tab=care`);
      await expectVisible(admin.getByTestId('timeline-record-edit'));
      await admin.getByTestId('timeline-record-edit').click();
      await expectVisible(admin.getByText('已超过修改期限，您以学校管理员身份修改'));
      await admin
        .getByTestId('record-summary')
        .fill('聊了聊周末在家做什么，他帮奶奶喂了鸡。（管理员补充：已联系家长）');
      await admin.getByTestId('drawer-submit').filter({ visible: true }).click();
      await expectVisible(admin.getByText('已保存修改'));
      await expectVisible(admin.getByTestId('timeline-record').filter({ hasText: '管理员补充' }));
    } finally {
      const now = (await apis.school_admin!('GET', `/care-settings/${school}`)) as { version: number };
      await apis.school_admin!('PATCH', `/care-settings/${school}`, { version: now.version, recordEditDays: 7 });
    }
  });

  test('the holiday hand-over passes the children to the village tutor, and brings one back early', async () => {
    const page = await open('school_admin', '/pairings');
    await expectVisible(page.getByTestId('holiday-handover-open'));
    await page.getByTestId('holiday-handover-open').click();
    await expectVisible(page.getByTestId('handover-village'));
    const village = page.getByTestId('handover-village').filter({ hasText: '桃花村' });
    expect(await village.getByTestId('handover-child').count()).toBe(kids.length);
    expect(await village.locator('.ant-checkbox-wrapper-checked').count()).toBeGreaterThanOrEqual(kids.length);
    await choose(page, village.getByTestId('handover-tutor'), '陶大姐');
    await expectVisible(page.getByTestId('handover-submit').filter({ hasText: `交接 ${kids.length} 名儿童` }));
    await expectVisible(page.getByText(`不填：下学期开学（${daysAgo(-60)}）当天自动交回学校`));
    await snapBoth(page, 'school_admin', 'care-admin-handover', (p) => p.getByTestId('handover-village'));
    await page.getByTestId('handover-submit').click();
    const outcome = page.locator('.ant-message-notice');
    await expectVisible(outcome);
    expect(await outcome.allTextContents()).toContain(`已把 ${kids.length} 名儿童交给假期辅导员`);
    await expectVisible(page.getByTestId('handover-pairing'));
    expect(await page.getByTestId('handover-pairing').count()).toBe(kids.length);
    expect((await page.getByTestId('handover-pairing').first().textContent()) ?? '').toContain('陶大姐');
    // Handed-over children leave the list to pick from.
    expect(await page.getByTestId('handover-child').count()).toBe(0);

    await page.getByTestId('handover-return').first().click();
    await expectVisible(page.getByText('已交回学校'));
    await expect.poll(() => page.getByTestId('handover-pairing').count(), { timeout: 15_000 }).toBe(kids.length - 1);
    expect(await page.getByTestId('handover-child').count()).toBe(1);
    await screenshot(page, 'care-admin-handover-done-375');
  });

  test('a township supervisor picks a school on the pairing board and sees it read-only', async () => {
    const page = await open('supervisor', '/pairings');
    await expectVisible(page.getByTestId('school-select'));
    await expectVisible(page.getByTestId('pairing-read-only'));
    await expectVisible(page.getByTestId('unpaired-child'));
    expect(await page.getByTestId('pairing-assign').count()).toBe(0);
    expect(await page.getByTestId('holiday-handover-open').count()).toBe(0);
    // 城关镇第二小学 comes first in pinyin order; then the supervisor switches to the other school.
    await expectVisible(page.getByTestId('unpaired-child').filter({ hasText: '周小北' }));
    expect(await page.getByTestId('unpaired-child').count()).toBe(1);
    await choose(page, page.getByTestId('school-select'), '城关镇中心小学');
    await expectVisible(page.getByTestId('unpaired-child').filter({ hasText: kids[0]! }));
    expect(await page.getByTestId('unpaired-child').count()).toBe(kids.length);
    await snapBoth(page, 'supervisor', 'care-admin-board-supervisor', (p) => p.getByTestId('unpaired-child'));
  });

  test('the guardian tab takes the scanned confirmation with its signing date, and keeps renewals', async () => {
    const guardian = (await apis.school_admin!('POST', `/children/${kidIds[2]}/guardians`, {
      relation: 'maternal_grandparent',
      name: '刘奶奶',
      isPrimary: true,
    })) as { id: string };
    expect(guardian.id).toBeTruthy();
    const page = await open('school_admin', `/children/${kidIds[2]}?tab=guardians`);
    // A 1×1 PNG stands for the photo of the signed paper.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    for (const [signedOn, fileName] of [
      [daysAgo(300), 'confirmation-2025.png'],
      [daysAgo(3), 'confirmation-renewed.png'],
    ] as const) {
      await expectVisible(page.getByTestId('entrustment-sign-刘奶奶'));
      await page.getByTestId('entrustment-sign-刘奶奶').click();
      const drawer = page.getByTestId('entrustment-form');
      await expectVisible(drawer.getByTestId('entrustment-scan-input').locator('..'));
      const date = drawer.locator('input').first();
      await date.click();
      await date.fill(signedOn);
      await date.press('Enter');
      await drawer
        .getByTestId('entrustment-scan-input')
        .setInputFiles({ name: fileName, mimeType: 'image/png', buffer: png });
      await expectVisible(drawer.getByTestId('entrustment-scan-name').filter({ hasText: fileName }));
      await page.getByTestId('drawer-submit').filter({ visible: true }).click();
      await drawer.waitFor({ state: 'hidden' });
    }
    await expectVisible(page.getByTestId('entrustment-current').filter({ hasText: daysAgo(3) }));
    expect(await page.getByTestId('entrustment-history-item').count()).toBe(1);
    expect((await page.getByTestId('entrustment-history-item').textContent()) ?? '').toContain(daysAgo(300));
    const href = await page.getByTestId('entrustment-scan-link').getAttribute('href');
    expect(href).toMatch(/^\/api\/attachments\//);
    const download = await contexts.school_admin!.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('image/png');
    await snapBoth(page, 'school_admin', 'care-admin-entrustment', (p) => p.getByTestId('entrustment-current'));
  });
});
