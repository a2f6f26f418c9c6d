import { z } from 'zod';
import { letterChannels, letterKinds } from '../letters/letter-codes';
import { abilities, isoDate, multiLine, singleLine, uuid, version } from './common';

/** 致家长的一封信: templates per school, generated letters, and which families have had theirs. */

export const letterKind = z.enum(letterKinds);
export const letterChannel = z.enum(letterChannels);

const templateText = {
  name: singleLine(60),
  title: singleLine(80),
  body: multiLine(8000).refine((s) => s.trim().length > 0, { message: 'letter_body_empty' }),
  signature: multiLine(400),
};

export const letterTemplateListQuery = z.strictObject({ schoolId: uuid });

/** A school's own letter (term start and end letters exist already and are edited, not added). */
export const letterTemplateCreateBody = z.strictObject({ schoolId: uuid, ...templateText });
export type LetterTemplateCreateBody = z.infer<typeof letterTemplateCreateBody>;

export const letterTemplateUpdateBody = z.strictObject({
  name: templateText.name.optional(),
  title: templateText.title.optional(),
  body: templateText.body.optional(),
  signature: templateText.signature.optional(),
  version: version.optional(),
});
export type LetterTemplateUpdateBody = z.infer<typeof letterTemplateUpdateBody>;

export const letterTemplateVersionBody = z.strictObject({ version: version.optional() });

export const letterTemplateView = z.object({
  id: uuid,
  schoolId: uuid,
  kind: letterKind,
  name: z.string(),
  title: z.string(),
  body: z.string(),
  signature: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  abilities,
});
export type LetterTemplateView = z.infer<typeof letterTemplateView>;

export const letterTemplateListResponse = z.object({ items: z.array(letterTemplateView) });

/** The letters of a class or a whole school, for one term (default: the current one). */
export const letterGenerateQuery = z.strictObject({ orgId: uuid, termId: uuid.optional() });

export const letterTermView = z.object({
  id: uuid,
  schoolYear: z.string(),
  termNo: z.number().int(),
  startDate: isoDate,
  endDate: isoDate,
  name: z.string(),
});
export type LetterTermView = z.infer<typeof letterTermView>;

export const letterRosterQuery = z.strictObject({
  classId: uuid,
  termId: uuid.optional(),
  kind: letterKind.default('term_start'),
});
export type LetterRosterQuery = z.infer<typeof letterRosterQuery>;

export const letterDeliveryView = z.object({
  id: uuid,
  channel: letterChannel,
  sentOn: isoDate,
  sentBy: z.string(),
  version: z.number().int(),
});
export type LetterDeliveryView = z.infer<typeof letterDeliveryView>;

export const letterRosterResponse = z.object({
  term: letterTermView,
  terms: z.array(letterTermView),
  kind: letterKind,
  schoolId: uuid,
  items: z.array(
    z.object({
      child: z.object({ id: uuid, name: z.string() }),
      delivery: letterDeliveryView.nullable(),
      abilities,
    }),
  ),
});
export type LetterRosterResponse = z.infer<typeof letterRosterResponse>;

/** Marks the letters of these children sent (all or none). */
export const letterDeliveryCreateBody = z.strictObject({
  termId: uuid,
  letterKind,
  channel: letterChannel,
  sentOn: isoDate,
  childIds: z.array(uuid).min(1).max(200),
});
export type LetterDeliveryCreateBody = z.infer<typeof letterDeliveryCreateBody>;

export const letterDeliveryCreateResponse = z.object({ items: z.array(letterDeliveryView.extend({ childId: uuid })) });

export const letterDeliveryVersionBody = z.strictObject({ version: version.optional() });
