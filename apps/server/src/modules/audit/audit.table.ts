import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only: a trigger (migrations 0001, 0015) refuses UPDATE, DELETE and TRUNCATE; on PostgreSQL
 * the app's own role also lacks those privileges (db/app-role.ts). Only `npm run audit-archive`
 * (audit-archive.ts), as the owner, removes rows older than the retention after archiving them.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    event: text('event').notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    orgId: uuid('org_id'),
    /** The org path of `orgId` at the time, so scoped audit lists are one prefix match. */
    orgPath: text('org_path'),
    countyId: uuid('county_id'),
    ip: text('ip'),
    requestId: text('request_id'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    childId: uuid('child_id'),
    diff: jsonb('diff'),
  },
  (t) => [
    index('audit_event_time_idx').on(t.occurredAt),
    index('audit_event_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops')),
    index('audit_event_target_idx').on(t.targetId),
    index('audit_event_actor_idx').on(t.actorId),
    // audit_event_child_idx (child_id, where not null) is made by migration 0017 (hand-written SQL).
  ],
);
