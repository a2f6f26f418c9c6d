import { z } from 'zod';
import { completenessFields } from '../completeness';
import {
  aidMeasures,
  boardingStatuses,
  careLevels,
  childCategories,
  disabilityCategories,
  disabilityGrades,
  enrollmentStatuses,
  guardianshipTypes,
  healthStatuses,
  housingConditions,
  hukouTypes,
  incomeSources,
  schoolingStatuses,
  sexes,
} from '../enums/children';
import { ethnicities } from '../enums/ethnicities';
import { parseIdNumber } from '../id-number';
import { childBirthDate, distinctList, idNumberField, pastDate, phoneField } from './archive-fields';
import { guardianView, parentView } from './child-family';
import { abilities, multiLine, pageQuery, searchText, singleLine, uuid, version } from './common';

const note = multiLine(2000).nullish();
const address = singleLine(200).nullish();

// ── Child ─────────────────────────────────────────────────────────────────────────────────────

/** The editable fields of a child's archive (all optional but the name: an archive grows). */
const childFields = {
  name: singleLine(40),
  sex: z.enum(sexes).nullish(),
  birthDate: childBirthDate.nullish(),
  ethnicity: z.enum(ethnicities).nullish(),
  idNumber: idNumberField.nullish(),
  schoolId: uuid.nullish(),
  classId: uuid.nullish(),
  /** Home village or community (村/社区). */
  villageId: uuid.nullish(),
  grade: z.number().int().min(0).max(12).nullish(),
  hukouRegistered: z.boolean().nullish(),
  hukouType: z.enum(hukouTypes).nullish(),
  hukouLocation: address,
  currentAddress: address,
  health: z.enum(healthStatuses).nullish(),
  disabilityCategory: z.enum(disabilityCategories).nullish(),
  disabilityGrade: z.enum(disabilityGrades).nullish(),
  illnessType: singleLine(100).nullish(),
  schooling: z.enum(schoolingStatuses).nullish(),
  boarding: z.enum(boardingStatuses).nullish(),
  guardianshipType: z.enum(guardianshipTypes).nullish(),
  incomeSources: distinctList(z.enum(incomeSources), incomeSources.length),
  aidMeasures: distinctList(z.enum(aidMeasures), aidMeasures.length).refine(
    (list) => !list.includes('none') || list.length === 1,
    { message: 'aid_none_exclusive' },
  ),
  housing: z.enum(housingConditions).nullish(),
  familyNote: note,
  careLevel: z.enum(careLevels),
  personality: note,
  interests: note,
  study: note,
  thinking: note,
  psychology: note,
  character: note,
  healthNote: note,
  villageContactName: singleLine(40).nullish(),
  villageContactPhone: phoneField.nullish(),
  photoAttachmentId: uuid.nullish(),
  note,
};

export const childCategoryInput = z.strictObject({ category: z.enum(childCategories), startDate: pastDate });

export interface ChildConsistencyInput {
  idNumber?: string | null;
  birthDate?: string | null;
  sex?: string | null;
  schoolId?: string | null;
  classId?: string | null;
  villageId?: string | null;
}

/** The ID number must agree with the birth date and sex entered beside it. */
export function childIdentityIssues(child: ChildConsistencyInput): { field: string; key: string }[] {
  const issues: { field: string; key: string }[] = [];
  const info = child.idNumber ? parseIdNumber(child.idNumber) : undefined;
  if (info?.valid && child.birthDate && child.birthDate !== info.birthDate)
    issues.push({ field: 'birthDate', key: 'id_number_birth_mismatch' });
  if (info?.valid && child.sex && child.sex !== info.sex) issues.push({ field: 'sex', key: 'id_number_sex_mismatch' });
  return issues;
}

/** Rules across fields, for the create form and for the merged record of an update. */
export function childConsistencyIssues(child: ChildConsistencyInput): { field: string; key: string }[] {
  const issues = childIdentityIssues(child);
  if (child.classId && !child.schoolId) issues.push({ field: 'classId', key: 'class_requires_school' });
  if (!child.schoolId && !child.villageId) issues.push({ field: 'schoolId', key: 'school_or_village_required' });
  return issues;
}

const consistent = (value: ChildConsistencyInput, ctx: z.RefinementCtx) => {
  for (const issue of childConsistencyIssues(value))
    ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.key });
};

export const childCreateBody = z
  .strictObject({
    ...childFields,
    incomeSources: childFields.incomeSources.default([]),
    aidMeasures: childFields.aidMeasures.default([]),
    careLevel: childFields.careLevel.default('general'),
    categories: z
      .array(childCategoryInput)
      .max(childCategories.length)
      .refine((list) => new Set(list.map((c) => c.category)).size === list.length, { message: 'duplicate_values' })
      .default([]),
    /** The first entry of the enrollment history, when the child is at a school. */
    enrollmentStatus: z.enum(enrollmentStatuses).nullish(),
    enrollmentDate: pastDate.nullish(),
    /** Set after the user has seen DUPLICATE_SUSPECTED candidates and confirmed a new child. */
    confirmDuplicate: z.boolean().optional(),
  })
  .superRefine(consistent);
export type ChildCreateBody = z.infer<typeof childCreateBody>;

/** A partial update; `null` clears a field. Cross-field rules are checked on the merged record. */
export const childUpdateBody = z
  .strictObject({ version: version.optional() })
  .extend(z.strictObject(childFields).partial().shape);
export type ChildUpdateBody = z.infer<typeof childUpdateBody>;

export const childVersionBody = z.strictObject({ version: version.optional() });

