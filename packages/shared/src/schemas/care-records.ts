import { z } from 'zod';
import {
  type CareRecordKind,
  careChannels,
  careRecordFlags,
  careRecordKinds,
  contactInitiators,
  homeVisitParties,
  lifeCareTypes,
  parentContactChannels,
  termWindows,
  tutoringSubjects,
} from '../enums/care';
import { distinctList, pastDate } from './archive-fields';
import { abilities, isoDate, multiLine, pageQuery, singleLine, uuid, version } from './common';

/** 关爱记录: common fields, and per-kind `details` chosen by `kind`. */

const text = (max: number) => multiLine(max).refine((s) => s.trim().length > 0, { message: 'text_required' });
const optionalText = (max: number) => multiLine(max).nullish();

/** The per-kind details, exactly as issue 4 lists them. */
export const careRecordDetailSchemas = {
  talk: z.strictObject({ topic: singleLine(100), mood: z.number().int().min(1).max(5) }),
  home_visit: z.strictObject({
    /** 期初/期中/期末; filled from the date when left out. */
    termWindow: z.enum(termWindows).nullish(),
    present: distinctList(z.enum(homeVisitParties), homeVisitParties.length).refine((l) => l.length > 0, {
      message: 'choose_at_least_one',
    }),
    homeConditions: optionalText(1000),
    guardianView: optionalText(1000),
  }),
  parent_contact: z.strictObject({ channel: z.enum(parentContactChannels), initiatedBy: z.enum(contactInitiators) }),
  guardian_contact: z.strictObject({}),
  family_call: z.strictObject({ callMinutes: z.number().int().min(1).max(240) }),
  tutoring: z.strictObject({ subject: z.enum(tutoringSubjects) }),
  life_care: z.strictObject({ type: z.enum(lifeCareTypes) }),
  growth_diary: z.strictObject({}),
} as const satisfies Record<CareRecordKind, z.ZodType>;

export type CareRecordDetails = { [K in CareRecordKind]: z.infer<(typeof careRecordDetailSchemas)[K]> };

const commonFields = {
  occurredOn: pastDate,
  durationMinutes: z.number().int().min(1).max(600).nullish(),
  channel: z.enum(careChannels).nullish(),
  summary: text(4000),
  problems: optionalText(2000),
  followUpNeeded: z.boolean().default(false),
  followUpOn: isoDate.nullish(),
  attachmentIds: distinctList(uuid, 9).default([]),
};

const createFields = {
  childId: uuid,
  ...commonFields,
  /** The record whose follow-up this one carries out (closes it). */
  followUpOf: uuid.nullish(),
  /** Sent again after a double tap or a retry: the first record is answered, nothing is added. */
  idempotencyKey: uuid.optional(),
};

/** A follow-up needs a date, on or after the record's own date. */
function checkFollowUp(
  body: { followUpNeeded?: boolean; followUpOn?: string | null; occurredOn?: string },
  ctx: z.RefinementCtx,
) {
  if (body.followUpNeeded && !body.followUpOn)
    ctx.addIssue({ code: 'custom', path: ['followUpOn'], message: 'follow_up_date_required' });
  if (body.followUpOn && body.occurredOn && body.followUpOn < body.occurredOn)
    ctx.addIssue({ code: 'custom', path: ['followUpOn'], message: 'follow_up_before_record' });
}

const createMember = <K extends CareRecordKind>(kind: K) =>
  z.strictObject({ ...createFields, kind: z.literal(kind), details: careRecordDetailSchemas[kind] });

export const careRecordCreateBody = z
  .discriminatedUnion('kind', [
    createMember('talk'),
    createMember('home_visit'),
    createMember('parent_contact'),
    createMember('guardian_contact'),
    createMember('family_call'),
    createMember('tutoring'),
    createMember('life_care'),
    createMember('growth_diary'),
  ])
  .superRefine(checkFollowUp);
export type CareRecordCreateBody = z.infer<typeof careRecordCreateBody>;

const updateFields = z.strictObject(commonFields).partial().shape;
const updateMember = <K extends CareRecordKind>(kind: K) =>
  z.strictObject({
    version: version.optional(),
    kind: z.literal(kind),
    ...updateFields,
    details: careRecordDetailSchemas[kind].optional(),
  });

