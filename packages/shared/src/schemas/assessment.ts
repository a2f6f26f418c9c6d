import { z } from 'zod';
import type { LabelMap } from '../enums/labels';
import { multiLine, uuid, version } from './common';

/**
 * 考核: per term and staff member, metrics computed from the records plus a rubric the school
 * administrator scores by hand. The rubric is fixed (100 points), so sheets of a county compare.
 */

export const rubricItems = ['attitude', 'archive', 'care_effect', 'home_school', 'innovation'] as const;
export type RubricItem = (typeof rubricItems)[number];

/** The most points each item may get; they add up to 100. */
export const rubricMax: Record<RubricItem, number> = {
  attitude: 20,
  archive: 20,
  care_effect: 30,
  home_school: 15,
  innovation: 15,
};

export const rubricItemLabels: LabelMap<RubricItem> = {
  attitude: { zh: '工作态度与责任心', en: 'Attitude and commitment' },
  archive: { zh: '档案与记录规范', en: 'Archive and records' },
  care_effect: { zh: '关爱帮扶实效', en: 'Effect of the care' },
  home_school: { zh: '家校沟通', en: 'Contact with families' },
  innovation: { zh: '特色与创新', en: 'Initiative' },
};

/** One item's score: whole or half points from 0 to the item's maximum; null clears it. */
const itemScore = (max: number) =>
  z
    .number()
    .min(0)
    .max(max)
    .refine((n) => Number.isInteger(n * 2), { message: 'half_points_only' })
    .nullable()
    .optional();

export const rubricScores = z.strictObject(
  Object.fromEntries(rubricItems.map((item) => [item, itemScore(rubricMax[item])])) as Record<
    RubricItem,
    ReturnType<typeof itemScore>
  >,
);
export type RubricScores = Partial<Record<RubricItem, number | null>>;

export const assessmentQuery = z.strictObject({
  /** The school whose staff are assessed. */
  schoolId: uuid,
  /** Any term of the county or the school; the school's own dates apply. Default: the current term. */
  termId: uuid.optional(),
});

export const assessmentSheetParams = z.strictObject({ userId: uuid });

export const assessmentScoreBody = z.strictObject({
  schoolId: uuid,
  termId: uuid,
  scores: rubricScores,
  comment: multiLine(500).optional(),
  /** The sheet's version when it was read; absent the first time a staff member is scored. */
  version: version.optional(),
});

export const assessmentMetrics = z.object({
  /** Children paired with the staff member during the term (mentor, proxy parent, holiday tutor). */
  childrenPaired: z.number().int(),
  talksDue: z.number().int(),
  talksDone: z.number().int(),
  visitsDue: z.number().int(),
  visitsDone: z.number().int(),
  /** Other duties of the schedule (parent and guardian contact, family calls, tutoring…). */
  otherDue: z.number().int(),
  otherDone: z.number().int(),
  followUpsClosed: z.number().int(),
  followUpsOpen: z.number().int(),
  /** Care records the staff member wrote during the term. */
  records: z.number().int(),
  /** Done against due over every duty (0–1), null when nothing was due. */
  completion: z.number().nullable(),
});
export type AssessmentMetrics = z.infer<typeof assessmentMetrics>;

export const assessmentSheet = z.object({
  userId: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  metrics: assessmentMetrics,
  /** Points from the metrics (0–100): completion weighs 60 (records stand in when nothing was due), follow-ups 20, records 20. */
  metricPoints: z.number(),
  scores: z.record(z.string(), z.number().nullable()),
  rubricTotal: z.number().nullable(),
  /** Half metrics, half rubric; null until the rubric is scored. */
  total: z.number().nullable(),
  rank: z.number().int().nullable(),
  comment: z.string().nullable(),
  version: z.number().int().nullable(),
  scoredAt: z.string().nullable(),
  abilities: z.object({ score: z.boolean() }),
});
export type AssessmentSheet = z.infer<typeof assessmentSheet>;

export const assessmentTermView = z.object({
  id: z.string(),
  schoolYear: z.string(),
  termNo: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
});

export const assessmentListResponse = z.object({
  school: z.object({ id: z.string(), name: z.string() }),
  term: assessmentTermView,
  asOf: z.string(),
  items: z.array(assessmentSheet),
  abilities: z.object({ score: z.boolean(), export: z.boolean() }),
});
export type AssessmentListResponse = z.infer<typeof assessmentListResponse>;

export const assessmentSheetResponse = z.object({
  school: z.object({ id: z.string(), name: z.string() }),
  term: assessmentTermView,
  asOf: z.string(),
  sheet: assessmentSheet,
});
export type AssessmentSheetResponse = z.infer<typeof assessmentSheetResponse>;
