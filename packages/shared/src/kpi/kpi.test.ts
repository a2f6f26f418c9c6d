import { describe, expect, it } from 'vitest';
import {
  type ChildKpiFacts,
  computeKpis,
  enrollmentOn,
  isRetainedStatus,
  isSchoolAge,
  kpiAsOf,
  kpiMembership,
  kpiRate,
  kpiStanding,
} from './kpi';

const term = { startDate: '2025-09-01', endDate: '2026-01-20' };
const asOf = term.endDate;
let n = 0;
const kid = (over: Partial<ChildKpiFacts> = {}): ChildKpiFacts => ({
  id: `c${++n}`,
  archiveComplete: true,
  birthDate: '2015-03-01',
  atSchool: true,
  enrollments: [],
  paired: true,
  ...over,
});

describe('enrollment history', () => {
  it('takes the latest entry on or before the date', () => {
    const facts = kid({
      enrollments: [
        { status: 'dropped_out', date: '2025-11-01' },
        { status: 'enrolled', date: '2025-03-01' },
      ],
    });
    expect(enrollmentOn(facts, '2025-09-01').status).toBe('enrolled');
    expect(enrollmentOn(facts, '2025-11-01').status).toBe('dropped_out');
  });
  it('before the first entry: enrolled unless that entry is an enrollment; no history: enrolled at a school', () => {
    expect(
      enrollmentOn(kid({ enrollments: [{ status: 'transferred_out', date: '2025-12-01' }] }), '2025-09-01').status,
    ).toBe('enrolled');
    expect(
      enrollmentOn(kid({ enrollments: [{ status: 'enrolled', date: '2025-12-01' }] }), '2025-09-01').status,
    ).not.toBe('enrolled');
    expect(enrollmentOn(kid({ atSchool: false }), '2025-09-01').status).not.toBe('enrolled');
    expect(enrollmentOn(kid(), '2025-09-01').status).toBe('enrolled');
  });
});

describe('school age is 6–15 on the first day of term', () => {
  it.each([
    ['2019-09-01', true], // 6 that day
    ['2019-09-02', false], // 5 until tomorrow
    ['2009-09-02', true], // 15
    ['2009-09-01', false], // 16 that day
    [null, false],
  ])('born %s → %s', (birth, expected) => expect(isSchoolAge(birth, term.startDate)).toBe(expected));
});

describe('retention', () => {
  it('a transfer out with a destination is retained, one without is not; dropouts and suspensions are not', () => {
    expect(isRetainedStatus({ status: 'transferred_out', date: '2025-10-01', destination: '县实验小学' })).toBe(true);
    expect(isRetainedStatus({ status: 'transferred_out', date: '2025-10-01', destination: '  ' })).toBe(false);
    expect(isRetainedStatus({ status: 'dropped_out', date: '2025-10-01' })).toBe(false);
    expect(isRetainedStatus({ status: 'suspended', date: '2025-10-01' })).toBe(false);
    expect(isRetainedStatus({ status: 'graduated', date: '2025-10-01' })).toBe(true);
  });
  it('counts only children enrolled on the first day', () => {
    const late = kid({ enrollments: [{ status: 'enrolled', date: '2025-10-01' }] });
    expect(kpiMembership(late, term, asOf).retentionRate).toEqual({ counted: false, met: false });
    const dropped = kid({ enrollments: [{ status: 'dropped_out', date: '2025-10-01' }] });
    expect(kpiMembership(dropped, term, asOf).retentionRate).toEqual({ counted: true, met: false });
    const moved = kid({ enrollments: [{ status: 'transferred_out', date: '2025-10-01', destination: '外县小学' }] });
    expect(kpiMembership(moved, term, asOf).retentionRate).toEqual({ counted: true, met: true });
  });
  it('a dropout after the as-of date does not count yet', () => {
    const later = kid({ enrollments: [{ status: 'dropped_out', date: '2026-01-21' }] });
    expect(kpiMembership(later, term, asOf).retentionRate.met).toBe(true);
  });
});

describe('the seed school: 185 students, 12 left-behind children', () => {
  // 黄泥村小学: the KPIs count only the 12 left-behind children, never the 185 students.
  const twelve = Array.from({ length: 12 }, (_, i) =>
    kid({
      archiveComplete: i !== 0,
      birthDate: i === 11 ? '2008-05-01' : '2014-05-01', // one is 17: not school age
      paired: i < 9,
      enrollments:
        i === 1
          ? [{ status: 'transferred_out', date: '2025-11-10', destination: '广东东莞市长安小学' }]
          : i === 2
            ? [{ status: 'dropped_out', date: '2025-12-01' }]
            : [],
    }),
  );
  it('gives 11/12, 11/11, 11/12 and 9/12', () => {
    const k = computeKpis(twelve, term, asOf);
    expect(k.archiveRate).toEqual({ numerator: 11, denominator: 12, rate: 0.9167 });
    expect(k.enrollmentRate).toEqual({ numerator: 11, denominator: 11, rate: 1 });
    expect(k.retentionRate).toEqual({ numerator: 11, denominator: 12, rate: 0.9167 });
    expect(k.pairingCoverage).toEqual({ numerator: 9, denominator: 12, rate: 0.75 });
  });
  it('an empty scope has no rates, not zeros', () => {
    const k = computeKpis([], term, asOf);
    expect(k.archiveRate).toEqual({ numerator: 0, denominator: 0, rate: null });
  });
});

describe('targets and dates', () => {
  it('judges against a percent without rounding up', () => {
    expect(kpiStanding(0.9999, 100)).toBe('below');
    expect(kpiStanding(1, 100)).toBe('met');
    expect(kpiStanding(0.75, 75)).toBe('met');
    expect(kpiStanding(null, 100)).toBe('none');
  });
  it('takes the end of a past term and today in a running one', () => {
    expect(kpiAsOf(term, '2026-03-01')).toBe(term.endDate);
    expect(kpiAsOf(term, '2025-10-10')).toBe('2025-10-10');
    expect(kpiAsOf(term, '2025-08-01')).toBe(term.startDate);
  });
  it('rounds rates to four places', () => expect(kpiRate(2, 3)).toBe(0.6667));
});
