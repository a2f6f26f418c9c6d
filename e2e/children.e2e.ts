import { execFileSync } from 'node:child_process';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Api, apiSession, countyAdmin, iso } from './api.support';
import { chooseById as choose, drawerSubmit, idNumber, openTab } from './forms.support';
import { expectVisible } from './snap.support';
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
 * The archive journey on a phone: a class teacher files a child, adds a parent working away and
 * the grandmother as entrusted guardian, sees what the archive still lacks, and meets a stale
 * edit with what someone else saved instead of overwriting it.
 */

const teacherPassword = 'Wang-laoshi-2026!';
const childName = '张羽涵';
const guardianPhone = '13907311234';

let server: RunningServer;
let browser: Browser;
let teacherContext: BrowserContext;
let teacher: Page;
let teacherApi: Api;
/** The county administrator's API session: records the guardian's consents a class teacher may not. */
let countyApi: Api;
let childId = '';

/** A 1×1 PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Screenshots the page as it is, then the same address in a 1440 px window on the same session. */
async function snapBoth(page: Page, name: string, ready: (p: Page) => Locator) {
  await expectVisible(ready(page));
  await settle(page);
  await expectNoHorizontalOverflow(page);
  await expectNoRawKeys(page);
  expect((await page.locator('body').textContent()) ?? '').not.toMatch(/\bchildren\.[a-zA-Z]+/);
  await screenshot(page, `${name}-375`);
  const wide = await browser.newContext({
    ...desktop,
    baseURL: server.baseUrl,
    storageState: await teacherContext.storageState(),
    locale: 'zh-CN',
  });
  try {
    const big = await wide.newPage();
    await big.goto(page.url());
    await expectVisible(ready(big));
    await settle(big);
    expect((await big.locator('body').textContent()) ?? '').not.toMatch(/\bchildren\.[a-zA-Z]+/);
    await screenshot(big, `${name}-1440`);
  } finally {
    await wide.close();
  }
}

