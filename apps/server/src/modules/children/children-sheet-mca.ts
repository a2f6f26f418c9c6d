import {
  type ChildCategory,
  childCategoryLabels,
  childCodeLists,
  guardianHealthStatusLabels,
  guardianRelationLabels,
  parentStatusLabels,
} from '@shouwang/shared';
import type { LayoutProblem, SheetColumn, SheetLayout, SheetRecord } from './children-sheet.types';
import { codeAliases, codeOf, ethnicityAliases } from './children-sheet-codes';

/**
 * The national registration form (民发〔2016〕42号 附件1) as one row per child, in the column
 * order proposed in reference/mca-forms.md §6. Item 56 is split into its three parts. Columns the
 * archive does not keep (grandparents, signatures, exit data) are written blank and not read.
 */

const c = childCodeLists;
const text = (max: number) => ({ type: 'text', max }) as const;
const exportOnly = { type: 'exportOnly' } as const;
const yesNo = { type: 'bool' } as const;

const parent = (group: 'father' | 'mother', who: string): SheetColumn[] => [
  { header: `${who}姓名`, path: `${group}.name`, kind: text(40) },
  { header: `${who}身份证号`, path: `${group}.idNumber`, kind: { type: 'idNumber' } },
  { header: `${who}出生日期`, path: `${group}.birthDate`, kind: { type: 'date' } },
  {
    header: `${who}状况`,
    path: `${group}.status`,
    kind: { type: 'enum', labels: parentStatusLabels, aliases: codeAliases.parentStatus },
  },
  {
    header: `${who}务工地点(省市)`,
    aliases: [`${who}当前务工地点`, `${who}务工地点`],
    path: `${group}.workPlace`,
    kind: text(60),
    note: '写到省、市，如：广东省深圳市',
  },
  { header: `${who}电话`, aliases: [`${who}联系电话`], path: `${group}.phones`, kind: { type: 'phones' } },
];

const grandparent = (who: string): SheetColumn => ({
  header: `${who}姓名及出生日期`,
  aliases: [`${who}姓名+出生日期`, `${who}`],
  path: `extra.${who}`,
  kind: exportOnly,
});

