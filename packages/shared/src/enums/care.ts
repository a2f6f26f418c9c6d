import type { LabelMap } from './labels';

/**
 * Code lists of the care network (结对帮扶, 关爱记录, 关爱规范) with their labels, for forms,
 * lists and statistics. The seed reports name every one of them.
 */

/** 结对帮扶 kinds: a teacher, a proxy parent, a holiday tutor (村官/志愿者), a classmate. */
export const pairingKinds = ['mentor_teacher', 'proxy_parent', 'holiday_tutor', 'buddy_student'] as const;
export type PairingKind = (typeof pairingKinds)[number];
export const pairingKindLabels: LabelMap<PairingKind> = {
  mentor_teacher: { zh: '帮扶教师', en: 'Mentor teacher' },
  proxy_parent: { zh: '代理家长', en: 'Proxy parent' },
  holiday_tutor: { zh: '假期老师', en: 'Holiday tutor' },
  buddy_student: { zh: '爱心同学', en: 'Buddy student' },
};
/** How many children one helper takes at most, per kind, unless the school sets otherwise. */
export const defaultPairingCapacity: Record<PairingKind, number> = {
  mentor_teacher: 2,
  proxy_parent: 2,
  holiday_tutor: 8,
  buddy_student: 1,
};
/** Kinds whose helper is a user of the platform (a buddy is a classmate recorded by name). */
export const userPairingKinds: readonly PairingKind[] = ['mentor_teacher', 'proxy_parent', 'holiday_tutor'];
/** Kinds a village official or volunteer may take on (a role at the child's home village suffices). */
export const villagePairingKinds: readonly PairingKind[] = ['proxy_parent', 'holiday_tutor'];
/** A child counts as paired (结对覆盖率) with an active pairing of one of these kinds. */
export const coveragePairingKinds: readonly PairingKind[] = ['mentor_teacher', 'proxy_parent'];

/** 关爱记录 kinds: one table, per-kind details. */
export const careRecordKinds = [
  'talk',
  'home_visit',
  'parent_contact',
  'guardian_contact',
  'family_call',
  'tutoring',
  'life_care',
  'growth_diary',
] as const;
export type CareRecordKind = (typeof careRecordKinds)[number];
export const careRecordKindLabels: LabelMap<CareRecordKind> = {
  talk: { zh: '谈心', en: 'Talk' },
  home_visit: { zh: '家访', en: 'Home visit' },
  parent_contact: { zh: '与家长联系', en: 'Parent contact' },
  guardian_contact: { zh: '与监护人沟通', en: 'Guardian contact' },
  family_call: { zh: '亲情电话', en: 'Family call' },
  tutoring: { zh: '学习辅导', en: 'Tutoring' },
  life_care: { zh: '生活照顾', en: 'Life care' },
  growth_diary: { zh: '成长日记', en: 'Growth diary' },
};
/** Duties between the child and parents who are away: they end when the parents come home. */
export const parentContactKinds: readonly CareRuleKind[] = ['parent_contact', 'family_call'];

/**
 * What a 关爱规范 can ask for: a care record of one kind, or a record kept by another module
 * (体检 in health_check, 致家长的一封信 in letter_delivery). Where each lives: the server's
 * `modules/todos/duty-sources.ts`.
 */
export const careRuleKinds = [...careRecordKinds, 'health_check', 'letter'] as const;
export type CareRuleKind = (typeof careRuleKinds)[number];
/** Rule kinds whose records are not care records. */
export type ExternalDutyKind = Exclude<CareRuleKind, CareRecordKind>;
export const isCareRecordKind = (kind: string): kind is CareRecordKind =>
  (careRecordKinds as readonly string[]).includes(kind);
export const careRuleKindLabels: LabelMap<CareRuleKind> = {
  ...careRecordKindLabels,
  health_check: { zh: '体检', en: 'Health check' },
  letter: { zh: '致家长的一封信', en: 'Letter to parents' },
};

/** How a care activity took place (the common `channel` field). */
export const careChannels = ['in_person', 'phone', 'video', 'wechat', 'letter', 'other'] as const;
export type CareChannel = (typeof careChannels)[number];
export const careChannelLabels: LabelMap<CareChannel> = {
  in_person: { zh: '当面', en: 'In person' },
  phone: { zh: '电话', en: 'Phone' },
  video: { zh: '视频', en: 'Video call' },
  wechat: { zh: '微信', en: 'WeChat' },
  letter: { zh: '书信', en: 'Letter' },
  other: { zh: '其他', en: 'Other' },
};

/** 与家长联系 channel: the four the seed names. */
export const parentContactChannels = ['phone', 'video', 'wechat', 'letter'] as const;
export type ParentContactChannel = (typeof parentContactChannels)[number];
export const parentContactChannelLabels: LabelMap<ParentContactChannel> = {
  phone: { zh: '电话', en: 'Phone' },
  video: { zh: '视频', en: 'Video call' },
  wechat: { zh: '微信', en: 'WeChat' },
  letter: { zh: '书信', en: 'Letter' },
};

/** Who started a contact. */
export const contactInitiators = ['school', 'parent', 'child'] as const;
export type ContactInitiator = (typeof contactInitiators)[number];
export const contactInitiatorLabels: LabelMap<ContactInitiator> = {
  school: { zh: '学校（教师）', en: 'School (teacher)' },
  parent: { zh: '家长', en: 'Parent' },
  child: { zh: '儿童', en: 'Child' },
};

