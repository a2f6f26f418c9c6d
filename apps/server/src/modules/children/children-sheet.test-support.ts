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
