import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiSession, countyAdmin } from './api.support';
import { idNumber } from './forms.support';
import { expectVisible } from './snap.support';
import {
  expectNoHorizontalOverflow,
  launchBrowser,
  phone,
  type RunningServer,
  screenshot,
  startServer,
} from './support';

/**
 * The archive's Excel exchange on a phone: a class teacher downloads the import template, meets a
 * dry run that names the bad cell, corrects it and commits; then exports the list, where ID
 * numbers stay masked. (The archive journey itself is children.e2e.ts.)
 */

const childName = '张羽涵';

let server: RunningServer;
let browser: Browser;
let teacherContext: BrowserContext;
let teacher: Page;

describe('child archives: Excel import and export', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const bootstrap = await countyAdmin(browser, server);
    const { county, makeOrg: make, makeUser } = bootstrap;
    const township = await make(county.id, 'township', '城关镇');
    const school = await make(township, 'school', '城关镇中心小学');
    const klass = await make(school, 'class', '三年级（2）班');
    const oneTimePassword = await makeUser('wang.laoshi', '王老师', klass, 'class_teacher');
    await bootstrap.close();

    teacherContext = await browser.newContext({ ...phone, baseURL: server.baseUrl, locale: 'zh-CN' });
    const teacherApi = await apiSession(teacherContext.request, 'wang.laoshi', oneTimePassword, 'Wang-laoshi-2026!');
    // The child the archive journey files by hand, here through the API.
    await teacherApi('POST', '/children', {
      name: childName,
      idNumber: idNumber('431121', '20150612', '123'),
      schoolId: school,
      classId: klass,
    });
    teacher = await teacherContext.newPage();
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  });

  test('Excel import: template, a dry run that names the bad cells, then commit', async () => {
    await teacher.goto('/children');
    await teacher.getByTestId('child-import-open').click();
    const [download] = await Promise.all([
      teacher.waitForEvent('download'),
      teacher.getByTestId('child-import-template').click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet('儿童档案')!;
    const column = (header: string) => {
      let found = 0;
      sheet.getRow(1).eachCell((cell, n) => {
        if (String(cell.value).replace(/\s*\*$/, '') === header) found = n;
      });
      if (!found) throw new Error(`No column ${header}`);
      return found;
    };
    const fill = (row: number, values: Record<string, string>) => {
      for (const [header, value] of Object.entries(values)) sheet.getRow(row).getCell(column(header)).value = value;
    };
    fill(2, {
      姓名: '刘小雨',
      公民身份号码: idNumber('431121', '20160301', '242'),
      学校: '城关镇中心小学',
      班级: '三年级（2）班',
    });
    fill(3, { 姓名: '陈思远', 公民身份号码: '431121201603011234', 学校: '城关镇中心小学', 班级: '三年级（2）班' });
    const broken = Buffer.from(await workbook.xlsx.writeBuffer());

    const input = teacher.getByTestId('child-import').locator('input[type=file]');
    await input.setInputFiles({ name: '档案.xlsx', mimeType: 'application/octet-stream', buffer: broken });
    await expectVisible(teacher.getByTestId('child-import-report'));
    const report = (await teacher.getByTestId('child-import-report').textContent()) ?? '';
    expect(report).toContain('第 3 行');
    expect(await teacher.getByTestId('child-import-commit').count()).toBe(0);
    await expectNoHorizontalOverflow(teacher);
    await screenshot(teacher, 'child-import-problems-375');

    // Row 3 corrected: the dry run passes and the commit writes both children.
    fill(3, { 公民身份号码: idNumber('431121', '20160301', '251') });
    const fixed = Buffer.from(await workbook.xlsx.writeBuffer());
    await input.setInputFiles({ name: '档案.xlsx', mimeType: 'application/octet-stream', buffer: fixed });
    await expectVisible(teacher.getByTestId('child-import-commit'));
    await teacher.getByTestId('child-import-commit').click();
    await expectVisible(teacher.getByTestId('child-import-done'));
    expect((await teacher.getByTestId('child-import-done').textContent()) ?? '').toContain('新建 2 份');
    await teacher.keyboard.press('Escape');
    await expectVisible(teacher.getByTestId('child-card-陈思远'));
  });

  test('Excel export of the filtered list keeps ID numbers masked', async () => {
    await teacher.goto('/children');
    await expectVisible(teacher.getByTestId('child-list'));
    await teacher.getByTestId('child-export').click();
    const [download] = await Promise.all([
      teacher.waitForEvent('download'),
      teacher.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: '守望格式' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value ?? ''));
      });
    });
    const text = cells.join(' ');
    expect(text).toContain(childName);
    expect(text).toContain('陈思远');
    expect(text).toMatch(/431\*+\d{3}[\dX]/);
    expect(text).not.toContain(idNumber('431121', '20150612', '123'));
  });
});
