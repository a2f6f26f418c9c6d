import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addTerm, apiSession, countyAdmin, daysFromNow, iso } from './api.support';
import { checkAndShoot } from './snap.support';
import {
  desktop,
  expectNoHorizontalOverflow,
  launchBrowser,
  phoneTwin,
  type RunningServer,
  screenshot,
  settle,
  startServer,
} from './support';

/**
 * 关爱活动: a school's administrator records an activity with photos and participants (a left-behind
 * child with an award), sees the term's participation figures change and the not-yet list shrink;
 * the activity room, aid and ledger pages, the birthday card with its one-click celebration and the
 * child's 活动与资助 tab, on a desktop and on a phone.
 */

let server: RunningServer;
let browser: Browser;
let deskContext: BrowserContext;
let childIds: string[] = [];
const names = ['安小雨', '白小云', '崔小风', '丁小雷'];
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const visible = (locator: Locator, timeout = 20_000) => locator.first().waitFor({ state: 'visible', timeout });

/** The home page gathers every feature's shortcut: only this feature's texts are checked there. */
async function checkHome(page: Page, name: string) {
  await settle(page);
  await expectNoHorizontalOverflow(page);
  expect((await page.locator('body').textContent()) ?? '').not.toMatch(
    /\bactivities\.[a-zA-Z]+|home\.linkHints\.(activities|activityRoom|aid)\b/,
  );
  await screenshot(page, name);
}

/**
 * Searches, waits until the server's filtered list shows only the child, then takes it with Enter.
 * On a busy machine a keystroke can land before the search box has focus: retry a few times.
 */
async function pickChild(page: Page, testId: string, name: string) {
  const box = page.getByTestId(testId);
  for (let attempt = 1; ; attempt++) {
    await box.click();
    const isInput = await box.evaluate((el) => el.tagName === 'INPUT');
    const input = isInput ? box : box.locator('input').first();
    await input.fill('');
    await input.pressSequentially(name, { delay: 30 });
    try {
      await page.waitForFunction(
        (wanted) => {
          const options = Array.from(document.querySelectorAll('.ant-select-dropdown .ant-select-item-option')).filter(
            (o) => (o as HTMLElement).offsetParent !== null,
          );
          return options.length > 0 && options.every((o) => o.textContent?.includes(wanted));
        },
        name,
        { timeout: 10_000 },
      );
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await page.keyboard.press('Enter');
}

const figure = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).locator('.ant-statistic-content-value').textContent())?.trim();

const check = (page: Page, name: string) => checkAndShoot(page, name, /\bactivities\.[a-zA-Z]+/);

