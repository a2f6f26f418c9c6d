import type { CorrectionCreateBody, CorrectionView } from '@shouwang/shared';
import { and, desc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { auditEvent } from '../audit/audit.table';
import { auditOrgOf } from '../children/children.access';
import { correctionRequest } from './correction-requests.table';
import { requirePrivacyManager } from './privacy-export.service';

/**
 * 更正申请: recorded when a guardian asks; closed as corrected (linked to the audit row of the
 * archive change the handler made since the request) or refused with the reason.
 */

type Row = typeof correctionRequest.$inferSelect;

/** Audit events of archive and family edits a correction can be carried out by. */
const archiveWrites = [
  'child.updated',
  'child.category_started',
  'child.category_ended',
  'child.enrollment_changed',
  'parent.created',
  'parent.updated',
  'parent.deleted',
  'guardian.created',
  'guardian.updated',
  'guardian.deleted',
] as const;

const present = (r: Row): CorrectionView => ({
  id: r.id,
  childId: r.childId,
  requesterName: r.requesterName,
  requesterRelation: r.requesterRelation,
  requestedOn: r.requestedOn,
  request: r.request,
  outcome: r.outcome,
  resolutionNote: r.resolutionNote,
  handledAt: r.handledAt?.toISOString() ?? null,
  changeAuditId: r.changeAuditId,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
});

export async function listCorrections(db: Db, ctx: RequestContext, actor: Actor, childId: string) {
  await requirePrivacyManager(db, ctx, actor, childId);
  const rows = await db
    .select()
    .from(correctionRequest)
    .where(and(eq(correctionRequest.childId, childId), isNull(correctionRequest.deletedAt)))
    .orderBy(desc(correctionRequest.createdAt));
  return { items: rows.map(present) };
}

export async function recordCorrection(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  body: CorrectionCreateBody,
) {
  const child = await requirePrivacyManager(db, ctx, actor, childId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(correctionRequest)
      .values({
        countyId: child.countyId,
        childId,
        requesterName: body.requesterName.trim(),
        requesterRelation: body.requesterRelation.trim(),
        requestedOn: body.requestedOn,
        request: body.request.trim(),
        recordedBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      event: 'correction.recorded',
      targetType: 'correction_request',
      targetId: row!.id,
      childId,
      org: auditOrgOf(child),
    });
    return present(row!);
  });
}

export async function resolveCorrection(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  requestId: string,
  version: number,
  body: { outcome: 'corrected' | 'rejected'; resolutionNote: string },
) {
  const child = await requirePrivacyManager(db, ctx, actor, childId);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(correctionRequest)
      .where(
        and(
          eq(correctionRequest.id, requestId),
          eq(correctionRequest.childId, childId),
          isNull(correctionRequest.deletedAt),
        ),
      );
    if (!current) throw new AppError('NOT_FOUND');
    if (current.outcome) throw new AppError('CORRECTION_ALREADY_HANDLED');
    if (current.version !== version) throw new AppError('VERSION_CONFLICT', { current: present(current) });
    // The change that carried it out: the handler's latest write to this child's archive or family since the request.
    const [change] =
      body.outcome === 'corrected'
        ? await tx
            .select({ id: auditEvent.id })
            .from(auditEvent)
            .where(
              and(
                eq(auditEvent.childId, childId),
                eq(auditEvent.actorId, actor.userId),
                gte(auditEvent.occurredAt, current.createdAt),
                inArray(auditEvent.event, archiveWrites),
              ),
            )
            .orderBy(desc(auditEvent.occurredAt))
            .limit(1)
        : [];
    const now = new Date();
    const [row] = await tx
      .update(correctionRequest)
      .set({
        outcome: body.outcome,
        resolutionNote: body.resolutionNote.trim(),
        handledBy: actor.userId,
        handledAt: now,
        changeAuditId: change?.id ?? null,
        updatedAt: now,
        version: current.version + 1,
      })
      .where(and(eq(correctionRequest.id, requestId), eq(correctionRequest.version, version)))
      .returning();
    if (!row) throw new AppError('VERSION_CONFLICT', { current: present(current) });
    await recordAudit(tx, ctx, {
      event: 'correction.resolved',
      targetType: 'correction_request',
      targetId: requestId,
      childId,
      org: auditOrgOf(child),
      after: { outcome: row.outcome, changeAuditId: row.changeAuditId },
    });
    return present(row);
  });
}
