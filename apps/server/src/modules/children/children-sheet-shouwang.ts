import {
  careLevelLabels,
  childCategoryLabels,
  childCodeLists,
  contactFrequencyLabels,
  enrollmentStatusLabels,
  guardianHealthStatusLabels,
  guardianRelationLabels,
  literacyLevelLabels,
  parentStatusLabels,
  returnFrequencyLabels,
} from '@shouwang/shared';
import type { SheetColumn, SheetLayout } from './children-sheet.types';
import { codeAliases, ethnicityAliases } from './children-sheet-codes';

const c = childCodeLists;
const text = (max: number) => ({ type: 'text', max }) as const;
const longtext = { type: 'longtext', max: 2000 } as const;

function parentColumns(group: 'father' | 'mother', who: string): SheetColumn[] {
  return [
    { header: `${who}姓名`, path: `${group}.name`, kind: text(40), note: `填写${who}其他信息时必填` },
    {
      header: `${who}状况`,
      path: `${group}.status`,
      kind: { type: 'enum', labels: parentStatusLabels, aliases: codeAliases.parentStatus },
    },
    { header: `${who}出生日期`, path: `${group}.birthDate`, kind: { type: 'date' }, note: '应比儿童早至少14年' },
    { header: `${who}身份证号`, path: `${group}.idNumber`, kind: { type: 'idNumber' } },
    { header: `${who}务工省份`, path: `${group}.workProvince`, kind: text(20), note: '外出务工时填写，如：广东省' },
    { header: `${who}务工城市`, path: `${group}.workCity`, kind: text(40), note: '如：深圳市' },
    { header: `${who}电话`, path: `${group}.phones`, kind: { type: 'phones' }, width: 16, note: '多个号码用“、”分隔' },
    {
      header: `${who}回家频次`,
      path: `${group}.returnFrequency`,
      kind: { type: 'enum', labels: returnFrequencyLabels },
    },
    {
      header: `${who}与孩子联系频次`,
      path: `${group}.contactFrequency`,
      kind: { type: 'enum', labels: contactFrequencyLabels },
    },
  ];
}

