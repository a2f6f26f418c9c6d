import { z } from 'zod';
import {
  concernAuthorities,
  concernCategories,
  concernEventKinds,
  concernSeverities,
  concernStatuses,
} from '../enums/wellbeing';
import { abilities, multiLine, pageQuery, singleLine, uuid, version } from './common';

/** 强制报告: a concern raised by staff, and the steps of its handling. */

const text = (max: number) => multiLine(max).refine((s) => s.trim().length > 0, { message: 'text_required' });

/** A moment in the past (ISO 8601 with offset); a few minutes of clock skew are tolerated. */
const pastInstant = z.iso
  .datetime({ offset: true })
  .refine((s) => Date.parse(s) <= Date.now() + 5 * 60_000, { message: 'time_in_future' });

export const concernCreateBody = z
  .strictObject({
    /** The child concerned; may be left out when raised from an anonymous mailbox message. */
    childId: uuid.nullish(),
    /** Required when there is no child: the school the concern belongs to. */
    schoolId: uuid.nullish(),
    /** The whisper-mailbox message the concern was raised from, if any. */
    mailboxMessageId: uuid.nullish(),
    category: z.enum(concernCategories),
    severity: z.enum(concernSeverities),
    /** 发生了什么. */
    description: text(4000),
    /** 已采取的紧急措施. */
    immediateActions: multiLine(2000).nullish(),
  })
  .superRefine((body, ctx) => {
    if (!body.childId && !body.schoolId)
      ctx.addIssue({ code: 'custom', path: ['childId'], message: 'concern_child_or_school' });
  });
export type ConcernCreateBody = z.infer<typeof concernCreateBody>;

export const concernAcknowledgeBody = z.strictObject({ version: version.optional(), note: multiLine(2000).nullish() });
export type ConcernAcknowledgeBody = z.infer<typeof concernAcknowledgeBody>;

export const concernReferBody = z.strictObject({
  version: version.optional(),
  authority: z.enum(concernAuthorities),
  /** When the report was made to the authority. */
  referredAt: pastInstant,
  /** 回执编号 / 受案登记号. */
  receiptNumber: singleLine(100),
  note: multiLine(2000).nullish(),
});
export type ConcernReferBody = z.infer<typeof concernReferBody>;

export const concernNoteBody = z.strictObject({ version: version.optional(), note: text(4000) });
export type ConcernNoteBody = z.infer<typeof concernNoteBody>;

export const concernListQuery = pageQuery.extend({
  status: z.enum(concernStatuses).optional(),
  /** `true`: only concerns not yet closed. */
  open: z.enum(['true', 'false']).optional(),
  childId: uuid.optional(),
  /** `true`: only concerns whose next step the caller may take (the handler's work). */
  actionable: z.enum(['true', 'false']).optional(),
});
export type ConcernListQuery = z.infer<typeof concernListQuery>;

const named = z.object({ id: z.string(), displayName: z.string() });

export const concernEventView = z.object({
  id: z.string(),
  kind: z.enum(concernEventKinds),
  actor: named.nullable(),
  at: z.string(),
  note: z.string().nullable(),
  authority: z.enum(concernAuthorities).nullable(),
  referredAt: z.string().nullable(),
  receiptNumber: z.string().nullable(),
});
export type ConcernEventView = z.infer<typeof concernEventView>;

export const concernView = z.object({
  id: z.string(),
  child: z.object({ id: z.string(), name: z.string() }).nullable(),
  school: z.object({ id: z.string(), name: z.string() }).nullable(),
  mailboxMessageId: z.string().nullable(),
  reporter: named,
  category: z.enum(concernCategories),
  severity: z.enum(concernSeverities),
  description: z.string(),
  immediateActions: z.string().nullable(),
  status: z.enum(concernStatuses),
  /** The deadline of the open step; null once closed. */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  /** Set when an overdue step was escalated to the township supervisor. */
  escalatedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  referredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  abilities,
  /** The steps so far, oldest first; in the single-concern answer only. */
  events: z.array(concernEventView).optional(),
});
export type ConcernView = z.infer<typeof concernView>;
