import { z } from 'zod';
import { gradeSubjects } from '../enums/learning';
import { distinctList } from './archive-fields';
import { abilities, isoDate, multiLine, singleLine, uuid, version } from './common';

/** 学习帮扶: a study plan per child, term grades by subject (class batch), and the 进步档案. */

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time_format' });

export const studyTimeSlot = z
  .strictObject({ weekday: z.number().int().min(1).max(7), start: clock, end: clock })
  .refine((s) => s.end > s.start, { path: ['end'], message: 'end_before_start' });

export const phaseGoal = z.strictObject({
  goal: singleLine(200),
  dueOn: isoDate.nullish(),
  achieved: z.boolean().default(false),
});

const planFields = {
  termId: uuid.nullish(),
  /** The helper (帮扶教师/代理家长…) who carries the plan out; a user of the platform. */
  helperUserId: uuid.nullish(),
  subjects: distinctList(z.enum(gradeSubjects), gradeSubjects.length).refine((l) => l.length > 0, {
    message: 'choose_at_least_one',
  }),
  timeSlots: z.array(studyTimeSlot).max(14).default([]),
  content: multiLine(4000).refine((s) => s.trim().length > 0, { message: 'text_required' }),
  phaseGoals: z.array(phaseGoal).max(10).default([]),
  reviewDates: distinctList(isoDate, 12).default([]),
  /** 进步档案: what helped this child (methods, people, habits). */
  whatHelped: multiLine(2000).nullish(),
};

export const studyPlanCreateBody = z.strictObject({ childId: uuid, ...planFields });
export type StudyPlanCreateBody = z.infer<typeof studyPlanCreateBody>;

export const studyPlanUpdateBody = z.strictObject({
  version: version.optional(),
  ...z.strictObject(planFields).partial().shape,
});
export type StudyPlanUpdateBody = z.infer<typeof studyPlanUpdateBody>;

export const studyPlanVersionBody = z.strictObject({ version: version.optional() });
export const studyPlanListQuery = z.object({ childId: uuid });

export const studyPlanView = z.object({
  id: uuid,
  child: z.object({ id: uuid, name: z.string() }),
  termId: uuid.nullable(),
  helper: z.object({ id: uuid, displayName: z.string() }).nullable(),
  subjects: z.array(z.enum(gradeSubjects)),
  timeSlots: z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
  content: z.string(),
  phaseGoals: z.array(z.object({ goal: z.string(), dueOn: z.string().nullish(), achieved: z.boolean() })),
  reviewDates: z.array(z.string()),
  /** The first review date from today on, if any. */
  nextReviewOn: z.string().nullable(),
  whatHelped: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  abilities,
});
export type StudyPlanView = z.infer<typeof studyPlanView>;

// ── Term grades ──────────────────────────────────────────────────────────────────────────────

export const score = z.number().min(0, { message: 'score_range' }).max(1000, { message: 'score_range' });

/**
 * 成绩录入 for one class, one term and one or more subjects, all or nothing. A score must lie
 * between 0 and its subject's full mark; an empty cell leaves the child's grade as it was.
 */
export const gradeBatchBody = z
  .strictObject({
    classId: uuid,
    termId: uuid,
    subjects: z
      .array(z.strictObject({ subject: z.enum(gradeSubjects), fullMark: z.number().int().min(1).max(1000) }))
      .min(1)
      .max(gradeSubjects.length),
    rows: z
      .array(z.strictObject({ childId: uuid, scores: z.partialRecord(z.enum(gradeSubjects), score.nullable()) }))
      .min(1)
      .max(200),
  })
  .superRefine((body, ctx) => {
    const fullMarks = new Map<string, number>();
    for (const [i, s] of body.subjects.entries()) {
      if (fullMarks.has(s.subject))
        ctx.addIssue({ code: 'custom', path: ['subjects', i, 'subject'], message: 'duplicate_values' });
      fullMarks.set(s.subject, s.fullMark);
    }
    for (const [i, row] of body.rows.entries())
      for (const [subject, value] of Object.entries(row.scores)) {
        const full = fullMarks.get(subject);
        if (full === undefined)
          ctx.addIssue({ code: 'custom', path: ['rows', i, 'scores', subject], message: 'subject_not_chosen' });
        else if (typeof value === 'number' && value > full)
          ctx.addIssue({ code: 'custom', path: ['rows', i, 'scores', subject], message: 'score_above_full_mark' });
      }
  });
export type GradeBatchBody = z.infer<typeof gradeBatchBody>;

export const gradeListQuery = z.object({ classId: uuid.optional(), childId: uuid.optional(), termId: uuid.optional() });

export const gradeView = z.object({
  id: uuid,
  child: z.object({ id: uuid, name: z.string() }),
  termId: uuid,
  subject: z.enum(gradeSubjects),
  score: z.number(),
  fullMark: z.number(),
  version: z.number().int(),
});
export type GradeView = z.infer<typeof gradeView>;
export const gradeListResponse = z.object({ items: z.array(gradeView) });
export const gradeBatchResponse = z.object({ written: z.number().int(), items: z.array(gradeView) });

/** 进步档案: per term, each subject's score as a percentage of its full mark; the notes of what helped. */
export const progressView = z.object({
  child: z.object({ id: uuid, name: z.string() }),
  terms: z.array(
    z.object({
      termId: uuid,
      schoolYear: z.string(),
      termNo: z.number().int(),
      startDate: z.string(),
      scores: z.array(
        z.object({ subject: z.enum(gradeSubjects), score: z.number(), fullMark: z.number(), percent: z.number() }),
      ),
      /** Mean of the subjects' percentages, one decimal. */
      averagePercent: z.number().nullable(),
    }),
  ),
  notes: z.array(z.object({ planId: uuid, termId: uuid.nullable(), whatHelped: z.string(), updatedAt: z.string() })),
});
export type ProgressView = z.infer<typeof progressView>;
