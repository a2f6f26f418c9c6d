import { leftBehindCategories } from '../enums/children';
import { defaultWindowDays } from './periods';
import type { ScheduleRule } from './types';

export type CareRuleTemplate = Omit<ScheduleRule, 'id' | 'active'>;

const byClassTeacher = {
  categories: leftBehindCategories,
  careLevels: [],
  responsibleRole: 'class_teacher',
  responsiblePairingKind: null,
} as const;

/**
 * The rules a school starts with, as the seed reports set them for 留守儿童: 班主任每月至少谈心一次;
 * 期初、期中、期末家访; 每月与家长联系一次; 每月与临时监护人沟通一次; 每周一节亲情电话课.
 */
export const defaultCareRules: readonly CareRuleTemplate[] = [
  { kind: 'talk', frequency: 'monthly', windowDays: defaultWindowDays, ...byClassTeacher },
  { kind: 'home_visit', frequency: 'term_windows', windowDays: defaultWindowDays, ...byClassTeacher },
  { kind: 'parent_contact', frequency: 'monthly', windowDays: defaultWindowDays, ...byClassTeacher },
  { kind: 'guardian_contact', frequency: 'monthly', windowDays: defaultWindowDays, ...byClassTeacher },
  { kind: 'family_call', frequency: 'weekly', windowDays: defaultWindowDays, ...byClassTeacher },
];
