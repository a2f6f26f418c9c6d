import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Api, apiSession, countyAdmin, daysAgo, iso } from './api.support';
import { checkAndShoot } from './snap.support';
import { desktop, launchBrowser, phone, type RunningServer, screenshotDir, settle, startServer } from './support';

/**
 * 体检 and 学习帮扶: a class teacher enters the class's health checks in the batch table on a phone
 * (and one more on a desktop), sees the screening flags live, is stopped by an impossible weight
 * with the row named; then enters two terms of grades and opens a child's progress chart.
 */

let server: RunningServer;
let browser: Browser;
let phoneContext: BrowserContext;
let deskContext: BrowserContext;
let teacherApi: Api;
const childIds: string[] = [];
const terms: { id: string; label: string }[] = [];

const yearsAgo = (years: number) => daysAgo(Math.round(years * 365.25));
// Boys and girls of 9–10: 孙浩然 heavy, 王雨桐 poor sight, 郑子豪 healthy, 林晓雪 thin.
const kids = [
  { name: '孙浩然', sex: 'male', age: 9.6 },
  { name: '王雨桐', sex: 'female', age: 9.8 },
  { name: '郑子豪', sex: 'male', age: 10.1 },
  { name: '林晓雪', sex: 'female', age: 10.3 },
];

/** Waits for the locator; on a timeout keeps a screenshot of what the page showed instead. */
const visible = (locator: Locator, timeout = 30_000) =>
  locator
    .first()
    .waitFor({ state: 'visible', timeout })
    .catch(async (error) => {
      await locator
        .page()
        .screenshot({ path: `${screenshotDir}/failed-health-learning.png` })
        .catch(() => undefined);
      throw error;
    });
/** The <input> of an antd InputNumber carrying `testId` (on the input or its wrapper). */
const numberInput = (page: Page, testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

/** The row index of each pupil on a batch page (rows come in pinyin order, not in the order filed). */
async function rowsByName(page: Page, testId: (i: number) => string) {
  const rows: Record<string, number> = {};
  for (let i = 0; i < kids.length; i++) {
    const text = (await page.getByTestId(testId(i)).textContent()) ?? '';
    const kid = kids.find((k) => text.includes(k.name));
    if (kid) rows[kid.name] = i;
  }
  expect(Object.keys(rows)).toHaveLength(kids.length);
  return rows;
}

async function pickOption(page: Page, select: Locator, text: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });
    const shown = await option
      .first()
      .waitFor({ state: 'visible', timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (!shown) continue;
    await page.waitForTimeout(200);
    await option.first().click();
    if (
      await select
        .filter({ hasText: text })
        .first()
        .waitFor({ state: 'visible', timeout: 3_000 })
        .then(() => true)
        .catch(() => false)
    )
      return;
  }
  throw new Error(`could not choose ${text}`);
}

const check = (page: Page, name: string) => checkAndShoot(page, name, /\b(?:health|learning)\.[a-zA-Z]+/);

