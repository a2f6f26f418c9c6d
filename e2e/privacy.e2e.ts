import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiSession, countyAdmin, daysFromNow } from './api.support';
import { checkPage } from './snap.support';
import { desktop, launchBrowser, phoneTwin, type RunningServer, screenshot, startServer } from './support';

/**
 * 隐私与同意: the county names its data-protection officer (shown on the home page and in the user
 * menu); a school administrator records a guardian's consent for photos on the child page, then
 * downloads the child's record as PDF and finds the name in it; the same tab on a phone.
 */

let server: RunningServer;
let browser: Browser;
let deskContext: BrowserContext;
let childId = '';

const visible = (locator: Locator, timeout = 20_000) => locator.first().waitFor({ state: 'visible', timeout });

/** The home page's shortcut hints belong to other features (checked by their journeys): allKeys false. */
async function check(page: Page, name: string, allKeys = true) {
  await checkPage(page, /\bprivacy\.[a-zA-Z]+/, { commonKeys: allKeys });
  await screenshot(page, name);
}

describe('privacy rights and consent', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const bootstrap = await countyAdmin(browser, server);
    const { admin, county, makeOrg: make } = bootstrap;
    const township = await make(county.id, 'township', '青石镇');
    const school = await make(township, 'school', '青石镇中心小学');
    const klass = await make(school, 'class', '三年级（1）班');
    await admin('PUT', '/privacy/officer', { name: '赵主任', phone: '0731-84561234' });
    const created = (await admin('POST', '/users', {
      username: 'wang.xiaozhang',
      displayName: '王校长',
      roles: [{ orgId: school, role: 'school_admin' }],
    })) as { oneTimePassword: string };
    await bootstrap.close();
    deskContext = await browser.newContext({ ...desktop, baseURL: server.baseUrl, locale: 'zh-CN' });
    const head = await apiSession(
      deskContext.request,
      'wang.xiaozhang',
      created.oneTimePassword,
      'Wang-xiaozhang-2026!',
    );
    const child = (await head('POST', '/children', {
      name: '安小雨',
      sex: 'female',
      birthDate: daysFromNow(-9 * 365),
      schoolId: school,
      classId: klass,
      categories: [{ category: 'left_behind_both', startDate: daysFromNow(-400) }],
      enrollmentStatus: 'enrolled',
      enrollmentDate: daysFromNow(-400),
    })) as { id: string };
    childId = child.id;
    await head('POST', `/children/${childId}/consents`, {
      category: 'basic_archive',
      basis: 'legal_duty',
      consentedOn: daysFromNow(-30),
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the home page names the county’s data-protection officer', async () => {
    const page = await deskContext.newPage();
    await page.goto('/');
    await visible(page.getByTestId('privacy-officer'));
    expect(await page.getByTestId('privacy-officer').first().textContent()).toContain(
      '个人信息保护负责人：赵主任 0731-84561234',
    );
    await check(page, 'privacy-home-officer-1440', false);
    await page.close();
  });

  test('the county administrator counts the records due for anonymization (none yet)', async () => {
    const context = await browser.newContext({ ...desktop, baseURL: server.baseUrl, locale: 'zh-CN' });
    await apiSession(context.request, server.adminUsername, 'Qingshan-admin-2026', 'Qingshan-admin-2026');
    const page = await context.newPage();
    await page.goto('/');
    await visible(page.getByText('到期信息匿名化'));
    await page.getByText('到期信息匿名化').click();
    await visible(page.getByText('没有离校满 3 年、需要匿名化的儿童'));
    await check(page, 'privacy-home-county-admin-1440', false);
    await page.keyboard.press('Escape');
    // The officer's dialog loads when it is opened: a new phone number, saved, shows on the line.
    await page.getByRole('button', { name: '设置负责人' }).click();
    const dialog = page.locator('.ant-modal:visible');
    await visible(dialog.locator('#phone'));
    await screenshot(page, 'privacy-officer-dialog-1440');
    await dialog.locator('#phone').fill('0731-84569999');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await visible(page.getByText('个人信息保护负责人：赵主任 0731-84569999'));
    await context.close();
  });

  test('records a guardian’s consent for photos and exports the child’s record as PDF', async () => {
    const page = await deskContext.newPage();
    await page.goto(`/children/${childId}?tab=privacy`);
    await visible(page.getByTestId('privacy-tab'));
    await page.getByTestId('record-photos').click();
    await visible(page.getByTestId('consenter-name'));
    await page.getByTestId('drawer-submit').click();
    await visible(page.getByText('请填写内容'));
    await check(page, 'privacy-consent-error-1440');
    await page.getByTestId('consenter-name').fill('安奶奶');
    await page.getByPlaceholder('如：母亲、祖母').fill('祖母');
    await page.getByPlaceholder('例如：仅用于校内活动展示').fill('仅用于校内活动展示');
    await page.getByTestId('drawer-submit').click();
    await visible(page.getByTestId('consent-photos').getByText('安奶奶（祖母）'));
    await check(page, 'privacy-tab-1440');

    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('export-pdf').click(),
    ]);
    const target = path.join(os.tmpdir(), `sw-e2e-privacy-${process.pid}.pdf`);
    await file.saveAs(target);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', target, '-'], { encoding: 'utf8' });
    fs.rmSync(target);
    expect(text).toContain('安小雨');
    expect(text).toContain('安奶奶');

    // A guardian asks for a correction: recorded, then refused with the reason.
    await page.getByTestId('add-correction').click();
    await page.getByTestId('correction-requester').fill('安大山');
    await page.getByPlaceholder('如：母亲、祖母').fill('父亲');
    await page.getByPlaceholder('如：姓名应为“刘晓铭”（金字旁）').fill('出生日期应为 2016-05-03');
    await page.getByTestId('drawer-submit').click();
    await visible(page.getByTestId('corrections').getByText('待处理'));
    await page.getByTestId('handle-correction').click();
    await page.getByText('不予更正').click();
    await page.getByPlaceholder('如：已按户口本更正姓名').fill('户口本上的出生日期与档案一致，无需更正');
    await page.getByTestId('drawer-submit').click();
    await visible(page.getByTestId('corrections').getByText('户口本上的出生日期与档案一致', { exact: false }));
    await check(page, 'privacy-corrections-1440');

    const phonePage = await (await phoneTwin(browser, deskContext, server.baseUrl)).newPage();
    await phonePage.goto(`/children/${childId}?tab=privacy`);
    await visible(phonePage.getByTestId('privacy-tab'));
    await check(phonePage, 'privacy-tab-375');
    await page.close();
  });
});