describe('child archives: a class teacher files a child on a phone', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();

    // The county administrator builds township → school → class and a village, and the teacher's account.
    const { admin, county, makeOrg: make, makeUser } = await countyAdmin(browser, server);
    const township = await make(county.id, 'township', '城关镇');
    const school = await make(township, 'school', '城关镇中心小学');
    const klass = await make(school, 'class', '三年级（2）班');
    await make(township, 'village', '青石村');
    const oneTimePassword = await makeUser('wang.laoshi', '王老师', klass, 'class_teacher');
    countyApi = admin;

    teacherContext = await browser.newContext({ ...phone, baseURL: server.baseUrl, locale: 'zh-CN' });
    teacherApi = await apiSession(teacherContext.request, 'wang.laoshi', oneTimePassword, teacherPassword);
    teacher = await teacherContext.newPage();
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  });

  test('the menu leads to an empty list that says what to do', async () => {
    await teacher.goto('/');
    await teacher.getByTestId('nav-open').click();
    await teacher.getByTestId('nav-children').click();
    await teacher.waitForURL('**/children');
    await expectVisible(teacher.getByText('点击“新建档案”'));
    await snapBoth(teacher, 'children-empty', (p) => p.getByTestId('child-create'));
  });

  test('the teacher files a child; the ID number fills birth date and sex', async () => {
    await teacher.getByTestId('child-create').first().click();
    await expectVisible(teacher.locator('#name'));
    await teacher.locator('#name').fill(childName);
    await teacher.locator('#idNumber').fill(idNumber('431121', '20150612', '123'));
    await expectVisible(teacher.getByText('已按身份证号填好出生日期和性别'));
    expect(await teacher.locator('#birthDate').inputValue()).toBe('2015-06-12');
    // The teacher's class (and its school) is where a new archive starts.
    await expectVisible(teacher.locator('.ant-drawer-open').getByText('三年级（2）班'));
    await teacher.getByTestId('child-add-category').click();
    await choose(teacher, 'categories_0_category', '留守儿童（父母双方外出）');
    await teacher.locator('#currentAddress').fill('城关镇青石村3组12号');
    await expectNoHorizontalOverflow(teacher);
    await screenshot(teacher, 'child-form-375');
    await drawerSubmit(teacher).click();
    await teacher.waitForURL(/\/children\/[0-9a-f-]{36}$/);
    childId = teacher.url().split('/').pop()!;
    await expectVisible(teacher.getByTestId('child-title'));
    const completeness = (await teacher.getByTestId('child-completeness').textContent()) ?? '';
    expect(completeness).toContain('档案还缺');
    expect(completeness).toContain('受委托监护人');
    expect(completeness).toContain('父母务工地点');
    await expectNoRawKeys(teacher);

    // Each missing item leads to its field.
    await teacher.getByTestId('child-completeness').getByText('村（居）委会联系人及电话').click();
    await expectVisible(teacher.locator('#villageContactName'));
    await teacher.waitForFunction(() => document.activeElement?.id === 'villageContactName');
    await expect(teacher.locator('#villageContactName').isVisible()).resolves.toBe(true);
    await teacher.keyboard.press('Escape');
    await teacher
      .locator('.ant-drawer-open')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);

    // A photo from the phone: uploaded as an attachment of the child, then shown on the page. A
    // child's photo needs the guardian's consent (e2e/consent-gates.e2e.ts shows the refusal).
    await countyApi('POST', `/children/${childId}/consents`, {
      category: 'photos',
      basis: 'guardian_consent',
      consenterName: '李秀英',
      consenterRelation: '祖母',
      consentedOn: iso(new Date()),
    });
    await teacher.locator('input[type=file]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
    await expectVisible(teacher.getByText('照片已更新'));
    await expectVisible(teacher.locator('[data-testid="child-photo"] img[src^="/api/attachments/"]'));
    await snapBoth(teacher, 'child-basic', (p) => p.getByTestId('child-completeness'));
  });

  test('the teacher adds the father working away and the grandmother as guardian', async () => {
    await openTab(teacher, '家庭');
    await teacher.getByTestId('parent-add').first().click();
    await teacher.locator('#name').fill('张建国');
    await teacher.locator('#phones_0').fill('13800138000');
    await teacher.locator('#workProvince').fill('广东省');
    await teacher.locator('#workCity').fill('东莞市');
    await expectNoHorizontalOverflow(teacher);
    await screenshot(teacher, 'parent-form-375');
    await drawerSubmit(teacher).click();
    await expectVisible(teacher.getByTestId('parent-card-张建国'));
    expect((await teacher.getByTestId('parent-card-张建国').textContent()) ?? '').toContain('外出务工');
    await snapBoth(teacher, 'child-family', (p) => p.getByTestId('parent-card-张建国'));

    await openTab(teacher, '监护人');
    await teacher.getByTestId('guardian-add').first().click();
    await teacher.locator('#name').fill('李秀英');
    await choose(teacher, 'relation', '祖父母');
    await teacher.locator('#phone').fill(guardianPhone);
    await teacher.locator('#address').fill('城关镇青石村3组12号');
    await teacher.getByTestId('guardian-with-entrustment').click();
    await expectVisible(teacher.locator('#entrustment_signedOn'));
    await screenshot(teacher, 'guardian-form-375');
    await drawerSubmit(teacher).click();
    await expectVisible(teacher.getByTestId('guardian-card-李秀英'));
    const card = (await teacher.getByTestId('guardian-card-李秀英').textContent()) ?? '';
    expect(card).toContain(guardianPhone);
    expect(card).toContain('签署于');
    const completeness = (await teacher.getByTestId('child-completeness').textContent()) ?? '';
    expect(completeness).not.toContain('受委托监护人');
    expect(completeness).not.toContain('父母务工地点');
    await snapBoth(teacher, 'child-guardians', (p) => p.getByTestId('guardian-card-李秀英'));

    await openTab(teacher, '联系卡');
    const contact = (await teacher.getByTestId('contact-card').textContent()) ?? '';
    expect(contact).toContain(guardianPhone);
    expect(contact).toContain('13800138000');
    await snapBoth(teacher, 'child-contact-card', (p) => p.getByTestId('contact-card'));

    // The printable card: a PDF whose text holds the child's name and the guardian's phone.
    const [download] = await Promise.all([
      teacher.waitForEvent('download'),
      teacher.getByTestId('contact-card-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const text = execFileSync('pdftotext', ['-layout', await download.path(), '-'], { encoding: 'utf8' });
    expect(text).toContain(childName);
    expect(text).toContain(guardianPhone);
  });

  test('a stale edit shows what someone else saved and loads it on request', async () => {
    await openTab(teacher, '基本信息');
    await teacher.getByTestId('child-edit').click();
    await expectVisible(teacher.locator('#currentAddress'));

    // Meanwhile someone else corrects the address.
    const current = (await teacherApi('GET', `/children/${childId}`)) as { version: number };
    await teacherApi('PATCH', `/children/${childId}`, {
      version: current.version,
      currentAddress: '城关镇青石村5组8号',
    });

    await teacher.locator('#interests').fill('喜欢画画');
    await drawerSubmit(teacher).click();
    await expectVisible(teacher.getByTestId('version-conflict'));
    expect((await teacher.getByTestId('version-conflict').textContent()) ?? '').toContain('城关镇青石村5组8号');
    await expectNoHorizontalOverflow(teacher);
    await screenshot(teacher, 'child-conflict-375');
    await teacher.getByTestId('version-conflict').getByRole('button').click();
    expect(await teacher.locator('#currentAddress').inputValue()).toBe('城关镇青石村5组8号');
    await teacher.locator('#interests').fill('喜欢画画');
    await drawerSubmit(teacher).click();
    await expectVisible(teacher.getByText('喜欢画画'));
    await expectVisible(teacher.getByText('城关镇青石村5组8号'));
  });

  test('a parent who cannot be reached shows as a flag; a parent back home ends 留守 with the date', async () => {
    await teacher.goto(`/children/${childId}?tab=family`);
    await teacher.getByTestId('parent-edit-张建国').click();
    await teacher.getByTestId('parent-unreachable').click();
    await drawerSubmit(teacher).click();
    await expectVisible(teacher.getByTestId('child-parent-unreachable'));
    await expectVisible(teacher.getByTestId('flag-parent-unreachable'));
    await screenshot(teacher, 'child-unreachable-375');

    await openTab(teacher, '基本信息');
    await teacher.getByTestId('category-end-left_behind_both').click();
    await expectVisible(teacher.getByText('留守状态从这一天结束'));
    await drawerSubmit(teacher).click();
    await expectVisible(teacher.getByText('已结束'));
    // No longer left behind: the parents' work place and the guardian are no longer required.
    await settle(teacher);
    expect((await teacher.getByTestId('child-completeness').textContent()) ?? '').not.toContain('父母务工地点');
  });

  test('a second child with the same name and birth date asks before filing', async () => {
    await teacher.goto('/children');
    await teacher.getByTestId('child-create').first().click();
    await teacher.locator('#name').fill(childName);
    // The shared schema checks the number before anything is sent.
    await teacher.locator('#idNumber').fill('431121201506121231');
    await drawerSubmit(teacher).click();
    await expectVisible(teacher.getByText('身份证号校验位不正确'));
    await teacher.locator('#idNumber').fill('');
    await teacher.locator('#birthDate').click();
    await teacher.locator('#birthDate').fill('2015-06-12');
    await teacher.locator('#birthDate').press('Enter');
    await drawerSubmit(teacher).click();
    await expectVisible(teacher.getByTestId('duplicate-warning'));
    expect((await teacher.getByTestId('duplicate-warning').textContent()) ?? '').toContain('姓名和出生日期相同');
    await screenshot(teacher, 'child-duplicate-375');
    await teacher.getByTestId('duplicate-confirm').click();
    await teacher.waitForURL(
      (url) => /\/children\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(childId),
    );
  });

  test('an archive filed by mistake is deleted and restored from the bin', async () => {
    const second = teacher.url().split('/').pop()!;
    await teacher.getByTestId('child-delete').click();
    await teacher.locator('.ant-modal-confirm-btns .ant-btn-dangerous').click();
    await teacher.waitForURL('**/children');
    await teacher.getByTestId('child-recycle-bin').click();
    await expectVisible(teacher.getByTestId(`child-card-${childName}`));
    await screenshot(teacher, 'children-bin-375');
    await teacher.getByTestId(`child-restore-${childName}`).click();
    await expectVisible(teacher.getByText('档案已恢复'));
    await teacher.getByTestId('child-recycle-bin').click();
    await teacher.goto(`/children/${second}`);
    await expectVisible(teacher.getByTestId('child-delete'));
  });

  test('the list finds the child by pinyin initials and shows masked ID and completeness', async () => {
    await teacher.goto('/children');
    await expectVisible(teacher.getByTestId('child-list'));
    await teacher.getByTestId('child-search').locator('input').fill('zyh');
    await teacher.getByTestId('child-search').locator('input').press('Enter');
    await settle(teacher);
    const list = (await teacher.getByTestId('child-list').textContent()) ?? '';
    expect(list).toContain(childName);
    expect(list).toMatch(/431\*+\d{3}[\dX]/);
    expect(list).toMatch(/缺 \d+ 项/);
    expect(list).not.toContain(idNumber('431121', '20150612', '123'));
    await teacher.getByTestId('child-filters-toggle').click();
    await expectVisible(teacher.getByTestId('child-filter-incomplete'));
    await snapBoth(teacher, 'children-list', (p) => p.getByTestId('child-list'));
  });

  test('on a desktop the edit form is a side panel with the whole archive', async () => {
    const wide = await browser.newContext({
      ...desktop,
      baseURL: server.baseUrl,
      storageState: await teacherContext.storageState(),
      locale: 'zh-CN',
    });
    try {
      const page = await wide.newPage();
      await page.goto(`/children/${childId}`);
      await page.getByTestId('child-edit').click();
      await expectVisible(page.locator('#currentAddress'));
      expect(await page.locator('#currentAddress').inputValue()).toBe('城关镇青石村5组8号');
      await expectNoRawKeys(page);
      await screenshot(page, 'child-form-1440');
    } finally {
      await wide.close();
    }
  });

  test('the archive reads in English on request', async () => {
    await teacher.goto(`/children/${childId}`);
    await expectVisible(teacher.getByTestId('child-title'));
    await teacher.getByTestId('language-switch').click();
    await expectVisible(teacher.getByText('Basics'));
    await settle(teacher);
    await expectNoRawKeys(teacher);
    expect((await teacher.locator('body').textContent()) ?? '').not.toMatch(/\bchildren\.[a-zA-Z]+/);
    await expectNoHorizontalOverflow(teacher);
    await screenshot(teacher, 'child-basic-en-375');
    await teacher.goto('/children');
    await expectVisible(teacher.getByTestId('child-list'));
    await screenshot(teacher, 'children-list-en-375');
    await teacher.getByTestId('language-switch').click();
    await expectVisible(teacher.getByText('儿童档案'));
  });
});
