import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { auditOrgOf } from '../children/children.access';
import { canReadChild, childScope } from '../children/children.policy';
import { type ChildRow, findChild } from '../children/children.repository';
import { canReadCounseling, canReadRisk, canWriteCounseling } from './counseling.policy';
import { findSession } from './counseling.repository';

/**
 * The loaders of the counseling use cases. Whoever may not read counseling of the child gets
 * "not found", even when they see the child: that sessions exist is itself confidential. Every
 * refusal is audited.
 */

async function deny(db: Db, ctx: RequestContext, targetType: string, targetId: string): Promise<never> {
  await recordAudit(db, ctx, { event: 'access.denied', targetType, targetId });
  throw new AppError('NOT_FOUND');
}

/** A child whose counseling the actor may read (`read`) or record (`write`). */
export async function requireChildForCounseling(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  need: 'read' | 'write',
): Promise<ChildRow> {
  const row = await findChild(db, childId);
  if (!row) return deny(db, ctx, 'child', childId);
  const allowed = need === 'read' ? canReadCounseling(actor, row) : canWriteCounseling(actor, row);
  if (allowed) return row;
  if (need === 'write' && canReadChild(actor, row, (await childScope(db, actor)).pairedIds)) {
    await recordAudit(db, ctx, {
      event: 'access.denied',
      targetType: 'child',
      targetId: childId,
      childId,
      org: auditOrgOf(row),
    });
    throw new AppError('FORBIDDEN');
  }
  return deny(db, ctx, 'child', childId);
}

/** A child whose current risk level the actor may see. */
export async function requireChildForRisk(db: Db, ctx: RequestContext, actor: Actor, childId: string) {
  const row = await findChild(db, childId);
  if (!row || !canReadRisk(actor, row, (await childScope(db, actor, 'risk.read')).pairedIds))
    return deny(db, ctx, 'child', childId);
  return row;
}

export async function requireReadableSession(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await findSession(db, id);
  if (!row || !canReadCounseling(actor, row.child)) return deny(db, ctx, 'counseling_session', id);
  return row;
}

export async function requireWritableSession(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await requireReadableSession(db, ctx, actor, id);
  if (!canWriteCounseling(actor, row.child)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'counseling_session', targetId: id });
    throw new AppError('FORBIDDEN');
  }
  return row;
}
