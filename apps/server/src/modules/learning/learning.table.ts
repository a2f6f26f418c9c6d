import { gradeSubjects } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { date, index, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { child } from '../children/children.table';
import { term } from '../terms/terms.table';
import { appUser } from '../users/users.table';

/** 学习帮扶计划: who helps the child with what, when, toward which goals, reviewed on which days. */
export const studyPlan = pgTable(
  'study_plan',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    schoolId: uuid('school_id'),
    termId: uuid('term_id').references(() => term.id),
    helperUserId: uuid('helper_user_id').references(() => appUser.id),
    subjects: text('subjects', { enum: gradeSubjects }).array().notNull(),
    timeSlots: jsonb('time_slots').$type<{ weekday: number; start: string; end: string }[]>().notNull(),
    content: text('content').notNull(),
    phaseGoals: jsonb('phase_goals').$type<{ goal: string; dueOn?: string | null; achieved: boolean }[]>().notNull(),
    reviewDates: date('review_dates').array().notNull().default(sql`'{}'::date[]`),
    whatHelped: text('what_helped'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => appUser.id),
    deletedBy: uuid('deleted_by'),
  },
  (t) => [
    index('study_plan_child_idx').on(t.countyId, t.childId).where(sql`${t.deletedAt} is null`),
    index('study_plan_helper_idx').on(t.helperUserId).where(sql`${t.deletedAt} is null`),
  ],
);

/** 学期成绩: one subject's term score of a child; one live row per child, term and subject. */
export const grade = pgTable(
  'grade',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    schoolId: uuid('school_id'),
    classId: uuid('class_id'),
    termId: uuid('term_id')
      .notNull()
      .references(() => term.id),
    subject: text('subject', { enum: gradeSubjects }).notNull(),
    score: numeric('score', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    fullMark: numeric('full_mark', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => appUser.id),
  },
  (t) => [
    uniqueIndex('grade_child_term_subject_uq')
      .on(t.countyId, t.childId, t.termId, t.subject)
      .where(sql`${t.deletedAt} is null`),
    index('grade_class_term_idx').on(t.countyId, t.classId, t.termId).where(sql`${t.deletedAt} is null`),
  ],
);