const columns: SheetColumn[] = [
  { header: '序号', path: 'extra.seq', kind: exportOnly, width: 6 },
  { header: '县(市、区)', path: 'extra.county', kind: exportOnly },
  { header: '乡镇(街道)', path: 'extra.township', kind: text(40) },
  { header: '村(社区)', path: 'child.villageName', kind: text(40) },
  { header: '儿童编号', path: 'extra.code', kind: exportOnly },
  { header: '儿童类别', path: 'extra.categoryKinds', kind: text(60), note: '留守、困境、孤儿、事实无人抚养，可多选' },
  {
    header: '困境类型',
    path: 'extra.difficultyKinds',
    kind: text(80),
    note: '家庭贫困、自身残疾、重病、监护缺失、监护不当、事实无人抚养、孤儿、其他',
  },
  { header: '姓名', path: 'child.name', kind: text(40), required: true },
  { header: '性别', path: 'child.sex', kind: { type: 'enum', labels: c.sex, aliases: codeAliases.sex } },
  { header: '民族', path: 'child.ethnicity', kind: { type: 'enum', labels: c.ethnicity, aliases: ethnicityAliases } },
  { header: '出生日期', path: 'child.birthDate', kind: { type: 'date' } },
  { header: '公民身份号码', aliases: ['身份证号'], path: 'child.idNumber', kind: { type: 'idNumber' }, width: 21 },
  { header: '是否登记户口', path: 'child.hukouRegistered', kind: yesNo },
  { header: '户籍性质', path: 'child.hukouType', kind: { type: 'enum', labels: c.hukouType } },
  { header: '户籍所在地', path: 'child.hukouLocation', kind: text(200) },
  { header: '现居住地', path: 'child.currentAddress', kind: text(200) },
  {
    header: '健康状况',
    aliases: ['身体情况'],
    path: 'child.health',
    kind: { type: 'enum', labels: c.health, aliases: codeAliases.health },
  },
  {
    header: '残疾类别',
    path: 'child.disabilityCategory',
    kind: { type: 'enum', labels: c.disabilityCategory, aliases: codeAliases.disabilityCategory },
  },
  {
    header: '残疾等级',
    path: 'child.disabilityGrade',
    kind: { type: 'enum', labels: c.disabilityGrade, aliases: codeAliases.disabilityGrade },
  },
  { header: '患病类型(重病/慢性病)', aliases: ['患病类型'], path: 'child.illnessType', kind: text(100) },
  {
    header: '就学情况',
    path: 'child.schooling',
    kind: { type: 'enum', labels: c.schooling, aliases: codeAliases.schooling },
  },
  { header: '就读学校', aliases: ['学校'], path: 'child.schoolName', kind: text(60) },
  {
    header: '是否学校寄宿',
    path: 'child.boarding',
    kind: { type: 'enum', labels: c.boarding, aliases: codeAliases.boarding },
  },
  ...parent('father', '父亲'),
  ...parent('mother', '母亲'),
  grandparent('祖父'),
  grandparent('祖母'),
  grandparent('外祖父'),
  grandparent('外祖母'),
  { header: '父母双方同时外出', path: 'extra.bothAway', kind: yesNo },
  { header: '一方外出另一方无监护能力', path: 'extra.oneAwayOtherIncapable', kind: yesNo },
  { header: '无监护能力方', path: 'extra.incapableParent', kind: text(10), note: '父亲或母亲' },
  { header: '父母双方无监护能力', path: 'extra.bothIncapable', kind: exportOnly },
  { header: '有无委托监护(照料)人', path: 'extra.hasGuardian', kind: exportOnly },
  { header: '受委托人姓名', aliases: ['委托监护人姓名'], path: 'guardian.name', kind: text(40) },
  { header: '受委托人身份证号', path: 'guardian.idNumber', kind: { type: 'idNumber' } },
  { header: '受委托人电话', aliases: ['受委托监护人电话'], path: 'guardian.phone', kind: { type: 'phone' } },
  {
    header: '与儿童关系',
    aliases: ['与被监护人关系'],
    path: 'guardian.relation',
    kind: { type: 'enum', labels: guardianRelationLabels, aliases: codeAliases.guardianRelation, fallback: 'other' },
  },
  { header: '受委托人住址', aliases: ['居住地地址'], path: 'guardian.address', kind: text(200) },
  {
    header: '受委托人健康状况',
    path: 'guardian.health',
    kind: { type: 'enum', labels: guardianHealthStatusLabels, aliases: codeAliases.guardianHealth },
  },
  {
    header: '监护类型',
    path: 'child.guardianshipType',
    kind: { type: 'enum', labels: c.guardianshipType, aliases: codeAliases.guardianshipType },
  },
  { header: '监护情况评估', path: 'extra.guardianshipGrade', kind: exportOnly },
  { header: '监护不当情形', path: 'extra.improperCare', kind: exportOnly },
  {
    header: '家庭经济来源',
    path: 'child.incomeSources',
    kind: { type: 'multi', labels: c.incomeSources, aliases: codeAliases.incomeSources },
  },
  {
    header: '救助帮扶措施',
    aliases: ['救助帮扶情况'],
    path: 'child.aidMeasures',
    kind: { type: 'multi', labels: c.aidMeasures, aliases: codeAliases.aidMeasures },
  },
  { header: '委托确认书已签订', path: 'extra.entrustmentSigned', kind: exportOnly },
  { header: '委托确认书签订日期', path: 'guardian.entrustmentSignedOn', kind: { type: 'date' } },
  { header: '委托期限止', path: 'guardian.entrustmentValidUntil', kind: { type: 'date' } },
  { header: '村(居)委会联系人', path: 'child.villageContactName', kind: text(40) },
  { header: '联系人电话', path: 'child.villageContactPhone', kind: { type: 'phone' } },
  { header: '儿童主任', path: 'extra.childDirector', kind: exportOnly },
  { header: '填表人', path: 'extra.filledBy', kind: exportOnly },
  { header: '复核人', path: 'extra.reviewedBy', kind: exportOnly },
  { header: '填报日期', path: 'extra.reportDate', kind: exportOnly },
  { header: '在册状态', path: 'extra.registerStatus', kind: exportOnly },
  { header: '退出日期', path: 'extra.exitDate', kind: exportOnly },
  { header: '退出原因', path: 'extra.exitReason', kind: exportOnly },
  { header: '备注', path: 'child.note', kind: { type: 'longtext', max: 2000 } },
];

