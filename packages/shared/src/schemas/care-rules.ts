import { z } from 'zod';
import { careFrequencies, careResponsibleRoles, careRuleKinds, pairingKinds } from '../enums/care';
import { careLevels, childCategories } from '../enums/children';
import { maxWindowDays } from '../schedule/periods';
import { distinctList } from './archive-fields';
import { abilities, multiLine, uuid, version } from './common';
import { pairingLoad } from './pairings';

/** 关爱规范: per school, what record is owed how often, by whom, for which children. */

const ruleFields = {
  kind: z.enum(careRuleKinds),
  frequency: z.enum(careFrequencies),
  /** Length of each 期初/期中/期末 window in days (term_windows and term_start_end only). */
  windowDays: z.number().int().min(1).max(maxWindowDays),
  /** Children in any of these categories; empty: every child of the school. */
  categories: distinctList(z.enum(childCategories), childCategories.length),
  /** Children at any of these care levels; empty: every level. */
  careLevels: distinctList(z.enum(careLevels), careLevels.length),
  /** Exactly one of the two: a role over the child (班主任 …) or the child's helper of a pairing kind. */
  responsibleRole: z.enum(careResponsibleRoles).nullable(),
  responsiblePairingKind: z.enum(pairingKinds).nullable(),
  active: z.boolean(),
  note: multiLine(500).nullish(),
};

function checkResponsible(
  body: { responsibleRole?: string | null; responsiblePairingKind?: string | null },
  ctx: z.RefinementCtx,
) {
  const role = body.responsibleRole ?? null;
  const kind = body.responsiblePairingKind ?? null;
  if ((role === null) === (kind === null))
    ctx.addIssue({ code: 'custom', path: ['responsibleRole'], message: 'responsible_exactly_one' });
  if (kind === 'buddy_student')
    ctx.addIssue({ code: 'custom', path: ['responsiblePairingKind'], message: 'buddy_not_responsible' });
}

export const careRuleCreateBody = z
  .strictObject({
    schoolId: uuid,
    ...ruleFields,
    windowDays: ruleFields.windowDays.default(14),
    categories: ruleFields.categories.default([]),
    careLevels: ruleFields.careLevels.default([]),
    responsibleRole: ruleFields.responsibleRole.default(null),
    responsiblePairingKind: ruleFields.responsiblePairingKind.default(null),
    active: ruleFields.active.default(true),
  })
  .superRefine(checkResponsible);
export type CareRuleCreateBody = z.infer<typeof careRuleCreateBody>;

/** Changing who is responsible sends both fields (one of them null). */
export const careRuleUpdateBody = z
  .strictObject({ version: version.optional(), ...ruleFields })
  .partial()
  .superRefine((body, ctx) => {
    if (body.responsibleRole !== undefined || body.responsiblePairingKind !== undefined) checkResponsible(body, ctx);
  });
export type CareRuleUpdateBody = z.infer<typeof careRuleUpdateBody>;

export const careRuleVersionBody = z.strictObject({ version: version.optional() });

export const careRuleListQuery = z.object({ schoolId: uuid });

export const careRuleView = z.object({
  id: z.string(),
  schoolId: z.string(),
  kind: z.enum(careRuleKinds),
  frequency: z.enum(careFrequencies),
  windowDays: z.number(),
  categories: z.array(z.enum(childCategories)),
  careLevels: z.array(z.enum(careLevels)),
  responsibleRole: z.enum(careResponsibleRoles).nullable(),
  responsiblePairingKind: z.enum(pairingKinds).nullable(),
  active: z.boolean(),
  note: z.string().nullable(),
  version: z.number(),
  abilities,
});
export type CareRuleView = z.infer<typeof careRuleView>;

// ── Per-school settings ───────────────────────────────────────────────────────────────────────

export const careSettingsParams = z.strictObject({ schoolId: uuid });

export const careSettingsUpdateBody = z
  .strictObject({
    version: version.optional(),
    /** Children one helper may take, per pairing kind. */
    pairingCapacity: z.strictObject(
      Object.fromEntries(pairingKinds.map((k) => [k, z.number().int().min(1).max(50).optional()])) as {
        [K in (typeof pairingKinds)[number]]: z.ZodOptional<z.ZodNumber>;
      },
    ),
    /** Days during which the author may edit a care record. */
    recordEditDays: z.number().int().min(0).max(365),
  })
  .partial();
export type CareSettingsUpdateBody = z.infer<typeof careSettingsUpdateBody>;

export const careSettingsView = z.object({
  schoolId: z.string(),
  pairingCapacity: pairingLoad,
  recordEditDays: z.number(),
  version: z.number(),
  abilities,
});
export type CareSettingsView = z.infer<typeof careSettingsView>;
