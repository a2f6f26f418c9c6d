import { describe, expect, it } from 'vitest';
import { inSchoolOn } from './applicability';
import { defaultCareRules } from './default-rules';
import { evaluateSchedule, type ScheduleInput } from './evaluate';
import type { ChildFacts, Duty, ScheduleRule } from './types';

const term = { startDate: '2026-09-01', midDate: '2026-11-09', endDate: '2027-01-22' };
const rules: ScheduleRule[] = defaultCareRules.map((r) => ({ ...r, id: r.kind, active: true }));

const leftBehind: ChildFacts = {
  childId: 'c1',
  careLevel: 'general',
  categories: [{ category: 'left_behind_both', startDate: '2024-09-01', endDate: null }],
  enrollments: [],
  parentsReturnedOn: null,
};

const run = (over: Partial<ScheduleInput>) =>
  evaluateSchedule({ rules, term, children: [leftBehind], pairings: [], records: [], asOf: '2026-11-05', ...over });

const statusOf = (duties: Duty[], ruleId: string, key: string) =>
  duties.find((d) => d.ruleId === ruleId && d.period.key === key)?.status;

describe('evaluateSchedule', () => {
  it('marks each monthly talk done, overdue, due or upcoming', () => {
    const duties = run({ records: [{ id: 'r1', childId: 'c1', kind: 'talk', occurredOn: '2026-09-15' }] });
    expect(statusOf(duties, 'talk', 'M2026-09')).toBe('done');
    expect(duties.find((d) => d.ruleId === 'talk' && d.period.key === 'M2026-09')?.recordIds).toEqual(['r1']);
    expect(statusOf(duties, 'talk', 'M2026-10')).toBe('overdue');
    expect(statusOf(duties, 'talk', 'M2026-11')).toBe('due');
    expect(statusOf(duties, 'talk', 'M2026-12')).toBe('upcoming');
    expect(duties.find((d) => d.ruleId === 'talk')?.responsible).toEqual({
      role: 'class_teacher',
      pairingKind: null,
      helperUserIds: [],
    });
  });

  it('counts records of the rule’s kind only, by any author', () => {
    const duties = run({ records: [{ id: 'r1', childId: 'c1', kind: 'home_visit', occurredOn: '2026-09-02' }] });
    expect(statusOf(duties, 'talk', 'M2026-09')).toBe('overdue');
    expect(statusOf(duties, 'home_visit', 'start')).toBe('done');
    expect(statusOf(duties, 'home_visit', 'middle')).toBe('due');
    expect(statusOf(duties, 'home_visit', 'end')).toBe('upcoming');
  });

  it('asks nothing of a child outside the rule’s categories or care levels', () => {
    const plain = { ...leftBehind, categories: [] };
    expect(run({ children: [plain] }).every((d) => d.status === 'not_applicable')).toBe(true);
    const keyOnly = rules.map((r) => ({ ...r, careLevels: ['key' as const] }));
    expect(run({ rules: keyOnly }).every((d) => d.status === 'not_applicable')).toBe(true);
    const everyone = rules.map((r) => ({ ...r, categories: [] }));
    expect(statusOf(run({ rules: everyone, children: [plain] }), 'talk', 'M2026-10')).toBe('overdue');
  });

  it('owes a child who joined mid-term only what falls due after joining', () => {
    const joined = { ...leftBehind, enrollments: [{ status: 'enrolled' as const, date: '2026-10-10' }] };
    const duties = run({ children: [joined] });
    expect(statusOf(duties, 'talk', 'M2026-09')).toBe('not_applicable');
    expect(statusOf(duties, 'talk', 'M2026-10')).toBe('overdue');
    expect(statusOf(duties, 'home_visit', 'start')).toBe('not_applicable');
    // 2026-10-10 is the Saturday of week 41: that week falls due after joining.
    expect(statusOf(duties, 'family_call', 'W2026-W40')).toBe('not_applicable');
    expect(statusOf(duties, 'family_call', 'W2026-W41')).toBe('overdue');
  });

  it('ends parent-contact duties from the day the parents came home, and others with the category', () => {
    const returned = { ...leftBehind, parentsReturnedOn: '2026-10-15' };
    const duties = run({ children: [returned] });
    expect(statusOf(duties, 'parent_contact', 'M2026-09')).toBe('overdue');
    expect(statusOf(duties, 'parent_contact', 'M2026-10')).toBe('not_applicable');
    expect(statusOf(duties, 'family_call', 'W2026-W41')).toBe('overdue');
    expect(statusOf(duties, 'family_call', 'W2026-W42')).toBe('not_applicable');
    expect(statusOf(duties, 'talk', 'M2026-10')).toBe('overdue');
    const ended = { ...returned, categories: [{ ...leftBehind.categories[0]!, endDate: '2026-10-15' }] };
    expect(statusOf(run({ children: [ended] }), 'talk', 'M2026-10')).toBe('not_applicable');
  });

  it('stops at a transfer out and starts again at re-enrollment', () => {
    const history = [
      { status: 'transferred_out' as const, date: '2026-10-01' },
      { status: 'enrolled' as const, date: '2026-11-20' },
    ];
    expect(inSchoolOn(history, '2026-09-30')).toBe(true);
    expect(inSchoolOn(history, '2026-10-01')).toBe(false);
    expect(inSchoolOn(history, '2026-11-20')).toBe(true);
    expect(inSchoolOn([], '2026-11-20')).toBe(true);
    const duties = run({ children: [{ ...leftBehind, enrollments: history }] });
    expect(statusOf(duties, 'talk', 'M2026-10')).toBe('not_applicable');
    expect(statusOf(duties, 'talk', 'M2026-11')).toBe('due');
  });

  it('makes the helper of a pairing kind responsible while the pairing holds', () => {
    const mentorTalk: ScheduleRule = {
      ...rules[0]!,
      id: 'mentor-talk',
      responsibleRole: null,
      responsiblePairingKind: 'mentor_teacher',
    };
    const duties = run({
      rules: [mentorTalk],
      pairings: [
        { childId: 'c1', kind: 'mentor_teacher', helperUserId: 'u1', startDate: '2026-09-01', endDate: '2026-10-20' },
        { childId: 'c1', kind: 'mentor_teacher', helperUserId: 'u2', startDate: '2026-10-20', endDate: null },
        { childId: 'c1', kind: 'holiday_tutor', helperUserId: 'u3', startDate: '2026-09-01', endDate: null },
      ],
    });
    const helpers = (key: string) => duties.find((d) => d.period.key === key)?.responsible.helperUserIds;
    expect(helpers('M2026-09')).toEqual(['u1']);
    expect(helpers('M2026-10')).toEqual(['u2']);
    expect(helpers('M2026-12')).toEqual(['u2']);
  });

  it('skips inactive rules', () => {
    expect(run({ rules: rules.map((r) => ({ ...r, active: false })) })).toEqual([]);
  });
});
