import { z } from 'zod';
import { abilities, isoDate, uuid, version } from './common';

/** 学年, e.g. 2026-2027. */
export const schoolYear = z.string().regex(/^\d{4}-\d{4}$/, { message: 'school_year_format' });

const termDates = {
  startDate: isoDate,
  midDate: isoDate,
  endDate: isoDate,
};

/** A county's term, or a school's override of it (orgId = the school). */
export const termCreateBody = z.strictObject({
  orgId: uuid,
  schoolYear,
  termNo: z.union([z.literal(1), z.literal(2)]),
  ...termDates,
});

export const termUpdateBody = z.strictObject({
  version: version.optional(),
  startDate: isoDate.optional(),
  midDate: isoDate.optional(),
  endDate: isoDate.optional(),
});

export const termView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  orgKind: z.string(),
  schoolYear: z.string(),
  termNo: z.number(),
  startDate: z.string(),
  midDate: z.string(),
  endDate: z.string(),
  version: z.number(),
  abilities,
});
export type TermView = z.infer<typeof termView>;

export const termListQuery = z.object({ orgId: uuid.optional() });
