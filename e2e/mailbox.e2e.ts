import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiSession, countyAdmin } from './api.support';
import { checkPage as checkFeaturePage, snapBothSizes, expectVisible as visible } from './snap.support';
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
 * 悄悄话信箱 end to end: the school administrator opens the mailbox and prints the poster; a child
 * writes from a phone without an account and gets a pickup code; the counselor sees the urgent
 * letter first, takes it on, replies and links it to the child's file; the administrator's alert
 * names who handles it but not the text; the child reads the reply with the code. Then a pledge
 * (自律承诺书) on the child page, reviewed.
 */

let server: RunningServer;
let browser: Browser;
let adminContext: BrowserContext;
let counselorContext: BrowserContext;
let childContext: BrowserContext;
let admin: Page;
let counselor: Page;
let child: Page;
let childId = '';
let schoolId = '';
let mailboxPath = '';
let pickupCode = '';
const letter = '老师，爸爸妈妈在外地打工，我晚上总是睡不着，有时候觉得不想活了。<b>不要告诉别人</b>';
const replyText = '谢谢你愿意告诉老师。明天中午到心理咨询室来好吗？我们慢慢聊，你不是一个人。';

const wellbeingKeys = /\bwellbeing\.[a-zA-Z]+/;
const checkPage = (page: Page) => checkFeaturePage(page, wellbeingKeys);
const snapBoth = snapBothSizes(() => ({ browser, baseUrl: server.baseUrl }), {
  featureKeys: wellbeingKeys,
  checkWide: true,
});

