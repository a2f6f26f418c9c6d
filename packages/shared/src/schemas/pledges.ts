import { z } from 'zod';
import { pledgeReviewResults, selfEvaluationAspects } from '../enums/wellbeing';
import { pastDate } from './archive-fields';
import { abilities, isoDate, multiLine, uuid, version } from './common';

/** 自律承诺书 and 自我评价 of one child. */

const text = (max: number) => multiLine(max).refine((s) => s.trim().length > 0, { message: 'text_required' });
const optionalText = (max: number) => multiLine(max).nullish();

const pledgeFields = {
  signedOn: pastDate,
  shortcomings: text(2000),
  commitments: text(2000),
  measures: text(2000),
  deadline: isoDate,
};

/** The deadline is on or after the day the pledge was signed. */
function checkDeadline(body: { signedOn?: string; deadline?: string }, ctx: z.RefinementCtx) {
  if (body.signedOn && body.deadline && body.deadline < body.signedOn)
    ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'deadline_before_signed' });
}

export const pledgeCreateBody = z.strictObject({ childId: uuid, ...pledgeFields }).superRefine(checkDeadline);
export type PledgeCreateBody = z.infer<typeof pledgeCreateBody>;

export const pledgeUpdateBody = z
  .strictObject({ ...z.strictObject(pledgeFields).partial().shape, version: version.optional() })
  .superRefine(checkDeadline);
export type PledgeUpdateBody = z.infer<typeof pledgeUpdateBody>;

/** The review at the deadline: did the child keep the pledge? */
export const pledgeReviewBody = z.strictObject({
  result: z.enum(pledgeReviewResults),
  note: optionalText(2000),
  reviewedOn: pastDate,
  version: version.optional(),
});
export type PledgeReviewBody = z.infer<typeof pledgeReviewBody>;

export const pledgeVersionBody = z.strictObject({ version: version.optional() });

const person = z.object({ id: z.string(), displayName: z.string() });

export const pledgeView = z.object({
  id: z.string(),
  childId: z.string(),
  author: person,
  signedOn: z.string(),
  shortcomings: z.string(),
  commitments: z.string(),
  measures: z.string(),
  deadline: z.string(),
  /** open: before the deadline; due: deadline passed, not reviewed; reviewed. */
  reviewState: z.enum(['open', 'due', 'reviewed']),
  review: z
    .object({
      result: z.enum(pledgeReviewResults),
      note: z.string().nullable(),
      reviewedOn: z.string(),
      reviewedBy: person.nullable(),
    })
    .nullable(),
  createdAt: z.string(),
  version: z.number(),
  abilities,
});
export type PledgeView = z.infer<typeof pledgeView>;

export const selfEvaluationCreateBody = z.strictObject({
  childId: uuid,
  evaluatedOn: pastDate,
  aspect: z.enum(selfEvaluationAspects),
  content: text(2000),
  gaps: optionalText(2000),
});
export type SelfEvaluationCreateBody = z.infer<typeof selfEvaluationCreateBody>;

export const selfEvaluationView = z.object({
  id: z.string(),
  childId: z.string(),
  author: person,
  evaluatedOn: z.string(),
  aspect: z.enum(selfEvaluationAspects),
  content: z.string(),
  gaps: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
  abilities,
});
export type SelfEvaluationView = z.infer<typeof selfEvaluationView>;

/** Everything on the child page's 承诺与自评 tab. */
export const childPledgesResponse = z.object({
  pledges: z.array(pledgeView),
  selfEvaluations: z.array(selfEvaluationView),
  abilities,
});
export type ChildPledgesResponse = z.infer<typeof childPledgesResponse>;
