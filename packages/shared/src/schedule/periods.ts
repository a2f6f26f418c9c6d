import type { CareFrequency, TermWindow } from '../enums/care';
import { addDays, isoWeekKey, isoWeekStart, maxDate, minDate, monthEnd, monthStart } from './dates';
import type { Period, TermSpan } from './types';

/** How long each of the three home-visit windows lasts unless a rule says otherwise. */
export const defaultWindowDays = 14;
export const maxWindowDays = 60;

/** ISO weeks (Monday to Sunday) clipped to the term. */
function weeks(term: TermSpan): Period[] {
  const periods: Period[] = [];
  for (let monday = isoWeekStart(term.startDate); monday <= term.endDate; monday = addDays(monday, 7)) {
    periods.push({
      key: `W${isoWeekKey(monday)}`,
      start: maxDate(monday, term.startDate),
      end: minDate(addDays(monday, 6), term.endDate),
      window: null,
    });
  }
  return periods;
}

/** Calendar months clipped to the term. */
function months(term: TermSpan): Period[] {
  const periods: Period[] = [];
  for (let first = monthStart(term.startDate); first <= term.endDate; first = addDays(monthEnd(first), 1)) {
    periods.push({
      key: `M${first.slice(0, 7)}`,
      start: maxDate(first, term.startDate),
      end: minDate(monthEnd(first), term.endDate),
      window: null,
    });
  }
  return periods;
}

/**
 * 期初、期中、期末: `windowDays` days from the term's first day, centred on its middle date, and up
 * to its last day. Windows stay inside the term and never overlap (a later one starts after the
 * earlier one ends), so one record satisfies one window at most; a window squeezed to nothing
 * by a short term is left out.
 */
export function termWindowPeriods(term: TermSpan, windowDays: number): Period[] {
  const days = Math.max(1, Math.floor(windowDays));
  const before = Math.floor((days - 1) / 2);
  const raw: [TermWindow, string, string][] = [
    ['start', term.startDate, addDays(term.startDate, days - 1)],
    ['middle', addDays(term.midDate, -before), addDays(term.midDate, days - 1 - before)],
    ['end', addDays(term.endDate, -(days - 1)), term.endDate],
  ];
  const periods: Period[] = [];
  let previousEnd: string | null = null;
  for (const [window, rawStart, rawEnd] of raw) {
    let start = maxDate(rawStart, term.startDate);
    if (previousEnd !== null) start = maxDate(start, addDays(previousEnd, 1));
    const end = minDate(rawEnd, term.endDate);
    if (start > end) continue;
    periods.push({ key: window, start, end, window });
    previousEnd = end;
  }
  return periods;
}

/** The periods of a term a rule of this frequency asks for a record in, in date order. */
export function periodsOf(frequency: CareFrequency, windowDays: number, term: TermSpan): Period[] {
  switch (frequency) {
    case 'weekly':
      return weeks(term);
    case 'monthly':
      return months(term);
    case 'term_windows':
      return termWindowPeriods(term, windowDays);
    case 'term_start_end':
      return termWindowPeriods(term, windowDays).filter((p) => p.window !== 'middle');
    case 'termly':
      return [{ key: 'term', start: term.startDate, end: term.endDate, window: null }];
  }
}

/** The period holding `date`, if any. */
export function periodContaining(periods: readonly Period[], date: string): Period | undefined {
  return periods.find((p) => p.start <= date && date <= p.end);
}
