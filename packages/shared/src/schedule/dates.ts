/** Day arithmetic on `YYYY-MM-DD` strings (UTC calendar days: no time zone, no daylight saving). */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export const addDays = (date: string, days: number): string => fromDayNumber(dayNumber(date) + days);

/** `to - from` in days. */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

export const minDate = (a: string, b: string): string => (a < b ? a : b);
export const maxDate = (a: string, b: string): string => (a > b ? a : b);

/** The Monday of the ISO week holding `date`. */
export function isoWeekStart(date: string): string {
  const day = dayNumber(date);
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  const sinceMonday = (((day + 3) % 7) + 7) % 7;
  return fromDayNumber(day - sinceMonday);
}

/** `2026-W36`: the ISO year and week number of the week holding `date`. */
export function isoWeekKey(date: string): string {
  const thursday = addDays(isoWeekStart(date), 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;

export function monthEnd(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return fromDayNumber(Date.UTC(y, m, 1) / DAY_MS - 1);
}
