/**
 * The mix of the generated children's archive (children.gen.ts): the weighted distributions of
 * categories, care levels, family situations, parents' work and guardians, where each child is
 * filed, and the small pure helpers that derive a child's dates and schooling from them.
 */
import type {
  CareLevel,
  ChildCategory,
  EnrollmentStatus,
  GuardianRelation,
  ParentStatus,
  SchoolingStatus,
} from '@shouwang/shared';
import { type Random, type WeightedEntry, weightedPicker } from '../demo/random';
import type { child as childTable } from '../modules/children/children.table';
import type { guardian as guardianTable } from '../modules/children/guardians.table';
import type { parent as parentTable } from '../modules/children/parents.table';
import { allocate } from './allocate';
import { groupBy } from './group-by';
import { dateBetween, dayOf, isoDay } from './people';
import type { GenClass, GenContext, GenSchool, GenVillage } from './world';

export type ChildRow = typeof childTable.$inferInsert;
export type ParentRow = typeof parentTable.$inferInsert;
export type GuardianRow = typeof guardianTable.$inferInsert;

/** Share of children in the archive who go to no school here (under school age, or left school). */
export const outOfSchoolShare = 0.12;
/** Share of the archive that is left-behind when the scale does not fix the number. */
export const leftBehindShare = 0.72;

/** Children in the archive per student, by kind of school: villages send the most parents away. */
export const archiveRate: Record<GenSchool['schoolKind'], number> = {
  village_primary: 0.45,
  central_primary: 0.35,
  township_middle: 0.35,
  county_primary: 0.15,
  county_middle: 0.15,
};

export const pick = <T>(entries: readonly WeightedEntry<T>[]) => weightedPicker(entries);

