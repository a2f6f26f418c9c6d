import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { careRecordKinds } from '../enums/care';
import type { SummaryFigures } from './figures';
import { draftWorkSummary } from './index';
import { byCount, hasZeroCount, joinList, percent, termName, vary } from './phrasing';

const link = () => ({ path: '/children', query: {} });

/** A school with nothing recorded yet: the draft must still read well. */
const empty: SummaryFigures = {
  unit: { id: 'u1', name: '黄泥村小学', kind: 'school' },
  term: { schoolYear: '2026-2027', termNo: 1, startDate: '2026-09-01', endDate: '2027-01-20' },
  asOf: '2026-11-28',
  children: 0,
  students: null,
  leftBehind: 0,
  byCategory: [],
  archive: { numerator: 0, denominator: 0 },
  enrollment: { numerator: 0, denominator: 0 },
  retention: { numerator: 0, denominator: 0 },
  dropouts: 0,
  pairing: { coverage: { numerator: 0, denominator: 0 }, helpers: 0, byKind: [] },
  care: [],
  compliance: [],
  followUpsOpen: 0,
  health: { checked: 0, referrals: 0, flagged: 0 },
  activities: { count: 0, participants: 0, leftBehindParticipants: 0, highlights: [] },
  awards: { awarded: 0, leftBehind: 0 },
  grades: { compared: 0, improved: 0 },
  concerns: { open: 0, overdue: 0, closed: 0 },
  targets: [],
  aid: { amount: 0, recipients: 0, shortfall: null },
};

/** The seed's school: 185 students, 12 left-behind children. */
const seedSchool: SummaryFigures = {
  ...empty,
  children: 185,
  students: 185,
  leftBehind: 12,
  byCategory: [
    { category: 'left_behind_both', count: 8 },
    { category: 'left_behind_single', count: 4 },
    { category: 'orphan', count: 1 },
  ],
  archive: { numerator: 12, denominator: 12 },
  enrollment: { numerator: 12, denominator: 12 },
  retention: { numerator: 11, denominator: 12 },
  dropouts: 1,
  pairing: {
    coverage: { numerator: 12, denominator: 12 },
    helpers: 7,
    byKind: [
      { kind: 'mentor_teacher', children: 10 },
      { kind: 'proxy_parent', children: 2 },
    ],
  },
  care: [
    { kind: 'talk', records: 45, children: 12 },
    { kind: 'home_visit', records: 30, children: 12 },
    { kind: 'parent_contact', records: 40, children: 12 },
  ],
  compliance: [
    { kind: 'talk', due: 48, done: 45 },
    { kind: 'home_visit', due: 36, done: 30 },
  ],
  followUpsOpen: 1,
  awards: { awarded: 8, leftBehind: 5 },
};

/** Each figure appears in the text, in the order recorded (the web links them in that order). */
function expectFiguresInOrder(f: SummaryFigures) {
  for (const p of draftWorkSummary(f, link).paragraphs) {
    let cursor = 0;
    for (const fig of p.figures) {
      const at = p.text.indexOf(fig.text, cursor);
      expect(at, `${p.key} ${fig.key} ${fig.text}: ${p.text}`).toBeGreaterThanOrEqual(0);
      cursor = at + fig.text.length;
    }
  }
}

const text = (f: SummaryFigures) =>
  draftWorkSummary(f, link)
    .paragraphs.map((p) => p.text)
    .join('\n');

describe('phrasing helpers', () => {
  it('writes rates without false precision and never rounds up to 100%', () => {
    expect(percent({ numerator: 12, denominator: 12 })).toBe('100%');
    expect(percent({ numerator: 199, denominator: 200 })).toBe('99.5%');
    expect(percent({ numerator: 1999, denominator: 2000 })).toBe('99.9%');
    expect(percent({ numerator: 1, denominator: 2 })).toBe('50%');
    expect(percent({ numerator: 0, denominator: 0 })).toBeNull();
  });

  it('joins lists the Chinese way', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['谈心'])).toBe('谈心');
    expect(joinList(['谈心', '家访'])).toBe('谈心和家访');
    expect(joinList(['谈心', '家访', '亲情电话'])).toBe('谈心、家访和亲情电话');
  });

  it('chooses the zero, one and many forms', () => {
    const forms = { zero: '本学期无一名学生辍学', one: '有1名学生辍学', many: (n: number) => `有${n}名学生辍学` };
    expect(byCount(0, forms)).toBe('本学期无一名学生辍学');
    expect(byCount(1, forms)).toBe('有1名学生辍学');
    expect(byCount(3, forms)).toBe('有3名学生辍学');
  });

  it('names terms by season and varies openings stably', () => {
    expect(termName({ schoolYear: '2026-2027', termNo: 1 })).toBe('2026年秋季学期');
    expect(termName({ schoolYear: '2026-2027', termNo: 2 })).toBe('2027年春季学期');
    expect(vary('a', 'x', ['甲', '乙'])).toBe(vary('a', 'x', ['甲', '乙']));
    const openings = new Set(['s1', 's2', 's3', 's4', 's5', 's6'].map((s) => vary(s, 'x', ['甲', '乙', '丙'])));
    expect(openings.size).toBeGreaterThan(1);
    expect(hasZeroCount('共0名')).toBe(true);
    expect(hasZeroCount('共10名')).toBe(false);
    expect(hasZeroCount('99.0%')).toBe(false);
  });
});

