import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { findOrg } from '../orgs/orgs.repository';
import { auditScope, canReadAuditOf } from './audit.policy';
import * as repo from './audit.repository';

export interface AuditQuery {
  event?: string;
  actorId?: string;
  targetId?: string;
  orgId?: string;
  /** Calendar dates in China time, both inclusive. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

const dayMs = 24 * 60 * 60 * 1000;
/** Midnight of a calendar date in China (UTC+8, no daylight saving). */
const chinaMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

/**
 * The audit rows the actor may read, filtered and paged; scoping happens in SQL. Filtering by a
 * unit outside the actor's audit scope answers not found, like any unit they may not see.
 */
export async function listAuditEvents(db: Db, ctx: RequestContext, actor: Actor, query: AuditQuery) {
  const { page, pageSize, from, to, orgId, ...filters } = query;
  let orgPath: string | undefined;
  if (orgId) {
    const unit = await findOrg(db, orgId);
    if (!unit || !canReadAuditOf(actor, unit)) {
      await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: orgId });
      throw new AppError('NOT_FOUND');
    }
    orgPath = unit.path;
  }
  return repo.listAuditEvents(
    db,
    auditScope(actor),
    {
      ...filters,
      orgPath,
      from: from ? chinaMidnight(from) : undefined,
      until: to ? new Date(chinaMidnight(to).getTime() + dayMs) : undefined,
    },
    { page, pageSize },
  );
}
