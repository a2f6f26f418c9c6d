import { ethnicityLabels } from './ethnicities';
import type { LabelMap } from './labels';

/**
 * Code lists of the child archive with their labels, in one place for forms, lists and Excel.
 * Values follow reference/mca-forms.md (民发〔2016〕42号 登记表 and the information system's
 * dictionaries); where both the 2016 form and the system name a value, the system's wider list wins.
 */

export const sexes = ['male', 'female'] as const;
export type Sex = (typeof sexes)[number];
export const sexLabels: LabelMap<Sex> = { male: { zh: '男', en: 'Male' }, female: { zh: '女', en: 'Female' } };

/** 户籍性质 */
export const hukouTypes = ['rural', 'urban', 'resident', 'other'] as const;
export type HukouType = (typeof hukouTypes)[number];
export const hukouTypeLabels: LabelMap<HukouType> = {
  rural: { zh: '农村居民户口', en: 'Rural hukou' },
  urban: { zh: '城镇居民户口', en: 'Urban hukou' },
  resident: { zh: '居民户口', en: 'Resident hukou' },
  other: { zh: '其他', en: 'Other' },
};

/** 健康状况 (the system list; the 2016 form's 患病 maps to serious_illness). */
export const healthStatuses = ['healthy', 'weak', 'serious_illness', 'chronic_illness', 'disabled', 'other'] as const;
export type HealthStatus = (typeof healthStatuses)[number];
export const healthStatusLabels: LabelMap<HealthStatus> = {
  healthy: { zh: '健康', en: 'Healthy' },
  weak: { zh: '一般或较弱', en: 'Fair or weak' },
  serious_illness: { zh: '重病', en: 'Serious illness' },
  chronic_illness: { zh: '慢性病', en: 'Chronic illness' },
  disabled: { zh: '残疾', en: 'Disabled' },
  other: { zh: '其他', en: 'Other' },
};

/** 残疾类别 (GB/T 2261.3 61–67). */
export const disabilityCategories = [
  'visual',
  'hearing',
  'speech',
  'physical',
  'intellectual',
  'mental',
  'multiple',
] as const;
export type DisabilityCategory = (typeof disabilityCategories)[number];
export const disabilityCategoryLabels: LabelMap<DisabilityCategory> = {
  visual: { zh: '视力残疾', en: 'Visual' },
  hearing: { zh: '听力残疾', en: 'Hearing' },
  speech: { zh: '言语残疾', en: 'Speech' },
  physical: { zh: '肢体残疾', en: 'Physical' },
  intellectual: { zh: '智力残疾', en: 'Intellectual' },
  mental: { zh: '精神残疾', en: 'Mental' },
  multiple: { zh: '多重残疾', en: 'Multiple' },
};

/** 残疾等级 一级 (most severe) to 四级. */
export const disabilityGrades = ['1', '2', '3', '4'] as const;
export type DisabilityGrade = (typeof disabilityGrades)[number];
export const disabilityGradeLabels: LabelMap<DisabilityGrade> = {
  '1': { zh: '一级', en: 'Grade 1' },
  '2': { zh: '二级', en: 'Grade 2' },
  '3': { zh: '三级', en: 'Grade 3' },
  '4': { zh: '四级', en: 'Grade 4' },
};

/** 就学情况 (2016 form; 中职 ≈ the system's 中专及以上). */
export const schoolingStatuses = [
  'not_in_kindergarten',
  'kindergarten',
  'primary',
  'junior_high',
  'senior_high',
  'vocational',
  'dropped_out',
  'not_in_school',
] as const;
export type SchoolingStatus = (typeof schoolingStatuses)[number];
export const schoolingStatusLabels: LabelMap<SchoolingStatus> = {
  not_in_kindergarten: { zh: '未入园', en: 'Not in kindergarten' },
  kindergarten: { zh: '幼儿园', en: 'Kindergarten' },
  primary: { zh: '小学', en: 'Primary school' },
  junior_high: { zh: '初中', en: 'Junior high school' },
  senior_high: { zh: '高中', en: 'Senior high school' },
  vocational: { zh: '中职', en: 'Vocational school' },
  dropped_out: { zh: '辍学', en: 'Dropped out' },
  not_in_school: { zh: '不在学', en: 'Not in school' },
};

