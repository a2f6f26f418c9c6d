import type { AuditEvent } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { auditEvent } from '../../modules/audit/audit.table';
import type { RequestContext } from '../context';
import { type Diff, diffOf } from './diff';

export interface AuditEntry {
  event: AuditEvent;
  targetType?: string;
  targetId?: string | null;
  /** The org the record belongs to, with its path; decides who may read the audit row. */
  org?: { id: string; path: string; countyId: string } | null;
  childId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  diff?: Diff | Record<string, unknown>;
  /** Overrides the role written; defaults to the actor's role that covers the org. */
  role?: string | null;
  /** For events without a signed-in actor yet (a login): who it concerns. */
  actorId?: string | null;
  countyId?: string | null;
}

/** Writes one audit row. Pass the transaction of the write it describes. */
export async function recordAudit(db: Db, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  const actor = ctx.actor;
  const orgPath = entry.org?.path ?? null;
  const role =
    entry.role !== undefined
      ? entry.role
      : actor
        ? (actor.assignments.find((a) => orgPath?.startsWith(a.orgPath))?.role ?? actor.assignments[0]?.role ?? null)
        : null;
  const diff = entry.diff ?? (entry.before || entry.after ? diffOf(entry.before ?? null, entry.after ?? null) : null);
  await db.insert(auditEvent).values({
    event: entry.event,
    actorId: entry.actorId !== undefined ? entry.actorId : (actor?.userId ?? null),
    actorRole: role,
    orgId: entry.org?.id ?? null,
    orgPath,
    countyId: entry.org?.countyId ?? entry.countyId ?? actor?.countyId ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    childId: entry.childId ?? null,
    diff,
  });
}
