import type { HealthFlag, TeethStatus } from '../enums/health';

/**
 * What a parent should know from the child's latest health check, in plain words for a letter
 * (the screening labels are for staff). Vision flags say the most serious thing once.
 */
const flagNotes: Record<HealthFlag, string> = {
  stunting: '身高低于同龄孩子的正常范围，请多留意孩子的营养和睡眠',
  thinness_moderate_severe: '体重明显偏轻，请注意孩子的营养，必要时带孩子就医',
  thinness_mild: '体重略偏轻，请注意孩子的营养',
  overweight: '体重超重，请提醒孩子少吃零食、多运动',
  obesity: '体重偏胖，请提醒孩子少吃零食和油炸食品、多运动',
  vision_mild: '视力轻度下降，请提醒孩子注意用眼卫生',
  vision_moderate: '视力中度下降，建议带孩子到医院眼科检查',
  vision_severe: '视力下降较多，请尽快带孩子到医院眼科检查',
  vision_refer: '建议带孩子到医院眼科检查视力',
  vision_unequal: '两只眼睛视力相差较大，建议到医院眼科检查',
};

const visionOrder: HealthFlag[] = ['vision_severe', 'vision_moderate', 'vision_unequal', 'vision_refer', 'vision_mild'];

export interface HealthCheckFacts {
  flags: readonly HealthFlag[];
  teeth: TeethStatus | null;
  referralNeeded: boolean;
  referralTo: string | null;
}

/** The notes of one check; empty when nothing needs a parent's attention. */
export function healthNotesOf(check: HealthCheckFacts): string[] {
  const notes: string[] = [];
  const vision = visionOrder.find((f) => check.flags.includes(f));
  for (const flag of check.flags) if (!flag.startsWith('vision_')) notes.push(flagNotes[flag]);
  if (vision) notes.push(flagNotes[vision]);
  if (check.teeth === 'caries') notes.push('有龋齿，请提醒孩子早晚刷牙、少吃甜食');
  if (check.referralNeeded && check.referralTo?.trim()) notes.push(`医生建议到${check.referralTo.trim()}进一步检查`);
  return notes;
}
