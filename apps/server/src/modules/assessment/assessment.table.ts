import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { org } from '../orgs/orgs.table';
import { appUser } from '../users/users.table';

/**
 * 考核: the rubric a school administrator scores for one staff member and term. The metrics are not
 * stored: they are computed from the records whenever the sheet is read. A term is named by school
 * year and number, so a school's own dates (a term override) do not orphan the scores.
 */
export const assessmentScore = pgTable(
  'assessment_score',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => org.id),
    schoolYear: text('school_year').notNull(),
    termNo: integer('term_no').notNull(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => appUser.id),
    /** Rubric item → points (see the shared `rubricMax`). */
    scores: jsonb('scores').$type<Record<string, number | null>>().notNull(),
    comment: text('comment'),
    scoredBy: uuid('scored_by').references(() => appUser.id),
  },
  (t) => [
    uniqueIndex('assessment_score_uq')
      .on(t.schoolId, t.schoolYear, t.termNo, t.staffUserId)
      .where(sql`${t.deletedAt} is null`),
  ],
);
