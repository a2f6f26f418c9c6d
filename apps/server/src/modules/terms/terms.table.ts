import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';

/** 学期: set per county (org = the county) and overridable per school (org = the school). */
export const term = pgTable(
  'term',
  {
    ...editableColumns(),
    orgId: uuid('org_id').notNull(),
    countyId: uuid('county_id').notNull(),
    schoolYear: text('school_year').notNull(),
    termNo: integer('term_no').notNull(),
    startDate: date('start_date').notNull(),
    midDate: date('mid_date').notNull(),
    endDate: date('end_date').notNull(),
  },
  (t) => [
    uniqueIndex('term_org_year_no_uq').on(t.orgId, t.schoolYear, t.termNo).where(sql`${t.deletedAt} is null`),
    index('term_county_idx').on(t.countyId),
  ],
);
