import { z } from 'zod';
import { todayIso, yearsBetween } from '../dates';
import {
  contactFrequencies,
  guardianHealthStatuses,
  guardianRelations,
  literacyLevels,
  parentRelations,
  parentStatuses,
  returnFrequencies,
} from '../enums/children';
import { distinctList, idNumberField, pastDate, phoneField } from './archive-fields';
import { abilities, multiLine, singleLine, uuid, version } from './common';

/** The youngest plausible age of a parent at the child's birth. */
export const minParentAgeAtBirth = 14;

/** Whether a parent born on `parentBirthDate` is old enough to be the parent of the child. */
export function isPlausibleParentAge(parentBirthDate: string, childBirthDate: string): boolean {
  return yearsBetween(parentBirthDate, childBirthDate) >= minParentAgeAtBirth;
}

export const childParentParams = z.strictObject({ id: uuid, parentId: uuid });
export const childGuardianParams = z.strictObject({ id: uuid, guardianId: uuid });

// ── Parents ───────────────────────────────────────────────────────────────────────────────────

const parentFields = {
  relation: z.enum(parentRelations),
  name: singleLine(40),
  status: z.enum(parentStatuses).nullish(),
  birthDate: pastDate.nullish(),
  idNumber: idNumberField.nullish(),
  /** 务工地点 to province + city level, as the national form asks. */
  workProvince: singleLine(20).nullish(),
  workCity: singleLine(40).nullish(),
  employer: singleLine(100).nullish(),
  occupation: singleLine(40).nullish(),
  phones: distinctList(phoneField, 3),
  leftHomeOn: pastDate.nullish(),
  returnFrequency: z.enum(returnFrequencies).nullish(),
  contactFrequency: z.enum(contactFrequencies).nullish(),
  /** Cannot be reached at the numbers on file: shown as a flag on the child. */
  unreachable: z.boolean(),
  note: multiLine(1000).nullish(),
};

export const parentCreateBody = z.strictObject({
  ...parentFields,
  phones: parentFields.phones.default([]),
  unreachable: parentFields.unreachable.default(false),
});
export type ParentCreateBody = z.infer<typeof parentCreateBody>;

export const parentUpdateBody = z
  .strictObject({ version: version.optional() })
  .extend(z.strictObject(parentFields).partial().shape);
export type ParentUpdateBody = z.infer<typeof parentUpdateBody>;

export const parentView = z.object({
  id: z.string(),
  relation: z.enum(parentRelations),
  name: z.string(),
  status: z.enum(parentStatuses).nullable(),
  birthDate: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  workProvince: z.string().nullable(),
  workCity: z.string().nullable(),
  employer: z.string().nullable(),
  occupation: z.string().nullable(),
  phones: z.array(z.string()),
  leftHomeOn: z.string().nullable(),
  returnFrequency: z.enum(returnFrequencies).nullable(),
  contactFrequency: z.enum(contactFrequencies).nullable(),
  unreachable: z.boolean(),
  note: z.string().nullable(),
  version: z.number(),
  abilities,
});
export type ParentView = z.infer<typeof parentView>;

// ── Guardians ─────────────────────────────────────────────────────────────────────────────────

/** One signing (or renewal) of the 委托监护确认书. */
export const entrustmentBody = z
  .strictObject({
    signedOn: pastDate,
    validUntil: z.iso.date().nullish(),
    /** The scanned copy (attachments come with the attachment feature). */
    attachmentId: uuid.nullish(),
    note: multiLine(500).nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.validUntil && value.validUntil < value.signedOn)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'end_before_start' });
  });
export type EntrustmentBody = z.infer<typeof entrustmentBody>;

const birthYear = z
  .number()
  .int()
  .refine((y) => y >= 1900 && y <= Number(todayIso().slice(0, 4)), { message: 'birth_year_range' });

const guardianFields = {
  relation: z.enum(guardianRelations),
  name: singleLine(40),
  birthYear: birthYear.nullish(),
  health: z.enum(guardianHealthStatuses).nullish(),
  literacy: z.enum(literacyLevels).nullish(),
  phone: phoneField.nullish(),
  address: singleLine(200).nullish(),
  idNumber: idNumberField.nullish(),
  /** The guardian the child lives with; one per child. */
  isPrimary: z.boolean(),
  note: multiLine(1000).nullish(),
};

export const guardianCreateBody = z.strictObject({
  ...guardianFields,
  isPrimary: guardianFields.isPrimary.default(false),
  entrustment: entrustmentBody.optional(),
});
export type GuardianCreateBody = z.infer<typeof guardianCreateBody>;

export const guardianUpdateBody = z
  .strictObject({ version: version.optional() })
  .extend(z.strictObject(guardianFields).partial().shape);
export type GuardianUpdateBody = z.infer<typeof guardianUpdateBody>;

export const entrustmentView = z.object({
  id: z.string(),
  signedOn: z.string(),
  validUntil: z.string().nullable(),
  attachmentId: z.string().nullable(),
  note: z.string().nullable(),
});

export const guardianView = z.object({
  id: z.string(),
  relation: z.enum(guardianRelations),
  name: z.string(),
  birthYear: z.number().nullable(),
  age: z.number().nullable(),
  health: z.enum(guardianHealthStatuses).nullable(),
  literacy: z.enum(literacyLevels).nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  isPrimary: z.boolean(),
  note: z.string().nullable(),
  /** The confirmation in force (latest signing), and every signing before it, newest first. */
  entrustment: entrustmentView.nullable(),
  entrustmentHistory: z.array(entrustmentView),
  version: z.number(),
  abilities,
});
export type GuardianView = z.infer<typeof guardianView>;
