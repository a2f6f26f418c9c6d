import { guardianHealthStatuses, guardianRelations, literacyLevels } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { child } from './children.table';

/**
 * 监护人 (temporary or entrusted guardian). The 委托监护确认书 in force is mirrored on the row
 * (`entrustment_*`) for list filters; every signing and renewal is kept in `guardian_entrustment`.
 */
export const guardian = pgTable(
  'guardian',
  {
    ...editableColumns(),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    countyId: uuid('county_id').notNull(),
    relation: text('relation', { enum: guardianRelations }).notNull(),
    name: text('name').notNull(),
    birthYear: integer('birth_year'),
    health: text('health', { enum: guardianHealthStatuses }),
    literacy: text('literacy', { enum: literacyLevels }),
    phone: text('phone'),
    address: text('address'),
    idNumber: text('id_number'),
    idNumberMasked: text('id_number_masked'),
    isPrimary: boolean('is_primary').notNull().default(false),
    note: text('note'),
    entrustmentId: uuid('entrustment_id'),
    entrustmentSignedOn: date('entrustment_signed_on'),
    entrustmentValidUntil: date('entrustment_valid_until'),
    entrustmentAttachmentId: uuid('entrustment_attachment_id'),
  },
  (t) => [
    index('guardian_child_idx').on(t.childId),
    uniqueIndex('guardian_primary_uq').on(t.childId).where(sql`${t.isPrimary} and ${t.deletedAt} is null`),
  ],
);

/** Each signing or renewal of a guardian's 委托监护确认书 (append-only history). */
export const guardianEntrustment = pgTable(
  'guardian_entrustment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    guardianId: uuid('guardian_id')
      .notNull()
      .references(() => guardian.id),
    childId: uuid('child_id').notNull(),
    countyId: uuid('county_id').notNull(),
    signedOn: date('signed_on').notNull(),
    validUntil: date('valid_until'),
    attachmentId: uuid('attachment_id'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('guardian_entrustment_guardian_idx').on(t.guardianId, t.signedOn)],
);
