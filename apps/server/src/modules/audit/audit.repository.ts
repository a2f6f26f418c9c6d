import { and, count, desc, eq, gte, inArray, isNull, like, lt, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { escapeLike } from '../orgs/orgs.repository';
import { org } from '../orgs/orgs.table';
import { appUser } from '../users/users.table';
import type { AuditScope } from './audit.policy';
import { auditEvent } from './audit.table';

export interface AuditFilters {
  event?: string;
  actorId?: string;
  targetId?: string;
  /** Rows of the unit with this path and the units below it. */
  orgPath?: string;
  /** Inclusive bounds as instants. */
  from?: Date;
  /** Exclusive. */
  until?: Date;
}

export type AuditRow = typeof auditEvent.$inferSelect & { actorName: string | null; orgName: string | null };

const eventOrg = alias(org, 'event_org');

function scopeCondition(scope: AuditScope): SQL | undefined {
  const parts: SQL[] = scope.orgPathPrefixes.map((p) => like(auditEvent.orgPath, `${escapeLike(p)}%`));
  if (scope.countyIds.length > 0)
    parts.push(and(isNull(auditEvent.orgPath), inArray(auditEvent.countyId, scope.countyIds))!);
  return parts.length > 0 ? or(...parts) : undefined;
}

/** One page of the audit rows in scope, newest first, with the total for the pager. */
export async function listAuditEvents(
  db: Db,
  scope: AuditScope,
  filters: AuditFilters,
  page: { page: number; pageSize: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const inScope = scopeCondition(scope);
  if (!inScope) return { rows: [], total: 0 };
  const conditions: SQL[] = [inScope];
  if (filters.event) conditions.push(eq(auditEvent.event, filters.event));
  if (filters.actorId) conditions.push(eq(auditEvent.actorId, filters.actorId));
  if (filters.targetId) conditions.push(eq(auditEvent.targetId, filters.targetId));
  if (filters.orgPath) conditions.push(like(auditEvent.orgPath, `${escapeLike(filters.orgPath)}%`));
  if (filters.from) conditions.push(gte(auditEvent.occurredAt, filters.from));
  if (filters.until) conditions.push(lt(auditEvent.occurredAt, filters.until));
  const where = and(...conditions);

  const [totalRow] = await db.select({ n: count() }).from(auditEvent).where(where);
  const rows = await db
    .select({ event: auditEvent, actorName: appUser.displayName, orgName: eventOrg.name })
    .from(auditEvent)
    .leftJoin(appUser, eq(appUser.id, auditEvent.actorId))
    .leftJoin(eventOrg, eq(eventOrg.id, auditEvent.orgId))
    .where(where)
    .orderBy(desc(auditEvent.occurredAt), desc(auditEvent.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return {
    rows: rows.map((r) => ({ ...r.event, actorName: r.actorName, orgName: r.orgName })),
    total: totalRow?.n ?? 0,
  };
}
