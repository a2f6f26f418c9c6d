import { consentBases, consentCategories } from '@shouwang/shared';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { child } from '../children/children.table';

/**
 * Privacy rights (PIPL; 儿童个人信息网络保护规定): the legal basis or guardian consent per child
 * and data category, the county's data-protection officer, and which children were anonymized
 * after the retention period.
 */
export const childConsent = pgTable(
  'child_consent',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    category: text('category', { enum: consentCategories }).notNull(),
    basis: text('basis', { enum: consentBases }).notNull(),
    consenterName: text('consenter_name'),
    consenterRelation: text('consenter_relation'),
    consentedOn: date('consented_on').notNull(),
    scopeNote: text('scope_note'),
    recordedBy: uuid('recorded_by'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawalReason: text('withdrawal_reason'),
    withdrawnBy: uuid('withdrawn_by'),
  },
  (t) => [index('child_consent_child_idx').on(t.countyId, t.childId, t.category)],
);

/** 个人信息保护负责人: one per county. */
export const privacyOfficer = pgTable('privacy_officer', {
  countyId: uuid('county_id').primaryKey(),
  name: text('name').notNull(),
  phone: text('phone').notNull(),
  email: text('email'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

/** Children whose personal data was replaced by placeholders after the retention period. */
export const childAnonymization = pgTable('child_anonymization', {
  childId: uuid('child_id')
    .primaryKey()
    .references(() => child.id),
  countyId: uuid('county_id').notNull(),
  leftOn: date('left_on').notNull(),
  anonymizedAt: timestamp('anonymized_at', { withTimezone: true }).notNull().defaultNow(),
});
