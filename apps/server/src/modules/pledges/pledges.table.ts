import { pledgeReviewResults, selfEvaluationAspects } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { child } from '../children/children.table';
import { appUser } from '../users/users.table';

/**
 * 自律承诺书: the child names shortcomings, commits to change them by a deadline with concrete
 * measures, and the teacher reviews the result when the deadline comes.
 */
export const pledge = pgTable(
  'pledge',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    schoolId: uuid('school_id'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => appUser.id),
    signedOn: date('signed_on').notNull(),
    shortcomings: text('shortcomings').notNull(),
    commitments: text('commitments').notNull(),
    measures: text('measures').notNull(),
    deadline: date('deadline').notNull(),
    reviewResult: text('review_result', { enum: pledgeReviewResults }),
    reviewNote: text('review_note'),
    reviewedOn: date('reviewed_on'),
    reviewedBy: uuid('reviewed_by').references(() => appUser.id),
  },
  (t) => [
    index('pledge_child_idx').on(t.countyId, t.childId, t.signedOn).where(sql`${t.deletedAt} is null`),
    // Reviews due: open pledges by deadline.
    index('pledge_review_due_idx')
      .on(t.countyId, t.deadline)
      .where(sql`${t.reviewedOn} is null and ${t.deletedAt} is null`),
  ],
);

/** 自我评价: the child looks at one aspect of their life, compares it with what was expected, finds the gap. */
export const selfEvaluation = pgTable(
  'self_evaluation',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    schoolId: uuid('school_id'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => appUser.id),
    evaluatedOn: date('evaluated_on').notNull(),
    aspect: text('aspect', { enum: selfEvaluationAspects }).notNull(),
    content: text('content').notNull(),
    gaps: text('gaps'),
  },
  (t) => [
    index('self_evaluation_child_idx').on(t.countyId, t.childId, t.evaluatedOn).where(sql`${t.deletedAt} is null`),
  ],
);
