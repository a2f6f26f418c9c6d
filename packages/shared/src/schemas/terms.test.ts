import { describe, expect, it } from 'vitest';
import { addMonths, currentTermOf, schoolYear, termDatesProblem } from './terms';

describe('schoolYear', () => {
  it('accepts two consecutive years only', () => {
    expect(schoolYear.safeParse('2026-2027').success).toBe(true);
    for (const bad of ['2026-2028', '2027-2026', '2026/2027', '26-27', '2026-20271']) {
      expect(schoolYear.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('addMonths', () => {
  it('clamps the day to the end of the target month', () => {
    expect(addMonths('2026-09-01', 8)).toBe('2027-05-01');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});

describe('termDatesProblem', () => {
  const ok = { schoolYear: '2026-2027', startDate: '2026-09-01', midDate: '2026-11-09', endDate: '2027-01-22' };
  it('accepts an ordinary autumn and spring term', () => {
    expect(termDatesProblem(ok)).toBeNull();
    expect(
      termDatesProblem({ ...ok, startDate: '2027-02-24', midDate: '2027-04-27', endDate: '2027-07-02' }),
    ).toBeNull();
  });
  it('requires start < mid < end', () => {
    expect(termDatesProblem({ ...ok, midDate: ok.startDate })).toBe('TERM_DATES_INVALID');
    expect(termDatesProblem({ ...ok, midDate: ok.endDate })).toBe('TERM_DATES_INVALID');
  });
  it('allows at most 8 months, inside the school year', () => {
    expect(termDatesProblem({ ...ok, endDate: '2027-05-01' })).toBeNull();
    expect(termDatesProblem({ ...ok, endDate: '2027-05-02' })).toBe('TERM_SPAN_INVALID');
    expect(termDatesProblem({ ...ok, schoolYear: '2025-2026' })).toBe('TERM_SPAN_INVALID');
    expect(termDatesProblem({ ...ok, startDate: '2026-06-30' })).toBe('TERM_SPAN_INVALID');
    const lateSpring = {
      schoolYear: '2026-2027',
      startDate: '2027-03-01',
      midDate: '2027-06-01',
      endDate: '2027-09-01',
    };
    expect(termDatesProblem(lateSpring)).toBe('TERM_SPAN_INVALID');
  });
});

describe('currentTermOf', () => {
  const autumn = { id: 'a', startDate: '2026-09-01', endDate: '2027-01-22' };
  const spring = { id: 's', startDate: '2027-02-24', endDate: '2027-07-02' };
  it('picks the term containing today, both ends included', () => {
    expect(currentTermOf([spring, autumn], '2026-09-01')?.id).toBe('a');
    expect(currentTermOf([spring, autumn], '2027-07-02')?.id).toBe('s');
  });
  it('falls back to the next term to start, else null', () => {
    expect(currentTermOf([spring, autumn], '2027-02-01')?.id).toBe('s');
    expect(currentTermOf([spring, autumn], '2026-08-01')?.id).toBe('a');
    expect(currentTermOf([spring, autumn], '2027-07-03')).toBeNull();
    expect(currentTermOf([], '2027-07-03')).toBeNull();
  });
});
