import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiSession, countyAdmin, daysAgo } from './api.support';
import {
  desktop,
  launchBrowser,
  phone,
  type RunningServer,
  screenshot,
  screenshotDir,
  settle,
  startServer,
} from './support';

/**
 * Feature texts download with their pages (apps/web/src/app/locales/bundles.ts, router.tsx
 * `withLocales`). No page may show a raw key: every page a school administrator can open, by
 * address and through the menu, in Chinese and in English, the child page's tabs, and a language
 * switch on a page already open. Also the menu's headings on a desktop and a phone.
 */

const namespaces =
  'app|common|language|nav|roles|orgKinds|me|login|password|conflict|validation|errors|activities|audit|care|careAdmin|children|concerns|counseling|health|home|learning|letters|orgs|privacy|reports|security|stats|terms|users|wellbeing';
const rawKey = new RegExp(`\\b(?:${namespaces})\\.[A-Za-z_]+(?:\\.[A-Za-z_0-9]+)*\\b`, 'g');

async function expectTranslated(page: Page) {
  await settle(page);
  const text = (await page.locator('body').textContent()) ?? '';
  const raw = text.match(rawKey);
  expect(raw ? `${page.url()}: ${[...new Set(raw)].join(', ')}` : '').toBe('');
  expect(text).not.toContain('页面加载失败');
  expect(text).not.toContain('The page failed to load');
}

const pages = [
  '/',
  '/todos',
  '/children',
  '/concerns',
  '/health-checks/batch',
  '/grades/batch',
  '/pairings',
  '/pairings/holiday',
  '/calendar',
  '/dashboard',
  '/compliance',
  '/care-rules',
  '/mailbox',
  '/mailbox/settings',
  '/activities',
  '/activity-room',
  '/aid',
  '/letters',
  '/assessment',
  '/reports/work-summary',
  '/orgs',
  '/terms',
  '/users',
  '/audit',
  '/security/two-step',
  '/no-such-page',
];
const childTabs = ['', 'family', 'guardians', 'contactCard', 'care', 'health', 'learning', 'pledges', 'activities'];

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let childId = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const county = await countyAdmin(browser, server);
  const township = await county.makeOrg(county.county.id, 'township', '城关镇');
  const school = await county.makeOrg(township, 'school', '城关镇中心小学');
  const klass = await county.makeOrg(school, 'class', '三年级（2）班');
  const principal = await county.makeUser('wang.xiaozhang', '王校长', school, 'school_admin');
  const teacher = await county.makeUser('li.laoshi', '李老师', klass, 'class_teacher');
  await county.close();

  const teacherContext = await browser.newContext({ baseURL: server.baseUrl });
  const teacherApi = await apiSession(teacherContext.request, 'li.laoshi', teacher, 'Li-laoshi-2026!');
  const child = (await teacherApi('POST', '/children', {
    name: '张小雨',
    sex: 'female',
    birthDate: daysAgo(9 * 365),
    schoolId: school,
    classId: klass,
    categories: [{ category: 'left_behind_both', startDate: daysAgo(400) }],
    enrollmentStatus: 'enrolled',
    enrollmentDate: daysAgo(400),
  })) as { id: string };
  childId = child.id;
  await teacherContext.close();

  // The browser context's requests share its cookies: the API sign-in signs the pages in too.
  context = await browser.newContext({ ...desktop, baseURL: server.baseUrl, locale: 'zh-CN' });
  await apiSession(context.request, 'wang.xiaozhang', principal, 'Wang-xiaozhang-2026!');
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/**
 * Pages checked at the same time, each in its own tab of the signed-in context: every check waits
 * for the network to go quiet and for antd's motion (settle()), and those waits overlap.
 */
const tabs = 3;

/** Runs `check` on every item, `tabs` at a time: the signed-in `page` and fresh tabs of its context. */
async function inTabs<T>(items: T[], check: (tab: Page, item: T) => Promise<void>) {
  const queue = [...items];
  const extra = await Promise.all(Array.from({ length: tabs - 1 }, () => context.newPage()));
  let failed = false;
  try {
    await Promise.all(
      [page, ...extra].map(async (tab) => {
        for (let item = queue.shift(); item !== undefined && !failed; item = queue.shift()) {
          await check(tab, item).catch((error) => {
            failed = true;
            throw error;
          });
        }
      }),
    );
  } finally {
    await Promise.all(extra.map((tab) => tab.close()));
  }
}

async function everyPage(language: string) {
  const addresses = [
    ...pages.map((path) => ({ path, child: false })),
    ...childTabs.map((tab) => ({ path: `/children/${childId}${tab ? `?tab=${tab}` : ''}`, child: true })),
  ];
  await inTabs(addresses, async (tab, { path, child }) => {
    await tab.goto(path);
    if (child) await tab.getByTestId('child-title').waitFor();
    await expectTranslated(tab);
    expect(`${path}: ${await tab.evaluate(() => document.documentElement.lang)}`).toBe(`${path}: ${language}`);
  });
}

/** Switches the page's language with the header button unless it is already that language. */
async function switchTo(language: 'zh-CN' | 'en') {
  if ((await page.evaluate(() => document.documentElement.lang)) === language) return;
  await page.getByTestId('language-switch').click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

describe('feature texts load with their pages', () => {
  test('every page opened by its address reads in Chinese', async () => {
    await everyPage('zh-CN');
  });

  test('the child page switched to English on the spot, then every page by address in English', async () => {
    await page.goto(`/children/${childId}?tab=care`);
    await page.getByTestId('child-title').waitFor();
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await expectTranslated(page);
    expect((await page.locator('.ant-tabs-nav').textContent()) ?? '').toContain('Family');
    await everyPage('en');
  });

  test('every menu entry reached through the menu, in English', async () => {
    await page.goto('/');
    await page.getByTestId('nav-home').waitFor();
    await switchTo('en');
    const entries = await page
      .locator('[data-testid^="nav-"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!).filter((id) => id !== 'nav-open'));
    expect(entries.length).toBeGreaterThan(15);
    for (const entry of entries) {
      await page.getByTestId(entry).click();
      await expectTranslated(page);
    }
    await switchTo('zh-CN');
  });

  test('the menu has headings, on a desktop and in the phone drawer', async () => {
    await page.goto('/');
    await page.getByTestId('nav-home').waitFor();
    await switchTo('zh-CN');
    const groups = page.locator('.ant-menu-item-group-title');
    expect(await groups.allTextContents()).toEqual(['儿童与档案', '关爱工作', '统计与报告', '管理与设置']);
    await screenshot(page, 'menu-groups-1440');
    const phoneContext = await browser.newContext({
      ...phone,
      baseURL: server.baseUrl,
      storageState: await context.storageState(),
      locale: 'zh-CN',
    });
    try {
      const small = await phoneContext.newPage();
      await small.goto('/');
      await small.getByTestId('nav-open').click();
      await small.locator('.ant-drawer-open .ant-menu-item-group-title').first().waitFor();
      await settle(small);
      await small.screenshot({ path: path.join(screenshotDir, 'menu-groups-375.png') });
      await small.getByTestId('nav-children').click();
      await small.waitForURL('**/children');
      await expectTranslated(small);
    } finally {
      await phoneContext.close();
    }
  });
});
