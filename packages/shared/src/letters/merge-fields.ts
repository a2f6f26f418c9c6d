import type { Label } from '../enums/labels';

/**
 * The merge fields a school secretary may type into a letter template, as `{{儿童姓名}}`. Names are
 * Chinese so the template reads like the letter; `code` is the key of the values the server computes.
 */
export const mergeFields = [
  { name: '儿童姓名', code: 'childName', label: { zh: '儿童姓名', en: 'Child’s name' }, example: '张小明' },
  { name: '班级', code: 'className', label: { zh: '班级', en: 'Class' }, example: '三年级1班' },
  { name: '班主任', code: 'classTeacher', label: { zh: '班主任姓名', en: 'Class teacher' }, example: '陈老师' },
  {
    name: '班主任电话',
    code: 'classTeacherPhone',
    label: { zh: '班主任电话', en: 'Class teacher’s phone' },
    example: '13512345678',
  },
  { name: '学校名称', code: 'schoolName', label: { zh: '学校名称', en: 'School' }, example: '黄泥村小学' },
  { name: '学期', code: 'termName', label: { zh: '学期', en: 'Term' }, example: '2025—2026学年第一学期' },
  { name: '开学日期', code: 'termStart', label: { zh: '开学日期', en: 'Term starts' }, example: '2025年9月1日' },
  { name: '放假日期', code: 'termEnd', label: { zh: '放假日期', en: 'Term ends' }, example: '2026年1月20日' },
  {
    name: '本学期谈心次数',
    code: 'talkCount',
    label: { zh: '本学期谈心次数', en: 'Talks this term' },
    example: '3',
  },
  {
    name: '参加活动',
    code: 'activities',
    label: { zh: '参加的活动', en: 'Activities joined' },
    example: '“六一”文艺汇演、安全知识竞答',
  },
  { name: '获奖', code: 'awards', label: { zh: '获奖情况', en: 'Awards' }, example: '校书画展二等奖' },
  {
    name: '成绩变化',
    code: 'gradeTrend',
    label: { zh: '成绩变化', en: 'Grade trend' },
    example: '语文、数学成绩比上学期有进步',
  },
  {
    name: '健康提示',
    code: 'healthNotes',
    label: { zh: '健康提示', en: 'Health notes' },
    example: '视力筛查偏低，建议到医院复查',
  },
  { name: '落款日期', code: 'signedOn', label: { zh: '落款日期', en: 'Date signed' }, example: '2026年1月15日' },
] as const satisfies readonly { name: string; code: string; label: Label; example: string }[];

export type MergeFieldName = (typeof mergeFields)[number]['name'];
export type MergeFieldCode = (typeof mergeFields)[number]['code'];
/** The values of one letter; null or '' leaves the sentence that names the field out. */
export type MergeValues = Record<MergeFieldCode, string | null>;

export const mergeFieldNames: readonly string[] = mergeFields.map((f) => f.name);
export const mergeFieldCodeOf = new Map<string, MergeFieldCode>(mergeFields.map((f) => [f.name, f.code]));

/** `{{儿童姓名}}` as typed in a template. */
export const fieldToken = (name: string) => `{{${name}}}`;

/** Every field filled with its example: what the template editor's preview shows. */
export const exampleMergeValues = Object.fromEntries(mergeFields.map((f) => [f.code, f.example])) as MergeValues;
