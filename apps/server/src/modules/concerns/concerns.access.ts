import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { type ConcernStep, canHandleConcern, canSeeConcern, stepFrom } from './concerns.policy';
import { type ConcernWithPlacement, findConcern } from './concerns.repository';

/** The org an audit row about the concern belongs to. */
export const auditOrgOfConcern = (row: ConcernWithPlacement) => {
  const id = row.child?.classId ?? row.concern.schoolId ?? row.child?.villageId;
  const path = row.schoolPath ?? row.villagePath;
  return id && path ? { id, path, countyId: row.concern.countyId } : null;
};

/** A concern the actor may see; anything else is "not found" (audited). */
export async function requireVisibleConcern(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await findConcern(db, id);
  if (!row || !canSeeConcern(actor, row.concern, row)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'concern', targetId: id });
    throw new AppError('NOT_FOUND');
  }
  return row;
}

/** A concern the actor may take `step` on now: seen (else 404), handled by them (else 403), at that step (else 409). */
export async function requireStep(db: Db, ctx: RequestContext, actor: Actor, id: string, step: ConcernStep) {
  const row = await requireVisibleConcern(db, ctx, actor, id);
  if (!canHandleConcern(actor, row)) {
    await recordAudit(db, ctx, {
      event: 'access.denied',
      targetType: 'concern',
      targetId: id,
      childId: row.concern.childId,
      org: auditOrgOfConcern(row),
    });
    throw new AppError('FORBIDDEN');
  }
  if (!stepFrom[step].includes(row.concern.status)) throw new AppError('CONCERN_STEP_INVALID');
  return row;
}