/** 寄宿情况 */
export const boardingStatuses = ['boarding', 'day'] as const;
export type BoardingStatus = (typeof boardingStatuses)[number];
export const boardingStatusLabels: LabelMap<BoardingStatus> = {
  boarding: { zh: '寄宿生', en: 'Boarder' },
  day: { zh: '非寄宿生', en: 'Day pupil' },
};

/** 监护类型 (2016 form, five values; the first three are the 差 grade of 监护情况评估). */
export const guardianshipTypes = ['unattended', 'parent_incapable', 'guardian_insufficient', 'fair', 'good'] as const;
export type GuardianshipType = (typeof guardianshipTypes)[number];
export const guardianshipTypeLabels: LabelMap<GuardianshipType> = {
  unattended: { zh: '无人监护', en: 'No guardian' },
  parent_incapable: { zh: '父或母无监护能力', en: 'A parent is incapable of guardianship' },
  guardian_insufficient: { zh: '受委托监护人监护能力不足', en: 'Entrusted guardian not capable enough' },
  fair: { zh: '监护情况一般', en: 'Guardianship fair' },
  good: { zh: '监护情况较好', en: 'Guardianship good' },
};

/** 家庭经济来源 (multi-select). */
export const incomeSources = ['migrant_work', 'farming', 'government_aid', 'relatives_help', 'other'] as const;
export type IncomeSource = (typeof incomeSources)[number];
export const incomeSourceLabels: LabelMap<IncomeSource> = {
  migrant_work: { zh: '打工收入', en: 'Migrant work' },
  farming: { zh: '种养殖业', en: 'Farming and husbandry' },
  government_aid: { zh: '政府救助', en: 'Government aid' },
  relatives_help: { zh: '亲朋接济', en: 'Help from relatives and friends' },
  other: { zh: '其他', en: 'Other' },
};

/** 救助帮扶措施 (multi-select; the system list, a superset of the 2016 one: 享受低保 ≡ 最低生活保障). */
export const aidMeasures = [
  'poverty_registered',
  'minimum_living',
  'extreme_poverty_support',
  'temporary_aid',
  'medical_aid',
  'housing_aid',
  'disability_living_subsidy',
  'severe_disability_care_subsidy',
  'orphan_allowance',
  'other',
  'none',
] as const;
export type AidMeasure = (typeof aidMeasures)[number];
export const aidMeasureLabels: LabelMap<AidMeasure> = {
  poverty_registered: { zh: '建档立卡贫困户', en: 'Registered poor household' },
  minimum_living: { zh: '最低生活保障', en: 'Minimum living allowance (dibao)' },
  extreme_poverty_support: { zh: '特困供养', en: 'Extreme-poverty support' },
  temporary_aid: { zh: '临时救助', en: 'Temporary aid' },
  medical_aid: { zh: '医疗救助', en: 'Medical aid' },
  housing_aid: { zh: '住房救助', en: 'Housing aid' },
  disability_living_subsidy: { zh: '困难残疾人生活补助', en: 'Living subsidy for disabled people in need' },
  severe_disability_care_subsidy: { zh: '重度残疾人护理补助', en: 'Care subsidy for severe disability' },
  orphan_allowance: { zh: '孤儿津贴', en: 'Orphan allowance' },
  other: { zh: '其他', en: 'Other' },
  none: { zh: '无', en: 'None' },
};

/** 住房情况 (not on the national form; asked for by the 家庭情况). */
export const housingConditions = ['own', 'rented', 'with_relatives', 'dilapidated', 'other'] as const;
export type HousingCondition = (typeof housingConditions)[number];
export const housingConditionLabels: LabelMap<HousingCondition> = {
  own: { zh: '自有住房', en: 'Own home' },
  rented: { zh: '租住', en: 'Rented' },
  with_relatives: { zh: '借住亲友家', en: 'Living with relatives or friends' },
  dilapidated: { zh: '危房', en: 'Dilapidated housing' },
  other: { zh: '其他', en: 'Other' },
};

