import {
  addDays,
  careFrequencies,
  careLevels,
  careRuleKinds,
  childCategories,
  type Duty,
  daysBetween,
  enrollmentStatuses,
  evaluateSchedule,
  fromDayNumber,
  outstandingDuties,
  pairingKinds,
} from '@shouwang/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type OwedInput, owedDuties } from './owed-duties';

/** The to-do list's selection worked out the long way: the whole schedule, then what is outstanding. */
function throughTheEngine(input: OwedInput): Duty[] {
  const duties = evaluateSchedule(input);
  return outstandingDuties(duties, input.records).filter(
    (d) => d.status === 'overdue' || (d.status === 'due' && d.period.end <= input.dueBy),
  );
}

const byKey = (duties: Duty[]) =>
  [...duties].sort((a, b) =>
    `${a.ruleId}|${a.childId}|${a.period.key}`.localeCompare(`${b.ruleId}|${b.childId}|${b.period.key}`),
  );

const helpers = ['u1', 'u2', null] as const;
const kinds = careRuleKinds.slice(0, 4);

/** A term, its rules, children, pairings and records up to a day inside it (as the to-do list reads them). */
const inputArb: fc.Arbitrary<OwedInput> = fc
  .record({
    start: fc.integer({ min: 19_000, max: 21_000 }),
    toMid: fc.integer({ min: 1, max: 100 }),
    toEnd: fc.integer({ min: 1, max: 100 }),
    today: fc.nat(),
    rules: fc.array(
      fc.record({
        kind: fc.constantFrom(...kinds),
        frequency: fc.constantFrom(...careFrequencies),
        windowDays: fc.integer({ min: 1, max: 30 }),
        categories: fc.subarray(['left_behind_both', 'orphan'] as const, { maxLength: 1 }),
        careLevels: fc.subarray([...careLevels], { maxLength: 2 }),
        pairing: fc.option(fc.constantFrom(...pairingKinds), { freq: 3 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    children: fc.array(
      fc.record({
        careLevel: fc.constantFrom(...careLevels),
        categories: fc.array(
          fc.record({
            category: fc.constantFrom(...childCategories.slice(0, 3)),
            from: fc.integer({ min: -30, max: 200 }),
            days: fc.option(fc.integer({ min: 1, max: 120 })),
          }),
          { maxLength: 2 },
        ),
        enrollments: fc.array(
          fc.record({ status: fc.constantFrom(...enrollmentStatuses), at: fc.integer({ min: -10, max: 200 }) }),
          { maxLength: 2 },
        ),
        returned: fc.option(fc.integer({ min: 0, max: 200 }), { freq: 4 }),
        records: fc.array(fc.record({ kind: fc.constantFrom(...kinds), at: fc.nat() }), { maxLength: 12 }),
        pairings: fc.array(
          fc.record({
            kind: fc.constantFrom(...pairingKinds),
            helper: fc.constantFrom(...helpers),
            from: fc.integer({ min: -20, max: 200 }),
            days: fc.option(fc.integer({ min: 1, max: 100 })),
          }),
          { maxLength: 2 },
        ),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map((x) => {
    const day = (n: number) => fromDayNumber(x.start + n);
    const length = x.toMid + x.toEnd;
    const term = { startDate: day(0), midDate: day(x.toMid), endDate: day(length) };
    const asOf = day(x.today % (length + 1));
    const elapsed = daysBetween(term.startDate, asOf);
    return {
      term,
      asOf,
      dueBy: addDays(asOf, 6 - (x.today % 7)),
      rules: x.rules.map((r, i) => ({
        id: `r${i}`,
        kind: r.kind,
        frequency: r.frequency,
        windowDays: r.windowDays,
        categories: r.categories,
        careLevels: r.careLevels,
        responsibleRole: r.pairing ? null : ('class_teacher' as const),
        responsiblePairingKind: r.pairing,
        active: true,
      })),
      children: x.children.map((c, i) => ({
        childId: `c${i}`,
        careLevel: c.careLevel,
        categories: c.categories.map((k) => ({
          category: k.category,
          startDate: day(k.from),
          endDate: k.days === null ? null : day(k.from + k.days),
        })),
        enrollments: c.enrollments.map((e) => ({ status: e.status, date: day(e.at) })),
        parentsReturnedOn: c.returned === null ? null : day(c.returned),
      })),
      pairings: x.children.flatMap((c, i) =>
        c.pairings.map((p) => ({
          childId: `c${i}`,
          kind: p.kind,
          helperUserId: p.helper,
          startDate: day(p.from),
          endDate: p.days === null ? null : day(p.from + p.days),
        })),
      ),
      // Records from the term's first day up to today, as the to-do list reads them.
      records: x.children.flatMap((c, i) =>
        c.records.map((r, j) => ({
          id: `rec${i}-${j}`,
          childId: `c${i}`,
          kind: r.kind,
          occurredOn: day(r.at % (elapsed + 1)),
        })),
      ),
    };
  });

describe('owedDuties', () => {
  it('lists exactly what the whole schedule leaves outstanding (overdue, due by the week’s end)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(byKey(owedDuties(input))).toEqual(byKey(throughTheEngine(input)));
      }),
      { numRuns: 2_000 },
    );
  });

  it('a weekly rule: the missed last week is overdue, this week due, and a record today clears both', () => {
    const input: OwedInput = {
      term: { startDate: '2026-09-01', midDate: '2026-11-01', endDate: '2027-01-15' },
      rules: [
        {
          id: 'r',
          kind: 'family_call',
          frequency: 'weekly',
          windowDays: 14,
          categories: [],
          careLevels: [],
          responsibleRole: 'class_teacher',
          responsiblePairingKind: null,
          active: true,
        },
      ],
      children: [{ childId: 'c', careLevel: 'general', categories: [], enrollments: [], parentsReturnedOn: null }],
      pairings: [],
      records: [{ id: 'x', childId: 'c', kind: 'family_call', occurredOn: '2026-11-10' }],
      asOf: '2026-11-25',
      dueBy: '2026-11-29',
    };
    const owed = owedDuties(input).map((d) => `${d.status} ${d.period.start}`);
    expect(owed.sort()).toEqual(['due 2026-11-23', 'overdue 2026-11-16']);
    const caughtUp = {
      ...input,
      records: [...input.records, { ...input.records[0]!, id: 'y', occurredOn: '2026-11-25' }],
    };
    expect(owedDuties(caughtUp)).toEqual([]);
  });
});
