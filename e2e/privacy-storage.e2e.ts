import type { APIRequestContext, Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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

/** Signs in through the API on a request context and answers a JSON caller with the CSRF header. */
async function apiSession(request: APIRequestContext, username: string, password: string, next: string) {
  let csrf = '';
  const call = async (method: string, path: string, data?: unknown) => {
    const res = await request.fetch(`/api${path}`, { method, data, headers: csrf ? { 'X-CSRF-Token': csrf } : {} });
    const json = await res.json().catch(() => null);
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${JSON.stringify(json)}`);
    if (json && typeof json.csrfToken === 'string') csrf = json.csrfToken;
    return json;
  };
  const me = await call('POST', '/auth/login', { username, password });
  if (me.user.mustChangePassword)
    await call('POST', '/auth/change-password', { currentPassword: password, newPassword: next });
  return call;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The county administrator sets up a township and village with its child director (儿童主任),
  // who files a child with an ID number.
  const adminContext = await browser.newContext({ baseURL: server.baseUrl });
  const admin = await apiSession(adminContext.request, server.adminUsername, server.adminPassword, adminPassword);
  const county = (await admin('GET', '/orgs')).items.find((o: { kind: string }) => o.kind === 'county');
  const township = await admin('POST', '/orgs', { parentId: county.id, kind: 'township', name: '储存镇' });
  const village = await admin('POST', '/orgs', { parentId: township.id, kind: 'village', name: '储存村' });
  const director = await admin('POST', '/users', {
    username: 'chu.zhuren',
    displayName: '储主任',
    roles: [{ orgId: village.id, role: 'child_director' }],
  });
  await adminContext.close();
  const directorContext = await browser.newContext({ baseURL: server.baseUrl });
  const call = await apiSession(directorContext.request, 'chu.zhuren', director.oneTimePassword, directorPassword);
  const child = await call('POST', '/children', {
    name: childName,
    sex: 'male',
    birthDate: '2016-06-15',
    idNumber,
    villageId: village.id,
  });
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