const split = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split(/[、,，;；/\s]+/)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/** 困境类型 and 儿童类别 words → the archive's categories. */
const kindWords: Record<string, ChildCategory> = {
  家庭贫困: 'difficulty_poverty',
  贫困: 'difficulty_poverty',
  自身残疾: 'difficulty_disability',
  残疾: 'difficulty_disability',
  重病: 'difficulty_illness',
  监护缺失: 'difficulty_guardianship',
  监护不当: 'difficulty_guardianship',
  事实无人抚养: 'de_facto_unsupported',
  孤儿: 'orphan',
  其他: 'difficulty_other',
};

/** The categories spread over 儿童类别, 困境类型 and the two 留守 situations (items 32–33). */
function readCategories(record: SheetRecord): LayoutProblem[] {
  const { extra } = record;
  const problems: LayoutProblem[] = [];
  const categories = new Set<ChildCategory>();
  const kinds = split(extra.categoryKinds);
  const leftBehind = kinds.includes('留守') || extra.bothAway === true || extra.oneAwayOtherIncapable === true;
  if (leftBehind)
    categories.add(
      extra.oneAwayOtherIncapable === true && extra.bothAway !== true ? 'left_behind_single' : 'left_behind_both',
    );
  const difficulties = split(extra.difficultyKinds);
  for (const [path, words] of [
    ['extra.categoryKinds', kinds],
    ['extra.difficultyKinds', difficulties],
  ] as const) {
    for (const word of words) {
      if (word === '留守' || word === '困境') continue;
      const category = kindWords[word] ?? (codeOf(childCategoryLabels, undefined, word) as ChildCategory | undefined);
      if (category) categories.add(category);
      else problems.push({ path, key: 'enum_unknown', params: { value: word } });
    }
  }
  if (kinds.includes('困境') && difficulties.length === 0) categories.add('difficulty_other');
  if (categories.size > 0) record.child.categories = [...categories];
  return problems;
}

export const mcaLayout: SheetLayout = {
  format: 'mca',
  sheetName: '农村留守儿童基本情况登记表',
  title: '农村留守儿童（困境儿童）基本情况登记表（一人一行）',
  columns,
  afterRead(record) {
    const problems = readCategories(record);
    const incapable = record.extra.incapableParent;
    if (typeof incapable === 'string' && incapable.trim()) {
      const group = /父/.test(incapable) ? 'father' : /母/.test(incapable) ? 'mother' : null;
      if (!group) problems.push({ path: 'extra.incapableParent', key: 'enum_unknown', params: { value: incapable } });
      else if (record[group].status === undefined) record[group].status = 'incapable';
    }
    return problems;
  },
  beforeWrite(record) {
    const categories = (record.child.categories as ChildCategory[] | undefined) ?? [];
    const kinds = new Set<string>();
    const difficulties = new Set<string>();
    for (const category of categories) {
      if (category.startsWith('left_behind')) kinds.add('留守');
      else {
        kinds.add(category === 'orphan' ? '孤儿' : category === 'de_facto_unsupported' ? '事实无人抚养' : '困境');
        const word = Object.entries(kindWords).find(([, c]) => c === category)?.[0];
        if (word && category.startsWith('difficulty')) difficulties.add(word);
      }
    }
    const e = record.extra;
    e.categoryKinds = [...kinds].join('、') || undefined;
    e.difficultyKinds = [...difficulties].join('、') || undefined;
    e.bothAway = categories.includes('left_behind_both') ? true : undefined;
    e.oneAwayOtherIncapable = categories.includes('left_behind_single') ? true : undefined;
    e.incapableParent =
      record.father.status === 'incapable' ? '父亲' : record.mother.status === 'incapable' ? '母亲' : undefined;
    e.hasGuardian = record.guardian.name ? '有' : '无';
    const type = record.child.guardianshipType;
    e.guardianshipGrade = type === 'good' ? '较好' : type === 'fair' ? '一般' : type ? '差' : undefined;
    e.entrustmentSigned = record.guardian.entrustmentSignedOn ? '是' : '否';
    for (const group of ['father', 'mother'] as const) {
      const p = record[group];
      const place = `${p.workProvince ?? ''}${p.workCity && p.workCity !== p.workProvince ? p.workCity : ''}`;
      p.workPlace = place || undefined;
    }
  },
};
