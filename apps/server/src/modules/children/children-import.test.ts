import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type CountyTree } from '../../test/factories';
import { multipartFile } from '../attachments/multipart.test-support';
import { auditEvent } from '../audit/audit.table';
import { child } from './children.table';
import { fullRow, idFor, loadXlsx, postImport, xlsxOf, xlsxOfRecords } from './children-sheet.test-support';

let t: TestApp;
let tree: CountyTree;
let schoolAdmin: Client;
let teacherA: Client;
let director: Client;
let countyAdmin: Client;

beforeAll(async () => {
  t = await buildTestApp({ IMPORT_MAX_MB: '1', IMPORT_MAX_ROWS: '50' });
  tree = await buildCountyTree(t.db, '导入县');
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  director = await loginAs(t, await buildUser(t.db, [{ role: 'child_director', org: tree.village }]));
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
});
afterAll(() => t.close());

const childCount = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(child))[0]!.n;
const audits = (event: string) => t.db.select().from(auditEvent).where(eq(auditEvent.event, event));

describe('GET /api/children/import-template.xlsx', () => {
  it('has Chinese headers, drop-downs from a hidden code sheet, instructions, and the caller’s units', async () => {
    const res = await schoolAdmin.get('/api/children/import-template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".*\.xlsx"; filename\*=UTF-8''/);
    const workbook = await loadXlsx(res.rawPayload);
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['儿童档案', 'visible'],
      ['填写说明', 'visible'],
      ['代码表', 'hidden'],
    ]);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as string[]).filter(Boolean);
    expect(headers.slice(0, 6)).toEqual(['序号', '姓名', '性别', '民族', '出生日期', '公民身份号码']);
    const column = (header: string) => headers.indexOf(header) + 1;
    const validation = (header: string) => sheet.getRow(2).getCell(column(header)).dataValidation;
    expect(validation('性别')).toMatchObject({ type: 'list', showErrorMessage: true });
    expect(validation('性别').formulae[0]).toMatch(/^'代码表'!\$[A-Z]+\$2:\$[A-Z]+\$3$/);
    for (const header of ['民族', '健康状况', '监护类型', '父亲状况', '是否登记户口', '年级', '儿童类别', '学校'])
      expect(validation(header)?.type, header).toBe('list');
    expect(sheet.getRow(51).getCell(column('性别')).dataValidation?.type).toBe('list');
    expect(sheet.getRow(52).getCell(column('性别')).dataValidation).toBeUndefined();
    const codes = workbook.getWorksheet('代码表')!;
    const codeValues = codes.getSheetValues().flat().filter(Boolean);
    expect(codeValues).toEqual(expect.arrayContaining(['男', '女', '汉族', tree.school.name, '一年级1班']));
    expect(codeValues).not.toContain(tree.otherSchool.name);
    const instructions = workbook.getWorksheet('填写说明')!;
    expect(JSON.stringify(instructions.getSheetValues())).toContain('公民身份号码');
  });

  it('offers the national form layout and refuses roles that cannot write', async () => {
    const res = await director.get('/api/children/import-template.xlsx?format=mca');
    const sheet = (await loadXlsx(res.rawPayload)).worksheets[0]!;
    const headers = (sheet.getRow(1).values as string[]).filter(Boolean);
    expect(headers).toHaveLength(68);
    expect(headers.slice(0, 8)).toEqual([
      '序号',
      '县(市、区)',
      '乡镇(街道)',
      '村(社区)',
      '儿童编号',
      '儿童类别',
      '困境类型',
      '姓名',
    ]);
    expect(headers).toContain('父亲务工地点(省市)');
    expect((await countyAdmin.get('/api/children/import-template.xlsx')).statusCode).toBe(403);
  });
});

