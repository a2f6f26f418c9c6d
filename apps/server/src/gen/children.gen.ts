import {
  type AidMeasure,
  archiveCompleteness,
  type CareLevel,
  type ChildCategory,
  type EnrollmentStatus,
  type GuardianRelation,
  guardianRequiredCategories,
  type IncomeSource,
  leftBehindCategories,
  type ParentStatus,
  type SchoolingStatus,
} from '@shouwang/shared';
import { type Gender, localSurnames, personName, pickSurname } from '../demo/names';
import { type Random, type WeightedEntry, weightedPicker } from '../demo/random';
import { childCategory, childEnrollment, child as childTable } from '../modules/children/children.table';
import { guardianEntrustment, guardian as guardianTable } from '../modules/children/guardians.table';
import { idNumberColumns } from '../modules/children/id-number-hash';
import { parent as parentTable } from '../modules/children/parents.table';
import { pinyinKeys } from '../modules/children/pinyin-keys';
import { allocate } from './allocate';
import { bulkInsert } from './bulk-insert';
import { groupBy } from './group-by';
import { dateBetween, dayOf, idNumberFor, isoDay, phoneFor, regionCodeFor } from './people';
import type { GenChild, GenClass, GenContext, GenPart, GenSchool, GenVillage } from './world';

type ChildRow = typeof childTable.$inferInsert;
type ParentRow = typeof parentTable.$inferInsert;
type GuardianRow = typeof guardianTable.$inferInsert;

/** Share of children in the archive who go to no school here (under school age, or left school). */
const outOfSchoolShare = 0.12;
/** Share of the archive that is left-behind when the scale does not fix the number. */
const leftBehindShare = 0.72;

/** Children in the archive per student, by kind of school: villages send the most parents away. */
const archiveRate: Record<GenSchool['schoolKind'], number> = {
  village_primary: 0.45,
  central_primary: 0.35,
  township_middle: 0.35,
  county_primary: 0.15,
  county_middle: 0.15,
};

const pick = <T>(entries: readonly WeightedEntry<T>[]) => weightedPicker(entries);