describe('activities, activity room, aid and birthdays', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const bootstrap = await countyAdmin(browser, server);
    const { admin, county, makeOrg: make } = bootstrap;
    const township = await make(county.id, 'township', '青石镇');
    const school = await make(township, 'school', '青石镇中心小学');
    const klass = await make(school, 'class', '三年级（1）班');
    await addTerm(admin, county.id, new Date(Date.now() - 30 * 86_400_000), daysFromNow(20), daysFromNow(90));
    const created = (await admin('POST', '/users', {
      username: 'li.xiaozhang',
      displayName: '李校长',
      roles: [{ orgId: school, role: 'school_admin' }],
    })) as { oneTimePassword: string };
    await bootstrap.close();
    deskContext = await browser.newContext({ ...desktop, baseURL: server.baseUrl, locale: 'zh-CN' });
    const head = await apiSession(deskContext.request, 'li.xiaozhang', created.oneTimePassword, 'Li-xiaozhang-2026!');
    childIds = [];
    for (const [i, name] of [...names, '钱小多'].entries()) {
      // Tomorrow in China (the server's calendar): within the card's coming week in any time zone.
      const tomorrow = iso(new Date(Date.now() + 32 * 3600_000))
        .slice(5)
        .replace('02-29', '02-28');
      const birthDate = i === 0 ? `${new Date().getFullYear() - 9}-${tomorrow}` : daysFromNow(-9 * 365 - 40 * (i + 1));
      const c = (await head('POST', '/children', {
        name,
        sex: 'female',
        birthDate,
        schoolId: school,
        classId: klass,
        categories: i < 4 ? [{ category: 'left_behind_both', startDate: daysFromNow(-400) }] : [],
        enrollmentStatus: 'enrolled',
        enrollmentDate: daysFromNow(-400),
      })) as { id: string };
      childIds.push(c.id);
      // The guardians agreed to photos: an activity's photos need it for every participant.
      await head('POST', `/children/${c.id}/consents`, {
        category: 'photos',
        basis: 'guardian_consent',
        consenterName: `${name.slice(0, 1)}奶奶`,
        consenterRelation: '祖母',
        consentedOn: daysFromNow(-1),
      });
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('records an activity with photos and participants; the participation figures change', async () => {
    const page = await deskContext.newPage();
    await page.goto('/activities');
    await visible(page.getByRole('tab', { name: '参与情况' }));
    await page.getByRole('tab', { name: '参与情况' }).click();
    await visible(page.getByTestId('not-yet'));
    expect(await figure(page, 'fig-left-behind')).toBe('0');
    expect(await page.getByTestId('not-yet-child').count()).toBe(4);
    await check(page, 'activities-participation-before-1440');

    await page.getByRole('tab', { name: '活动记录' }).click();
    await page.getByTestId('add-activity').click();
    await visible(page.getByTestId('activity-title'));
    await page.getByTestId('activity-title').fill('中秋节一起过');
    await pickChild(page, 'participant-search', '安小雨');
    await visible(page.getByTestId('participant-row').filter({ hasText: '安小雨' }));
    await pickChild(page, 'participant-search', '钱小多');
    await visible(page.getByTestId('participant-row').filter({ hasText: '钱小多' }));
    await page.getByTestId('participant-row').first().getByPlaceholder('如：一等奖').fill('一等奖');
    await page
      .getByTestId('activity-photo-input')
      .setInputFiles([{ name: '合影.png', mimeType: 'image/png', buffer: png }]);
    await visible(page.getByTestId('photo-pending'));
    await check(page, 'activities-drawer-1440');
    await page.getByTestId('drawer-submit').click();
    await visible(page.getByText('活动已保存'));
    const card = page.getByTestId('activity-card').filter({ hasText: '中秋节一起过' });
    await visible(card);
    expect(await card.getByTestId('activity-count').textContent()).toContain('2 人参加，其中留守儿童 1 人');
    await visible(card.locator('img'));
    await visible(card.getByText('安小雨（一等奖）'));
    await check(page, 'activities-list-1440');

    await page.getByRole('tab', { name: '参与情况' }).click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="fig-left-behind"] .ant-statistic-content-value')?.textContent?.trim() ===
        '1',
      undefined,
      { timeout: 20_000 },
    );
    expect(await figure(page, 'fig-participants')).toBe('2');
    expect(await page.getByTestId('not-yet-child').count()).toBe(3);
    await visible(page.getByTestId('award-sentence').getByText('获奖的 1 位同学中，有 1 人是留守儿童。'));
    await check(page, 'activities-participation-after-1440');

    const phonePage = await (await phoneTwin(browser, deskContext, server.baseUrl)).newPage();
    await phonePage.goto('/activities');
    await visible(phonePage.getByTestId('activity-card'));
    await check(phonePage, 'activities-list-375');
    await phonePage.getByRole('tab', { name: '参与情况' }).click();
    await visible(phonePage.getByTestId('not-yet'));
    await check(phonePage, 'activities-participation-375');
    await phonePage.getByRole('tab', { name: '活动记录' }).click();
    await phonePage.getByTestId('add-activity').click();
    await visible(phonePage.getByTestId('activity-title'));
    await pickChild(phonePage, 'participant-search', '白小云');
    await check(phonePage, 'activities-drawer-375');
  });

  test('the activity room: schedule and a quick visit; the visitor leaves the not-yet list', async () => {
    const page = await deskContext.newPage();
    await page.goto('/activity-room');
    await visible(page.getByTestId('add-slot'));
    await page.getByTestId('add-slot').click();
    await visible(page.locator('.ant-picker-range'));
    await page.locator('.ant-picker-range input').first().click();
    await page.locator('.ant-picker-time-panel-column').first().locator('li', { hasText: '15' }).first().click();
    await page.locator('.ant-picker-time-panel-column').nth(1).locator('li', { hasText: '30' }).first().click();
    await page.locator('.ant-picker-ok button').click();
    await page.locator('.ant-picker-time-panel-column').first().locator('li', { hasText: '17' }).first().click();
    await page.locator('.ant-picker-time-panel-column').nth(1).locator('li', { hasText: '00' }).first().click();
    await page.locator('.ant-picker-ok button').click();
    await page.getByPlaceholder('如：张老师').fill('张老师');
    await page.getByTestId('drawer-submit').click();
    await visible(page.getByTestId('room-schedule').getByText('15:30–17:00 · 张老师'));
    await pickChild(page, 'visit-child-search', '崔小风');
    await page.getByTestId('visit-doings').getByText('阅读').click();
    await page.getByTestId('visit-doings').getByText('给父母打电话').click();
    await page.getByTestId('save-visit').click();
    await visible(page.getByText('已登记 1 名孩子到访'));
    await visible(page.getByTestId('room-visits').getByText('崔小风'));
    await check(page, 'activity-room-1440');
    const phonePage = await (await phoneTwin(browser, deskContext, server.baseUrl)).newPage();
    await phonePage.goto('/activity-room');
    await visible(phonePage.getByTestId('room-visits'));
    await check(phonePage, 'activity-room-375');
    await phonePage.goto('/activities');
    await phonePage.getByRole('tab', { name: '参与情况' }).click();
    await visible(phonePage.getByTestId('not-yet'));
    await phonePage.waitForFunction(
      () => document.querySelectorAll('[data-testid="not-yet-child"]').length === 2,
      undefined,
      { timeout: 20_000 },
    );
  });

  test('aid and the funding ledger; a birthday celebrated in one click; the child’s tab', async () => {
    const page = await deskContext.newPage();
    await page.goto('/');
    const row = page.getByTestId('home-birthdays').getByTestId('birthday-row').filter({ hasText: '安小雨' });
    await visible(row);
    await checkHome(page, 'home-birthdays-1440');
    await row.getByTestId('celebrate').click();
    await visible(page.getByTestId('gift-amount'));
    await page.getByTestId('gift-amount').fill('68');
    await checkHome(page, 'birthday-drawer-1440');
    await page.getByTestId('drawer-submit').click();
    await visible(page.getByText('已记下：生活照顾记录和一条生日资助'));
    await visible(row.getByText('已送祝福'));

    await page.goto('/aid');
    await visible(page.getByTestId('aid-line'));
    await page.getByTestId('add-aid').click();
    await pickChild(page, 'aid-child', '丁小雷');
    await page.getByTestId('aid-amount').fill('2000000');
    await page.getByTestId('drawer-submit').click();
    await visible(page.getByText('金额不能超过100万元，请核对'));
    await page.getByTestId('aid-amount').fill('500');
    await page.getByTestId('drawer-submit').click();
    await visible(page.getByText('资助已登记'));
    await check(page, 'aid-records-1440');

    await page.getByRole('tab', { name: '经费台账' }).click();
    await page.getByTestId('add-income').click();
    await page.getByTestId('fund-amount').fill('1200');
    await page.getByTestId('fund-source').click();
    await page.locator('.ant-select-item-option', { hasText: '社会捐赠' }).click();
    await page.getByTestId('drawer-submit').click();
    await visible(page.getByText('已记入台账'));
    await page.getByTestId('add-expense').click();
    await page.getByTestId('fund-amount').fill('200');
    await page.getByTestId('fund-purpose').click();
    await page.locator('.ant-select-item-option', { hasText: '活动支出' }).click();
    await page.getByTestId('drawer-submit').click();
    await visible(page.getByText('已记入台账'));
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="ledger-closing"] .ant-statistic-content-value')?.textContent === '¥1,000',
      undefined,
      { timeout: 20_000 },
    );
    await check(page, 'aid-ledger-1440');

    await page.goto(`/children/${childIds[0]}?tab=activities`);
    await visible(page.getByTestId('child-activities-aid').getByText('中秋节一起过'));
    await visible(page.getByTestId('child-activities-aid').getByText('生日蛋糕'));
    await check(page, 'child-activities-aid-1440');

    const phonePage = await (await phoneTwin(browser, deskContext, server.baseUrl)).newPage();
    await phonePage.goto('/');
    await visible(phonePage.getByTestId('home-birthdays'));
    await checkHome(phonePage, 'home-birthdays-375');
    await phonePage.goto('/aid');
    await visible(phonePage.getByTestId('aid-line'));
    await check(phonePage, 'aid-records-375');
    await phonePage.getByRole('tab', { name: '经费台账' }).click();
    await visible(phonePage.getByTestId('ledger-entries'));
    await check(phonePage, 'aid-ledger-375');
    await phonePage.goto(`/children/${childIds[0]}?tab=activities`);
    await visible(phonePage.getByTestId('child-activities-aid'));
    await check(phonePage, 'child-activities-aid-375');
  });
});
