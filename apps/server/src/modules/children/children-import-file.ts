import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../lib/errors';

/**
 * The safety checks and the streaming read of an uploaded workbook. The content must be a zip
 * (`PK\3\4`) holding `xl/workbook.xml`; the zip's own directory must not promise more than
 * `maxUnzippedBytes` (a zip bomb); rows are read one at a time and the read stops past `maxRows`.
 * exceljs's streaming reader skips data validations and drawings, which a crafted file could make
 * enormous.
 */

export interface SheetRow {
  /** The row number Excel shows. */
  number: number;
  /** Cell values by column number (1-based), as exceljs reads them. */
  values: unknown[];
}

export interface ImportSheet {
  headerRow: number;
  headers: { column: number; text: string }[];
  rows: SheetRow[];
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

/** Sizes and names from the zip's central directory (without unzipping anything). */
export function zipDirectory(bytes: Buffer): { names: string[]; unzippedBytes: number } | null {
  const eocdMin = 22;
  const from = Math.max(0, bytes.length - eocdMin - 0xffff);
  for (let i = bytes.length - eocdMin; i >= from; i--) {
    if (bytes.readUInt32LE(i) !== 0x06054b50) continue;
    const count = bytes.readUInt16LE(i + 10);
    let offset = bytes.readUInt32LE(i + 16);
    const names: string[] = [];
    let unzippedBytes = 0;
    for (let n = 0; n < count; n++) {
      if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return null;
      unzippedBytes += bytes.readUInt32LE(offset + 24);
      const nameLength = bytes.readUInt16LE(offset + 28);
      const extraLength = bytes.readUInt16LE(offset + 30);
      const commentLength = bytes.readUInt16LE(offset + 32);
      names.push(bytes.toString('utf8', offset + 46, offset + 46 + nameLength));
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return { names, unzippedBytes };
  }
  return null;
}

export const normalizeHeader = (text: string) =>
  text
    .replace(/[\s*★☆※:：]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');

function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'richText' in value)
    return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  return value === null || value === undefined ? '' : String(value);
}

const isBlank = (values: unknown[]) => values.every((v) => v === null || v === undefined || cellText(v).trim() === '');

export async function readImportSheet(
  bytes: Buffer,
  limits: { maxRows: number; maxUnzippedBytes: number },
): Promise<ImportSheet> {
  if (!zipMagic.every((b, i) => bytes[i] === b)) throw new AppError('IMPORT_FILE_INVALID');
  const directory = zipDirectory(bytes);
  if (!directory?.names.includes('xl/workbook.xml')) throw new AppError('IMPORT_FILE_INVALID');
  if (directory.unzippedBytes > limits.maxUnzippedBytes) throw new AppError('IMPORT_TOO_LARGE');

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      const sheet = await readWorksheet(worksheet as AsyncIterable<ExcelJS.Row>, limits.maxRows);
      if (sheet) return sheet;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('IMPORT_FILE_INVALID');
  }
  throw new AppError('IMPORT_HEADER_MISSING');
}

/** The rows under the header (the first row among the first ten with a 姓名 cell), or null. */
async function readWorksheet(worksheet: AsyncIterable<ExcelJS.Row>, maxRows: number): Promise<ImportSheet | null> {
  let header: ImportSheet | null = null;
  for await (const row of worksheet) {
    const values = (row.values as unknown[]) ?? [];
    if (!header) {
      if (row.number > 10) return null;
      const headers = values
        .map((v, column) => ({ column, text: normalizeHeader(cellText(v)) }))
        .filter((h) => h.text !== '');
      if (headers.some((h) => h.text === '姓名')) header = { headerRow: row.number, headers, rows: [] };
      continue;
    }
    if (isBlank(values)) continue;
    if (header.rows.length >= maxRows) throw new AppError('IMPORT_TOO_LARGE');
    header.rows.push({ number: row.number, values });
  }
  return header;
}
