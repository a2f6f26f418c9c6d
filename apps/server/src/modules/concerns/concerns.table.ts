import {
  concernAuthorities,
  concernCategories,
  concernEventKinds,
  concernSeverities,
  concernStatuses,
} from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { child } from '../children/children.table';
import { org } from '../orgs/orgs.table';
import { appUser } from '../users/users.table';

/**
 * 强制报告 (未成年人保护法第十一条): a concern about a child raised by any staff member. `due_at` is the
 * deadline of the open step; a step past it escalates to the township supervisor once
 * (`escalated_status` remembers which step). A concern raised from an anonymous mailbox message may
 * name no child; it then belongs to `school_id`. `mailbox_message_id` has no foreign key on purpose
 * (the mailbox keeps its own retention).
 */
export const concern = pgTable(
  'concern',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    childId: uuid('child_id').references(() => child.id),
    schoolId: uuid('school_id').references(() => org.id),
    mailboxMessageId: uuid('mailbox_message_id'),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => appUser.id),
    category: text('category', { enum: concernCategories }).notNull(),
    severity: text('severity', { enum: concernSeverities }).notNull(),
    description: text('description').notNull(),
    immediateActions: text('immediate_actions'),
    status: text('status', { enum: concernStatuses }).notNull().default('reported'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    referredAt: timestamp('referred_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    escalatedStatus: text('escalated_status', { enum: concernStatuses }),
  },
  (t) => [
    index('concern_child_idx').on(t.countyId, t.childId),
    index('concern_school_idx').on(t.schoolId),
    index('concern_reporter_idx').on(t.reporterId),
    index('concern_due_idx').on(t.dueAt).where(sql`${t.deletedAt} is null and ${t.status} <> 'closed'`),
  ],
);

/** Each step of a concern: who, when, and what the step records (the authority and receipt of a referral). */
export const concernEvent = pgTable(
  'concern_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyId: uuid('county_id').notNull(),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concern.id),
    kind: text('kind', { enum: concernEventKinds }).notNull(),
    /** Null for steps the server takes itself (escalation). */
    actorId: uuid('actor_id').references(() => appUser.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note'),
    authority: text('authority', { enum: concernAuthorities }),
    referredAt: timestamp('referred_at', { withTimezone: true }),
    receiptNumber: text('receipt_number'),
    /** The step that was overdue (escalations). */
    status: text('status', { enum: concernStatuses }),
  },
  (t) => [index('concern_event_concern_idx').on(t.concernId, t.at)],
);
