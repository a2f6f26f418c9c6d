import type { CalendarResponse } from '@shouwang/shared/schemas/todos';
import dayjs, { type Dayjs } from 'dayjs';

/** One thing on a day: a birthday, or the duties of one kind falling due that day (one per child). */
export type CalendarEvent =
  | { type: 'birthday'; date: string; childId: string; name: string; age: number; className: string | null }
  | { type: 'due'; date: string; id: string; names: string[]; kind: string; overdue: boolean };

/** A to-do item on the calendar, before the items of one day and kind are put together. */
export interface DueItem {
  date: string;
  name: string;
  kind: string;
  overdue: boolean;
}

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

/**
 * Birthdays one by one; duties of one kind due on one day as one entry naming the children, so a
 * class of forty stays one line per duty.
 */
export function eventsByDate(
  birthdays: readonly CalendarEvent[],
  dues: readonly DueItem[],
): Map<string, CalendarEvent[]> {
  const map = new Map<string, CalendarEvent[]>();
  const add = (e: CalendarEvent) => map.set(e.date, [...(map.get(e.date) ?? []), e]);
  for (const b of birthdays) add(b);
  const groups = new Map<string, CalendarEvent & { type: 'due' }>();
  for (const d of dues) {
    const id = `${d.date}|${d.kind}|${d.overdue}`;
    const group = groups.get(id);
    if (group) {
      if (!group.names.includes(d.name)) group.names.push(d.name);
    } else
      groups.set(id, {
        type: 'due',
        date: d.date,
        id,
        names: d.name ? [d.name] : [],
        kind: d.kind,
        overdue: d.overdue,
      });
  }
  for (const g of groups.values()) add(g);
  return map;
}

export const today = () => dayjs().format('YYYY-MM-DD');
