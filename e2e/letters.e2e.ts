import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addTerm, apiSession, countyAdmin, daysFromNow } from './api.support';
import { checkAndShoot } from './snap.support';
import { desktop, launchBrowser, phoneTwin, type RunningServer, startServer } from './support';

/**
 * 致家长的一封信: the school's administrator edits the term-start letter (an unknown merge field is
 * refused and named), downloads the class's letters as Word and PDF and finds each child's name in
 * them, then marks two letters sent; the same page on a phone.
 */

let server: RunningServer;
let browser: Browser;
let deskContext: BrowserContext;
const names = ['安小雨', '白小云', '崔小风'];

const visible = (locator: Locator, timeout = 20_000) => locator.first().waitFor({ state: 'visible', timeout });

async function download(page: Page, testId: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId(testId).click(),
  ]);
  const target = path.join(os.tmpdir(), `sw-e2e-${process.pid}-${file.suggestedFilename()}`);
  await file.saveAs(target);
  const bytes = fs.readFileSync(target);
  fs.rmSync(target);
  return { name: file.suggestedFilename(), bytes };
}

function pdfText(bytes: Buffer) {
  const file = path.join(os.tmpdir(), `sw-e2e-letters-${process.pid}.pdf`);
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    fs.rmSync(file, { force: true });
  }
}

const check = (page: Page, name: string) => checkAndShoot(page, name, /\bletters\.[a-zA-Z]+/);

describe('letters to parents', () => {
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
    for (const name of names)
      await head('POST', '/children', {
        name,
        sex: 'female',
        birthDate: daysFromNow(-9 * 365),
        schoolId: school,
        classId: klass,
        categories: [{ category: 'left_behind_both', startDate: daysFromNow(-400) }],
        enrollmentStatus: 'enrolled',
        enrollmentDate: daysFromNow(-400),
      });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the school administrator edits the term-start letter; an unknown merge field is named', async () => {
    const page = await deskContext.newPage();
    await page.goto('/letters');
    await visible(page.getByRole('tab', { name: '信件模板' }));
    await page.getByRole('tab', { name: '信件模板' }).click();
    await visible(page.getByTestId('letter-template'));
    await check(page, 'letters-templates-1440');
    await page.getByTestId('letter-template').first().getByRole('button', { name: '修改' }).click();
    const body = page.getByTestId('template-body');
    await visible(body);
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n请提醒{{孩子姓名}}按时到校。');
    await page.getByTestId('drawer-submit').click();
    await visible(page.getByText('未知的合并字段：{{孩子姓名}}'));
    await check(page, 'letters-template-error-1440');
    // Replace the wrong field with one from the menu.
    await body.click();
    await page.keyboard.press('Control+End');
    for (let i = 0; i < '{{孩子姓名}}按时到校。'.length; i++) await page.keyboard.press('Backspace');
    await page.getByTestId('merge-field-menu').click();
    await page.locator('.ant-dropdown-menu-item', { hasText: '{{儿童姓名}}' }).first().click();
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('按时到校。');
    await visible(page.getByTestId('letter-preview').getByText('请提醒张小明按时到校。'));
    await check(page, 'letters-template-edit-1440');
    await page.getByTestId('drawer-submit').click();
    await visible(page.getByText('模板已保存'));
    await page.close();
  });

  test('downloads the class’s letters as Word and PDF, each child in their own letter, and marks two sent', async () => {
    const page = await deskContext.newPage();
    await page.goto('/letters');
    await visible(page.getByTestId('letters-progress'));
    expect(await page.getByTestId('letters-progress').textContent()).toContain('已发出 0 / 3 封');

    const word = await download(page, 'letters-docx');
    expect(word.name).toMatch(/\.docx$/);
    const xml = await (await JSZip.loadAsync(word.bytes)).file('word/document.xml')!.async('string');
    const letters = xml
      .replace(/<[^>]+>/g, '')
      .split('致家长的一封信')
      .slice(1);
    expect(letters).toHaveLength(3);
    for (const [i, letter] of letters.entries()) {
      expect(letter).toContain(`尊敬的${names[i]}同学家长：`);
      expect(letter).toContain(`请提醒${names[i]}按时到校。`);
      for (const other of names.filter((_, j) => j !== i)) expect(letter).not.toContain(other);
    }
    const pdf = await download(page, 'letters-pdf');
    expect(pdf.name).toMatch(/\.pdf$/);
    const text = pdfText(pdf.bytes);
    for (const name of names) expect(text).toContain(`请提醒${name}按时到校。`);

    const rows = page.locator('.ant-table-row');
    await rows.nth(0).locator('.ant-checkbox-input').check();
    await rows.nth(1).locator('.ant-checkbox-input').check();
    await page.getByTestId('letters-mark-selected').click();
    await visible(page.getByText('已登记 2 封信'));
    await page.waitForFunction(
      () => document.querySelector('[data-testid="letters-progress"]')?.textContent?.includes('已发出 2 / 3 封'),
      undefined,
      { timeout: 20_000 },
    );
    await visible(rows.nth(0).getByText('微信'));
    await check(page, 'letters-deliveries-1440');

    const phonePage = await (await phoneTwin(browser, deskContext, server.baseUrl)).newPage();
    await phonePage.goto('/letters');
    await visible(phonePage.getByTestId('letters-progress'));
    await check(phonePage, 'letters-deliveries-375');
    await phonePage.getByRole('tab', { name: '信件模板' }).click();
    await visible(phonePage.getByTestId('letter-template'));
    await check(phonePage, 'letters-templates-375');
    await phonePage.getByTestId('letter-template').first().getByRole('button', { name: '修改' }).click();
    await visible(phonePage.getByTestId('letter-preview'));
    await check(phonePage, 'letters-template-edit-375');
  });
});
