import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiSession, countyAdmin } from './api.support';
import { desktop, launchBrowser, phone, type RunningServer, settle, startServer } from './support';

/**
 * No personal data in browser storage or the address bar (issue #9): after a teacher's ordinary
 * work — signing in, searching a child by full ID number, opening the child's page and its tabs —
 * the browser keeps only the chosen language in localStorage; sessionStorage, IndexedDB and the Cache
 * API are empty, the session cookie is out of JavaScript's reach, and no URL the address bar showed
 * holds the ID number or the name searched for.
 */
const adminPassword = 'Storage-admin-2026';
const idNumber = '430104201606150030';
const childName = '储存测试';

let server: RunningServer;
let browser: Browser;
let childId = '';
const directorPassword = 'Storage-director-2026';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The county administrator sets up a township and village with its child director (儿童主任),
  // who files a child with an ID number.
  const { county, makeOrg, makeUser, close } = await countyAdmin(browser, server, adminPassword);
  const township = await makeOrg(county.id, 'township', '储存镇');
  const village = await makeOrg(township, 'village', '储存村');
  const oneTimePassword = await makeUser('chu.zhuren', '储主任', village, 'child_director');
  await close();
  const directorContext = await browser.newContext({ baseURL: server.baseUrl });
  const call = await apiSession(directorContext.request, 'chu.zhuren', oneTimePassword, directorPassword);
  const child = (await call('POST', '/children', {
    name: childName,
    sex: 'male',
    birthDate: '2016-06-15',
    idNumber,
    villageId: village,
  })) as { id: string };
  childId = child.id;
  await directorContext.close();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('browser storage and URLs', () => {
  for (const [label, options] of [
    ['desktop', desktop],
    ['phone', phone],
  ] as const) {
    test(`keeps nothing personal on the ${label}`, async () => {
      const context = await browser.newContext({ ...options, baseURL: server.baseUrl });
      const page = await context.newPage();
      const seen: string[] = [];
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) seen.push(frame.url());
      });
      // The child director signs in through the form.
      await page.goto('/login');
      await page.locator('#login-username').fill('chu.zhuren');
      await page.locator('#login-password').fill(directorPassword);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((url) => url.pathname === '/');
      // Search by the full ID number and by name in the list, then open the child and its tabs.
      await page.goto('/children');
      const search = page.getByTestId('child-search').locator('input');
      await search.fill(idNumber);
      await search.press('Enter');
      await settle(page);
      await search.fill(childName);
      await search.press('Enter');
      await settle(page);
      await page.goto(`/children/${childId}`);
      await settle(page);
      for (const tab of await page.locator('.ant-tabs-tab').all()) {
        if (await tab.isVisible()) await tab.click();
      }
      await settle(page);

      const storage = await page.evaluate(async () => ({
        local: Object.fromEntries(Object.entries(localStorage)),
        session: sessionStorage.length,
        indexedDb: (await indexedDB.databases()).map((d) => d.name),
        caches: 'caches' in window ? await caches.keys() : [],
        cookie: document.cookie,
      }));
      expect(Object.keys(storage.local).every((k) => k === 'shouwang.language')).toBe(true);
      expect(storage.session).toBe(0);
      expect(storage.indexedDb).toEqual([]);
      expect(storage.caches).toEqual([]);
      expect(storage.cookie).toBe('');
      const cookies = await context.cookies();
      expect(cookies.find((c) => c.name === 'sw_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
      for (const url of [...seen, page.url()]) {
        expect(url).not.toContain(idNumber);
        expect(decodeURIComponent(url)).not.toContain(childName);
      }
      await context.close();
    }, 180_000);
  }
});
