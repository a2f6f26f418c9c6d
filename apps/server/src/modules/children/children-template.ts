import { PassThrough } from 'node:stream';
import { gradeLabel } from '@shouwang/shared';
import ExcelJS from 'exceljs';
import type { SheetColumn, SheetLayout } from './children-sheet.types';
import { labelsOf } from './children-sheet-codes';

/** Names of the caller's units, offered as drop-downs in the template (typing others is allowed). */
export interface OrgLists {
  townships: string[];
  villages: string[];
  schools: string[];
  classes: string[];
}

export const codeSheetName = '代码表';
const headerFill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2F0D9' } } as const;

/** `1` → `A`, `27` → `AA`. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Writes a workbook with exceljs's streaming writer (rows are flushed as they are committed). */
export async function writeWorkbook(fill: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>) {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = '守望 Shouwang';
  await fill(workbook);
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

const isTextColumn = (c: SheetColumn) => ['idNumber', 'phone', 'phones'].includes(c.kind.type);

/** The data sheet with its header row: widths, text format for IDs and phones, date format, notes. */
export function addDataSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, layout: SheetLayout) {
  const sheet = workbook.addWorksheet(layout.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = layout.columns.map((c) => ({
    header: c.header,
    key: c.path,
    width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    style: isTextColumn(c) ? { numFmt: '@' } : c.kind.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  const header = sheet.getRow(1);
  layout.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF1F3B1F' } };
    cell.fill = headerFill;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    if (c.note) cell.note = c.note;
  });
  header.height = 30;
  return sheet;
}

/** The lists behind each drop-down, one per column of the hidden code sheet. */
function listsOf(layout: SheetLayout, orgs: OrgLists) {
  const lists = new Map<string, string[]>();
  for (const c of layout.columns) {
    const k = c.kind;
    if (k.type === 'enum' || k.type === 'multi') lists.set(c.path, labelsOf(k.labels));
    else if (k.type === 'bool') lists.set(c.path, ['是', '否']);
    else if (k.type === 'grade')
      lists.set(
        c.path,
        Array.from({ length: 13 }, (_, g) => gradeLabel(g)),
      );
    else if (c.path === 'child.schoolName') lists.set(c.path, orgs.schools);
    else if (c.path === 'child.className') lists.set(c.path, orgs.classes);
    else if (c.path === 'child.villageName') lists.set(c.path, orgs.villages);
    else if (c.path === 'extra.township') lists.set(c.path, orgs.townships);
  }
  return lists;
}

/** The import template: data sheet with drop-downs, instructions, and the hidden code lists. */
export async function buildTemplate(layout: SheetLayout, orgs: OrgLists, maxRows: number): Promise<Buffer> {
  return writeWorkbook(async (workbook) => {
    const sheet = addDataSheet(workbook, layout);
    // exceljs's typings omit the writer's data validations (lib/stream/xlsx/worksheet-writer.js has them).
    const validations = (sheet as unknown as { dataValidations: { add(r: string, v: ExcelJS.DataValidation): void } })
      .dataValidations;
    const lists = listsOf(layout, orgs);
    const listColumn = new Map<string, string>();
    [...lists.keys()].forEach((path, i) => {
      listColumn.set(path, columnLetter(i + 1));
    });
    layout.columns.forEach((c, i) => {
      const values = lists.get(c.path);
      if (!values || values.length === 0) return;
      const letter = listColumn.get(c.path)!;
      const strict = c.kind.type === 'enum' || c.kind.type === 'bool' || c.kind.type === 'grade';
      const range = `${columnLetter(i + 1)}2:${columnLetter(i + 1)}${maxRows + 1}`;
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`'${codeSheetName}'!$${letter}$2:$${letter}$${values.length + 1}`],
        showErrorMessage: strict,
        errorStyle: 'stop',
        errorTitle: '不是可选的值',
        error: `请从下拉列表中选择“${c.header}”`,
        showInputMessage: c.kind.type === 'multi',
        promptTitle: c.header,
        prompt: c.kind.type === 'multi' ? '可多选，用“、”分隔' : '',
      });
    });
    sheet.commit();
    addInstructions(workbook, layout, maxRows);
    const codes = workbook.addWorksheet(codeSheetName, { state: 'hidden' });
    const headers = [...lists.keys()].map((path) => layout.columns.find((c) => c.path === path)!.header);
    codes.addRow(headers).commit();
    const longest = Math.max(0, ...[...lists.values()].map((v) => v.length));
    const columns = [...lists.values()];
    for (let r = 0; r < longest; r++) codes.addRow(columns.map((values) => values[r] ?? null)).commit();
    codes.commit();
  });
}

function describe(c: SheetColumn): string {
  const k = c.kind;
  const parts = [c.note ?? ''];
  if (k.type === 'date') parts.push('日期，如 2016-06-15');
  if (k.type === 'bool') parts.push('填“是”或“否”');
  if (k.type === 'enum' || k.type === 'multi') {
    const labels = labelsOf(k.labels);
    parts.push(`可选：${labels.length > 20 ? `${labels.slice(0, 20).join('、')}…（见下拉列表）` : labels.join('、')}`);
  }
  if (k.type === 'exportOnly') parts.push('仅导出，导入时不读取');
  return parts.filter(Boolean).join('；');
}

function addInstructions(workbook: ExcelJS.stream.xlsx.WorkbookWriter, layout: SheetLayout, maxRows: number) {
  const sheet = workbook.addWorksheet('填写说明');
  sheet.columns = [
    { header: '', key: 'a', width: 24 },
    { header: '', key: 'b', width: 10 },
    { header: '', key: 'c', width: 90 },
  ];
  const lines = [
    [layout.title],
    ['1. 每行填写一名儿童；表头（第1行）不要修改、删除或调整顺序以外的改动。'],
    ['2. 日期写成 2016-06-15；身份证号、电话按文本填写（列已设为文本格式）。'],
    ['3. 可多选的列用“、”分隔；有下拉列表的列请从列表中选择。'],
    ['4. 学校、班级、村(社区)须与系统中的名称一致，且在您的管理范围内；学校和村至少填一项。'],
    ['5. 先“检查”（不写入任何数据），按提示逐行修改，再“导入”；导入时全部成功或全部不写入。'],
    ['6. 同一文件重复导入不会重复建档：按身份证号匹配，没有身份证号时按姓名+出生日期+学校（不在校的按村）匹配。'],
    ['7. 空白单元格不会清除系统中已有的内容；导入只增加儿童类别，不会结束已有类别。'],
    [`8. 单元格不能含公式，也不能以 = + - @ 开头；每个文件最多 ${maxRows} 行。`],
    [],
    ['列名', '必填', '填写说明'],
  ];
  for (const line of lines) sheet.addRow(line).commit();
  for (const c of layout.columns) sheet.addRow([c.header, c.required ? '是' : '', describe(c)]).commit();
  sheet.commit();
}
