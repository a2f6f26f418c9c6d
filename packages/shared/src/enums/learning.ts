import type { LabelMap } from './labels';

/** 学习帮扶 code lists: the subjects of term grades and study plans (primary and junior middle school). */
export const gradeSubjects = [
  'chinese',
  'math',
  'english',
  'morality',
  'science',
  'physics',
  'chemistry',
  'biology',
  'history',
  'geography',
] as const;
export type GradeSubject = (typeof gradeSubjects)[number];
export const gradeSubjectLabels: LabelMap<GradeSubject> = {
  chinese: { zh: '语文', en: 'Chinese' },
  math: { zh: '数学', en: 'Mathematics' },
  english: { zh: '英语', en: 'English' },
  morality: { zh: '道德与法治', en: 'Morality and law' },
  science: { zh: '科学', en: 'Science' },
  physics: { zh: '物理', en: 'Physics' },
  chemistry: { zh: '化学', en: 'Chemistry' },
  biology: { zh: '生物', en: 'Biology' },
  history: { zh: '历史', en: 'History' },
  geography: { zh: '地理', en: 'Geography' },
};
/** The full mark a subject's term exam has unless the batch says otherwise. */
export const defaultFullMark = 100;
