import { type Language, validationMessage } from '@shouwang/shared';

/** Messages of the Excel import, by key, with `{name}` placeholders. */
const messages: Record<string, { zh: string; en: string }> = {
  required: { zh: '必填', en: 'required' },
  too_long: { zh: '不能超过{max}个字', en: 'at most {max} characters' },
  date_invalid: {
    zh: '“{value}”不是有效的日期，请写成 2016-06-15',
    en: '"{value}" is not a valid date (e.g. 2016-06-15)',
  },
  enum_unknown: { zh: '“{value}”不是可选的值', en: '"{value}" is not one of the allowed values' },
  enum_options: { zh: '“{value}”不是可选的值（可选：{options}）', en: '"{value}" is not allowed (one of: {options})' },
  bool_invalid: { zh: '请填“是”或“否”', en: 'enter 是 (yes) or 否 (no)' },
  int_invalid: { zh: '请填{min}到{max}之间的整数', en: 'enter a whole number from {min} to {max}' },
  grade_invalid: { zh: '年级应为“幼儿园”“一年级”…“高三”或0–12', en: 'grade: 幼儿园, 一年级 … 高三, or 0–12' },
  formula: {
    zh: '单元格含有公式，请直接填写内容（为防止公式注入，不导入公式）',
    en: 'the cell holds a formula; type the value itself (formulas are not imported)',
  },
  formula_text: {
    zh: '内容不能以 = + - @ 开头（可能是公式注入）',
    en: 'a value cannot start with = + - @ (possible formula injection)',
  },
  cell_error: { zh: '单元格是错误值（{value}）', en: 'the cell holds an error value ({value})' },
  id_number_as_number: {
    zh: '身份证号被 Excel 存成了数字，末几位可能已丢失；请把该列设为“文本”后重新输入',
    en: 'Excel stored the ID number as a number and may have lost digits; format the column as text and re-enter it',
  },
  school_not_found: { zh: '系统中没有学校“{value}”', en: 'no school named "{value}"' },
  class_not_found: { zh: '学校“{school}”下没有班级“{value}”', en: 'school "{school}" has no class "{value}"' },
  village_not_found: { zh: '系统中没有村(社区)“{value}”', en: 'no village named "{value}"' },
  org_ambiguous: {
    zh: '有多个名为“{value}”的单位，请填写所在乡镇以区分',
    en: 'several units are named "{value}"; give the township',
  },
  person_name_required: { zh: '填写{who}的其他信息时，请填写{who}姓名', en: "enter the {who}'s name" },
  duplicate_id_in_file: { zh: '与第{row}行的身份证号相同', en: 'same ID number as row {row}' },
  duplicate_child_in_file: {
    zh: '与第{row}行是同一名儿童（姓名、出生日期、学校（或村）都相同）',
    en: 'the same child as row {row} (name, birth date and school)',
  },
  same_child_other_id: {
    zh: '与第{row}行的姓名、出生日期、学校（或村）都相同，但身份证号不同，请核对',
    en: 'same name, birth date and school as row {row} but another ID number; please check',
  },
  id_taken_elsewhere: {
    zh: '该身份证号已在您无权修改的单位建档',
    en: 'this ID number is registered at a unit you may not change',
  },
  matched_out_of_scope: {
    zh: '系统中已有这名儿童，但您无权修改其档案',
    en: 'this child is already registered where you may not change the archive',
  },
  id_conflict_on_match: {
    zh: '系统中同校（或同村）有同名同生日的儿童，但身份证号不同，请核对',
    en: 'a child with this name and birth date at this school has a different ID number',
  },
  similar_name_at_school: {
    zh: '本校已有姓名相近的儿童“{name}”，请确认不是同一人（仍会导入）',
    en: 'a child with a very similar name ("{name}") is already at this school; check it is not the same child (will still be imported)',
  },
  similar_name_at_school_born: {
    zh: '本校已有姓名相近的儿童“{name}”（出生于 {birthDate}），请确认不是同一人（仍会导入）',
    en: 'a child with a very similar name ("{name}", born {birthDate}) is already at this school; check it is not the same child (will still be imported)',
  },
  similar_name_in_file: {
    zh: '与第{row}行“{name}”读音相同，请确认不是同一人（仍会导入）',
    en: 'sounds the same as "{name}" in row {row}; check it is not the same child (will still be imported)',
  },
  masked_id_ignored: { zh: '打码的身份证号不会导入', en: 'masked ID numbers are not imported' },
  too_many_rows: { zh: '超过{max}行，请分成几个文件导入', en: 'more than {max} rows; split the file' },
};

export type ImportMessageKey = keyof typeof messages;

/** A message of the import in the caller's language; falls back to the shared validation messages. */
export function importMessage(key: string, language: Language, params: Record<string, string | number> = {}): string {
  const entry = messages[key];
  const template = entry ? (language === 'en' ? entry.en : entry.zh) : (validationMessage(key, language) ?? key);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