describe('health checks and learning support', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const bootstrap = await countyAdmin(browser, server);
    const { admin, county, makeOrg: make } = bootstrap;
    const township = await make(county.id, 'township', '石门镇');
    const school = await make(township, 'school', '石门镇中心小学');
    const klass = await make(school, 'class', '四年级（2）班');
    // This term began 60 days ago; the same term a school year earlier is the one before it.
    const start = new Date(Date.now() - 60 * 86_400_000);
    const termNo = start.getUTCMonth() >= 6 ? 1 : 2;
    const firstYear = termNo === 1 ? start.getUTCFullYear() : start.getUTCFullYear() - 1;
    const shift = (d: string, years: number) => `${Number(d.slice(0, 4)) + years}${d.slice(4)}`;
    const current = { startDate: iso(start), midDate: daysAgo(10), endDate: daysAgo(-60) };
    for (const [years, dates] of [
      [
        -1,
        {
          startDate: shift(current.startDate, -1),
          midDate: shift(current.midDate, -1),
          endDate: shift(current.endDate, -1),
        },
      ],
      [0, current],
    ] as const) {
      const schoolYear = `${firstYear + years}-${firstYear + years + 1}`;
      const term = (await admin('POST', '/terms', { orgId: county.id, schoolYear, termNo, ...dates })) as {
        id: string;
      };
      terms.push({ id: term.id, label: `${schoolYear}学年第${termNo}学期` });
    }
    const created = (await admin('POST', '/users', {
      username: 'zhou.laoshi',
      displayName: '周老师',
      roles: [{ orgId: klass, role: 'class_teacher' }],
    })) as { oneTimePassword: string };
    await bootstrap.close();

    phoneContext = await browser.newContext({ ...phone, baseURL: server.baseUrl, locale: 'zh-CN' });
    teacherApi = await apiSession(phoneContext.request, 'zhou.laoshi', created.oneTimePassword, 'Zhou-laoshi-2026!');
    for (const kid of kids) {
      const child = (await teacherApi('POST', '/children', {
        name: kid.name,
        sex: kid.sex,
        birthDate: yearsAgo(kid.age),
        schoolId: school,
        classId: klass,
        categories: [{ category: 'left_behind_both', startDate: daysAgo(400) }],
        enrollmentStatus: 'enrolled',
        enrollmentDate: daysAgo(400),
      })) as { id: string };
      childIds.push(child.id);
    }
    deskContext = await browser.newContext({
      ...desktop,
      baseURL: server.baseUrl,
      storageState: await phoneContext.storageState(),
      locale: 'zh-CN',
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('on a phone the teacher enters the class’s checks, sees flags live, and a bad row is named', async () => {
    const page = await phoneContext.newPage();
    await page.goto('/health-checks/batch');
    await visible(page.getByTestId('batch-row-3'));
    const row = await rowsByName(page, (i) => `batch-row-${i}`);
    const [heavy, poorSight, healthy] = [row['孙浩然']!, row['王雨桐']!, row['郑子豪']!];
    const fill = async (index: number, values: Record<string, string>) => {
      for (const [field, value] of Object.entries(values))
        await numberInput(page, `batch-${field}-${index}`).fill(value);
    };
    await fill(heavy, { heightCm: '130', weightKg: '45', visionLeft: '5.0', visionRight: '5.0' });
    await fill(poorSight, { heightCm: '136', weightKg: '29', visionLeft: '4.6', visionRight: '4.7' });
    await fill(healthy, { heightCm: '138', weightKg: '3100' });
    await numberInput(page, `batch-visionLeft-${healthy}`).click();
    // Flags show before anything is saved, from the shared screening functions.
    await visible(page.getByTestId(`batch-row-${heavy}`).getByTestId('health-flag-obesity'));
    await visible(page.getByTestId(`batch-row-${poorSight}`).getByTestId('health-flag-vision_moderate'));
    await page.getByTestId('health-batch-save').click();
    await visible(page.getByTestId(`batch-error-${healthy}`));
    expect(await page.getByTestId(`batch-error-${healthy}`).textContent()).toContain('体重应在 8–180 千克之间');
    expect(await page.getByTestId(`batch-error-${heavy}`).count()).toBe(0);
    await check(page, 'health-batch-error-375');

    await numberInput(page, `batch-weightKg-${healthy}`).fill('31');
    await numberInput(page, `batch-visionLeft-${healthy}`).click();
    await visible(page.getByTestId(`batch-row-${healthy}`).getByTestId('health-flag-none'));
    expect(await page.getByTestId(`batch-error-${healthy}`).count()).toBe(0);
    await check(page, 'health-batch-filled-375');
    await page.getByTestId('health-batch-save').click();
    await visible(page.getByText('已保存 3 人的体检记录'));
    const saved = (await teacherApi('GET', `/health-checks?childId=${childIds[0]}`)) as { total: number };
    expect(saved.total).toBe(1);
    await page.close();
  });

  test('on a desktop the same table takes the fourth pupil; the child’s 体检 tab shows the flags', async () => {
    const page = await deskContext.newPage();
    await page.goto('/health-checks/batch');
    await visible(page.getByTestId('batch-row-3'));
    const thin = (await rowsByName(page, (i) => `batch-row-${i}`))['林晓雪']!;
    await numberInput(page, `batch-heightCm-${thin}`).fill('140');
    await numberInput(page, `batch-weightKg-${thin}`).fill('24');
    await numberInput(page, `batch-visionLeft-${thin}`).click();
    await visible(page.getByTestId(`batch-row-${thin}`).getByTestId('health-flag-thinness_moderate_severe'));
    await check(page, 'health-batch-1440');
    await page.getByTestId('health-batch-save').click();
    await visible(page.getByText('已保存 1 人的体检记录'));

    await page.goto(`/children/${childIds[0]}?tab=health`);
    await visible(page.getByTestId('health-check-card'));
    await visible(page.getByTestId('health-check-card').getByTestId('health-flag-obesity'));
    await page.getByTestId('health-flag-obesity').first().hover();
    await visible(page.getByText('WS/T 586-2018《学龄儿童青少年超重与肥胖筛查》'));
    await check(page, 'health-child-tab-1440');
    const mobile = await phoneContext.newPage();
    await mobile.goto(`/children/${childIds[1]}?tab=health`);
    await visible(mobile.getByTestId('health-flag-vision_moderate'));
    await check(mobile, 'health-child-tab-375');
    // A single check on a phone: the drawer shows BMI and flags as the teacher types.
    await mobile.getByTestId('health-add').click();
    const drawer = mobile.getByTestId('health-check-drawer');
    await numberInput(mobile, 'health-height').fill('136');
    await numberInput(mobile, 'health-weight').fill('40');
    await numberInput(mobile, 'health-vision-left').fill('4.5');
    await numberInput(mobile, 'health-vision-right').click();
    await visible(drawer.getByTestId('health-flag-vision_severe'));
    await visible(drawer.getByTestId('health-flag-obesity'));
    await settle(mobile);
    await mobile.screenshot({ path: `${screenshotDir}/health-drawer-375.png` });
    await drawer.getByTestId('drawer-submit').click();
    await visible(mobile.getByText('体检记录已保存'));
    // The list refreshes after the save: the new check joins the earlier one.
    await visible(mobile.getByTestId('health-check-card').nth(1));
    await mobile.close();
    await page.close();
  });

  test('grades for two terms, then the child’s progress chart and what helped', async () => {
    const page = await deskContext.newPage();
    await page.goto('/grades/batch');
    await visible(page.getByTestId('grade-chinese-3'));
    const row = await rowsByName(page, (i) => `grade-row-${i}`);
    const heavy = row['孙浩然']!;
    // Last term first.
    await pickOption(page, page.getByTestId('grade-term'), terms[0]!.label);
    const scores = [
      [62, 55],
      [80, 85],
      [75, 70],
      [90, 92],
    ];
    for (const [i, [chinese, math]] of scores.entries()) {
      await numberInput(page, `grade-chinese-${i}`).fill(String(chinese));
      await numberInput(page, `grade-math-${i}`).fill(String(math));
    }
    await page.getByTestId('grade-save').click();
    await visible(page.getByText('已保存 8 个成绩'));

    await pickOption(page, page.getByTestId('grade-term'), terms[1]!.label);
    await numberInput(page, `grade-chinese-${heavy}`).fill('78');
    await numberInput(page, `grade-math-${heavy}`).fill('120');
    await page.getByTestId('grade-save').click();
    await visible(page.getByTestId(`grade-error-${heavy}`));
    expect(await page.getByTestId(`grade-error-${heavy}`).textContent()).toContain('成绩不能超过该科满分');
    await check(page, 'grades-batch-error-1440');
    await numberInput(page, `grade-math-${heavy}`).fill('81');
    await page.getByTestId('grade-save').click();
    await visible(page.getByText('已保存 2 个成绩'));

    await teacherApi('POST', '/study-plans', {
      childId: childIds[0],
      subjects: ['math'],
      content: '每周二、四放学后辅导数学应用题',
      timeSlots: [{ weekday: 2, start: '16:30', end: '17:10' }],
      whatHelped: '每天十分钟口算练习，错题本每周复习一次',
    });
    await page.goto(`/children/${childIds[0]}?tab=learning`);
    await visible(page.getByTestId('progress-chart').locator('canvas'));
    await visible(page.getByTestId('what-helped-note'));
    await visible(page.getByTestId('study-plan-card'));
    await check(page, 'learning-child-tab-1440');

    const mobile = await phoneContext.newPage();
    await mobile.goto(`/children/${childIds[0]}?tab=learning`);
    await visible(mobile.getByTestId('progress-chart').locator('canvas'));
    await check(mobile, 'learning-child-tab-375');
    await mobile.getByTestId('plan-add').click();
    const planDrawer = mobile.getByTestId('study-plan-drawer');
    await visible(planDrawer.getByTestId('plan-content'));
    await planDrawer.getByText('语文', { exact: true }).click();
    await planDrawer.getByTestId('plan-content').fill('每天午休后陪读二十分钟，检查语文作业');
    await planDrawer.getByTestId('plan-what-helped').fill('和同桌结成读书小组');
    await settle(mobile);
    await mobile.screenshot({ path: `${screenshotDir}/learning-plan-drawer-375.png` });
    await planDrawer.locator('.ant-drawer-body').evaluate((body) => body.scrollTo(0, 0));
    await mobile.waitForTimeout(300);
    await mobile.screenshot({ path: `${screenshotDir}/learning-plan-drawer-top-375.png` });
    await planDrawer.getByTestId('drawer-submit').click();
    await visible(mobile.getByText('帮扶计划已保存'));
    await visible(mobile.getByText('和同桌结成读书小组'));
    await mobile.goto('/grades/batch');
    await visible(mobile.getByTestId('grade-chinese-0'));
    await check(mobile, 'grades-batch-375');
    await mobile.close();
    await page.close();
  });

  test('the health tab and the grades page read in English on request', async () => {
    const page = await deskContext.newPage();
    await page.goto(`/children/${childIds[1]}?tab=health`);
    await visible(page.getByTestId('health-check-card'));
    // The choice is saved with the user; wait for it before loading the next page.
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/me/language') && r.ok()),
      page.getByTestId('language-switch').click(),
    ]);
    await visible(page.getByText('Moderate poor vision'));
    await check(page, 'health-child-tab-en-1440');
    await page.goto('/grades/batch');
    await visible(page.getByText('Term grades'));
    await check(page, 'grades-batch-en-1440');
    await page.getByTestId('language-switch').click();
    await visible(page.getByText('学期成绩录入'));
    await page.close();
  });
});
