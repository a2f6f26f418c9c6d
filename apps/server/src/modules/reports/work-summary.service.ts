import {
  currentTermOf,
  draftWorkSummary,
  type SummaryParagraph,
  todayIso,
  type WorkSummaryView,
} from '@shouwang/shared';
import type { Db } from '../../db/client';
import type { AppConfig } from '../../env';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import { inScope } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { renderPdf } from '../../lib/pdf';
import { findOrg, type OrgRow } from '../orgs/orgs.repository';
import { findTerm, listEffectiveTerms, type TermWithOrg } from '../terms/terms.repository';
import { linkOfFigure, summaryFigures } from './summary-figures.service';
import * as repo from './work-summary.repository';
import { workSummaryDocx, workSummaryPdfDocument } from './work-summary-documents';

/**
 * The unit (any org node inside one of the caller's `report.write` subtrees, else 404, audited) and
 * its term: the one named (matched by school year and number to the unit's own dates), or the
 * running one, else the latest past one.
 */
export async function resolveUnitTerm(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  query: { orgId: string; termId?: string },
): Promise<{ unit: OrgRow; term: TermWithOrg }> {
  const unit = await findOrg(db, query.orgId);
  if (!unit || unit.deletedAt || !inScope(actor, 'report.write', unit.path)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: query.orgId });
    throw new AppError('NOT_FOUND');
  }
  const schoolId = unit.kind === 'school' ? unit.id : unit.kind === 'class' ? unit.parentId : null;
  const terms = await listEffectiveTerms(db, unit.countyId, schoolId);
  const today = todayIso();
  let term: TermWithOrg | undefined;
  if (query.termId) {
    const named = await findTerm(db, query.termId);
    term =
      named && named.countyId === unit.countyId
        ? terms.find((t) => t.schoolYear === named.schoolYear && t.termNo === named.termNo)
        : undefined;
    if (!term) throw new AppError('NOT_FOUND');
  } else {
    term = currentTermOf(terms, today) ?? terms.find((t) => t.endDate < today);
  }
  if (!term) throw new AppError('TERM_NOT_SET');
  return { unit, term };
}

const auditOrg = (unit: OrgRow) => ({ id: unit.id, path: unit.path, countyId: unit.countyId });

