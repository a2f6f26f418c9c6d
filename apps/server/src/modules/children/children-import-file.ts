import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { AppError } from '../../lib/errors';

/**
 * The safety checks and the read of an uploaded workbook. The content must be a zip (`PK\3\4`)
 * holding `xl/workbook.xml`; the zip's own directory must not promise more than `maxUnzippedBytes`
 * (a zip bomb); the sheet may hold at most `maxRows` rows of data.
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

/**
 * Parts of a sheet the import never needs. exceljs expands data validations and merges cell by
 * cell, so a crafted range (A1:XFD1048576) would stall the server; they are not read at all.
 */
const ignoredNodes = [
  'dataValidations',
  'conditionalFormatting',
  'mergeCells',
  'hyperlinks',
  'drawing',
  'picture',
  'legacyDrawing',
  'tableParts',
  'extLst',
];

/**
 * Sheets read lately, by the file's SHA-256 and the row limit: a commit uploads the file its dry
 * run has just read, and reading a 10,000-row workbook is a second or two of CPU. Kept briefly
 * and never changed after reading (every caller only reads a sheet).
 */
const recentSheets = new Map<string, { sheet: ImportSheet; until: number }>();
const recentLimit = 2;
const recentMs = 10 * 60_000;

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export async function readImportSheet(
  bytes: Buffer,
  limits: { maxRows: number; maxUnzippedBytes: number },
  sha256 = sha256Of(bytes),
): Promise<ImportSheet> {
  const key = `${sha256}|${limits.maxRows}|${limits.maxUnzippedBytes}`;
  const now = Date.now();
  for (const [k, v] of recentSheets) if (v.until < now) recentSheets.delete(k);
  const recent = recentSheets.get(key);
  if (recent) return recent.sheet;
  const sheet = await readSheet(bytes, limits);
  if (recentSheets.size >= recentLimit) recentSheets.delete(recentSheets.keys().next().value!);
  recentSheets.set(key, { sheet, until: now + recentMs });
  return sheet;
}

async function readSheet(bytes: Buffer, limits: { maxRows: number; maxUnzippedBytes: number }): Promise<ImportSheet> {
  if (!zipMagic.every((b, i) => bytes[i] === b)) throw new AppError('IMPORT_FILE_INVALID');
  const directory = zipDirectory(bytes);
  if (!directory?.names.includes('xl/workbook.xml')) throw new AppError('IMPORT_FILE_INVALID');
  if (directory.unzippedBytes > limits.maxUnzippedBytes) throw new AppError('IMPORT_TOO_LARGE');

  // The whole-file reader, not exceljs's streaming one: the latter decodes UTF-8 chunk by chunk
  // and garbles Chinese characters that straddle a chunk boundary.
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes as unknown as ArrayBuffer,
      {
        ignoreNodes: ignoredNodes,
        maxRows: limits.maxRows + 1_000,
        maxCols: 1_000,
      } as never,
    );
  } catch (error) {
    if (/Max (row|c) count|exceeded/i.test((error as Error).message ?? '')) throw new AppError('IMPORT_TOO_LARGE');
    throw new AppError('IMPORT_FILE_INVALID');
  }
  for (const worksheet of workbook.worksheets) {
    const sheet = readWorksheet(worksheet, limits.maxRows);
    if (sheet) return sheet;
  }
  throw new AppError('IMPORT_HEADER_MISSING');
}

/** The rows under the header (the first row among the first ten with a 姓名 cell), or null. */
function readWorksheet(worksheet: ExcelJS.Worksheet, maxRows: number): ImportSheet | null {
  let header: ImportSheet | null = null;
  for (let number = 1; number <= Math.min(10, worksheet.rowCount) && !header; number++) {
    const values = (worksheet.getRow(number).values as unknown[]) ?? [];
    const headers = values
      .map((v, column) => ({ column, text: normalizeHeader(cellText(v)) }))
      .filter((h) => h.text !== '');
    if (headers.some((h) => h.text === '姓名')) header = { headerRow: number, headers, rows: [] };
  }
  if (!header) return null;
  for (let number = header.headerRow + 1; number <= worksheet.rowCount; number++) {
    const values = (worksheet.getRow(number).values as unknown[]) ?? [];
    if (isBlank(values)) continue;
    if (header.rows.length >= maxRows) throw new AppError('IMPORT_TOO_LARGE');
    header.rows.push({ number, values });
  }
  return header;
}
