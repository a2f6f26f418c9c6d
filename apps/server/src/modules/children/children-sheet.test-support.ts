import { idNumberCheckChar } from '@shouwang/shared';
import ExcelJS from 'exceljs';
import type { Client } from '../../test/app';
import { multipartFile } from '../attachments/multipart.test-support';

/** An .xlsx with a header row and data rows, as a user would save it from Excel. */
export async function xlsxOf(headers: string[], rows: unknown[][], sheetName = '儿童档案'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Rows of named columns → an .xlsx with the union of the names as headers. */
export async function xlsxOfRecords(records: Record<string, unknown>[]): Promise<Buffer> {
  const headers = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return xlsxOf(
    headers,
    records.map((r) => headers.map((h) => r[h] ?? null)),
  );
}

export function postImport(client: Client, bytes: Buffer, query = 'mode=dry-run', name = 'children.xlsx') {
  const { payload, headers } = multipartFile(bytes, name);
  return client.request('POST', `/api/children/import?${query}`, payload, headers);
}

export async function loadXlsx(bytes: Buffer | string | ArrayBuffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as ArrayBuffer);
  return workbook;
}

/** A valid ID number born on `birth` (YYYYMMDD); odd `seq` = male. */
export const idFor = (birth: string, seq: number, region = '430104') => {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};

/** A row of the Shouwang template with every required field of a left-behind child filled. */
export const fullRow = (overrides: Record<string, unknown> = {}) => ({
  姓名: '张小明',
  性别: '男',
  民族: '汉族',
  公民身份号码: idFor('20160615', 13),
  '村(社区)': '导入县东村',
  学校: '导入县中心小学',
  班级: '一年级1班',
  年级: '一年级',
  儿童类别: '留守儿童（父母双方外出）',
  在读状态: '在读',
  是否登记户口: '是',
  户籍所在地: '湖南省长沙市芙蓉区',
  现居住地: '导入县东村3组',
  健康状况: '健康',
  就学情况: '小学',
  寄宿情况: '非寄宿生',
  监护类型: '监护情况一般',
  家庭经济来源: '打工收入、种养殖业',
  '村(居)委会联系人': '王主任',
  联系人电话: '0731-84567890',
  父亲姓名: '张大山',
  父亲身份证号: idFor('19880212', 31),
  父亲状况: '外出务工',
  父亲务工省份: '广东省',
  父亲务工城市: '深圳市',
  父亲电话: '13800138000、0731-84567891',
  母亲姓名: '李小花',
  母亲状况: '外出务工',
  母亲务工省份: '浙江省',
  母亲务工城市: '杭州市',
  监护人姓名: '张奶奶',
  监护人与儿童关系: '祖父母',
  监护人电话: '13900139000',
  监护人住址: '导入县东村3组',
  委托确认书签订日期: new Date('2024-09-01T00:00:00Z'),
  ...overrides,
});

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const given = '子涵欣怡梓轩浩然一诺雨桐宇轩思远嘉怡俊杰';

/**
 * Row `i` of a large generated import (the 10,000-row test and bench/import.ts): distinct ID
 * numbers, 8,000 distinct names, both classes of the tree's school, a father with a phone.
 */
export function largeImportRow(
  tree: { school: { name: string }; village: { name: string } },
  i: number,
): Record<string, unknown> {
  const birth = new Date(Date.UTC(2011, 0, 1) + (i % 2500) * 86_400_000).toISOString().slice(0, 10);
  const name = `${surnames[i % 20]}${given[Math.floor(i / 20) % 20]}${given[Math.floor(i / 400) % 20]}`;
  return fullRow({
    姓名: name,
    公民身份号码: idFor(birth.replaceAll('-', ''), 1 + (i % 2) * 2, `43${String(i).padStart(4, '0')}`),
    学校: tree.school.name,
    '村(社区)': tree.village.name,
    班级: i % 2 === 0 ? '一年级1班' : '一年级2班',
    父亲身份证号: undefined,
    父亲电话: `138${String(i).padStart(8, '0')}`,
    委托确认书签订日期: '2024-09-01',
  });
}