export const otherCategory = pick<ChildCategory>([
  ['orphan', 12],
  ['de_facto_unsupported', 15],
  ['difficulty_poverty', 45],
  ['difficulty_disability', 12],
  ['difficulty_illness', 8],
  ['difficulty_guardianship', 5],
  ['difficulty_other', 3],
]);
export const extraDifficulty = pick<ChildCategory>([
  ['difficulty_poverty', 70],
  ['difficulty_disability', 12],
  ['difficulty_illness', 10],
  ['difficulty_guardianship', 8],
]);
export const careLevelOf: Record<'both' | 'single' | 'unsupported' | 'difficulty', (rng: Random) => CareLevel> = {
  both: pick<CareLevel>([
    ['general', 75],
    ['key', 20],
    ['special', 5],
  ]),
  single: pick<CareLevel>([
    ['general', 68],
    ['key', 25],
    ['special', 7],
  ]),
  unsupported: pick<CareLevel>([
    ['general', 30],
    ['key', 50],
    ['special', 20],
  ]),
  difficulty: pick<CareLevel>([
    ['general', 60],
    ['key', 30],
    ['special', 10],
  ]),
};
export const laterStatus = pick<EnrollmentStatus | null>([
  [null, 93],
  ['transferred_out', 3.5],
  ['suspended', 1.2],
  ['dropped_out', 1],
  ['graduated', 1.3],
]);
export const ethnicity = pick<ChildRow['ethnicity']>([
  ['01', 90],
  ['15', 4],
  ['06', 3],
  ['12', 2],
  ['13', 1],
]);
export const health = pick<NonNullable<ChildRow['health']>>([
  ['healthy', 90],
  ['weak', 6],
  ['chronic_illness', 2],
  ['other', 2],
]);
export const guardianship = pick<NonNullable<ChildRow['guardianshipType']>>([
  ['good', 38],
  ['fair', 48],
  ['guardian_insufficient', 11],
  ['parent_incapable', 2],
  ['unattended', 1],
]);
export const housing = pick<NonNullable<ChildRow['housing']>>([
  ['own', 80],
  ['with_relatives', 8],
  ['rented', 5],
  ['dilapidated', 3],
  ['other', 4],
]);
export const workPlace = pick<readonly [string, string]>([
  [['广东省', '深圳市'], 12],
  [['广东省', '东莞市'], 10],
  [['广东省', '广州市'], 9],
  [['广东省', '佛山市'], 5],
  [['浙江省', '杭州市'], 6],
  [['浙江省', '宁波市'], 5],
  [['浙江省', '温州市'], 4],
  [['浙江省', '金华市'], 4],
  [['江苏省', '苏州市'], 7],
  [['江苏省', '南京市'], 3],
  [['上海市', '上海市'], 6],
  [['北京市', '北京市'], 3],
  [['福建省', '厦门市'], 4],
  [['福建省', '泉州市'], 4],
  [['湖北省', '武汉市'], 3],
  [['湖南省', '长沙市'], 4],
  [['新疆维吾尔自治区', '乌鲁木齐市'], 1],
]);
export const occupations = [
  '电子厂流水线工人',
  '建筑工人',
  '餐饮服务员',
  '快递员',
  '货车司机',
  '保洁员',
  '装修工',
  '个体经营',
  '保姆',
  '厨师',
  '服装厂工人',
  '外卖骑手',
] as const;
export const returnFrequency = pick<NonNullable<ParentRow['returnFrequency']>>([
  ['yearly', 55],
  ['half_yearly', 18],
  ['quarterly', 10],
  ['monthly', 5],
  ['weekly', 1],
  ['rarely', 11],
]);
export const contactFrequency = pick<NonNullable<ParentRow['contactFrequency']>>([
  ['weekly', 55],
  ['daily', 15],
  ['monthly', 20],
  ['rarely', 8],
  ['never', 2],
]);
export const otherParentStatus = pick<ParentStatus>([
  ['incapable', 40],
  ['deceased', 25],
  ['missing', 15],
  ['imprisoned', 10],
  ['other', 10],
]);
export const guardianRelation = pick<GuardianRelation>([
  ['paternal_grandparent', 60],
  ['maternal_grandparent', 20],
  ['relative', 15],
  ['other', 5],
]);
export const elderLiteracy = pick<NonNullable<GuardianRow['literacy']>>([
  ['illiterate', 35],
  ['primary', 45],
  ['junior_high', 17],
  ['senior_high', 3],
]);
export const adultLiteracy = pick<NonNullable<GuardianRow['literacy']>>([
  ['primary', 20],
  ['junior_high', 55],
  ['senior_high', 20],
  ['college', 5],
]);
export const guardianHealth = pick<NonNullable<GuardianRow['health']>>([
  ['healthy', 45],
  ['fair', 40],
  ['poor', 12],
  ['disabled', 3],
]);

export const notes = {
  personality: [
    '性格内向，不爱说话',
    '活泼开朗，喜欢和同学玩',
    '比较敏感，自尊心强',
    '懂事，能帮爷爷奶奶做家务',
    '脾气有点倔，需要耐心引导',
    '胆子小，上课不敢发言',
  ],
  interests: ['喜欢画画', '喜欢打篮球', '爱看课外书', '喜欢唱歌', '喜欢跳绳', '喜欢下象棋', '喜欢做手工', '爱踢足球'],
  study: [
    '成绩中等，数学较好',
    '语文基础薄弱，需要辅导',
    '学习自觉，成绩优秀',
    '作业经常完不成',
    '偏科，英语较差',
    '成绩中上，书写工整',
  ],
  thinking: ['想念在外打工的父母', '希望父母早点回家', '想考上县城的中学', '对未来没有明确想法', '想当老师'],
  psychology: ['情绪稳定', '偶尔情绪低落，需要关注', '有些孤独感，渴望陪伴', '考试前容易焦虑', '心理状态良好'],
  character: ['诚实守信，尊敬长辈', '有礼貌，乐于助人', '偶有说谎现象', '团结同学，集体荣誉感强'],
  healthNote: ['视力下降，建议配镜', '体质偏弱，容易感冒', '有过敏性鼻炎', '龋齿，已通知家长'],
} as const;

