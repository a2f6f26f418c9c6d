import type { LabelMap } from './labels';

/** 体检 code lists: dental findings and the screening flags of packages/shared/src/health. */

/** 牙齿 (dental) finding of a school health check. */
export const teethStatuses = ['normal', 'caries', 'other'] as const;
export type TeethStatus = (typeof teethStatuses)[number];
export const teethStatusLabels: LabelMap<TeethStatus> = {
  normal: { zh: '正常', en: 'Normal' },
  caries: { zh: '龋齿', en: 'Caries' },
  other: { zh: '其他问题', en: 'Other problem' },
};

/**
 * Screening flags. Growth flags follow WS/T 456-2014 (stunting, thinness) and WS/T 586-2018
 * (overweight, obesity) for ages 6–17; vision flags grade uncorrected distance acuity on the
 * 5-point chart (GB 11533-2011) for ages 6 and up; `vision_unequal` (eyes ≥ 2 lines apart) and
 * `vision_refer` (a preschooler below 5.0: refer for an eye check, no grade) apply at any age.
 */
export const healthFlags = [
  'stunting',
  'thinness_moderate_severe',
  'thinness_mild',
  'overweight',
  'obesity',
  'vision_mild',
  'vision_moderate',
  'vision_severe',
  'vision_refer',
  'vision_unequal',
] as const;
export type HealthFlag = (typeof healthFlags)[number];
export const healthFlagLabels: LabelMap<HealthFlag> = {
  stunting: { zh: '疑似生长迟缓', en: 'Possible stunting' },
  thinness_moderate_severe: { zh: '疑似中重度消瘦', en: 'Possible moderate/severe thinness' },
  thinness_mild: { zh: '疑似轻度消瘦', en: 'Possible mild thinness' },
  overweight: { zh: '超重', en: 'Overweight' },
  obesity: { zh: '肥胖', en: 'Obesity' },
  vision_mild: { zh: '轻度视力不良', en: 'Mild poor vision' },
  vision_moderate: { zh: '中度视力不良', en: 'Moderate poor vision' },
  vision_severe: { zh: '重度视力不良', en: 'Severe poor vision' },
  vision_refer: { zh: '建议眼科检查', en: 'Refer for an eye check' },
  vision_unequal: { zh: '双眼视力相差两行及以上', en: 'Eyes differ by two lines or more' },
};
/** The standard each flag comes from, for the tooltip beside it. */
export const healthFlagStandards: LabelMap<HealthFlag> = {
  stunting: { zh: 'WS/T 456-2014《学龄儿童青少年营养不良筛查》', en: 'WS/T 456-2014 (malnutrition screening)' },
  thinness_moderate_severe: {
    zh: 'WS/T 456-2014《学龄儿童青少年营养不良筛查》',
    en: 'WS/T 456-2014 (malnutrition screening)',
  },
  thinness_mild: { zh: 'WS/T 456-2014《学龄儿童青少年营养不良筛查》', en: 'WS/T 456-2014 (malnutrition screening)' },
  overweight: {
    zh: 'WS/T 586-2018《学龄儿童青少年超重与肥胖筛查》',
    en: 'WS/T 586-2018 (overweight and obesity screening)',
  },
  obesity: {
    zh: 'WS/T 586-2018《学龄儿童青少年超重与肥胖筛查》',
    en: 'WS/T 586-2018 (overweight and obesity screening)',
  },
  vision_mild: { zh: 'GB 11533-2011 标准对数视力表：4.9 为轻度', en: 'GB 11533-2011 5-point chart: 4.9 is mild' },
  vision_moderate: {
    zh: 'GB 11533-2011 标准对数视力表：4.6–4.8 为中度',
    en: 'GB 11533-2011 5-point chart: 4.6–4.8 is moderate',
  },
  vision_severe: {
    zh: 'GB 11533-2011 标准对数视力表：4.5 及以下为重度',
    en: 'GB 11533-2011 5-point chart: 4.5 or less is severe',
  },
  vision_refer: {
    zh: '6岁以下儿童裸眼视力低于5.0时建议到眼科复查（不分级）',
    en: 'Under 6 with uncorrected acuity below 5.0: refer, no grade',
  },
  vision_unequal: { zh: '两眼视力相差0.2及以上（两行）', en: 'Eyes 0.2 or more apart (two lines)' },
};
/** Flags that call for attention in red (the rest show in orange). */
export const seriousHealthFlags: readonly HealthFlag[] = [
  'stunting',
  'thinness_moderate_severe',
  'obesity',
  'vision_severe',
];
