import { type ChildImportReport, type ChildSheetFormat, todayIso } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import { grantsFor } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { isUniqueViolation } from '../../lib/db-errors';
import { AppError } from '../../lib/errors';
import { applyImportWrites, bulkAudit, familiesOf } from './children-bulk.repository';
import { addNewChild } from './children-import-create';
import { readImportSheet, sha256Of } from './children-import-file';
import { OrgDirectory } from './children-import-orgs';
import { matchCandidates } from './children-import-plan';
import { detectColumns, ProblemList, readRecords } from './children-import-rows';
import { similarNameWarnings } from './children-import-similar';
import { addChildUpdate } from './children-import-update';
import { validateRow } from './children-import-validate';
import { emptyWriteSet } from './children-import-writes';

export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
}

/** Problems listed in the 422 of a refused commit; the dry run lists them all. */
const maxDetails = 500;

/**
 * Excel import of archives. A dry run reads, checks and matches every row and reports every
 * problem by row and column without writing. A commit does the same and, when nothing is wrong,
 * writes the whole file in one transaction (new children with multi-row INSERTs); any problem
 * refuses the whole file. Re-importing a file changes nothing: unchanged rows are skipped.
 */
export async function importChildren(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  limits: ImportLimits,
  upload: { bytes: Buffer; fileName: string | undefined },
  options: { mode: 'dry-run' | 'commit'; format?: ChildSheetFormat },
): Promise<ChildImportReport> {
  const sha256 = sha256Of(upload.bytes);
  const sheet = await readImportSheet(
    upload.bytes,
    { maxRows: limits.maxRows, maxUnzippedBytes: Math.max(100 * 1024 * 1024, limits.maxBytes * 12) },
    sha256,
  );
  const columns = detectColumns(sheet, options.format);
  if (!columns.byPath.has('child.name')) throw new AppError('IMPORT_HEADER_MISSING');
  const problems = new ProblemList(columns, ctx.language);
  const reads = readRecords(sheet, columns, problems);
  const orgs = await OrgDirectory.load(db, actor);
  const candidates = reads.map((read) => validateRow(read, orgs, problems, ctx.language));
  const matching = await matchCandidates(db, actor, candidates, problems);
  const families = await familiesOf(
    db,
    matching.matches.map((m) => m.existing.id),
  );

  const warnings = new ProblemList(columns, ctx.language);
  await similarNameWarnings(
    db,
    actor,
    matching.creates.filter((c) => !problems.has(c.row)),
    warnings,
  );

  const today = todayIso();
  const writes = emptyWriteSet();
  for (const match of matching.matches)
    if (!problems.has(match.candidate.row)) addChildUpdate(writes, actor, match, families, orgs, problems, today);
  // New children add no problems: the dry run only counts them; the commit builds their rows.
  const creates = matching.creates.filter((c) => !problems.has(c.row));
  if (options.mode === 'dry-run' || problems.items.length > 0) writes.created = creates.length;
  else for (const candidate of creates) addNewChild(writes, actor, candidate, today);

  const report: ChildImportReport = {
    mode: options.mode,
    format: columns.layout.format,
    committed: false,
    rows: sheet.rows.length,
    created: writes.created,
    updated: writes.updated,
    unchanged: writes.unchanged,
    problems: problems.sorted(),
    warnings: warnings.sorted(),
    ignoredColumns: columns.ignored,
  };
  if (options.mode === 'dry-run') return report;
  if (report.problems.length > 0) {
    const details = report.problems.slice(0, maxDetails).map((p) => ({
      field: p.cell ?? String(p.row),
      message:
        ctx.language === 'en'
          ? `row ${p.row}${p.column ? ` ${p.column}` : ''}: ${p.message}`
          : `第${p.row}行${p.column ? `「${p.column}」` : ''}：${p.message}`,
    }));
    throw new AppError('IMPORT_HAS_PROBLEMS', { details });
  }

  const grant = grantsFor(actor, 'child.write')[0];
  try {
    await db.transaction(async (tx) => {
      await applyImportWrites(tx, writes);
      await bulkAudit(tx, ctx, writes.audits);
      await recordAudit(tx, ctx, {
        event: 'child.imported',
        targetType: 'import',
        org: grant ? { id: grant.orgId, path: grant.orgPath, countyId: grant.countyId } : null,
        diff: {
          fileName: upload.fileName ?? null,
          sha256,
          format: report.format,
          rows: report.rows,
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
        },
      });
    });
  } catch (error) {
    // Another clerk filed one of these ID numbers meanwhile: nothing was written.
    if (isUniqueViolation(error)) throw new AppError('ID_NUMBER_TAKEN');
    throw error;
  }
  return { ...report, committed: true };
}
