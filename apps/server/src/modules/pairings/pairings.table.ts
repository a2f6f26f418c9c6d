import { pairingKinds } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { child } from '../children/children.table';
import { org } from '../orgs/orgs.table';
import { appUser } from '../users/users.table';

/**
 * 结对帮扶: a child and a helper — a user (teacher, proxy parent, holiday tutor) or a classmate
 * recorded by name and class. Rows are history: ending a pairing sets `end_date` (the first day it
 * no longer holds; a holiday hand-over sets it in advance), nothing is deleted. `school_id` is the
 * child's school when paired: board, capacity settings and lists go by it.
 */
export const pairing = pgTable(
  'pairing',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    schoolId: uuid('school_id').references(() => org.id),
    kind: text('kind', { enum: pairingKinds }).notNull(),
    helperUserId: uuid('helper_user_id').references(() => appUser.id),
    buddyName: text('buddy_name'),
    buddyClassId: uuid('buddy_class_id').references(() => org.id),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    /** Pairings made together by one holiday hand-over. */
    handoverId: uuid('handover_id'),
    note: text('note'),
    createdBy: uuid('created_by'),
    endedBy: uuid('ended_by'),
  },
  (t) => [
    // A helper's load and `pairedChildIds` (what a mentor may see) read this one.
    index('pairing_helper_idx').on(t.helperUserId, t.kind, t.endDate).where(sql`${t.deletedAt} is null`),
    index('pairing_child_idx').on(t.countyId, t.childId).where(sql`${t.deletedAt} is null`),
    index('pairing_school_idx').on(t.schoolId, t.kind).where(sql`${t.deletedAt} is null`),
    index('pairing_buddy_idx').on(t.buddyClassId, t.buddyName).where(sql`${t.buddyClassId} is not null`),
    check(
      'pairing_helper_ck',
      sql`(${t.kind} = 'buddy_student') = (${t.helperUserId} is null and ${t.buddyName} is not null and ${t.buddyClassId} is not null)`,
    ),
    check('pairing_dates_ck', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);