/** 儿童类别: 留守 (two official cases), 孤儿, 事实无人抚养, and the 困境儿童 kinds. */
export const childCategories = [
  'left_behind_both',
  'left_behind_single',
  'orphan',
  'de_facto_unsupported',
  'difficulty_poverty',
  'difficulty_disability',
  'difficulty_illness',
  'difficulty_guardianship',
  'difficulty_other',
] as const;
export type ChildCategory = (typeof childCategories)[number];
export const childCategoryLabels: LabelMap<ChildCategory> = {
  left_behind_both: { zh: '留守儿童（父母双方外出）', en: 'Left-behind: both parents away' },
  left_behind_single: {
    zh: '留守儿童（一方外出、另一方无监护能力）',
    en: 'Left-behind: one parent away, the other incapable',
  },
  orphan: { zh: '孤儿', en: 'Orphan' },
  de_facto_unsupported: { zh: '事实无人抚养儿童', en: 'De facto unsupported child' },
  difficulty_poverty: { zh: '困境儿童（家庭贫困）', en: 'In difficulty: family poverty' },
  difficulty_disability: { zh: '困境儿童（自身残疾）', en: 'In difficulty: disability' },
  difficulty_illness: { zh: '困境儿童（重病）', en: 'In difficulty: serious illness' },
  difficulty_guardianship: { zh: '困境儿童（监护缺失或不当）', en: 'In difficulty: lacking or improper guardianship' },
  difficulty_other: { zh: '困境儿童（其他）', en: 'In difficulty: other' },
};
/** The categories that count as 留守儿童 for KPIs and the completeness rules. */
export const leftBehindCategories: readonly ChildCategory[] = ['left_behind_both', 'left_behind_single'];
/** Categories whose children need a guardian other than their parents on file. */
export const guardianRequiredCategories: readonly ChildCategory[] = [
  'left_behind_both',
  'left_behind_single',
  'orphan',
  'de_facto_unsupported',
];

/** 关注等级 */
export const careLevels = ['general', 'key', 'special'] as const;
export type CareLevel = (typeof careLevels)[number];
export const careLevelLabels: LabelMap<CareLevel> = {
  general: { zh: '一般关注', en: 'General' },
  key: { zh: '重点关注', en: 'Key' },
  special: { zh: '特别关注', en: 'Special' },
};

/** 在读状态 (with history). */
export const enrollmentStatuses = ['enrolled', 'suspended', 'dropped_out', 'transferred_out', 'graduated'] as const;
export type EnrollmentStatus = (typeof enrollmentStatuses)[number];
export const enrollmentStatusLabels: LabelMap<EnrollmentStatus> = {
  enrolled: { zh: '在读', en: 'Enrolled' },
  suspended: { zh: '休学', en: 'Suspended' },
  dropped_out: { zh: '辍学', en: 'Dropped out' },
  transferred_out: { zh: '转出', en: 'Transferred out' },
  graduated: { zh: '毕业', en: 'Graduated' },
};

export const parentRelations = ['father', 'mother', 'other'] as const;
export type ParentRelation = (typeof parentRelations)[number];
export const parentRelationLabels: LabelMap<ParentRelation> = {
  father: { zh: '父亲', en: 'Father' },
  mother: { zh: '母亲', en: 'Mother' },
  other: { zh: '其他（继父母等）', en: 'Other (step-parent etc.)' },
};

/** 父母状况 */
export const parentStatuses = [
  'migrant_work',
  'at_home',
  'deceased',
  'imprisoned',
  'missing',
  'incapable',
  'other',
] as const;
export type ParentStatus = (typeof parentStatuses)[number];
export const parentStatusLabels: LabelMap<ParentStatus> = {
  migrant_work: { zh: '外出务工', en: 'Working away' },
  at_home: { zh: '在家', en: 'At home' },
  deceased: { zh: '去世', en: 'Deceased' },
  imprisoned: { zh: '服刑', en: 'Imprisoned' },
  missing: { zh: '失联', en: 'Missing' },
  incapable: { zh: '无监护能力', en: 'Incapable of guardianship' },
  other: { zh: '其他', en: 'Other' },
};

/** 回家频次 */
export const returnFrequencies = ['weekly', 'monthly', 'quarterly', 'half_yearly', 'yearly', 'rarely'] as const;
export type ReturnFrequency = (typeof returnFrequencies)[number];
export const returnFrequencyLabels: LabelMap<ReturnFrequency> = {
  weekly: { zh: '每周', en: 'Weekly' },
  monthly: { zh: '每月', en: 'Monthly' },
  quarterly: { zh: '每季度', en: 'Quarterly' },
  half_yearly: { zh: '每半年', en: 'Twice a year' },
  yearly: { zh: '每年（春节）', en: 'Yearly (Spring Festival)' },
  rarely: { zh: '一年以上或很少', en: 'Less than yearly' },
};