/** Shouwang's own template: every field of the archive, the parents and the primary guardian. */
export const shouwangLayout: SheetLayout = {
  format: 'shouwang',
  sheetName: '儿童档案',
  title: '守望 儿童档案导入模板',
  columns: [
    { header: '序号', path: 'extra.seq', kind: { type: 'exportOnly' }, width: 6 },
    { header: '姓名', path: 'child.name', kind: text(40), required: true },
    { header: '性别', path: 'child.sex', kind: { type: 'enum', labels: c.sex, aliases: codeAliases.sex }, width: 6 },
    { header: '民族', path: 'child.ethnicity', kind: { type: 'enum', labels: c.ethnicity, aliases: ethnicityAliases } },
    {
      header: '出生日期',
      path: 'child.birthDate',
      kind: { type: 'date' },
      note: '如 2016-06-15；留空时取身份证号中的日期',
    },
    { header: '公民身份号码', path: 'child.idNumber', kind: { type: 'idNumber' }, width: 21, note: '18位，按文本填写' },
    { header: '所在乡镇', path: 'extra.township', kind: text(40), note: '村名重复时用来区分' },
    { header: '村(社区)', path: 'child.villageName', kind: text(40), note: '学校和村至少填一项' },
    { header: '学校', path: 'child.schoolName', kind: text(60), width: 18, note: '须与系统中的学校名称一致' },
    { header: '班级', path: 'child.className', kind: text(40), note: '须是该学校的班级' },
    { header: '年级', path: 'child.grade', kind: { type: 'grade' } },
    {
      header: '儿童类别',
      path: 'child.categories',
      kind: { type: 'multi', labels: childCategoryLabels },
      width: 24,
      note: '可多选，用“、”分隔；导入只增加类别，不结束已有类别',
    },
    { header: '类别起始日期', path: 'child.categoryStartDate', kind: { type: 'date' }, note: '留空为导入当天' },
    { header: '关注等级', path: 'child.careLevel', kind: { type: 'enum', labels: careLevelLabels } },
    { header: '在读状态', path: 'child.enrollmentStatus', kind: { type: 'enum', labels: enrollmentStatusLabels } },
    { header: '是否登记户口', path: 'child.hukouRegistered', kind: { type: 'bool' } },
    { header: '户籍性质', path: 'child.hukouType', kind: { type: 'enum', labels: c.hukouType } },
    { header: '户籍所在地', path: 'child.hukouLocation', kind: text(200), width: 24 },
    { header: '现居住地', path: 'child.currentAddress', kind: text(200), width: 24 },
    { header: '健康状况', path: 'child.health', kind: { type: 'enum', labels: c.health, aliases: codeAliases.health } },
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
    { header: '患病类型', path: 'child.illnessType', kind: text(100) },
    {
      header: '就学情况',
      path: 'child.schooling',
      kind: { type: 'enum', labels: c.schooling, aliases: codeAliases.schooling },
    },
    {
      header: '寄宿情况',
      path: 'child.boarding',
      kind: { type: 'enum', labels: c.boarding, aliases: codeAliases.boarding },
    },
    {
      header: '监护类型',
      path: 'child.guardianshipType',
      kind: { type: 'enum', labels: c.guardianshipType, aliases: codeAliases.guardianshipType },
      width: 20,
    },
    {
      header: '家庭经济来源',
      path: 'child.incomeSources',
      kind: { type: 'multi', labels: c.incomeSources, aliases: codeAliases.incomeSources },
      width: 18,
      note: '可多选，用“、”分隔',
    },
    {
      header: '救助帮扶措施',
      path: 'child.aidMeasures',
      kind: { type: 'multi', labels: c.aidMeasures, aliases: codeAliases.aidMeasures },
      width: 18,
      note: '可多选，用“、”分隔；“无”不能与其他措施同选',
    },
    { header: '住房情况', path: 'child.housing', kind: { type: 'enum', labels: c.housing } },
    { header: '家庭情况', path: 'child.familyNote', kind: longtext, width: 24 },
    { header: '村(居)委会联系人', path: 'child.villageContactName', kind: text(40) },
    { header: '联系人电话', path: 'child.villageContactPhone', kind: { type: 'phone' }, width: 16 },
    ...parentColumns('father', '父亲'),
    ...parentColumns('mother', '母亲'),
    { header: '监护人姓名', path: 'guardian.name', kind: text(40), note: '受委托监护人；填写监护人其他信息时必填' },
    {
      header: '监护人与儿童关系',
      path: 'guardian.relation',
      kind: { type: 'enum', labels: guardianRelationLabels, aliases: codeAliases.guardianRelation },
    },
    { header: '监护人出生年份', path: 'guardian.birthYear', kind: { type: 'int', min: 1900, max: 2100 } },
    {
      header: '监护人健康状况',
      path: 'guardian.health',
      kind: { type: 'enum', labels: guardianHealthStatusLabels, aliases: codeAliases.guardianHealth },
    },
    { header: '监护人文化程度', path: 'guardian.literacy', kind: { type: 'enum', labels: literacyLevelLabels } },
    { header: '监护人电话', path: 'guardian.phone', kind: { type: 'phone' }, width: 16 },
    { header: '监护人住址', path: 'guardian.address', kind: text(200), width: 24 },
    { header: '委托确认书签订日期', path: 'guardian.entrustmentSignedOn', kind: { type: 'date' } },
    { header: '委托期限至', path: 'guardian.entrustmentValidUntil', kind: { type: 'date' } },
    { header: '性格', path: 'child.personality', kind: longtext },
    { header: '兴趣爱好', path: 'child.interests', kind: longtext },
    { header: '学习情况', path: 'child.study', kind: longtext },
    { header: '思想状况', path: 'child.thinking', kind: longtext },
    { header: '心理状况', path: 'child.psychology', kind: longtext },
    { header: '品格', path: 'child.character', kind: longtext },
    { header: '健康备注', path: 'child.healthNote', kind: longtext },
    { header: '备注', path: 'child.note', kind: longtext, width: 24 },
  ],
};
