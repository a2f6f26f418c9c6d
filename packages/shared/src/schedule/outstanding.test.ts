import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { defaultCareRules } from './default-rules';
import { evaluateSchedule } from './evaluate';
import { outstandingDuties } from './outstanding';
import type { ChildFacts, RecordFact, ScheduleRule } from './types';

const term = { startDate: '2026-09-01', midDate: '2026-11-09', endDate: '2027-01-22' };
const rules: ScheduleRule[] = defaultCareRules.map((r) => ({ ...r, id: r.kind, active: true }));
const child: ChildFacts = {
  childId: 'c1',
  careLevel: 'general',
  categories: [{ category: 'left_behind_both', startDate: '2024-09-01', endDate: null }],
  enrollments: [],
  parentsReturnedOn: null,
};
const asOf = '2026-11-05';

const outstanding = (records: RecordFact[]) =>
  outstandingDuties(evaluateSchedule({ rules, term, children: [child], pairings: [], records, asOf }), records).map(
    (d) => `${d.ruleId} ${d.period.key} ${d.status}`,
  );

describe('outstandingDuties', () => {
  it('shows the latest miss of each rule and what runs now', () => {
    expect(outstanding([])).toEqual([
      'talk M2026-11 due',
      'home_visit middle due',
      'parent_contact M2026-11 due',
      'guardian_contact M2026-11 due',
      'family_call W2026-W45 due',
      'talk M2026-10 overdue',
      'home_visit start overdue',
      'parent_contact M2026-10 overdue',
      'guardian_contact M2026-10 overdue',
      'family_call W2026-W44 overdue',
    ]);
  });

  it('drops a miss once a later record caught up, and a running period once done', () => {
    const talkToday = { id: 'r1', childId: 'c1', kind: 'talk' as const, occurredOn: asOf };
    const lateVisit = { id: 'r2', childId: 'c1', kind: 'home_visit' as const, occurredOn: '2026-10-01' };
    const list = outstanding([talkToday, lateVisit]);
    expect(list.filter((d) => d.startsWith('talk'))).toEqual([]);
    expect(list.filter((d) => d.startsWith('home_visit'))).toEqual(['home_visit middle due']);
  });

  it('clears every miss with one record after the last missed period, and no record before it does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -70, max: 0 }), (offset) => {
        const occurredOn = addDays(asOf, offset);
        const records = [{ id: 'r', childId: 'c1', kind: 'family_call' as const, occurredOn }];
        const duties = evaluateSchedule({ rules: [rules[4]!], term, children: [child], pairings: [], records, asOf });
        const left = outstandingDuties(duties, records).filter((d) => d.status === 'overdue');
        const lastMiss = duties.filter((d) => d.status === 'overdue').at(-1)!;
        expect(left.length).toBe(occurredOn > lastMiss.period.end ? 0 : 1);
      }),
    );
  });
});
