import { riskLevels } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { child } from '../children/children.table';
import { appUser } from '../users/users.table';

/**
 * 心理辅导记录: confidential. The presenting concern, notes and agreed actions hold AES-256-GCM
 * ciphertext (lib/crypto/field-cipher.ts); only counselors of the child's school read them, and
 * every read is audited. `school_id` copies the child's school when written.
 */
export const counselingSession = pgTable(
  'counseling_session',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    schoolId: uuid('school_id'),
    counselorId: uuid('counselor_id')
      .notNull()
      .references(() => appUser.id),
    sessionOn: date('session_on').notNull(),
    presentingConcern: text('presenting_concern').notNull(),
    notes: text('notes').notNull(),
    agreedActions: text('agreed_actions'),
    nextSessionOn: date('next_session_on'),
    deletedBy: uuid('deleted_by'),
  },
  (t) => [
    index('counseling_session_child_idx').on(t.countyId, t.childId, t.sessionOn).where(sql`${t.deletedAt} is null`),
    index('counseling_session_next_idx')
      .on(t.counselorId, t.nextSessionOn)
      .where(sql`${t.deletedAt} is null and ${t.nextSessionOn} is not null`),
  ],
);

/**
 * A child's risk level over time: one row per judgement, never changed; the latest is current.
 * The reason is encrypted like the notes (counselors only).
 */
export const childRiskLevel = pgTable(
  'child_risk_level',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyId: uuid('county_id').notNull(),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    level: text('level', { enum: riskLevels }).notNull(),
    reason: text('reason').notNull(),
    setBy: uuid('set_by')
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('child_risk_level_child_idx').on(t.countyId, t.childId, t.createdAt)],
);