function present(row: repo.WorkSummaryRow, unit: OrgRow, term: TermWithOrg): WorkSummaryView {
  return {
    id: row.id,
    org: { id: unit.id, name: unit.name, kind: unit.kind },
    term: {
      id: term.id,
      schoolYear: term.schoolYear,
      termNo: term.termNo,
      startDate: term.startDate,
      endDate: term.endDate,
    },
    title: row.title,
    paragraphs: row.paragraphs,
    generatedAt: row.generatedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export async function findWorkSummary(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  query: { orgId: string; termId?: string },
) {
  const { unit, term } = await resolveUnitTerm(db, ctx, actor, query);
  const row = await repo.findSummary(db, unit.id, term);
  return { summary: row ? present(row, unit, term) : null };
}

/** Staff edits survive a redraft: an edited paragraph keeps its text, with the new draft beside it. */
function mergeEdits(fresh: SummaryParagraph[], old: SummaryParagraph[]): SummaryParagraph[] {
  return fresh.map((p) => {
    const before = old.find((o) => o.key === p.key);
    return before?.edited ? { ...p, text: before.text, edited: true } : p;
  });
}

/** Drafts (or redrafts) the unit's summary for the term from the records. */
export async function generateWorkSummary(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  body: { orgId: string; termId?: string; discardEdits?: boolean },
) {
  const { unit, term } = await resolveUnitTerm(db, ctx, actor, body);
  const figures = await summaryFigures(db, ctx, unit, term);
  const draft = draftWorkSummary(figures, linkOfFigure(unit, term));
  const row = await db.transaction(async (tx) => {
    const existing = await repo.findSummary(tx, unit.id, term);
    let saved: repo.WorkSummaryRow | undefined;
    if (existing) {
      const paragraphs = body.discardEdits ? draft.paragraphs : mergeEdits(draft.paragraphs, existing.paragraphs);
      saved = await repo.updateSummary(tx, existing.id, existing.version, {
        paragraphs,
        generatedAt: new Date(),
        updatedBy: actor.userId,
      });
      if (!saved) throw new AppError('VERSION_CONFLICT');
    } else {
      saved = await repo.insertSummary(tx, {
        countyId: unit.countyId,
        orgId: unit.id,
        schoolYear: term.schoolYear,
        termNo: term.termNo,
        title: draft.title,
        paragraphs: draft.paragraphs,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
    }
    await recordAudit(tx, ctx, {
      event: 'work_summary.generated',
      targetType: 'work_summary',
      targetId: saved.id,
      org: auditOrg(unit),
      diff: { schoolYear: term.schoolYear, termNo: term.termNo, discardEdits: body.discardEdits ?? false },
    });
    return saved;
  });
  return present(row, unit, term);
}

/** The summary by id, when the caller may write reports for its unit (else 404, audited). */
async function requireSummary(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await repo.findSummaryById(db, id);
  const unit = row && (await findOrg(db, row.orgId));
  if (!row || !unit || !inScope(actor, 'report.write', unit.path)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'work_summary', targetId: id });
    throw new AppError('NOT_FOUND');
  }
  const schoolId = unit.kind === 'school' ? unit.id : unit.kind === 'class' ? unit.parentId : null;
  const term = (await listEffectiveTerms(db, unit.countyId, schoolId)).find(
    (t) => t.schoolYear === row.schoolYear && t.termNo === row.termNo,
  );
  if (!term) throw new AppError('NOT_FOUND');
  return { row, unit, term };
}

export async function editWorkSummary(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  body: { version: number; title?: string; paragraphs: { key: string; text: string | null }[] },
) {
  const { row, unit, term } = await requireSummary(db, ctx, actor, id);
  const changes = new Map(body.paragraphs.map((p) => [p.key, p.text]));
  for (const key of changes.keys()) if (!row.paragraphs.some((p) => p.key === key)) throw new AppError('NOT_FOUND');
  const paragraphs = row.paragraphs.map((p) => {
    if (!changes.has(p.key)) return p;
    const text = changes.get(p.key);
    return text === null || text === undefined || text.trim() === p.generated.trim()
      ? { ...p, text: p.generated, edited: false }
      : { ...p, text: text.trim(), edited: true };
  });
  const saved = await db.transaction(async (tx) => {
    const updated = await repo.updateSummary(tx, row.id, body.version, {
      paragraphs,
      title: body.title ?? row.title,
      updatedBy: actor.userId,
    });
    if (!updated) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx, {
      event: 'work_summary.edited',
      targetType: 'work_summary',
      targetId: row.id,
      org: auditOrg(unit),
      diff: { paragraphs: [...changes.keys()], title: body.title !== undefined },
    });
    return updated;
  });
  return present(saved, unit, term);
}

/** The summary as .docx or PDF, with the unit's name and today's date under it; audited. */
export async function exportWorkSummary(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  config: Pick<AppConfig, 'pdf'>,
  id: string,
  format: 'docx' | 'pdf',
) {
  const { row, unit } = await requireSummary(db, ctx, actor, id);
  const [y, m, d] = todayIso().split('-').map(Number);
  const doc = { title: row.title, paragraphs: row.paragraphs, signature: [unit.name, `${y}年${m}月${d}日`] };
  const buffer =
    format === 'docx' ? await workSummaryDocx(doc) : await renderPdf(workSummaryPdfDocument(doc), config.pdf);
  await recordAudit(db, ctx, {
    event: 'work_summary.exported',
    targetType: 'work_summary',
    targetId: row.id,
    org: auditOrg(unit),
    diff: { format },
  });
  return { buffer, fileName: `${row.title}.${format}` };
}
