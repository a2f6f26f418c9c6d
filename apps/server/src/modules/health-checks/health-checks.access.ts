import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { auditOrgOf } from '../children/children.access';
import { type ChildRow, findChild } from '../children/children.repository';
import { canReadHealthOf, canWriteHealthOf } from './health-checks.policy';
import { presentHealthCheck } from './health-checks.presenter';
import { findCheck, type HealthCheckWithChild } from './health-checks.repository';

/** The loaders every health-check use case starts with: unseen is 404, seen but not writable is 403. */

export async function requireChildForHealth(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  need: 'read' | 'write',
): Promise<ChildRow> {
  const row = await findChild(db, childId);
  if (!row || !canReadHealthOf(actor, row)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'child', targetId: childId });
    throw new AppError('NOT_FOUND');
  }
  if (need === 'write' && !canWriteHealthOf(actor, row)) {
    await recordAudit(db, ctx, {
      event: 'access.denied',
      targetType: 'child',
      targetId: childId,
      childId,
      org: auditOrgOf(row),
    });
    throw new AppError('FORBIDDEN');
  }
  return row;
}

export async function requireReadableCheck(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await findCheck(db, id);
  if (!row || !canReadHealthOf(actor, row.child)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'health_check', targetId: id });
    throw new AppError('NOT_FOUND');
  }
  return row;
}

export async function requireWritableCheck(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await requireReadableCheck(db, ctx, actor, id);
  if (!canWriteHealthOf(actor, row.child)) {
    await recordAudit(db, ctx, {
      event: 'access.denied',
      targetType: 'health_check',
      targetId: id,
      childId: row.child.id,
      org: auditOrgOf(row.child),
    });
    throw new AppError('FORBIDDEN');
  }
  return row;
}

export const presentChecks = (actor: Actor, rows: HealthCheckWithChild[]) =>
  rows.map((r) => presentHealthCheck(r, canWriteHealthOf(actor, r.child)));
