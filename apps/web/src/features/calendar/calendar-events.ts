import type { CalendarResponse } from '@shouwang/shared/schemas/todos';
import dayjs, { type Dayjs } from 'dayjs';

/** One thing on a day: a birthday, a duty falling due, or a day inside a home-visit window. */
export type CalendarEvent =
  | { type: 'birthday'; date: string; childId: string; name: string; age: number; className: string | null }
  | { type: 'due'; date: string; id: string; childId: string | null; name: string; kind: string; overdue: boolean };

export type HomeVisitWindow = CalendarResponse['homeVisitWindows'][number];

/** The Monday-first weeks that show a whole month (5 or 6 rows of 7 days). */
export function monthWeeks(month: Dayjs): Dayjs[][] {
  const first = month.startOf('month');
  const start = first.subtract((first.day() + 6) % 7, 'day');
  const weeks: Dayjs[][] = [];
  for (let day = start; day.isBefore(month.endOf('month')) || weeks.length === 0; ) {
    const week: Dayjs[] = [];
    for (let i = 0; i < 7; i++, day = day.add(1, 'day')) week.push(day);
    weeks.push(week);
  }
  return weeks;
}

export const isoOf = (day: Dayjs) => day.format('YYYY-MM-DD');

/** The first and last day the month grid shows (both in the query, ≤ 42 days). */
export function gridRange(month: Dayjs): { from: string; to: string } {
  const weeks = monthWeeks(month);
  return { from: isoOf(weeks[0]![0]!), to: isoOf(weeks.at(-1)![6]!) };
}

export const windowsOn = (windows: readonly HomeVisitWindow[], date: string) =>
  windows.filter((w) => w.start <= date && date <= w.end);

export function eventsByDate(events: readonly CalendarEvent[]): Map<string, CalendarEvent[]> {
  const map = new Map<string, CalendarEvent[]>();
  for (const e of events) map.set(e.date, [...(map.get(e.date) ?? []), e]);
  return map;
}

export const today = () => dayjs().format('YYYY-MM-DD');