/** 与孩子联系频次 (the law asks for at least weekly contact). */
export const contactFrequencies = ['daily', 'weekly', 'monthly', 'rarely', 'never'] as const;
export type ContactFrequency = (typeof contactFrequencies)[number];
export const contactFrequencyLabels: LabelMap<ContactFrequency> = {
  daily: { zh: '每天', en: 'Daily' },
  weekly: { zh: '每周', en: 'Weekly' },
  monthly: { zh: '每月', en: 'Monthly' },
  rarely: { zh: '很少', en: 'Rarely' },
  never: { zh: '从不', en: 'Never' },
};

/** 监护人与儿童关系 */
export const guardianRelations = ['paternal_grandparent', 'maternal_grandparent', 'relative', 'other'] as const;
export type GuardianRelation = (typeof guardianRelations)[number];
export const guardianRelationLabels: LabelMap<GuardianRelation> = {
  paternal_grandparent: { zh: '祖父母', en: 'Paternal grandparent' },
  maternal_grandparent: { zh: '外祖父母', en: 'Maternal grandparent' },
  relative: { zh: '其他亲属', en: 'Relative' },
  other: { zh: '其他', en: 'Other' },
};

/** 监护人健康状况 */
export const guardianHealthStatuses = ['healthy', 'fair', 'poor', 'disabled'] as const;
export type GuardianHealthStatus = (typeof guardianHealthStatuses)[number];
export const guardianHealthStatusLabels: LabelMap<GuardianHealthStatus> = {
  healthy: { zh: '健康', en: 'Healthy' },
  fair: { zh: '一般', en: 'Fair' },
  poor: { zh: '体弱多病', en: 'Poor' },
  disabled: { zh: '残疾', en: 'Disabled' },
};

/** 文化程度 */
export const literacyLevels = ['illiterate', 'primary', 'junior_high', 'senior_high', 'college'] as const;
export type LiteracyLevel = (typeof literacyLevels)[number];
export const literacyLevelLabels: LabelMap<LiteracyLevel> = {
  illiterate: { zh: '不识字或识字很少', en: 'Illiterate or nearly' },
  primary: { zh: '小学', en: 'Primary school' },
  junior_high: { zh: '初中', en: 'Junior high school' },
  senior_high: { zh: '高中或中专', en: 'Senior high or vocational' },
  college: { zh: '大专及以上', en: 'College or above' },
};

/** 年级 1–12 (一年级 … 高三); 0 = 幼儿园. */
export const grades = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
const gradeNames = [
  '幼儿园',
  '一年级',
  '二年级',
  '三年级',
  '四年级',
  '五年级',
  '六年级',
  '初一',
  '初二',
  '初三',
  '高一',
  '高二',
  '高三',
];
export function gradeLabel(grade: number, language: 'zh-CN' | 'en' = 'zh-CN'): string {
  if (language === 'en') return grade === 0 ? 'Kindergarten' : `Grade ${grade}`;
  return gradeNames[grade] ?? String(grade);
}

/** Every code list of the archive by field name, for Excel drop-downs and import mapping. */
export const childCodeLists = {
  sex: sexLabels,
  ethnicity: ethnicityLabels,
  hukouType: hukouTypeLabels,
  health: healthStatusLabels,
  disabilityCategory: disabilityCategoryLabels,
  disabilityGrade: disabilityGradeLabels,
  schooling: schoolingStatusLabels,
  boarding: boardingStatusLabels,
  guardianshipType: guardianshipTypeLabels,
  incomeSources: incomeSourceLabels,
  aidMeasures: aidMeasureLabels,
  housing: housingConditionLabels,
  category: childCategoryLabels,
  careLevel: careLevelLabels,
  enrollmentStatus: enrollmentStatusLabels,
  parentRelation: parentRelationLabels,
  parentStatus: parentStatusLabels,
  returnFrequency: returnFrequencyLabels,
  contactFrequency: contactFrequencyLabels,
  guardianRelation: guardianRelationLabels,
  guardianHealth: guardianHealthStatusLabels,
  literacy: literacyLevelLabels,
} as const;