const otherCategory = pick<ChildCategory>([
  ['orphan', 12],
  ['de_facto_unsupported', 15],
  ['difficulty_poverty', 45],
  ['difficulty_disability', 12],
  ['difficulty_illness', 8],
  ['difficulty_guardianship', 5],
  ['difficulty_other', 3],
]);
const extraDifficulty = pick<ChildCategory>([
  ['difficulty_poverty', 70],
  ['difficulty_disability', 12],
  ['difficulty_illness', 10],
  ['difficulty_guardianship', 8],
]);
const careLevelOf: Record<'both' | 'single' | 'unsupported' | 'difficulty', (rng: Random) => CareLevel> = {
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
const laterStatus = pick<EnrollmentStatus | null>([
  [null, 93],
  ['transferred_out', 3.5],
  ['suspended', 1.2],
  ['dropped_out', 1],
  ['graduated', 1.3],
]);
const ethnicity = pick<ChildRow['ethnicity']>([
  ['01', 90],
  ['15', 4],
  ['06', 3],
  ['12', 2],
  ['13', 1],
]);
const health = pick<NonNullable<ChildRow['health']>>([
  ['healthy', 90],
  ['weak', 6],
  ['chronic_illness', 2],
  ['other', 2],
]);
const guardianship = pick<NonNullable<ChildRow['guardianshipType']>>([
  ['good', 38],
  ['fair', 48],
  ['guardian_insufficient', 11],
  ['parent_incapable', 2],
  ['unattended', 1],
]);
const housing = pick<NonNullable<ChildRow['housing']>>([
  ['own', 80],
  ['with_relatives', 8],
  ['rented', 5],
  ['dilapidated', 3],
  ['other', 4],
]);
const workPlace = pick<readonly [string, string]>([
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
const occupations = [
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
const returnFrequency = pick<NonNullable<ParentRow['returnFrequency']>>([
  ['yearly', 55],
  ['half_yearly', 18],
  ['quarterly', 10],
  ['monthly', 5],
  ['weekly', 1],
  ['rarely', 11],
]);
const contactFrequency = pick<NonNullable<ParentRow['contactFrequency']>>([
  ['weekly', 55],
  ['daily', 15],
  ['monthly', 20],
  ['rarely', 8],
  ['never', 2],
]);
const otherParentStatus = pick<ParentStatus>([
  ['incapable', 40],
  ['deceased', 25],
  ['missing', 15],
  ['imprisoned', 10],
  ['other', 10],
]);
const guardianRelation = pick<GuardianRelation>([
  ['paternal_grandparent', 60],
  ['maternal_grandparent', 20],
  ['relative', 15],
  ['other', 5],
]);
const elderLiteracy = pick<NonNullable<GuardianRow['literacy']>>([
  ['illiterate', 35],
  ['primary', 45],
  ['junior_high', 17],
  ['senior_high', 3],
]);
const adultLiteracy = pick<NonNullable<GuardianRow['literacy']>>([
  ['primary', 20],
  ['junior_high', 55],
  ['senior_high', 20],
  ['college', 5],
]);
const guardianHealth = pick<NonNullable<GuardianRow['health']>>([
  ['healthy', 45],
  ['fair', 40],
  ['poor', 12],
  ['disabled', 3],
]);

const notes = {
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

interface Placement {
  village: GenVillage;
  school: GenSchool | null;
  cls: GenClass | null;
}

/**
 * 儿童档案 at county scale: `spec.children` children (left-behind for the most part, with orphans,
 * de facto unsupported children and children in difficulty), filed at a class of a school in
 * proportion to its students (villages' schools more than the county seat's) or, for children not
 * in school, at their home village only. Each has the category periods, enrollment history,
 * parents and guardians (with signed entrustments) the archive keeps, names with pinyin keys from
 * the children module's own `pinyinKeys`, valid ID numbers, and the completeness the module's
 * rules derive — about one archive in five is missing something, as in real ones.
 */
export const childrenGen: GenPart = {
  name: 'children',
  tables: ['child', 'child_category', 'child_enrollment', 'parent', 'guardian', 'guardian_entrustment'],
  async run(ctx) {
    const { world } = ctx;
    const rng = ctx.rng('children');
    const names = ctx.rng('children-names');
    const newId = ctx.ids('children');
    const placements = placeChildren(ctx, rng);
    const region = regionCodeFor(ctx.rng('region'));
    const takenIds = new Set<string>();
    const townshipName = new Map(world.townships.map((t) => [t.id, t.name]));
    const villageSurnames = new Map(world.villages.map((v) => [v.id, localSurnames(names, 4)]));
    const directors = new Map<string, { name: string; phone: string }>();
    for (const s of world.staff)
      for (const r of s.roles)
        if (r.role === 'child_director') directors.set(r.orgId, { name: s.displayName, phone: phoneFor(rng) });
    const leftBehindCount =
      ctx.spec.leftBehindChildren ?? Math.round(placements.length * leftBehindShare * (0.95 + rng.next() * 0.1));
    const leftBehindFlags = rng.shuffle(placements.map((_, i) => i < leftBehindCount));
    const today = isoDay(dayOf(ctx.now.toISOString().slice(0, 10)));
    const y = world.schoolYear.startYear;
    const setupAt = new Date(ctx.now.getTime() - 120 * 86_400_000);

    const children: ChildRow[] = [];
    const categories: (typeof childCategory.$inferInsert)[] = [];
    const enrollments: (typeof childEnrollment.$inferInsert)[] = [];
    const parents: ParentRow[] = [];
    const guardians: GuardianRow[] = [];
    const entrustments: (typeof guardianEntrustment.$inferInsert)[] = [];
    const genChildren: GenChild[] = [];

    placements.forEach(({ village, school, cls }, index) => {
      const id = newId();
      const countyId = world.county.id;
      const leftBehind = leftBehindFlags[index]!;
      const place = `${townshipName.get(village.townshipId)}${village.name}`;
      const address = `${place}${rng.int(1, 12)}组`;

      // Who the child is.
      const surname = rng.chance(0.7) ? rng.pick(villageSurnames.get(village.id)!) : pickSurname(names);
      const person = personName(names, { generation: 'child', surname });
      const sex = person.gender;
      const birthDate = cls ? birthDateForGrade(rng, y, cls.grade) : birthDateOutOfSchool(rng, today);
      const age = Math.floor((dayOf(today) - dayOf(birthDate)) / 365.25);

      // Why the child is in the archive.
      const open: ChildCategory[] = [];
      let kind: 'both' | 'single' | 'unsupported' | 'difficulty';
      if (leftBehind) {
        kind = rng.chance(0.78) ? 'both' : 'single';
        open.push(kind === 'both' ? 'left_behind_both' : 'left_behind_single');
        if (rng.chance(0.15)) open.push(extraDifficulty(rng));
      } else {
        const category = otherCategory(rng);
        open.push(category);
        kind = category === 'orphan' || category === 'de_facto_unsupported' ? 'unsupported' : 'difficulty';
      }
      const wasLeftBehind = !leftBehind && kind === 'difficulty' && rng.chance(0.1);
      const leftOn = dateBetween(rng, laterOf(birthDate, `${y - 8}-01-01`), `${y}-08-31`);
      for (const category of open)
        categories.push({
          childId: id,
          countyId,
          category,
          startDate: category.startsWith('left_behind') ? leftOn : dateBetween(rng, birthDate, `${y}-08-31`),
          createdAt: setupAt,
        });
      if (wasLeftBehind)
        categories.push({
          childId: id,
          countyId,
          category: 'left_behind_both',
          startDate: leftOn,
          endDate: dateBetween(rng, leftOn, today),
          note: '父母返乡',
          createdAt: setupAt,
        });

      const disabled = open.includes('difficulty_disability');
      const ill = open.includes('difficulty_illness');
      const poor = open.includes('difficulty_poverty');
      const hukouRegistered = !rng.chance(0.02);
      const ids = hukouRegistered && !rng.chance(0.03) ? idNumberFor(rng, region, birthDate, sex, takenIds) : null;

      // Parents and guardians, as the categories imply.
      const fatherSurname = person.surname;
      const statuses = parentStatuses(rng, kind, open.includes('orphan'), wasLeftBehind);
      const familyParents: ParentRow[] = [];
      (['father', 'mother'] as const).forEach((relation, i) => {
        const status = statuses[i]!;
        if (status === null) return;
        const away = status === 'migrant_work';
        const [province, city] = away ? workPlace(rng) : [null, null];
        const born = `${Number(birthDate.slice(0, 4)) - rng.int(22, 36)}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`;
        const gender: Gender = relation === 'father' ? 'male' : 'female';
        const name = personName(names, {
          generation: 'adult',
          gender,
          surname: relation === 'father' ? fatherSurname : undefined,
        }).fullName;
        const parentId = rng.chance(0.7) ? idNumberColumns(idNumberFor(rng, region, born, gender)) : null;
        const row: ParentRow = {
          childId: id,
          countyId,
          relation: rng.chance(0.02) ? 'other' : relation,
          name,
          status,
          birthDate: born,
          // Encrypted at rest like the children's (the generated data must look like real data).
          idNumber: parentId?.idNumber ?? null,
          idNumberMasked: parentId?.idNumberMasked ?? null,
          workProvince: rng.chance(0.96) ? province : null,
          workCity: city,
          occupation: away ? rng.pick(occupations) : null,
          phones: status === 'deceased' ? [] : rng.chance(0.15) ? [phoneFor(rng), phoneFor(rng)] : [phoneFor(rng)],
          leftHomeOn: away ? leftOn : null,
          returnFrequency: away ? returnFrequency(rng) : null,
          contactFrequency: away ? contactFrequency(rng) : null,
          unreachable: status === 'missing' || (away && rng.chance(0.02)),
          createdAt: setupAt,
          updatedAt: setupAt,
        };
        familyParents.push(row);
      });
      parents.push(...familyParents);

      const familyGuardians: GuardianRow[] = [];
      if (open.some((c) => guardianRequiredCategories.includes(c))) {
        const count = rng.chance(0.2) ? 2 : 1;
        for (let g = 0; g < count; g++) {
          const relation = guardianRelation(rng);
          const elder = relation.endsWith('grandparent');
          const gender: Gender = rng.chance(0.55) ? 'female' : 'male';
          const name = personName(names, {
            generation: elder ? 'elder' : 'adult',
            gender,
            surname: relation === 'paternal_grandparent' && gender === 'male' ? fatherSurname : undefined,
          }).fullName;
          const signed = g === 0 && rng.chance(0.75);
          const signedOn = signed ? dateBetween(rng, `${y - 2}-09-01`, today) : null;
          const validUntil = signedOn ? (rng.chance(0.7) ? isoDay(dayOf(signedOn) + 365) : null) : null;
          const guardianId = newId();
          const entrustmentId = signedOn ? newId() : null;
          familyGuardians.push({
            id: guardianId,
            childId: id,
            countyId,
            relation,
            name,
            birthYear: Number(birthDate.slice(0, 4)) - (elder ? rng.int(45, 62) : rng.int(22, 40)),
            health: guardianHealth(rng),
            literacy: elder ? elderLiteracy(rng) : adultLiteracy(rng),
            phone: rng.chance(0.94) ? phoneFor(rng) : null,
            address: rng.chance(0.95) ? address : null,
            isPrimary: g === 0,
            entrustmentId,
            entrustmentSignedOn: signedOn,
            entrustmentValidUntil: validUntil,
            createdAt: setupAt,
            updatedAt: setupAt,
          });
          if (entrustmentId && signedOn)
            entrustments.push({
              id: entrustmentId,
              guardianId,
              childId: id,
              countyId,
              signedOn,
              validUntil,
              createdAt: setupAt,
            });
        }
      }
      guardians.push(...familyGuardians);

      // School and enrollment history.
      let enrollmentStatus: EnrollmentStatus | null = null;
      let enrollmentDate: string | null = null;
      if (school && cls) {
        const entered = `${y - (cls.grade - (cls.grade >= 7 ? 7 : 1))}-09-01`;
        enrollments.push({ childId: id, countyId, status: 'enrolled', date: entered, createdAt: setupAt });
        enrollmentStatus = 'enrolled';
        enrollmentDate = entered;
        const later = laterStatus(rng);
        if (later) {
          const date = dateBetween(rng, `${y}-09-01`, today);
          enrollments.push({
            childId: id,
            countyId,
            status: later,
            date,
            destination:
              later === 'transferred_out' ? `${rng.pick(['深圳市', '东莞市', '杭州市', '苏州市'])}某小学` : null,
            createdAt: setupAt,
          });
          enrollmentStatus = later;
          enrollmentDate = date;
        }
      } else if (age >= 12) {
        const date = dateBetween(rng, `${y - 1}-09-01`, today);
        enrollments.push({ childId: id, countyId, status: 'dropped_out', date, createdAt: setupAt });
        enrollmentStatus = 'dropped_out';
        enrollmentDate = date;
      }

      const director = directors.get(village.id);
      const incomeSources: IncomeSource[] = [];
      if (leftBehind || statuses.includes('migrant_work')) incomeSources.push('migrant_work');
      if (rng.chance(0.55)) incomeSources.push('farming');
      if (poor || kind === 'unsupported') incomeSources.push('government_aid');
      if (kind === 'unsupported' && rng.chance(0.6)) incomeSources.push('relatives_help');
      if (incomeSources.length === 0) incomeSources.push('other');
      const aidMeasures: AidMeasure[] = [];
      if (poor) aidMeasures.push(rng.chance(0.6) ? 'minimum_living' : 'poverty_registered');
      if (open.includes('orphan')) aidMeasures.push('orphan_allowance');
      if (open.includes('de_facto_unsupported')) aidMeasures.push('orphan_allowance');
      if (disabled) aidMeasures.push('disability_living_subsidy');
      if (ill) aidMeasures.push('medical_aid');
      if (aidMeasures.length === 0 && rng.chance(0.6)) aidMeasures.push('none');
      const described = rng.chance(0.7);
      const note = (list: readonly string[], share = 1) => (described && rng.chance(share) ? rng.pick(list) : null);

      const row: ChildRow = {
        id,
        createdAt: setupAt,
        updatedAt: new Date(setupAt.getTime() + rng.int(0, 120 * 86_400_000 - 1)),
        deletedAt: rng.chance(0.004) ? new Date(ctx.now.getTime() - rng.int(1, 60) * 86_400_000) : null,
        countyId,
        schoolId: school?.id ?? null,
        classId: cls?.id ?? null,
        villageId: village.id,
        schoolPath: cls?.path ?? school?.path ?? null,
        villagePath: village.path,
        grade: cls?.grade ?? null,
        name: person.fullName,
        ...pinyinKeys(person.fullName),
        sex,
        birthDate,
        ethnicity: ethnicity(rng),
        ...idNumberColumns(ids),
        hukouRegistered,
        hukouType: hukouRegistered ? (rng.chance(0.9) ? 'rural' : 'resident') : null,
        hukouLocation: hukouRegistered ? `${world.county.name}${place}` : null,
        currentAddress: rng.chance(0.97) ? address : null,
        health: disabled ? 'disabled' : ill ? 'serious_illness' : health(rng),
        disabilityCategory: disabled
          ? rng.pick(['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'] as const)
          : null,
        disabilityGrade: disabled ? rng.pick(['1', '2', '3', '4'] as const) : null,
        illnessType: ill ? rng.pick(['白血病', '先天性心脏病', '肾病', '癫痫']) : null,
        schooling: schoolingOf(school, cls, age, enrollmentStatus),
        boarding: boardingOf(rng, school),
        guardianshipType: kind === 'unsupported' ? 'guardian_insufficient' : guardianship(rng),
        incomeSources,
        aidMeasures,
        housing: housing(rng),
        careLevel: careLevelOf[kind](rng),
        enrollmentStatus,
        enrollmentDate,
        personality: note(notes.personality),
        interests: note(notes.interests),
        study: cls ? note(notes.study) : null,
        thinking: note(notes.thinking, 0.6),
        psychology: note(notes.psychology),
        character: note(notes.character, 0.6),
        healthNote: note(notes.healthNote, 0.3),
        villageContactName: director && rng.chance(0.96) ? director.name : null,
        villageContactPhone: director?.phone ?? null,
      };
      const completeness = archiveCompleteness({
        sex: row.sex,
        ethnicity: row.ethnicity,
        birthDate: row.birthDate,
        hukouRegistered: row.hukouRegistered,
        hukouLocation: row.hukouLocation,
        currentAddress: row.currentAddress,
        health: row.health,
        boarding: row.boarding,
        schooling: row.schooling,
        guardianshipType: row.guardianshipType,
        incomeSources: row.incomeSources,
        villageContactName: row.villageContactName,
        villageContactPhone: row.villageContactPhone,
        hasIdNumber: row.idNumberHash !== null,
        categories: open,
        parents: familyParents.map((p) => ({ status: p.status, workProvince: p.workProvince, workCity: p.workCity })),
        guardians: familyGuardians.map((g) => ({
          name: g.name,
          phone: g.phone,
          address: g.address,
          isPrimary: g.isPrimary ?? false,
        })),
      });
      row.archiveComplete = completeness.complete;
      row.archiveMissing = completeness.missing;
      // The categories in force, as migration 0024's trigger keeps them (it then finds the row right).
      row.openCategories = [...open].sort();
      children.push(row);
      genChildren.push({
        id,
        deleted: row.deletedAt != null,
        villageId: village.id,
        schoolId: school?.id ?? null,
        classId: cls?.id ?? null,
        leftBehind: open.some((c) => leftBehindCategories.includes(c)),
        sex,
        birthDate,
      });
    });

    world.children = genChildren;
    return {
      child: await bulkInsert(ctx.db, childTable, children),
      child_category: await bulkInsert(ctx.db, childCategory, categories),
      child_enrollment: await bulkInsert(ctx.db, childEnrollment, enrollments),
      parent: await bulkInsert(ctx.db, parentTable, parents),
      guardian: await bulkInsert(ctx.db, guardianTable, guardians),
      guardian_entrustment: await bulkInsert(ctx.db, guardianEntrustment, entrustments),
    };
  },
};

/**
 * Where each child is filed: most in a class (spread over schools by their students and how many
 * of them a school of that kind has in the archive), the rest in their home village only.
 */
function placeChildren(ctx: GenContext, rng: Random): Placement[] {
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
function parentStatuses(
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

const pad2 = (n: number) => String(n).padStart(2, '0');
const laterOf = (a: string, b: string) => (a > b ? a : b);

/** Born in the school year that puts the child in `grade` (a few a year older: late start or repeated year). */
function birthDateForGrade(rng: Random, startYear: number, grade: number): string {
  const from = startYear - 6 - grade - (rng.chance(0.05) ? 1 : 0);
  return dateBetween(rng, `${from}-09-01`, `${from + 1}-08-31`);
}

/** Not in school: mostly under school age, some older children who left school. */
function birthDateOutOfSchool(rng: Random, today: string): string {
  const day = dayOf(today);
  return rng.chance(0.8) ? isoDay(day - rng.int(200, 6 * 365)) : isoDay(day - rng.int(12 * 365, 16 * 365));
}

function schoolingOf(
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

function boardingOf(rng: Random, school: GenSchool | null): 'boarding' | 'day' {
  if (!school) return 'day';
  const share = school.grades[0]! >= 7 ? 0.7 : school.schoolKind === 'central_primary' ? 0.25 : 0.05;
  return rng.chance(share) ? 'boarding' : 'day';
}
