import type { MergeValues } from './merge-fields';

/**
 * What a letter says about one child's term, gathered from the records (talks, activities and
 * awards, grades, health checks). Each list may be empty: the letter then leaves its sentence out.
 */
export interface ChildTermFacts {
  talkCount: number;
  activities: string[];
  awards: string[];
  /** Per subject, this term's score minus last term's (only subjects with both). */
  gradeChanges: { subject: string; change: number }[];
  /** Findings a parent should know, already in plain words (e.g. 「视力偏低，建议复查」). */
  healthNotes: string[];
}

export const emptyTermFacts = (): ChildTermFacts => ({
  talkCount: 0,
  activities: [],
  awards: [],
  gradeChanges: [],
  healthNotes: [],
});

/** 2026-01-20 → 2026年1月20日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const termNumbers = ['', '一', '二', '三', '四'];

/** 2025-2026, 1 → 2025—2026学年第一学期 */
export const chineseTermName = (schoolYear: string, termNo: number) =>
  `${schoolYear.replace('-', '—')}学年第${termNumbers[termNo] ?? termNo}学期`;

/** A list in a sentence: 「甲、乙和丙」, or the first few and 「等N项」 when long. */
export function chineseList(items: string[], noun = '', max = 4): string | null {
  const unique = [...new Set(items.map((i) => i.trim()).filter(Boolean))];
  if (unique.length === 0) return null;
  if (unique.length > max) return `${unique.slice(0, max).join('、')}等${unique.length}项${noun}`;
  if (unique.length === 1) return unique[0]!;
  return `${unique.slice(0, -1).join('、')}和${unique.at(-1)}`;
}

/** A change of a few points is noise; beyond it a subject has gone up or down. */
const gradeNoise = 3;

/** 「语文、数学成绩比上学期有进步，英语成绩保持稳定」 */
export function gradeTrendPhrase(changes: ChildTermFacts['gradeChanges']): string | null {
  if (changes.length === 0) return null;
  const up = changes.filter((c) => c.change >= gradeNoise).map((c) => c.subject);
  const down = changes.filter((c) => c.change <= -gradeNoise).map((c) => c.subject);
  const same = changes.filter((c) => Math.abs(c.change) < gradeNoise).map((c) => c.subject);
  const parts = [
    up.length ? `${up.join('、')}成绩比上学期有进步` : null,
    same.length ? `${same.join('、')}成绩保持稳定` : null,
    down.length ? `${down.join('、')}成绩比上学期有所下降，还需要多加鼓励` : null,
  ].filter(Boolean);
  return parts.join('，');
}

export interface LetterContext {
  childName: string;
  className: string | null;
  classTeacher: { name: string; phone: string | null } | null;
  schoolName: string;
  term: { schoolYear: string; termNo: number; startDate: string; endDate: string };
  signedOn: string;
}

/** The merge values of one child's letter. */
export function letterMergeValues(context: LetterContext, facts: ChildTermFacts): MergeValues {
  return {
    childName: context.childName,
    className: context.className,
    classTeacher: context.classTeacher?.name ?? null,
    classTeacherPhone: context.classTeacher?.phone ?? null,
    schoolName: context.schoolName,
    termName: chineseTermName(context.term.schoolYear, context.term.termNo),
    termStart: chineseDate(context.term.startDate),
    termEnd: chineseDate(context.term.endDate),
    talkCount: facts.talkCount > 0 ? String(facts.talkCount) : null,
    activities: chineseList(facts.activities, '活动'),
    awards: chineseList(facts.awards, '奖项'),
    gradeTrend: gradeTrendPhrase(facts.gradeChanges),
    healthNotes: facts.healthNotes.length ? facts.healthNotes.join('；') : null,
    signedOn: chineseDate(context.signedOn),
  };
}