/** An edit names the record's kind (it cannot change) and sends only what changes. */
export const careRecordUpdateBody = z
  .discriminatedUnion('kind', [
    updateMember('talk'),
    updateMember('home_visit'),
    updateMember('parent_contact'),
    updateMember('guardian_contact'),
    updateMember('family_call'),
    updateMember('tutoring'),
    updateMember('life_care'),
    updateMember('growth_diary'),
  ])
  .superRefine(checkFollowUp);
export type CareRecordUpdateBody = z.infer<typeof careRecordUpdateBody>;

export const careRecordVersionBody = z.strictObject({ version: version.optional() });

// ── Batch entry ───────────────────────────────────────────────────────────────────────────────

const batchChildFields = {
  childId: uuid,
  summary: text(4000).optional(),
  problems: optionalText(2000),
  followUpNeeded: z.boolean().optional(),
  followUpOn: isoDate.nullish(),
};

/** 亲情电话课: one call recorded for each child present, in one action. */
export const familyCallBatchBody = z.strictObject({
  kind: z.literal('family_call'),
  classId: uuid,
  occurredOn: pastDate,
  summary: text(4000).default('亲情电话课：给在外的父母打电话'),
  /** Minutes per call unless a child's entry says otherwise. */
  callMinutes: z.number().int().min(1).max(240),
  durationMinutes: z.number().int().min(1).max(600).nullish(),
  children: z
    .array(z.strictObject({ ...batchChildFields, callMinutes: z.number().int().min(1).max(240).optional() }))
    .min(1)
    .max(200),
  idempotencyKey: uuid.optional(),
});

/** 谈心记录卡 for several children of one class in a row. */
export const talkBatchBody = z.strictObject({
  kind: z.literal('talk'),
  classId: uuid,
  occurredOn: pastDate,
  channel: z.enum(careChannels).nullish(),
  durationMinutes: z.number().int().min(1).max(600).nullish(),
  children: z
    .array(
      z.strictObject({
        ...batchChildFields,
        summary: text(4000),
        occurredOn: pastDate.optional(),
        topic: singleLine(100),
        mood: z.number().int().min(1).max(5),
        durationMinutes: z.number().int().min(1).max(600).nullish(),
      }),
    )
    .min(1)
    .max(200),
  idempotencyKey: uuid.optional(),
});

export const careRecordBatchBody = z.discriminatedUnion('kind', [familyCallBatchBody, talkBatchBody]);
export type CareRecordBatchBody = z.infer<typeof careRecordBatchBody>;

// ── Views and queries ─────────────────────────────────────────────────────────────────────────

export const careRecordView = z.object({
  id: z.string(),
  kind: z.enum(careRecordKinds),
  child: z.object({ id: z.string(), name: z.string() }),
  author: z.object({ id: z.string(), displayName: z.string() }),
  occurredOn: z.string(),
  durationMinutes: z.number().nullable(),
  channel: z.enum(careChannels).nullable(),
  summary: z.string(),
  problems: z.string().nullable(),
  followUpNeeded: z.boolean(),
  followUpOn: z.string().nullable(),
  followUpDoneOn: z.string().nullable(),
  followUpOf: z.string().nullable(),
  attachmentIds: z.array(z.string()),
  /** The kind's details (see `careRecordDetailSchemas`). */
  details: z.record(z.string(), z.unknown()),
  flags: z.array(z.enum(careRecordFlags)),
  batchId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Until when the author may still edit it (after that, a school administrator only). */
  editableUntil: z.string(),
  version: z.number(),
  abilities,
});
export type CareRecordView = z.infer<typeof careRecordView>;

export const careRecordBatchResponse = z.object({ batchId: z.string(), items: z.array(careRecordView) });

export const careRecordListQuery = pageQuery
  .extend({
    childId: uuid.optional(),
    classId: uuid.optional(),
    schoolId: uuid.optional(),
    kind: z.enum(careRecordKinds).optional(),
    /** Only records the caller wrote. */
    mine: z.enum(['true', 'false']).optional(),
    /** Only records with a follow-up still open. */
    followUpOpen: z.enum(['true', 'false']).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'end_before_start', path: ['to'] });
export type CareRecordListQuery = z.infer<typeof careRecordListQuery>;

/** The child page's timeline: newest first, keyset-paged (`nextCursor` into `cursor`). */
export const timelineQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  kind: z.enum(careRecordKinds).optional(),
});
export const timelineResponse = z.object({ items: z.array(careRecordView), nextCursor: z.string().nullable() });
