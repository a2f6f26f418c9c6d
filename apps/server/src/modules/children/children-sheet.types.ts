import type { Label } from '@shouwang/shared';

/**
 * The shapes behind both Excel layouts (Shouwang's template and the national form's one row per
 * child): a sheet row is read into a `SheetRecord` and written from one. Absent cells stay
 * undefined: an import never clears a field the file leaves empty.
 */

export type SheetGroup = 'child' | 'father' | 'mother' | 'guardian' | 'extra';

export type SheetRecord = Record<SheetGroup, Record<string, unknown>>;

export const emptyRecord = (): SheetRecord => ({ child: {}, father: {}, mother: {}, guardian: {}, extra: {} });

/** How a cell is read and written. */
export type CellKind =
  | { type: 'text'; max: number }
  | { type: 'longtext'; max: number }
  | { type: 'date' }
  | { type: 'idNumber' }
  | { type: 'phone' }
  | { type: 'phones' }
  /** `fallback`: the code of any other text (the national form's free-text relation → 其他). */
  | { type: 'enum'; labels: Record<string, Label>; aliases?: Record<string, string>; fallback?: string }
  | { type: 'multi'; labels: Record<string, Label>; aliases?: Record<string, string> }
  | { type: 'bool' }
  | { type: 'int'; min: number; max: number }
  | { type: 'grade' }
  /** Not read on import (computed, or a field the archive does not keep); written on export. */
  | { type: 'exportOnly' };

export interface SheetColumn {
  header: string;
  /** Other headers accepted on import (older forms, the information system's wording). */
  aliases?: readonly string[];
  /** Where the value lives: `child.birthDate`, `father.phones`, `extra.categoryKinds` … */
  path: `${SheetGroup}.${string}`;
  kind: CellKind;
  width?: number;
  /** A line for the instructions sheet. */
  note?: string;
  required?: boolean;
}

/** A problem found while deriving values, placed on the column of `path`. */
export interface LayoutProblem {
  path: string;
  key: string;
  params?: Record<string, string>;
}

/** One layout: its columns, and how derived values go in and out of a record. */
export interface SheetLayout {
  format: 'shouwang' | 'mca';
  sheetName: string;
  title: string;
  columns: readonly SheetColumn[];
  /** After the cells of a row are read: derive fields the layout spreads over several columns. */
  afterRead?(record: SheetRecord): LayoutProblem[];
  /** Before a row is written: fill the `extra.*` values the layout shows. */
  beforeWrite?(record: SheetRecord): void;
}

/** A value found at a column's path. */
export function valueAt(record: SheetRecord, path: string): unknown {
  const [group, field] = path.split('.') as [SheetGroup, string];
  return record[group][field];
}

export function setValueAt(record: SheetRecord, path: string, value: unknown): void {
  const [group, field] = path.split('.') as [SheetGroup, string];
  record[group][field] = value;
}
