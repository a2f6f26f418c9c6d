import { z } from 'zod';
import { abilities, isoDate, uuid, version } from './common';

/** 学年, e.g. 2026-2027: two consecutive years. */
export const schoolYear = z
  .string()
  .refine((s) => /^\d{4}-\d{4}$/.test(s) && Number(s.slice(5)) === Number(s.slice(0, 4)) + 1, {
    message: 'school_year_format',
  });

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

export const termVersionBody = z.strictObject({ version: version.optional() });

/** Without orgId: the terms of every county and school the caller can see. With it: that unit's effective terms. */
export const termListQuery = z.object({ orgId: uuid.optional() });

export interface TermDates {
  schoolYear: string;
  startDate: string;
  midDate: string;
  endDate: string;
}

/** The longest plausible term, from the first day to the last. */
export const maxTermMonths = 8;

/**
 * What is wrong with a term's dates, or null. Plain ISO dates compare as strings.
 * A term lies within its school year (1 July of the first year to 31 August of the second)
 * and lasts at most `maxTermMonths`; the server and the web form apply the same rule.
 */
export function termDatesProblem(t: TermDates): 'TERM_DATES_INVALID' | 'TERM_SPAN_INVALID' | null {
  if (!(t.startDate < t.midDate && t.midDate < t.endDate)) return 'TERM_DATES_INVALID';
  if (t.endDate > addMonths(t.startDate, maxTermMonths)) return 'TERM_SPAN_INVALID';
  const firstYear = Number(t.schoolYear.slice(0, 4));
  if (t.startDate < `${firstYear}-07-01` || t.endDate > `${firstYear + 1}-08-31`) return 'TERM_SPAN_INVALID';
  return null;
}

/** `date` plus `months`, the day clamped to the end of the target month (2026-08-31 + 6 → 2027-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

/** The term whose dates contain `today`, else the next one to start; null when there is neither. */
export function currentTermOf<T extends Pick<TermDates, 'startDate' | 'endDate'>>(terms: T[], today: string): T | null {
  const containing = terms.filter((t) => t.startDate <= today && today <= t.endDate);
  if (containing.length > 0) return containing.reduce((a, b) => (b.startDate > a.startDate ? b : a));
  const upcoming = terms.filter((t) => t.startDate > today);
  if (upcoming.length === 0) return null;
  return upcoming.reduce((a, b) => (b.startDate < a.startDate ? b : a));
}