/** 期初、期中、期末: the three windows of a term. */
export const termWindows = ['start', 'middle', 'end'] as const;
export type TermWindow = (typeof termWindows)[number];
export const termWindowLabels: LabelMap<TermWindow> = {
  start: { zh: '期初', en: 'Start of term' },
  middle: { zh: '期中', en: 'Mid-term' },
  end: { zh: '期末', en: 'End of term' },
};

/** Who was present at a home visit. */
export const homeVisitParties = [
  'child',
  'father',
  'mother',
  'grandparent',
  'guardian',
  'relative',
  'village_official',
] as const;
export type HomeVisitParty = (typeof homeVisitParties)[number];
export const homeVisitPartyLabels: LabelMap<HomeVisitParty> = {
  child: { zh: '儿童本人', en: 'The child' },
  father: { zh: '父亲', en: 'Father' },
  mother: { zh: '母亲', en: 'Mother' },
  grandparent: { zh: '祖父母/外祖父母', en: 'Grandparent' },
  guardian: { zh: '其他监护人', en: 'Other guardian' },
  relative: { zh: '其他亲属', en: 'Other relative' },
  village_official: { zh: '村（社区）干部', en: 'Village official' },
};

/** 学习辅导 subject. */
export const tutoringSubjects = ['chinese', 'math', 'english', 'science', 'homework', 'reading', 'other'] as const;
export type TutoringSubject = (typeof tutoringSubjects)[number];
export const tutoringSubjectLabels: LabelMap<TutoringSubject> = {
  chinese: { zh: '语文', en: 'Chinese' },
  math: { zh: '数学', en: 'Mathematics' },
  english: { zh: '英语', en: 'English' },
  science: { zh: '科学', en: 'Science' },
  homework: { zh: '作业辅导', en: 'Homework help' },
  reading: { zh: '课外阅读', en: 'Reading' },
  other: { zh: '其他', en: 'Other' },
};

/** 生活照顾 type (illness, hospital visits, birthdays … as the seed lists them). */
export const lifeCareTypes = ['illness', 'hospital_visit', 'birthday', 'daily_needs', 'festival', 'other'] as const;
export type LifeCareType = (typeof lifeCareTypes)[number];
export const lifeCareTypeLabels: LabelMap<LifeCareType> = {
  illness: { zh: '生病照顾', en: 'Care during illness' },
  hospital_visit: { zh: '陪同就医/探望', en: 'Hospital visit' },
  birthday: { zh: '过生日', en: 'Birthday' },
  daily_needs: { zh: '生活用品/衣物', en: 'Daily necessities' },
  festival: { zh: '节日关怀', en: 'Festival care' },
  other: { zh: '其他', en: 'Other' },
};

/** How often a care rule asks for a record. */
export const careFrequencies = ['weekly', 'monthly', 'term_windows', 'termly', 'term_start_end'] as const;
export type CareFrequency = (typeof careFrequencies)[number];
export const careFrequencyLabels: LabelMap<CareFrequency> = {
  weekly: { zh: '每周', en: 'Weekly' },
  monthly: { zh: '每月', en: 'Monthly' },
  term_windows: { zh: '期初、期中、期末', en: 'Start, middle and end of term' },
  termly: { zh: '每学期一次', en: 'Once a term' },
  term_start_end: { zh: '期初、期末', en: 'Start and end of term' },
};

/** Roles a care rule can make responsible (the others hold no duties toward single children). */
export const careResponsibleRoles = ['class_teacher', 'school_admin', 'child_director'] as const;
export type CareResponsibleRole = (typeof careResponsibleRoles)[number];
export const careResponsibleRoleLabels: LabelMap<CareResponsibleRole> = {
  class_teacher: { zh: '班主任', en: 'Class teacher' },
  school_admin: { zh: '学校管理员', en: 'School administrator' },
  child_director: { zh: '儿童主任', en: 'Child director' },
};

/** Where a (child, rule, period) stands. `upcoming`: the period has not started yet. */
export const dutyStatuses = ['done', 'due', 'overdue', 'upcoming', 'not_applicable'] as const;
export type DutyStatus = (typeof dutyStatuses)[number];
export const dutyStatusLabels: LabelMap<DutyStatus> = {
  done: { zh: '已完成', en: 'Done' },
  due: { zh: '待完成', en: 'Due' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  upcoming: { zh: '未开始', en: 'Upcoming' },
  not_applicable: { zh: '不适用', en: 'Not applicable' },
};

/** Flags a care record may carry (stored; the record is accepted). */
export const careRecordFlags = ['outside_term_window'] as const;
export type CareRecordFlag = (typeof careRecordFlags)[number];
export const careRecordFlagLabels: LabelMap<CareRecordFlag> = {
  outside_term_window: { zh: '不在期初/期中/期末家访时段内', en: 'Outside the term’s home-visit windows' },
};

/** Every code list of the care network by field name. */
export const careCodeLists = {
  pairingKind: pairingKindLabels,
  careRecordKind: careRecordKindLabels,
  careRuleKind: careRuleKindLabels,
  channel: careChannelLabels,
  parentContactChannel: parentContactChannelLabels,
  initiatedBy: contactInitiatorLabels,
  termWindow: termWindowLabels,
  homeVisitParty: homeVisitPartyLabels,
  tutoringSubject: tutoringSubjectLabels,
  lifeCareType: lifeCareTypeLabels,
  frequency: careFrequencyLabels,
  responsibleRole: careResponsibleRoleLabels,
  dutyStatus: dutyStatusLabels,
  flag: careRecordFlagLabels,
} as const;
