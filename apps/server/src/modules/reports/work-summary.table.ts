import type { SummaryParagraph } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { org } from '../orgs/orgs.table';
import { appUser } from '../users/users.table';

/**
 * 工作总结 draft of a unit for a term: the generated paragraphs with the figures they quote and the
 * staff's edits, kept until exported. One live draft per unit and term (school year + number).
 */
export const workSummary = pgTable(
  'work_summary',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    schoolYear: text('school_year').notNull(),
    termNo: integer('term_no').notNull(),
    title: text('title').notNull(),
    paragraphs: jsonb('paragraphs').$type<SummaryParagraph[]>().notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => appUser.id),
    updatedBy: uuid('updated_by').references(() => appUser.id),
  },
  (t) => [
    uniqueIndex('work_summary_org_term_uq').on(t.orgId, t.schoolYear, t.termNo).where(sql`${t.deletedAt} is null`),
  ],
);