describe('POST /api/children/import: bad input', () => {
  it('reports every problem by row and column in Chinese and writes nothing', async () => {
    await buildChild(t.db, { name: '他校儿童', class: tree.otherClass, idNumber: idFor('20150101', 12) });
    const base = { 学校: tree.school.name, 班级: '一年级1班' };
    const rows: Record<string, unknown>[] = [
      { ...base, 姓名: '错号', 公民身份号码: '430104201606150031' },
      { ...base, 姓名: '未来', 出生日期: '2099-01-01' },
      { ...base, 姓名: '二月', 出生日期: '2016-02-30' },
      { ...base, 姓名: '年轻父亲', 出生日期: '2016-06-15', 父亲姓名: '父', 父亲出生日期: '2010-01-01' },
      { ...base, 姓名: '错电话', 父亲姓名: '父', 父亲电话: '12345' },
      { ...base, 姓名: '怪性别', 性别: '未知' },
      { ...base, 姓名: '别校班', 班级: '三年级1班' },
      { ...base, 姓名: '越权', 班级: '一年级2班' },
      { ...base, 姓名: '重号甲', 公民身份号码: idFor('20160301', 21) },
      { ...base, 姓名: '重号乙', 公民身份号码: idFor('20160301', 21) },
      { ...base, 姓名: '已建档', 公民身份号码: idFor('20150101', 12) },
      { ...base, 姓名: { formula: 'HYPERLINK("http://evil.example","点我")', result: '点我' } },
      { ...base, 姓名: '注入', 现居住地: '=HYPERLINK("http://evil.example")' },
      { ...base, 姓名: '外国号', 监护人姓名: '监', 监护人与儿童关系: '祖父母', 监护人电话: '+1 415 555 0100' },
    ];
    const before = await childCount();
    const res = await postImport(teacherA, await xlsxOfRecords(rows));
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    const at = (row: number, column: string) =>
      report.problems.filter((p: { row: number; column: string }) => p.row === row && p.column === column);
    const expectProblem = (row: number, column: string, message: string | RegExp) =>
      expect(
        at(row, column)
          .map((p: { message: string }) => p.message)
          .join(' | '),
        `row ${row} ${column}`,
      ).toMatch(message);
    expectProblem(2, '公民身份号码', '身份证号校验位不正确');
    expectProblem(3, '出生日期', '日期不能晚于今天');
    expectProblem(4, '出生日期', '“2016-02-30”不是有效的日期');
    expectProblem(5, '父亲出生日期', '父母的出生日期应比儿童早至少14年');
    expectProblem(6, '父亲电话', '请输入11位手机号码，或带区号的固定电话');
    expectProblem(7, '性别', '“未知”不是可选的值（可选：男、女）');
    expectProblem(8, '班级', `学校“${tree.school.name}”下没有班级“三年级1班”`);
    expectProblem(9, '班级', '您无权把儿童登记到该单位');
    expectProblem(11, '公民身份号码', '与第10行的身份证号相同');
    expectProblem(12, '公民身份号码', '该身份证号已在您无权修改的单位建档');
    expectProblem(13, '姓名', '单元格含有公式');
    expectProblem(14, '现居住地', '内容不能以 = + - @ 开头');
    expectProblem(15, '监护人电话', '请输入11位手机号码');
    expect(at(8, '班级')[0].cell).toMatch(/^[A-Z]+8$/);
    const rowsWithProblems = [...new Set<number>(report.problems.map((p: { row: number }) => p.row))].sort(
      (a, b) => a - b,
    );
    expect(rowsWithProblems).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15]);
    expect(report).toMatchObject({ rows: 14, created: 1, committed: false });

    const commit = await postImport(teacherA, await xlsxOfRecords(rows), 'mode=commit');
    expect(commit.statusCode).toBe(422);
    expect(commit.json().error.code).toBe('IMPORT_HAS_PROBLEMS');
    expect(commit.json().error.details[0].message).toMatch(/^第2行「公民身份号码」：/);
    expect(await childCount()).toBe(before);
    expect(await audits('child.imported')).toHaveLength(0);
  });

  it('refuses files that are not xlsx, too large, too long or without a header', async () => {
    const text = await postImport(schoolAdmin, Buffer.from('姓名,性别\n张三,男\n'), 'mode=dry-run', 'fake.xlsx');
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('IMPORT_FILE_INVALID');
    const zip = await postImport(schoolAdmin, storedZip('word/document.xml', '<w/>'));
    expect(zip.json().error.code).toBe('IMPORT_FILE_INVALID');
    const huge = await postImport(schoolAdmin, Buffer.alloc(1_200_000, 0x50));
    expect(huge.statusCode).toBe(413);
    const long = Array.from({ length: 51 }, (_, i) => ({ 姓名: `行${i}`, 学校: tree.school.name }));
    const tooLong = await postImport(schoolAdmin, await xlsxOfRecords(long));
    expect(tooLong.statusCode).toBe(413);
    expect(tooLong.json().error.code).toBe('IMPORT_TOO_LARGE');
    const noHeader = await postImport(schoolAdmin, await xlsxOf(['名字', '学校'], [['张三', tree.school.name]]));
    expect(noHeader.statusCode).toBe(422);
    expect(noHeader.json().error.code).toBe('IMPORT_HEADER_MISSING');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('儿童档案');
    sheet.addRow(['姓名', '学校']);
    sheet.addRow(['张三', tree.school.name]);
    // A crafted validation over every cell of the sheet: never expanded, the import stays quick.
    (sheet as unknown as { dataValidations: { add(r: string, v: object): void } }).dataValidations.add(
      'A1:XFD1048576',
      { type: 'list', formulae: ['"a,b"'] },
    );
    const started = Date.now();
    const crafted = await postImport(schoolAdmin, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(crafted.statusCode, crafted.body).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
    const { payload, headers } = multipartFile(Buffer.from('x'), 'a.xlsx');
    const forbidden = await countyAdmin.request('POST', '/api/children/import', payload, headers);
    expect(forbidden.statusCode).toBe(403);
  });
});

