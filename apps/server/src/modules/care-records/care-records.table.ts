import { careChannels, careRecordKinds } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { child } from '../children/children.table';
import { appUser } from '../users/users.table';

/**
 * 关爱记录: one table for every kind; what differs per kind sits in `details`, validated by the
 * shared zod schema (`careRecordDetailSchemas`). `school_id`/`class_id` copy the child's placement
 * when written, for per-school statistics. Soft-deleted rows stay for the audit trail.
 */
export const careRecord = pgTable(
  'care_record',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    schoolId: uuid('school_id'),
    classId: uuid('class_id'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => appUser.id),
    kind: text('kind', { enum: careRecordKinds }).notNull(),
    occurredOn: date('occurred_on').notNull(),
    durationMinutes: integer('duration_minutes'),
    channel: text('channel', { enum: careChannels }),
    summary: text('summary').notNull(),
    problems: text('problems'),
    followUpNeeded: boolean('follow_up_needed').notNull().default(false),
    followUpOn: date('follow_up_on'),
    /** Set when the follow-up was carried out (by a later record, or closed by hand). */
    followUpDoneOn: date('follow_up_done_on'),
    /** The record whose follow-up this one carries out. */
    followUpOf: uuid('follow_up_of'),
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    flags: text('flags').array().notNull().default(sql`'{}'::text[]`),
    /** Records entered together (a family-call session, a class's talk cards). */
    batchId: uuid('batch_id'),
    idempotencyKey: uuid('idempotency_key'),
    deletedBy: uuid('deleted_by'),
  },
  (t) => [
    // The schedule: "has this child a record of this kind between these dates" is one index probe.
    index('care_record_schedule_idx')
      .on(t.countyId, t.childId, t.kind, t.occurredOn)
      .where(sql`${t.deletedAt} is null`),
    // The child's timeline, newest first, keyset-paged.
    index('care_record_timeline_idx')
      .on(t.countyId, t.childId, t.occurredOn, t.createdAt, t.id)
      .where(sql`${t.deletedAt} is null`),
    index('care_record_author_idx').on(t.authorId, t.occurredOn),
    index('care_record_follow_up_idx')
      .on(t.authorId, t.followUpOn)
      .where(sql`${t.followUpNeeded} and ${t.followUpDoneOn} is null and ${t.deletedAt} is null`),
    uniqueIndex('care_record_idempotency_uq')
      .on(t.authorId, t.idempotencyKey, t.childId)
      .where(sql`${t.idempotencyKey} is not null`),
  ],
);
