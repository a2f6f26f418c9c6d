import type { auditView } from '@shouwang/shared';
import type { z } from 'zod';
import type { AuditRow } from './audit.repository';

export function presentAuditEvent(row: AuditRow): z.infer<typeof auditView> {
  return {
    id: String(row.id),
    occurredAt: row.occurredAt.toISOString(),
    event: row.event,
    actorId: row.actorId,
    actorName: row.actorName,
    actorRole: row.actorRole,
    orgId: row.orgId,
    orgName: row.orgName,
    ip: row.ip,
    requestId: row.requestId,
    targetType: row.targetType,
    targetId: row.targetId,
    diff: row.diff,
  };
}