/** A zip with one stored (uncompressed) entry: valid zip, but not a workbook. */
function storedZip(name: string, content: string): Buffer {
  const data = Buffer.from(content);
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

describe('POST /api/children/import: a valid file', () => {
  it('commits in one go, audited; re-importing changes nothing; a changed cell updates with a diff', async () => {
    const rows = [
      fullRow(),
      { 姓名: '王小红', 性别: '女', 出生日期: '2015-03-02', 学校: tree.school.name, 班级: '一年级2班' },
      {
        姓名: '刘村娃',
        公民身份号码: idFor('20140910', 22),
        '村(社区)': tree.village.name,
        学校: tree.school.name,
        健康状况: '患病',
        民族: '苗',
      },
    ];
    const file = await xlsxOfRecords(rows);
    const dry = await postImport(schoolAdmin, file);
    expect(dry.json()).toMatchObject({ created: 3, updated: 0, problems: [], committed: false, format: 'shouwang' });
    const before = await childCount();
    const commit = await postImport(schoolAdmin, file, 'mode=commit');
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json()).toMatchObject({ created: 3, committed: true });
    expect(await childCount()).toBe(before + 3);
    expect(await audits('child.imported')).toHaveLength(1);

    const list = (await schoolAdmin.get('/api/children?q=张小明')).json();
    const page = (await schoolAdmin.get(`/api/children/${list.items[0].id}`)).json();
    expect(page).toMatchObject({
      sex: 'male',
      birthDate: '2016-06-15',
      ethnicity: '01',
      grade: 1,
      categories: ['left_behind_both'],
      enrollmentStatus: 'enrolled',
      incomeSources: ['migrant_work', 'farming'],
      completeness: { complete: true, missing: [] },
      archiveComplete: true,
    });
    expect(page.parents.map((p: { relation: string; phones: string[] }) => [p.relation, p.phones])).toEqual([
      ['father', ['13800138000', '0731-84567891']],
      ['mother', []],
    ]);
    expect(page.guardians[0]).toMatchObject({
      name: '张奶奶',
      isPrimary: true,
      entrustment: { signedOn: '2024-09-01' },
    });
    const [created] = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'child.created'), eq(auditEvent.childId, page.id)));
    expect(created!.requestId).toBe((await audits('child.imported'))[0]!.requestId);
    expect(JSON.stringify(created!.diff)).not.toContain(idFor('20160615', 13));
    const village = (await director.get('/api/children?q=刘村娃')).json().items[0];
    expect(village).toMatchObject({ ethnicity: '06', village: { id: tree.village.id } });

    const again = await postImport(schoolAdmin, file, 'mode=commit');
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3, committed: true });
    expect(await audits('child.updated')).toHaveLength(0);
    expect((await schoolAdmin.get(`/api/children/${page.id}`)).json().version).toBe(page.version);

    const changed = await xlsxOfRecords([
      fullRow({ 父亲电话: '13800138001' }),
      { ...rows[1], 儿童类别: '困境儿童（家庭贫困）' },
      rows[2]!,
    ]);
    const update = await postImport(schoolAdmin, changed, 'mode=commit');
    expect(update.json()).toMatchObject({ created: 0, updated: 2, unchanged: 1 });
    const [diff] = (await audits('child.updated')).filter((a) => a.childId === page.id);
    expect(diff!.diff).toMatchObject({
      'father.phones': { from: ['13800138000', '0731-84567891'], to: ['13800138001'] },
    });
  });

  it('reads the national form layout: categories from 儿童类别 and items 32–33, 务工地点 split', async () => {
    const file = await xlsxOfRecords([
      {
        '乡镇(街道)': tree.township.name,
        '村(社区)': tree.village.name,
        儿童类别: '留守',
        姓名: '赵留守',
        性别: '女',
        民族: '土家族',
        公民身份号码: idFor('20130405', 24),
        健康状况: '患病',
        父亲姓名: '赵父',
        '父亲务工地点(省市)': '广东省深圳市',
        父亲电话: '13700137000',
        父母双方同时外出: '是',
        受委托人姓名: '赵奶奶',
        与儿童关系: '奶奶',
        受委托人电话: '13600136000',
        是否学校寄宿: '否',
      },
      {
        '村(社区)': tree.village.name,
        儿童类别: '困境',
        困境类型: '家庭贫困、自身残疾',
        姓名: '钱困境',
        出生日期: '2014-02-02',
        受委托人姓名: '邻居刘',
        与儿童关系: '邻居',
      },
    ]);
    const res = await postImport(director, file, 'mode=commit');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'mca', created: 2, problems: [] });
    const other = (await director.get('/api/children?q=钱困境')).json().items[0];
    expect([...other.categories].sort()).toEqual(['difficulty_disability', 'difficulty_poverty']);
    const item = (await director.get('/api/children?q=赵留守')).json().items[0];
    const page = (await director.get(`/api/children/${item.id}`)).json();
    expect(page).toMatchObject({
      categories: ['left_behind_both'],
      health: 'serious_illness',
      boarding: 'day',
      sex: 'female',
    });
    expect(page.parents[0]).toMatchObject({ relation: 'father', workProvince: '广东省', workCity: '深圳市' });
    expect(page.guardians[0]).toMatchObject({ relation: 'paternal_grandparent', phone: '13600136000' });
    expect((await postImport(director, file, 'mode=commit')).json()).toMatchObject({ unchanged: 2, created: 0 });
    const neighbour = (await director.get(`/api/children/${other.id}`)).json().guardians[0];
    expect(neighbour).toMatchObject({ name: '邻居刘', relation: 'other' });
  });
});