export const childCategoryStartBody = z.strictObject({
  category: z.enum(childCategories),
  startDate: pastDate,
  note: multiLine(500).nullish(),
});

export const childCategoryEndBody = z.strictObject({ endDate: pastDate, note: multiLine(500).nullish() });

export const childEnrollmentBody = z
  .strictObject({
    status: z.enum(enrollmentStatuses),
    date: pastDate,
    /** Where a transferred child went (school name or place). */
    destination: singleLine(100).nullish(),
    note: multiLine(500).nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.status === 'transferred_out' && !value.destination)
      ctx.addIssue({ code: 'custom', path: ['destination'], message: 'transfer_destination_required' });
  });

const flag = z.enum(['true', 'false']).optional();

export const childListQuery = pageQuery.extend({
  /** Name (any part), pinyin initials (`zyh`) or full pinyin prefix, last 4 ID digits, or a full ID number. */
  q: searchText(40).optional(),
  schoolId: uuid.optional(),
  classId: uuid.optional(),
  villageId: uuid.optional(),
  /** One category or several separated by commas; a child matches when one is in force. */
  category: z
    .string()
    .max(400)
    .refine((s) => s.split(',').every((c) => (childCategories as readonly string[]).includes(c)), {
      message: 'unknown_category',
    })
    .optional(),
  careLevel: z.enum(careLevels).optional(),
  enrollmentStatus: z.enum(enrollmentStatuses).optional(),
  /** Only archives missing a required field. */
  incomplete: flag,
  /** Only children with a parent marked unreachable or missing (失联). */
  parentUnreachable: flag,
  /** Only children without a signed entrusted-guardianship confirmation. */
  noEntrustment: flag,
  /** The recycle bin: deleted archives (for restore). */
  deleted: flag,
  sort: z.enum(['name', 'recent']).default('name'),
});
export type ChildListQuery = z.infer<typeof childListQuery>;

// ── Views ─────────────────────────────────────────────────────────────────────────────────────

const orgRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const childListItem = z.object({
  id: z.string(),
  name: z.string(),
  namePinyin: z.string(),
  sex: z.enum(sexes).nullable(),
  birthDate: z.string().nullable(),
  age: z.number().nullable(),
  ethnicity: z.enum(ethnicities).nullable(),
  /** `110***********1234`; the full number only through /api/children/:id/id-number. */
  idNumberMasked: z.string().nullable(),
  school: orgRef,
  class: orgRef,
  village: orgRef,
  grade: z.number().nullable(),
  categories: z.array(z.enum(childCategories)),
  careLevel: z.enum(careLevels),
  enrollmentStatus: z.enum(enrollmentStatuses).nullable(),
  archiveComplete: z.boolean(),
  missingCount: z.number(),
  parentUnreachable: z.boolean(),
  hasEntrustment: z.boolean(),
  version: z.number(),
  deletedAt: z.string().nullable(),
  abilities,
});
export type ChildListItem = z.infer<typeof childListItem>;

export const childCategoryView = z.object({
  id: z.string(),
  category: z.enum(childCategories),
  startDate: z.string(),
  endDate: z.string().nullable(),
  note: z.string().nullable(),
});

export const childEnrollmentView = z.object({
  id: z.string(),
  status: z.enum(enrollmentStatuses),
  date: z.string(),
  destination: z.string().nullable(),
  note: z.string().nullable(),
});

export const completenessView = z.object({ complete: z.boolean(), missing: z.array(z.enum(completenessFields)) });

/** A duplicate candidate; outside the caller's scope only what lets two units find each other. */
export const duplicateCandidate = z.object({
  id: z.string().nullable(),
  name: z.string(),
  birthDate: z.string().nullable(),
  schoolName: z.string().nullable(),
  villageName: z.string().nullable(),
  reason: z.enum(['same_id_number', 'same_name_and_birth_date', 'similar_name_same_school']),
  visible: z.boolean(),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;

export const idNumberView = z.object({ idNumber: z.string().nullable() });

/** The child page: the archive, its history, family, guardians, completeness and abilities. */
export const childView = childListItem.extend({
  hukouRegistered: z.boolean().nullable(),
  hukouType: z.enum(hukouTypes).nullable(),
  hukouLocation: z.string().nullable(),
  currentAddress: z.string().nullable(),
  health: z.enum(healthStatuses).nullable(),
  disabilityCategory: z.enum(disabilityCategories).nullable(),
  disabilityGrade: z.enum(disabilityGrades).nullable(),
  illnessType: z.string().nullable(),
  schooling: z.enum(schoolingStatuses).nullable(),
  boarding: z.enum(boardingStatuses).nullable(),
  guardianshipType: z.enum(guardianshipTypes).nullable(),
  incomeSources: z.array(z.enum(incomeSources)),
  aidMeasures: z.array(z.enum(aidMeasures)),
  housing: z.enum(housingConditions).nullable(),
  familyNote: z.string().nullable(),
  personality: z.string().nullable(),
  interests: z.string().nullable(),
  study: z.string().nullable(),
  thinking: z.string().nullable(),
  psychology: z.string().nullable(),
  character: z.string().nullable(),
  healthNote: z.string().nullable(),
  villageContactName: z.string().nullable(),
  villageContactPhone: z.string().nullable(),
  photoAttachmentId: z.string().nullable(),
  note: z.string().nullable(),
  categoryHistory: z.array(childCategoryView),
  enrollmentHistory: z.array(childEnrollmentView),
  parents: z.array(parentView),
  guardians: z.array(guardianView),
  completeness: completenessView,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ChildView = z.infer<typeof childView>;
