import { z } from 'zod';
import { healthFlags, teethStatuses } from '../enums/health';
import { pastDate } from './archive-fields';
import { abilities, isoDate, multiLine, pageQuery, singleLine, uuid, version } from './common';

/** 体检: one child's school health check; the server adds BMI and screening flags (../health). */

/** Plausible human ranges for children aged 3–17; values outside are typing errors. */
export const healthRanges = {
  heightCm: { min: 60, max: 210 },
  weightKg: { min: 8, max: 180 },
  vision: { min: 3.0, max: 5.3 },
} as const;

const oneDecimal = (x: number) => Math.abs(x * 10 - Math.round(x * 10)) < 1e-6;
const measure = (range: { min: number; max: number }, key: string) =>
  z
    .number({ message: key })
    .min(range.min, { message: key })
    .max(range.max, { message: key })
    .refine(oneDecimal, { message: 'one_decimal' });

export const heightCm = measure(healthRanges.heightCm, 'height_range');
export const weightKg = measure(healthRanges.weightKg, 'weight_range');
/** Uncorrected distance acuity on the 5-point chart (标准对数视力表, 五分记录). */
export const visionAcuity = measure(healthRanges.vision, 'vision_range');

const measurements = {
  heightCm: heightCm.nullish(),
  weightKg: weightKg.nullish(),
  visionLeft: visionAcuity.nullish(),
  visionRight: visionAcuity.nullish(),
  teeth: z.enum(teethStatuses).nullish(),
};
const followUp = {
  findings: multiLine(1000).nullish(),
  referralNeeded: z.boolean().optional(),
  /** Where the child was referred (县医院眼科 …). */
  referralTo: singleLine(100).nullish(),
  followUpOn: isoDate.nullish(),
};

type Checked = {
  heightCm?: number | null;
  weightKg?: number | null;
  visionLeft?: number | null;
  visionRight?: number | null;
  teeth?: string | null;
  referralNeeded?: boolean;
  followUpOn?: string | null;
  checkedOn?: string;
};

/** Something must have been measured; a referral needs a follow-up date on or after the check. */
function checkEntry(body: Checked, ctx: z.RefinementCtx, needMeasure = true) {
  const measured = [body.heightCm, body.weightKg, body.visionLeft, body.visionRight, body.teeth].some(
    (v) => v !== undefined && v !== null,
  );
  if (needMeasure && !measured) ctx.addIssue({ code: 'custom', path: ['heightCm'], message: 'measurement_required' });
  if (body.referralNeeded && !body.followUpOn)
    ctx.addIssue({ code: 'custom', path: ['followUpOn'], message: 'follow_up_date_required' });
  if (body.followUpOn && body.checkedOn && body.followUpOn < body.checkedOn)
    ctx.addIssue({ code: 'custom', path: ['followUpOn'], message: 'follow_up_before_record' });
}

export const healthCheckCreateBody = z
  .strictObject({
    childId: uuid,
    checkedOn: pastDate,
    ...measurements,
    ...followUp,
    idempotencyKey: uuid.optional(),
  })
  .superRefine((b, ctx) => checkEntry(b, ctx));
export type HealthCheckCreateBody = z.infer<typeof healthCheckCreateBody>;

export const healthCheckUpdateBody = z
  .strictObject({
    version: version.optional(),
    checkedOn: pastDate.optional(),
    ...measurements,
    ...followUp,
    /** Set when the referral's follow-up was done; null reopens it. */
    followUpDoneOn: pastDate.nullish(),
  })
  .superRefine((b, ctx) => checkEntry(b, ctx, false));
export type HealthCheckUpdateBody = z.infer<typeof healthCheckUpdateBody>;

export const healthCheckVersionBody = z.strictObject({ version: version.optional() });

/** One row of the class batch table. */
export const healthCheckBatchRow = z
  .strictObject({ childId: uuid, ...measurements, ...followUp })
  .superRefine((b, ctx) => checkEntry(b, ctx));
export type HealthCheckBatchRow = z.infer<typeof healthCheckBatchRow>;

/** 班级体检录入: a row per child, all written or none. */
export const healthCheckBatchBody = z
  .strictObject({
    classId: uuid,
    checkedOn: pastDate,
    rows: z.array(healthCheckBatchRow).min(1).max(200),
    idempotencyKey: uuid.optional(),
  })
  .superRefine((b, ctx) => {
    for (const [i, row] of b.rows.entries())
      if (row.followUpOn && row.followUpOn < b.checkedOn)
        ctx.addIssue({ code: 'custom', path: ['rows', i, 'followUpOn'], message: 'follow_up_before_record' });
  });
export type HealthCheckBatchBody = z.infer<typeof healthCheckBatchBody>;

export const healthCheckListQuery = pageQuery.extend({
  childId: uuid.optional(),
  classId: uuid.optional(),
  schoolId: uuid.optional(),
  flag: z.enum(healthFlags).optional(),
  followUpOpen: z.enum(['true', 'false']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type HealthCheckListQuery = z.infer<typeof healthCheckListQuery>;

export const healthCheckView = z.object({
  id: uuid,
  child: z.object({ id: uuid, name: z.string() }),
  author: z.object({ id: uuid, displayName: z.string() }),
  checkedOn: z.string(),
  ageMonths: z.number().int().nullable(),
  heightCm: z.number().nullable(),
  weightKg: z.number().nullable(),
  bmi: z.number().nullable(),
  visionLeft: z.number().nullable(),
  visionRight: z.number().nullable(),
  teeth: z.enum(teethStatuses).nullable(),
  findings: z.string().nullable(),
  referralNeeded: z.boolean(),
  referralTo: z.string().nullable(),
  followUpOn: z.string().nullable(),
  followUpDoneOn: z.string().nullable(),
  flags: z.array(z.enum(healthFlags)),
  /** Whether the growth tables applied (sex and birth date known, aged 6–17). */
  growthScreened: z.boolean(),
  batchId: uuid.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  abilities,
});
export type HealthCheckView = z.infer<typeof healthCheckView>;

export const healthCheckBatchResponse = z.object({ batchId: uuid, items: z.array(healthCheckView) });

// ── Statistics ────────────────────────────────────────────────────────────────────────────────

/** 体检统计 for a unit the caller reads statistics of: numbers only, never a child's details. */
export const healthSummaryQuery = z.object({ orgId: uuid, from: isoDate.optional(), to: isoDate.optional() });
export type HealthSummaryQuery = z.infer<typeof healthSummaryQuery>;

export const healthSummaryView = z.object({
  orgId: uuid,
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Checks recorded, and distinct children checked, in the period. */
  checks: z.number().int(),
  childrenChecked: z.number().int(),
  /** Distinct children with each flag on a check in the period (every flag present, 0 when none). */
  childrenFlagged: z.record(z.enum(healthFlags), z.number().int()),
  /** Referrals whose follow-up is not done yet (any date). */
  openReferrals: z.number().int(),
});
export type HealthSummaryView = z.infer<typeof healthSummaryView>;