describe('draftWorkSummary', () => {
  it('never counts zero students of a school that has none on file', () => {
    expect(text({ ...empty, students: 0 })).toContain('尚未登记儿童档案');
  });

  it('drafts a useful summary for a term without data, with no "0名" sentences', () => {
    const draft = draftWorkSummary(empty, link);
    expect(draft.title).toBe('黄泥村小学2026年秋季学期关爱留守儿童工作总结');
    const all = text(empty);
    expect(hasZeroCount(all)).toBe(false);
    expect(all).toContain('本学期无一名学生辍学');
    expect(all).toContain('尚未登记儿童档案');
    expect(all).toContain('本学期尚无到期的关爱任务');
    expect(all).toContain('本学期没有发生需要强制报告的事项');
    for (const section of ['basic', 'measures', 'results', 'problems'])
      expect(draft.paragraphs.some((p) => p.section === section)).toBe(true);
  });

  it('writes the seed school’s figures as the reports do, each with its link', () => {
    const draft = draftWorkSummary(seedSchool, link);
    const all = text(seedSchool);
    expect(all).toContain(
      '我校目前有在校学生185名，其中留守儿童12名（父母双方外出务工的8名，父母一方外出务工、另一方无监护能力的4名）',
    );
    expect(all).toContain('建档率达100%');
    expect(all).toContain('获奖的8位同学中就有5人是留守儿童');
    expect(all).toContain('本学期有1名学生辍学');
    expect(all).toContain('巩固率为91.6%');
    expect(all).toContain('共谈心45次');
    expect(all).toContain('9项任务逾期未完成（家访6项、谈心3项）');
    const people = draft.paragraphs.find((p) => p.key === 'basic.children')!;
    expect(people.figures.map((f) => f.text)).toEqual(expect.arrayContaining(['185名', '12名', '8名', '4名']));
    expect(people.figures.every((f) => f.link !== null)).toBe(true);
    expect(hasZeroCount(all)).toBe(false);
  });

  it('records each paragraph’s figures in the order its text quotes them', () => {
    expectFiguresInOrder(seedSchool);
  });

  it('says so, without numbers, where a module has no data yet', () => {
    const draft = draftWorkSummary({ ...seedSchool, health: null, activities: null, grades: null }, link);
    const health = draft.paragraphs.find((p) => p.key === 'measures.health')!;
    expect(health.pending).toBe(true);
    expect(health.text).toContain('体检数据尚未接入');
    expect(health.figures).toEqual([]);
  });

  it('never writes a count of zero, whatever the figures', () => {
    const count = fc.integer({ min: 0, max: 3 });
    fc.assert(
      fc.property(
        fc.record({
          children: count,
          leftBehind: count,
          dropouts: count,
          helpers: count,
          covered: count,
          talks: count,
          visits: count,
          calls: count,
          due: count,
          done: count,
          followUps: count,
          awarded: count,
          awardedLb: count,
          checked: count,
          kind: fc.constantFrom('school', 'village', 'township', 'county'),
        }),
        (x) => {
          const f: SummaryFigures = {
            ...seedSchool,
            unit: { ...seedSchool.unit, kind: x.kind as 'school' },
            children: x.children,
            students: null,
            leftBehind: x.leftBehind,
            byCategory: [{ category: 'left_behind_both', count: x.leftBehind }],
            dropouts: x.dropouts,
            pairing: {
              coverage: { numerator: x.covered, denominator: x.leftBehind },
              helpers: x.helpers,
              byKind: [{ kind: 'mentor_teacher', children: x.covered }],
            },
            care: careRecordKinds.map((kind) => ({
              kind,
              records: kind === 'talk' ? x.talks : kind === 'home_visit' ? x.visits : x.calls,
              children: x.talks,
            })),
            compliance: [{ kind: 'talk', due: x.due, done: Math.min(x.done, x.due) }],
            followUpsOpen: x.followUps,
            awards: { awarded: x.awarded, leftBehind: Math.min(x.awardedLb, x.awarded) },
            health: { checked: x.checked, referrals: x.dropouts, flagged: 0 },
          };
          const all = text(f);
          expect(hasZeroCount(all), all).toBe(false);
          expectFiguresInOrder(f);
        },
      ),
      { numRuns: 200 },
    );
  });
});
