import { z } from 'zod';
import { childListQuery } from './children';

/**
 * Excel layouts of the archive: Shouwang's own template, and the one-row-per-child layout of the
 * national registration form (reference/mca-forms.md §6).
 */
export const childSheetFormats = ['shouwang', 'mca'] as const;
export type ChildSheetFormat = (typeof childSheetFormats)[number];

export const childTemplateQuery = z.strictObject({ format: z.enum(childSheetFormats).default('shouwang') });

export const childImportQuery = z.strictObject({
  /** dry-run checks and reports; commit writes everything or nothing. */
  mode: z.enum(['dry-run', 'commit']).default('dry-run'),
  /** Detected from the header row when left out. */
  format: z.enum(childSheetFormats).optional(),
});

/** One problem of an import, placed by row (as Excel numbers it) and column header. */
export const importProblem = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  /** The column letter in the file (`E`), when the problem belongs to a cell. */
  cell: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const childImportReport = z.object({
  mode: z.enum(['dry-run', 'commit']),
  format: z.enum(childSheetFormats),
  committed: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  problems: z.array(importProblem),
  /** Worth a look but not refusing the file: a very similar name at the same school. */
  warnings: z.array(importProblem),
  /** Headers of the file that no column of the layout reads (ignored). */
  ignoredColumns: z.array(z.string()),
});
export type ChildImportReport = z.infer<typeof childImportReport>;

/** The list filters of GET /api/children, plus the layout and whether full ID numbers are wanted. */
export const childExportQuery = childListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(childSheetFormats).default('shouwang'),
  /** `full` needs child.read_id_number over each child; others stay masked. Every full number is audited. */
  idNumbers: z.enum(['masked', 'full']).default('masked'),
});
export type ChildExportQuery = z.infer<typeof childExportQuery>;
