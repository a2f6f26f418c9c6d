import type { ImportProblem, Language } from '@shouwang/shared';
import { type ImportSheet, normalizeHeader } from './children-import-file';
import { importMessage } from './children-import-messages';
import { emptyRecord, type SheetLayout, type SheetRecord, setValueAt } from './children-sheet.types';
import { normalizeCell, readCell } from './children-sheet-cells';
import { mcaLayout } from './children-sheet-mca';
import { shouwangLayout } from './children-sheet-shouwang';
import { columnLetter } from './children-template';

export const layouts = { shouwang: shouwangLayout, mca: mcaLayout } as const;

/** Where each column of the layout sits in the file. */
export interface ColumnMap {
  layout: SheetLayout;
  byPath: Map<string, { column: number; header: string }>;
  ignored: string[];
}

function mapColumns(layout: SheetLayout, sheet: ImportSheet): ColumnMap {
  const byPath = new Map<string, { column: number; header: string }>();
  const ignored: string[] = [];
  for (const { column, text } of sheet.headers) {
    const match = layout.columns.find(
      (c) => normalizeHeader(c.header) === text || c.aliases?.some((a) => normalizeHeader(a) === text),
    );
    if (match && !byPath.has(match.path)) byPath.set(match.path, { column, header: match.header });
    else ignored.push(text);
  }
  return { layout, byPath, ignored };
}

/** The layout named by the caller, else the one whose headers the file matches best. */
export function detectColumns(sheet: ImportSheet, format?: 'shouwang' | 'mca'): ColumnMap {
  if (format) return mapColumns(layouts[format], sheet);
  const maps = Object.values(layouts).map((layout) => mapColumns(layout, sheet));
  return maps.reduce((best, m) => (m.byPath.size > best.byPath.size ? m : best));
}

/** Collects the problems of an import, placed on their column, in the caller's language. */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  private readonly rowsWithProblems = new Set<number>();

  constructor(
    private readonly columns: ColumnMap,
    private readonly language: Language,
  ) {}

  add(row: number, path: string | null, key: string, params: Record<string, string | number> = {}) {
    this.addText(row, path, importMessage(key, this.language, params));
  }

  /** A problem whose message is already in the caller's language (from a shared zod schema). */
  addText(row: number, path: string | null, message: string) {
    const at = path ? this.columns.byPath.get(path) : undefined;
    const header = at?.header ?? (path ? this.columns.layout.columns.find((c) => c.path === path)?.header : undefined);
    this.items.push({
      row,
      column: header ?? null,
      cell: at ? `${columnLetter(at.column)}${row}` : null,
      message,
    });
    this.rowsWithProblems.add(row);
  }

  has(row: number) {
    return this.rowsWithProblems.has(row);
  }

  sorted(): ImportProblem[] {
    return [...this.items].sort((a, b) => a.row - b.row || (a.cell ?? '').localeCompare(b.cell ?? ''));
  }
}

export interface ReadRow {
  row: number;
  record: SheetRecord;
}

/** Reads every mapped cell of every row; cell-level problems (types, lists, formulas) are collected. */
export function readRecords(sheet: ImportSheet, columns: ColumnMap, problems: ProblemList): ReadRow[] {
  const out: ReadRow[] = [];
  const mapped = columns.layout.columns.filter((c) => columns.byPath.has(c.path));
  for (const { number, values } of sheet.rows) {
    const record = emptyRecord();
    for (const column of mapped) {
      const result = readCell(column.kind, normalizeCell(values[columns.byPath.get(column.path)!.column]));
      if ('value' in result) setValueAt(record, column.path, result.value);
      else if ('problem' in result) problems.add(number, column.path, result.problem, result.params);
    }
    for (const p of columns.layout.afterRead?.(record) ?? []) problems.add(number, p.path, p.key, p.params);
    out.push({ row: number, record });
  }
  return out;
}
