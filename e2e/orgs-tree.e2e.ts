import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiSession, countyAdmin, countyAdminPassword } from './api.support';
import { chooseOrg } from './forms.support';
import { checkAndShoot, expectVisible } from './snap.support';
import { desktop, launchBrowser, phoneTwin, type RunningServer, startServer } from './support';

/**
 * The unit tree a level at a time (issue 8, finding 5): a county administrator's first screen is
 * the county and its townships; opening a township loads its schools, a school its classes; the
 * search finds a class anywhere in the county; pickers elsewhere search the server too. No page
 * downloads the county's whole tree.
 */

let server: RunningServer;
let browser: Browser;
let desk: BrowserContext;
const townships = ['东山镇', '西河乡', '南岭镇'];

/** Every /api/orgs request a page makes, to prove none of them asks for the whole county. */
function recordOrgRequests(page: Page) {
  const urls: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/orgs')) urls.push(`${url.pathname}${url.search}`);
  });
  return urls;
}
const wholeTree = (urls: string[]) => urls.filter((u) => u === '/api/orgs' || u === '/api/orgs?includeInactive=true');

describe('the unit tree, a level at a time', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const { county, makeOrg, close } = await countyAdmin(browser, server);
    // Over 300 units (orgWholeTreeLimit), so the first screen is the county and its townships only.
    for (const name of townships) {
      const township = await makeOrg(county.id, 'township', name);
      await makeOrg(township, 'village', `${name.slice(0, 2)}村`);
      for (const s of [1, 2]) {
        const school = await makeOrg(township, 'school', `${name}第${s}小学`);
        const classes = [];
        for (let grade = 1; grade <= 6; grade++)
          for (let c = 1; c <= 9; c++) classes.push(makeOrg(school, 'class', `${grade}年级${c}班`));
        await Promise.all(classes);
      }
    }
    const nanling = await makeOrg(county.id, 'township', '北坡镇');
    await makeOrg(await makeOrg(nanling, 'school', '北坡镇中学'), 'class', '航天兴趣班');
    await close();
    desk = await browser.newContext({ ...desktop, baseURL: server.baseUrl, locale: 'zh-CN' });
    await apiSession(desk.request, server.adminUsername, countyAdminPassword, countyAdminPassword);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the first screen shows the townships; opening one loads its units, then a school its classes', async () => {
    const page = await desk.newPage();
    const urls = recordOrgRequests(page);
    await page.goto('/orgs');
    for (const name of townships) await expectVisible(page.getByTestId(`org-node-${name}`));
    await expectVisible(page.getByTestId('org-node-北坡镇'));
    expect(await page.getByTestId('org-node-东山镇第1小学').count()).toBe(0);
    expect((await page.getByTestId('org-counts').textContent()) ?? '').toContain('7 所学校、325 个班级');
    await checkAndShoot(page, 'orgs-tree-first-1440', /\borgs\.[a-zA-Z]+/);

    await page
      .locator('.ant-tree-treenode', { has: page.getByTestId('org-node-东山镇') })
      .locator('.ant-tree-switcher')
      .click();
    await expectVisible(page.getByTestId('org-node-东山镇第1小学'));
    await expectVisible(page.getByTestId('org-node-东山村'));
    await page
      .locator('.ant-tree-treenode', { has: page.getByTestId('org-node-东山镇第1小学') })
      .locator('.ant-tree-switcher')
      .click();
    await expectVisible(page.getByTestId('org-node-3年级2班'));
    await checkAndShoot(page, 'orgs-tree-opened-1440', /\borgs\.[a-zA-Z]+/);
    expect(urls.some((u) => u.startsWith('/api/orgs/tree?parentId='))).toBe(true);
    expect(wholeTree(urls)).toEqual([]);
    await page.close();
  });

  test('the search finds a class anywhere in the county, with the units above it', async () => {
    const page = await desk.newPage();
    await page.goto('/orgs');
    await expectVisible(page.getByTestId('org-node-南岭镇'));
    await page.getByPlaceholder('按名称或代码查找').fill('航天');
    await expectVisible(page.getByTestId('org-node-航天兴趣班'));
    await expectVisible(page.getByTestId('org-node-北坡镇中学'));
    expect(await page.getByTestId('org-node-东山镇').count()).toBe(0);
    await checkAndShoot(page, 'orgs-tree-search-1440', /\borgs\.[a-zA-Z]+/);
    await page.getByPlaceholder('按名称或代码查找').fill('没有这个单位');
    await expectVisible(page.getByText('没有找到匹配的单位'));
    await page.close();
  });

  test('on a phone: the tree, a new unit under a folded township, and its actions', async () => {
    const phone = await phoneTwin(browser, desk, server.baseUrl);
    const page = await phone.newPage();
    await page.goto('/orgs');
    await expectVisible(page.getByTestId('org-node-西河乡'));
    await checkAndShoot(page, 'orgs-tree-first-375', /\borgs\.[a-zA-Z]+/);
    // Creating under a folded township opens it to show the new school.
    await page.getByTestId('org-actions-西河乡').click();
    await page.locator('.ant-dropdown-menu-item', { hasText: '新建下级单位' }).click();
    await page.locator('#kind').click();
    await page.locator('.ant-select-item-option', { hasText: '学校' }).first().click();
    await page.locator('#name').fill('西河乡第3小学');
    await page.getByTestId('drawer-submit').click();
    await expectVisible(page.getByTestId('org-node-西河乡第3小学'));
    await expectVisible(page.getByTestId('org-node-西河乡第1小学'));
    await checkAndShoot(page, 'orgs-tree-created-375', /\borgs\.[a-zA-Z]+/);
    await phone.close();
  });

  test('pickers elsewhere load levels and search the server: the child list filters, the home page', async () => {
    const page = await desk.newPage();
    const urls = recordOrgRequests(page);
    await page.goto('/');
    await expectVisible(page.getByTestId('home-units').getByText('班级'));
    expect((await page.getByTestId('home-units').textContent()) ?? '').toContain('325');
    await page.goto('/children');
    const classPicker = page.locator('.ant-select', { hasText: '班级' }).first();
    await expectVisible(classPicker);
    await classPicker.click();
    await page.keyboard.type('4年级1班');
    await expectVisible(
      page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: '4年级1班' }),
    );
    await checkAndShoot(page, 'orgs-picker-search-1440');
    await page.keyboard.press('Escape');
    expect(wholeTree(urls)).toEqual([]);
    await page.close();
  });

  test('the unit picker of a user form finds a class by searching', async () => {
    const phone = await phoneTwin(browser, desk, server.baseUrl);
    const page = await phone.newPage();
    await page.goto('/users');
    await page.getByTestId('user-create').click();
    await expectVisible(page.locator('#roles_0_orgId'));
    await chooseOrg(page, 'roles_0_orgId', '3年级2班');
    await expectVisible(page.locator('.ant-select-content', { hasText: '3年级2班' }));
    // The class picks its role outright: the unit came back with its kind from the search.
    await expectVisible(page.locator('.ant-select-content', { hasText: '班主任' }));
    await checkAndShoot(page, 'orgs-picker-user-375');
    await page.locator('#username').fill('zhao.laoshi');
    await page.locator('#displayName').fill('赵老师');
    await page.getByTestId('drawer-submit').click();
    await expectVisible(page.getByTestId('otp-done'));
    await page.getByTestId('otp-done').click();
    // The list names the class with its school (one request for the page's units, then their schools).
    await expectVisible(page.getByText(/第[12]小学 3年级2班/));
    await checkAndShoot(page, 'orgs-user-places-375');
    await phone.close();
  });
  test('the audit log names the units of a change (only those, not the whole county)', async () => {
    const page = await desk.newPage();
    const urls = recordOrgRequests(page);
    await page.goto('/audit');
    const row = page.locator('tr.ant-table-row', { hasText: '新建单位' }).first();
    await expectVisible(row);
    await row.locator('.ant-table-row-expand-icon').click();
    const detail = page.locator('.ant-table-expanded-row').first();
    await expectVisible(detail.getByText(/西河乡 \/ 西河乡第3小学/));
    await checkAndShoot(page, 'orgs-audit-names-1440');
    expect(urls.some((u) => u.includes('ids='))).toBe(true);
    expect(wholeTree(urls)).toEqual([]);
    await page.close();
  });
});
