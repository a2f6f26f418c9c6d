import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoWeekKey, isoWeekStart, monthEnd } from './dates';
import { periodContaining, periodsOf, termWindowPeriods } from './periods';

const term = { startDate: '2026-09-01', midDate: '2026-11-09', endDate: '2027-01-22' };

describe('schedule dates', () => {
  it('finds the Monday and the ISO week of a date', () => {
    expect(isoWeekStart('2026-09-01')).toBe('2026-08-31');
    expect(isoWeekStart('2026-08-31')).toBe('2026-08-31');
    expect(isoWeekStart('2026-09-06')).toBe('2026-08-31');
    expect(isoWeekKey('2026-01-01')).toBe('2026-W01');
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53');
    expect(isoWeekKey('2026-09-01')).toBe('2026-W36');
  });

  it('does month ends and day counts across leap years', () => {
    expect(monthEnd('2028-02-10')).toBe('2028-02-29');
    expect(monthEnd('2027-02-10')).toBe('2027-02-28');
    expect(monthEnd('2026-12-31')).toBe('2026-12-31');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-09-01', '2027-01-22')).toBe(143);
  });
});

describe('periods', () => {
  it('cuts ISO weeks (Monday start) to the term', () => {
    const weeks = periodsOf('weekly', 14, term);
    expect(weeks[0]).toEqual({ key: 'W2026-W36', start: '2026-09-01', end: '2026-09-06', window: null });
    expect(weeks[1]).toMatchObject({ start: '2026-09-07', end: '2026-09-13' });
    expect(weeks.at(-1)).toMatchObject({ start: '2027-01-18', end: '2027-01-22' });
    expect(weeks).toHaveLength(21);
  });

  it('cuts calendar months to the term', () => {
    const months = periodsOf('monthly', 14, term);
    expect(months.map((m) => m.key)).toEqual(['M2026-09', 'M2026-10', 'M2026-11', 'M2026-12', 'M2027-01']);
    expect(months[0]).toMatchObject({ start: '2026-09-01', end: '2026-09-30' });
    expect(months.at(-1)).toMatchObject({ start: '2027-01-01', end: '2027-01-22' });
  });

  it('puts the three windows at the start, around the middle and at the end of the term', () => {
    expect(termWindowPeriods(term, 14)).toEqual([
      { key: 'start', start: '2026-09-01', end: '2026-09-14', window: 'start' },
      { key: 'middle', start: '2026-11-03', end: '2026-11-16', window: 'middle' },
      { key: 'end', start: '2027-01-09', end: '2027-01-22', window: 'end' },
    ]);
    expect(periodContaining(termWindowPeriods(term, 14), '2026-10-01')).toBeUndefined();
    expect(periodContaining(termWindowPeriods(term, 14), '2026-11-16')?.key).toBe('middle');
  });

  it('keeps windows apart and inside a short term', () => {
    const short = { startDate: '2026-09-01', midDate: '2026-09-05', endDate: '2026-09-10' };
    const windows = termWindowPeriods(short, 7);
    expect(windows.map((w) => [w.key, w.start, w.end])).toEqual([
      ['start', '2026-09-01', '2026-09-07'],
      ['middle', '2026-09-08', '2026-09-08'],
      ['end', '2026-09-09', '2026-09-10'],
    ]);
    const tiny = { startDate: '2026-09-01', midDate: '2026-09-02', endDate: '2026-09-03' };
    expect(termWindowPeriods(tiny, 30).map((w) => w.key)).toEqual(['start']);
  });
});
