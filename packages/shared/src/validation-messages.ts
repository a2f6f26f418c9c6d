import type { Language } from './errors';

/** Messages for the custom checks in the shared schemas (zod's own ones come from its locales). */
export const validationMessages: Record<string, { zh: string; en: string }> = {
  invalid_characters: { zh: '含有不允许的控制字符或换行', en: 'contains control characters or line breaks' },
  username_format: {
    zh: '用户名只能包含字母、数字、点、下划线和连字符，且以字母或数字开头',
    en: 'letters, digits, dot, underscore and hyphen only, starting with a letter or digit',
  },
  mobile_format: { zh: '请输入11位手机号码', en: 'enter an 11-digit mobile number' },
  id_number_format: {
    zh: '身份证号应为18位，前17位是数字，最后一位是数字或X',
    en: 'an ID number has 18 characters: 17 digits, then a digit or X',
  },
  id_number_region: {
    zh: '身份证号前两位不是有效的省级行政区划代码',
    en: 'the first two digits are not a valid province code',
  },
  id_number_birth_date: { zh: '身份证号中的出生日期无效', en: 'the birth date inside the ID number is invalid' },
  id_number_checksum: {
    zh: '身份证号校验位不正确，请核对是否输错',
    en: 'the check digit is wrong; please re-check the number',
  },
  id_number_taken: { zh: '该身份证号已建档', en: 'this ID number is already registered' },
  id_number_birth_mismatch: {
    zh: '出生日期与身份证号中的出生日期不一致',
    en: 'the birth date differs from the one in the ID number',
  },
  id_number_sex_mismatch: { zh: '性别与身份证号不一致', en: 'the sex differs from the one in the ID number' },
  phone_format: {
    zh: '请输入11位手机号码，或带区号的固定电话（如 0731-84567890，分机可写 -123）',
    en: 'enter an 11-digit mobile number or a landline with area code (e.g. 0731-84567890, extension -123)',
  },
  target_percent_range: { zh: '目标值应在 0% 到 100% 之间', en: 'a target must lie between 0% and 100%' },
  date_in_future: { zh: '日期不能晚于今天', en: 'the date cannot be in the future' },
  child_too_old: { zh: '儿童应未满18周岁', en: 'the child must be under 18' },
  parent_too_young: {
    zh: '父母的出生日期应比儿童早至少14年',
    en: 'a parent must be at least 14 years older than the child',
  },
  class_requires_school: { zh: '选择班级前请先选择学校', en: 'choose the school before the class' },
  class_not_in_school: { zh: '所选班级不属于该学校', en: 'the class does not belong to this school' },
  school_or_village_required: {
    zh: '请至少填写就读学校或所在村（社区）之一',
    en: 'enter the school or the home village',
  },
  school_invalid: { zh: '所选单位不是本县的学校', en: 'this is not a school of the county' },
  village_invalid: { zh: '所选单位不是本县的村（社区）', en: 'this is not a village of the county' },
  org_out_of_scope: { zh: '您无权把儿童登记到该单位', en: 'you may not register children at this unit' },
  duplicate_values: { zh: '不能重复选择同一项', en: 'the same value is chosen twice' },
  aid_none_exclusive: { zh: '选择“无”时不能同时选择其他措施', en: '"none" cannot be combined with other measures' },
  end_before_start: { zh: '结束日期不能早于开始日期', en: 'the end date is before the start date' },
  transfer_destination_required: { zh: '转出时请填写转入学校或去向', en: 'enter where the child transferred to' },
  org_inactive: { zh: '该单位已停用', en: 'this unit is deactivated' },
  unknown_category: { zh: '未知的儿童类别', en: 'unknown child category' },
  unknown_org_kind: {
    zh: '单位类型只能是 county、township、village、school、class，多个用逗号分隔',
    en: 'unit kinds are county, township, village, school or class, separated by commas',
  },
  invalid_id_list: {
    zh: '应为以逗号分隔的单位编号，最多 100 个',
    en: 'a list of unit ids separated by commas, at most 100',
  },
  birth_year_range: { zh: '出生年份不合理', en: 'the birth year is not plausible' },
  school_year_format: { zh: '学年格式应为 2026-2027', en: 'school year must look like 2026-2027' },
  attachment_not_of_child: {
    zh: '该附件不存在，或不属于这名儿童',
    en: 'the attachment does not exist or belongs to another child',
  },
  attachment_not_image: { zh: '照片只能是 JPEG 或 PNG 图片', en: 'a photo must be a JPEG or PNG image' },
  text_required: { zh: '请填写内容', en: 'this cannot be empty' },
  choose_at_least_one: { zh: '请至少选择一项', en: 'choose at least one' },
  follow_up_date_required: { zh: '需要跟进时请填写跟进日期', en: 'enter the follow-up date' },
  follow_up_before_record: {
    zh: '跟进日期不能早于记录日期',
    en: 'the follow-up date is before the record’s date',
  },
  follow_up_source_invalid: {
    zh: '所跟进的记录不存在、不属于该儿童或已跟进完成',
    en: 'the record to follow up does not exist, is about another child, or is closed',
  },
  record_before_archive: {
    zh: '日期早于该儿童建档（或类别、在读记录开始）的日期',
    en: 'the date is before the child’s archive (or its history) begins',
  },
  record_kind_mismatch: { zh: '记录类型不能修改', en: 'the kind of a record cannot change' },
  child_not_in_class: { zh: '该儿童不在所选班级', en: 'the child is not in this class' },
  duplicate_children: { zh: '同一名儿童出现了两次', en: 'the same child appears twice' },
  helper_required: { zh: '请选择帮扶人', en: 'choose the helper' },
  buddy_name_required: { zh: '请填写爱心同学的姓名', en: 'enter the buddy’s name' },
  buddy_class_required: { zh: '请选择爱心同学所在班级', en: 'choose the buddy’s class' },
  buddy_class_invalid: {
    zh: '爱心同学的班级应是该儿童学校的班级',
    en: 'the buddy’s class must be in the child’s school',
  },
  buddy_has_no_user: {
    zh: '爱心同学按姓名和班级登记，不选择用户',
    en: 'a buddy is recorded by name and class, not as a user',
  },
  handover_end_required: {
    zh: '学校还没有设置下学期开学日期，请填写交接结束日期',
    en: 'the next term has no start date yet; enter the end date',
  },
  child_not_in_school: { zh: '该儿童不属于所选学校', en: 'the child is not in this school' },
  responsible_exactly_one: {
    zh: '请在“负责角色”和“结对类型”中二选一',
    en: 'choose either a responsible role or a pairing kind',
  },
  buddy_not_responsible: { zh: '爱心同学不能作为关爱任务的负责人', en: 'a buddy student cannot hold duties' },
  calendar_range_too_long: { zh: '日历一次最多查询93天', en: 'the calendar covers at most 93 days at a time' },
  school_required: { zh: '请选择学校', en: 'choose a school' },
  time_format: { zh: '时间格式应为 08:30', en: 'use the form 08:30' },
  amount_whole_fen: { zh: '金额最多精确到分', en: 'amounts have at most two decimals' },
  amount_negative: { zh: '金额不能为负数', en: 'the amount cannot be negative' },
  amount_too_large: { zh: '金额不能超过100万元，请核对', en: 'the amount cannot exceed 1,000,000 yuan' },
  amount_positive: { zh: '金额应大于0', en: 'the amount must be more than 0' },
  amount_or_items_required: { zh: '请填写金额或物品', en: 'enter an amount or the items' },
  fund_source_required: { zh: '请选择收入来源', en: 'choose where the income came from' },
  fund_purpose_required: { zh: '请选择支出用途', en: 'choose what the money was spent on' },
  activity_not_of_school: { zh: '所选活动不是本校组织的活动', en: 'the activity is not one of this school' },
  participant_out_of_org: {
    zh: '参与儿童不属于组织单位',
    en: 'the child does not belong to the organizing unit',
  },
  cursor_invalid: { zh: '翻页位置无效，请从第一页重新加载', en: 'invalid page cursor; reload from the first page' },
  next_session_before_session: {
    zh: '下次辅导日期不能早于本次辅导日期',
    en: 'the next session is before this session',
  },
  concern_child_or_school: {
    zh: '请选择涉及的儿童；不知道是哪名儿童时请选择学校',
    en: 'choose the child, or the school when the child is not known',
  },
  time_in_future: { zh: '时间不能晚于现在', en: 'the time cannot be in the future' },
  mailbox_code_format: { zh: '信箱编号应为6位字母或数字', en: 'a mailbox code has 6 letters or digits' },
  pickup_code_format: {
    zh: '取信码应为8位字母或数字，请对照纸条再输入一次',
    en: 'a pickup code has 8 letters or digits; please copy it again',
  },
  mailbox_text_too_long: { zh: '写得太长了，最多2000个字', en: 'too long: at most 2,000 characters' },
  mailbox_reply_too_long: { zh: '回信太长了，最多4000个字', en: 'too long: at most 4,000 characters' },
  deadline_before_signed: { zh: '改正期限不能早于签订日期', en: 'the deadline is before the day it was signed' },
  review_before_signed: { zh: '复查日期不能早于签订日期', en: 'the review is dated before the pledge was signed' },
  half_points_only: { zh: '分数只能是整数或半分（如 17.5）', en: 'whole or half points only (e.g. 17.5)' },
  letter_body_empty: { zh: '信件正文不能为空', en: 'the letter needs a body' },
  height_range: { zh: '身高应在 60–210 厘米之间', en: 'height must be between 60 and 210 cm' },
  weight_range: { zh: '体重应在 8–180 千克之间', en: 'weight must be between 8 and 180 kg' },
  vision_range: {
    zh: '视力按五分记录填写，应在 3.0–5.3 之间',
    en: 'vision uses the 5-point record and must be between 3.0 and 5.3',
  },
  one_decimal: { zh: '最多保留一位小数', en: 'at most one decimal place' },
  measurement_required: {
    zh: '请至少填写身高、体重、视力或牙齿中的一项',
    en: 'enter at least one of height, weight, vision or teeth',
  },
  score_range: { zh: '成绩应在 0 分到该科满分之间', en: 'the score must be between 0 and the full mark' },
  score_above_full_mark: { zh: '成绩不能超过该科满分', en: 'the score is above the subject’s full mark' },
  subject_not_chosen: { zh: '该科目不在本次录入的科目中', en: 'this subject is not among the subjects entered' },
  term_not_of_school: { zh: '所选学期不是该学校的学期', en: 'this term is not one of the school’s terms' },
  helper_not_available: {
    zh: '帮扶人应是能看到该儿童的本校或本村用户',
    en: 'the helper must be a user who can see this child',
  },
};

export function validationMessage(key: string, language: Language): string | undefined {
  const entry = validationMessages[key];
  if (!entry) return undefined;
  return language === 'en' ? entry.en : entry.zh;
}
