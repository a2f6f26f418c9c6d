import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { careFrequencies, careRecordKinds } from '../enums/care';
import { addDays, fromDayNumber } from './dates';
import { evaluateSchedule } from './evaluate';
import { periodContaining, periodsOf } from './periods';
import type { ChildFacts, ScheduleRule, TermSpan } from './types';

/** Terms between 2020 and 2032, 2 to 240 days from the first day to the middle and on to the end. */
const termArb: fc.Arbitrary<TermSpan> = fc
  .record({
    start: fc.integer({ min: 18_262, max: 22_645 }),
    toMid: fc.integer({ min: 1, max: 120 }),
    toEnd: fc.integer({ min: 1, max: 120 }),
  })
  .map(({ start, toMid, toEnd }) => ({
    startDate: fromDayNumber(start),
    midDate: fromDayNumber(start + toMid),
    endDate: fromDayNumber(start + toMid + toEnd),
  }));

const ruleArb: fc.Arbitrary<ScheduleRule> = fc
  .record({
    kind: fc.constantFrom(...careRecordKinds),
    frequency: fc.constantFrom(...careFrequencies),
    windowDays: fc.integer({ min: 1, max: 60 }),
  })
  .map((r) => ({
    ...r,
    id: 'rule',
    categories: [],
    careLevels: [],
    responsibleRole: 'class_teacher',
    responsiblePairingKind: null,
    active: true,
  }));

const homeVisit: ScheduleRule = {
  id: 'rule',
  kind: 'home_visit',
  frequency: 'term_windows',
  windowDays: 14,
  categories: [],
  careLevels: [],
  responsibleRole: 'class_teacher',
  responsiblePairingKind: null,
  active: true,
};

const child = (over: Partial<ChildFacts> = {}): ChildFacts => ({
  childId: 'c',
  careLevel: 'general',
  categories: [],
  enrollments: [],
  parentsReturnedOn: null,
  ...over,
});

const evaluate = (rule: ScheduleRule, term: TermSpan, facts: ChildFacts, recordDates: string[], asOf: string) =>
  evaluateSchedule({
    rules: [rule],
    term,
    children: [facts],
    pairings: [],
    records: recordDates.map((occurredOn, i) => ({ id: `r${i}`, childId: facts.childId, kind: rule.kind, occurredOn })),
    asOf,
  });

describe('schedule engine properties', () => {
  it('a record inside a period satisfies that period and no other', () => {
    fc.assert(
      fc.property(termArb, ruleArb, fc.nat(), fc.nat(), (term, rule, pick, offset) => {
        const periods = periodsOf(rule.frequency, rule.windowDays, term);
        fc.pre(periods.length > 0);
        const period = periods[pick % periods.length]!;
        const length = (Date.parse(period.end) - Date.parse(period.start)) / 86_400_000 + 1;
        const date = addDays(period.start, offset % length);
        const duties = evaluate(rule, term, child(), [date], term.endDate);
        const done = duties.filter((d) => d.status === 'done').map((d) => d.period.key);
        expect(done).toEqual([period.key]);
      }),
    );
  });

  it('a record outside every period satisfies nothing', () => {
    fc.assert(
      fc.property(termArb, ruleArb, fc.integer({ min: -400, max: 800 }), (term, rule, offset) => {
        const date = addDays(term.startDate, offset);
        const periods = periodsOf(rule.frequency, rule.windowDays, term);
        fc.pre(periodContaining(periods, date) === undefined);
        const duties = evaluate(rule, term, child(), [date], addDays(term.endDate, 1));
        expect(duties.filter((d) => d.status === 'done')).toEqual([]);
        expect(duties.every((d) => d.status === 'overdue')).toBe(true);
      }),
    );
  });

  it('periods tile the term: weeks and months cover every day of it exactly once', () => {
    fc.assert(
      fc.property(termArb, fc.constantFrom('weekly' as const, 'monthly' as const), (term, frequency) => {
        const periods = periodsOf(frequency, 14, term);
        expect(periods[0]!.start).toBe(term.startDate);
        expect(periods.at(-1)!.end).toBe(term.endDate);
        for (let i = 1; i < periods.length; i++) expect(periods[i]!.start).toBe(addDays(periods[i - 1]!.end, 1));
      }),
    );
  });

  it('moving the term dates moves the windows with them', () => {
    fc.assert(
      fc.property(
        termArb,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: -90, max: 90 }),
        fc.nat(),
        (term, windowDays, shift, pick) => {
          const moved: TermSpan = {
            startDate: addDays(term.startDate, shift),
            midDate: addDays(term.midDate, shift),
            endDate: addDays(term.endDate, shift),
          };
          const before = periodsOf('term_windows', windowDays, term);
          const after = periodsOf('term_windows', windowDays, moved);
          expect(after).toEqual(
            before.map((p) => ({ ...p, start: addDays(p.start, shift), end: addDays(p.end, shift) })),
          );
          // A visit on a window's first day counts for that window only while the dates say so.
          const rule: ScheduleRule = { ...homeVisit, windowDays };
          const window = before[pick % before.length]!;
          const stillInside = periodContaining(after, window.start)?.key;
          const done = evaluate(rule, moved, child(), [window.start], moved.endDate)
            .filter((d) => d.status === 'done')
            .map((d) => d.period.key);
          expect(done).toEqual(stillInside ? [stillInside] : []);
        },
      ),
    );
  });

  it('a child who joined mid-term owes only what falls due after joining', () => {
    fc.assert(
      fc.property(termArb, ruleArb, fc.integer({ min: -30, max: 260 }), (term, rule, joinOffset) => {
        const joinedOn = addDays(term.startDate, joinOffset);
        const facts = child({ enrollments: [{ status: 'enrolled', date: joinedOn }] });
        for (const duty of evaluate(rule, term, facts, [], term.endDate)) {
          expect(duty.status === 'not_applicable').toBe(duty.period.end < joinedOn);
        }
      }),
    );
  });

  it('parents who came home end parent-contact duties from that day, and only those', () => {
    fc.assert(
      fc.property(termArb, ruleArb, fc.integer({ min: -30, max: 260 }), (term, rule, returnOffset) => {
        const returnedOn = addDays(term.startDate, returnOffset);
        const facts = child({ parentsReturnedOn: returnedOn });
        const parentDuty = rule.kind === 'parent_contact' || rule.kind === 'family_call';
        for (const duty of evaluate(rule, term, facts, [], term.endDate)) {
          expect(duty.status === 'not_applicable').toBe(parentDuty && duty.period.end >= returnedOn);
        }
      }),
    );
  });
});