export function parentStatuses(
  rng: Random,
  kind: 'both' | 'single' | 'unsupported' | 'difficulty',
  orphan: boolean,
  wasLeftBehind: boolean,
): (ParentStatus | null)[] {
  switch (kind) {
    case 'both':
      return ['migrant_work', 'migrant_work'];
    case 'single':
      return rng.chance(0.8) ? ['migrant_work', otherParentStatus(rng)] : [otherParentStatus(rng), 'migrant_work'];
    case 'unsupported':
      // 事实无人抚养: one parent dead, imprisoned or missing and the other unable to care.
      return orphan
        ? ['deceased', 'deceased']
        : [rng.pick(['deceased', 'imprisoned', 'missing'] as const), rng.pick(['missing', 'incapable'] as const)];
    case 'difficulty':
      if (wasLeftBehind) return ['at_home', 'at_home'];
      return rng.chance(0.3) ? ['migrant_work', 'at_home'] : ['at_home', rng.chance(0.05) ? null : 'at_home'];
  }
}

export const pad2 = (n: number) => String(n).padStart(2, '0');
export const laterOf = (a: string, b: string) => (a > b ? a : b);

/** Born in the school year that puts the child in `grade` (a few a year older: late start or repeated year). */
export function birthDateForGrade(rng: Random, startYear: number, grade: number): string {
  const from = startYear - 6 - grade - (rng.chance(0.05) ? 1 : 0);
  return dateBetween(rng, `${from}-09-01`, `${from + 1}-08-31`);
}

/** Not in school: mostly under school age, some older children who left school. */
export function birthDateOutOfSchool(rng: Random, today: string): string {
  const day = dayOf(today);
  return rng.chance(0.8) ? isoDay(day - rng.int(200, 6 * 365)) : isoDay(day - rng.int(12 * 365, 16 * 365));
}

export function schoolingOf(
  school: GenSchool | null,
  cls: GenClass | null,
  age: number,
  status: EnrollmentStatus | null,
): SchoolingStatus {
  if (status === 'dropped_out') return 'dropped_out';
  if (school && cls) return cls.grade >= 7 ? 'junior_high' : 'primary';
  if (age < 3) return 'not_in_kindergarten';
  if (age < 6) return 'kindergarten';
  return 'not_in_school';
}

export function boardingOf(rng: Random, school: GenSchool | null): 'boarding' | 'day' {
  if (!school) return 'day';
  const share = school.grades[0]! >= 7 ? 0.7 : school.schoolKind === 'central_primary' ? 0.25 : 0.05;
  return rng.chance(share) ? 'boarding' : 'day';
}

export interface Placement {
  village: GenVillage;
  school: GenSchool | null;
  cls: GenClass | null;
}

/**
 * Where each child is filed: most in a class (spread over schools by their students and how many
 * of them a school of that kind has in the archive), the rest in their home village only.
 */
export function placeChildren(ctx: GenContext, rng: Random): Placement[] {
  const { world, spec } = ctx;
  const total = spec.children;
  const inSchool = spec.seedSchool ? total : Math.round(total * (1 - outOfSchoolShare));
  const classes = world.classes;
  const schoolOf = new Map(world.schools.map((s) => [s.id, s]));
  const perClass = allocate(
    inSchool,
    classes.map((c) => (c.studentCount ?? 0) * archiveRate[schoolOf.get(c.schoolId)!.schoolKind]),
    { max: classes.map((c) => c.studentCount ?? 0) },
  );
  const villagesOf = groupBy(world.villages, (v) => v.townshipId);
  const villageById = new Map(world.villages.map((v) => [v.id, v]));
  const homeOf = (school: GenSchool): GenVillage => {
    if (school.villageId && rng.chance(0.85)) return villageById.get(school.villageId)!;
    const near = school.townshipId ? villagesOf.get(school.townshipId)! : world.villages;
    return rng.pick(near);
  };
  const out: Placement[] = [];
  classes.forEach((cls, i) => {
    const school = schoolOf.get(cls.schoolId)!;
    for (let n = 0; n < perClass[i]!; n++) out.push({ village: homeOf(school), school, cls });
  });
  for (let n = inSchool; n < total; n++) out.push({ village: rng.pick(world.villages), school: null, cls: null });
  return out;
}

/** Parents' statuses (father, mother; null: not on file) as the child's situation implies. */