describe('whisper mailbox: a child writes on a phone, the counselor replies, the child reads it', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const bootstrap = await countyAdmin(browser, server, 'Mailbox-admin-2026');
    const {
      county: { id: countyId },
      makeOrg: make,
      makeUser: user,
    } = bootstrap;
    const township = await make(countyId, 'township', '青山镇');
    schoolId = await make(township, 'school', '青山镇中心小学');
    const klass = await make(schoolId, 'class', '五年级（2）班');
    const adminOtp = await user('zhao.xiaozhang', '赵校长', schoolId, 'school_admin');
    const counselorOtp = await user('lin.xinli', '林老师', schoolId, 'counselor');
    await bootstrap.close();

    adminContext = await browser.newContext({ ...phone, baseURL: server.baseUrl, locale: 'zh-CN' });
    const adminApi = await apiSession(adminContext.request, 'zhao.xiaozhang', adminOtp, 'Zhao-xiaozhang-2026!');
    childId = (
      (await adminApi('POST', '/children', {
        name: '王小花',
        schoolId,
        classId: klass,
        categories: [{ category: 'left_behind_both', startDate: '2024-09-01' }],
        enrollmentStatus: 'enrolled',
        enrollmentDate: '2024-09-01',
      })) as { id: string }
    ).id;
    admin = await adminContext.newPage();
    counselorContext = await browser.newContext({ ...phone, baseURL: server.baseUrl, locale: 'zh-CN' });
    await apiSession(counselorContext.request, 'lin.xinli', counselorOtp, 'Lin-xinli-2026!');
    counselor = await counselorContext.newPage();
    // The child: a phone that never signed in.
    childContext = await browser.newContext({ ...phone, baseURL: server.baseUrl, locale: 'zh-CN' });
    child = await childContext.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the school administrator opens the mailbox and downloads the poster', async () => {
    await admin.goto('/mailbox/settings');
    await admin.getByTestId('mailbox-open').click();
    await visible(admin.getByTestId('mailbox-link'));
    const link = (await admin.getByTestId('mailbox-link').textContent()) ?? '';
    mailboxPath = new URL(link.trim()).pathname;
    expect(mailboxPath).toMatch(/^\/m\/[A-Z2-9]{6}$/);
    await snapBoth(admin, adminContext, 'mailbox-settings', (p) => p.getByTestId('mailbox-link'));

    const poster = await adminContext.request.get(`/api/mailbox/boxes/${schoolId}/poster.pdf`);
    expect(poster.status()).toBe(200);
    fs.mkdirSync(screenshotDir, { recursive: true });
    const pdf = path.join(screenshotDir, 'mailbox-poster.pdf');
    fs.writeFileSync(pdf, await poster.body());
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdf, path.join(screenshotDir, 'mailbox-poster')]);
    expect(fs.existsSync(path.join(screenshotDir, 'mailbox-poster.png'))).toBe(true);
  });

  test('a child writes from a phone without signing in and gets a pickup code', async () => {
    await child.goto(mailboxPath);
    await visible(child.getByTestId('mailbox-school'));
    expect(await child.getByTestId('mailbox-school').textContent()).toBe('青山镇中心小学');
    await child.getByTestId('mailbox-body').fill(letter);
    await child.getByTestId('mailbox-name').fill('王小花');
    await child.getByTestId('mailbox-class').fill('五年级2班');
    await checkPage(child);
    await screenshot(child, 'mailbox-public-375');
    await child.getByTestId('mailbox-send').click();
    await visible(child.getByTestId('mailbox-pickup-code'));
    pickupCode = ((await child.getByTestId('mailbox-pickup-code').textContent()) ?? '').trim();
    expect(pickupCode).toMatch(/^[A-Z2-9]{8}$/);
    await checkPage(child);
    await screenshot(child, 'mailbox-public-sent-375');

    const wide = await browser.newContext({ ...desktop, baseURL: server.baseUrl, locale: 'zh-CN' });
    const big = await wide.newPage();
    await big.goto(mailboxPath);
    await visible(big.getByTestId('mailbox-body'));
    await checkPage(big);
    await screenshot(big, 'mailbox-public-1440');
    await wide.close();
  });

  test('the counselor finds the urgent letter first, takes it on, replies and links the child', async () => {
    await counselor.goto('/mailbox');
    const first = counselor.getByTestId('mailbox-message').first();
    await visible(first);
    expect(await first.getAttribute('data-urgent')).toBe('true');
    // The letter's markup is shown as text, never rendered.
    expect(await first.textContent()).toContain('<b>不要告诉别人</b>');
    await snapBoth(counselor, counselorContext, 'mailbox-inbox', (p) => p.getByTestId('mailbox-message'));

    await first.click();
    const drawer = counselor.getByTestId('mailbox-drawer');
    await visible(drawer.getByTestId('mailbox-drawer-body'));
    await drawer.getByTestId('mailbox-take').click();
    await visible(drawer.getByText('处理中'));
    await drawer.getByTestId('mailbox-reply-input').fill(replyText);
    await drawer.getByTestId('mailbox-send-reply').click();
    await visible(drawer.getByText('已回复'));
    await drawer.getByTestId('mailbox-link-child').click();
    await drawer.getByTestId('mailbox-link-child').locator('input').fill('王小');
    const option = counselor.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '王小花' });
    await visible(option).catch(async (error) => {
      await counselor.screenshot({ path: path.join(screenshotDir, 'mailbox-link-failed.png') });
      throw error;
    });
    await option.first().click();
    await visible(drawer.getByRole('link', { name: '王小花' }));
    await settle(counselor);
    await counselor.screenshot({ path: path.join(screenshotDir, 'mailbox-drawer-375.png') });
    // 发起强制报告 opens the concern form for this letter (the concerns e2e covers filing it).
    await drawer.getByTestId('mailbox-raise-concern').click();
    const raise = counselor.getByTestId('concern-raise-form');
    await visible(raise);
    expect(await raise.textContent()).not.toContain('睡不着');
    await settle(counselor);
    await counselor.screenshot({ path: path.join(screenshotDir, 'mailbox-raise-concern-375.png') });
    await raise.getByRole('button', { name: /取\s*消/ }).click();
  });

  test('the administrator sees who handles the urgent letter, never its text', async () => {
    await admin.goto('/mailbox/settings');
    const alerts = admin.getByTestId('mailbox-alerts');
    await visible(alerts.getByText('林老师', { exact: false }));
    expect(await admin.locator('body').textContent()).not.toContain('睡不着');
    await checkPage(admin);
    await screenshot(admin, 'mailbox-settings-alert-375');
  });

  test('the child reads the reply with the pickup code', async () => {
    await child.goto(`${mailboxPath}?read=1`);
    await child.getByTestId('mailbox-code').fill(pickupCode.toLowerCase());
    await child.getByRole('button', { name: '看回信' }).last().click();
    await visible(child.getByTestId('mailbox-reply-text'));
    expect(await child.getByTestId('mailbox-reply-text').textContent()).toBe(replyText);
    await checkPage(child);
    await screenshot(child, 'mailbox-public-reply-375');
  });

  test('a pledge on the child page: recorded, then reviewed', async () => {
    await admin.goto(`/children/${childId}?tab=pledges`);
    await admin.getByTestId('pledge-add').click();
    const form = admin.getByTestId('pledge-form');
    await visible(form);
    await form.locator('textarea').nth(0).fill('上课爱讲话，作业拖拉');
    await form.locator('textarea').nth(1).fill('上课认真听讲，按时完成作业');
    await form.locator('textarea').nth(2).fill('每天放学先写作业，请同桌提醒我');
    await admin.getByTestId('drawer-submit').click();
    await visible(admin.getByTestId('pledge-card')).catch(async (error) => {
      await admin.screenshot({ path: path.join(screenshotDir, 'pledges-failed.png') });
      throw error;
    });
    await admin.getByTestId('self-evaluation-add').click();
    await admin
      .getByTestId('self-evaluation-form')
      .locator('textarea')
      .first()
      .fill('这周数学作业都按时交了，但是背书还不够认真。');
    await admin
      .getByTestId('self-evaluation-form')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await visible(admin.getByTestId('self-evaluation'));
    await snapBoth(admin, adminContext, 'pledges-tab', (p) => p.getByTestId('pledge-card'));

    await admin.getByTestId('pledge-review-open').click();
    const review = admin.getByTestId('pledge-review');
    await visible(review);
    await review.getByText('部分做到').click();
    await admin.getByTestId('drawer-submit').click();
    await visible(admin.getByTestId('pledge-card').getByText('已复查'));
    await checkPage(admin);
    await screenshot(admin, 'pledges-reviewed-375');
  });
});
