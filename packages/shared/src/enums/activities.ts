import type { LabelMap } from './labels';

/**
 * Code lists of activities (活动), the activity room (留守儿童之家) and aid (资助), as issue 6 and
 * the seed reports name them.
 */

export const activityTypes = [
  'festival',
  'safety_quiz',
  'art_exhibition',
  'speech_contest',
  'performance',
  'theme_class_meeting',
  'room_open',
  'other',
] as const;
export type ActivityType = (typeof activityTypes)[number];
export const activityTypeLabels: LabelMap<ActivityType> = {
  festival: { zh: '节日活动', en: 'Festival event' },
  safety_quiz: { zh: '安全知识竞答', en: 'Safety quiz' },
  art_exhibition: { zh: '书画展', en: 'Art exhibition' },
  speech_contest: { zh: '演讲比赛', en: 'Speech contest' },
  performance: { zh: '文艺演出', en: 'Performance' },
  theme_class_meeting: { zh: '主题班会', en: 'Theme class meeting' },
  room_open: { zh: '活动室开放', en: 'Activity room open day' },
  other: { zh: '其他', en: 'Other' },
};

/** Units that organize activities. */
export const activityOrgKinds = ['township', 'village', 'school', 'class'] as const;

export const participantRoles = ['participant', 'performer', 'host', 'volunteer'] as const;
export type ParticipantRole = (typeof participantRoles)[number];
export const participantRoleLabels: LabelMap<ParticipantRole> = {
  participant: { zh: '参加', en: 'Participant' },
  performer: { zh: '参赛/表演', en: 'Contestant / performer' },
  host: { zh: '主持', en: 'Host' },
  volunteer: { zh: '志愿服务', en: 'Volunteer' },
};

/** What a child did in the activity room (留守儿童之家). */
export const roomDoings = ['reading', 'painting', 'group_study', 'parent_call', 'games', 'other'] as const;
export type RoomDoing = (typeof roomDoings)[number];
export const roomDoingLabels: LabelMap<RoomDoing> = {
  reading: { zh: '阅读', en: 'Reading' },
  painting: { zh: '绘画', en: 'Painting' },
  group_study: { zh: '小组学习', en: 'Group study' },
  parent_call: { zh: '给父母打电话', en: 'Called parents' },
  games: { zh: '文体游戏', en: 'Games and sports' },
  other: { zh: '其他', en: 'Other' },
};

export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
export const weekdayLabels: Record<number, { zh: string; en: string }> = {
  1: { zh: '周一', en: 'Mon' },
  2: { zh: '周二', en: 'Tue' },
  3: { zh: '周三', en: 'Wed' },
  4: { zh: '周四', en: 'Thu' },
  5: { zh: '周五', en: 'Fri' },
  6: { zh: '周六', en: 'Sat' },
  7: { zh: '周日', en: 'Sun' },
};

export const aidTypes = ['stipend', 'goods', 'festival_gift', 'birthday', 'medical', 'other'] as const;
export type AidType = (typeof aidTypes)[number];
export const aidTypeLabels: LabelMap<AidType> = {
  stipend: { zh: '助学金', en: 'Stipend' },
  goods: { zh: '物资', en: 'Goods' },
  festival_gift: { zh: '节日礼物', en: 'Festival gift' },
  birthday: { zh: '生日', en: 'Birthday' },
  medical: { zh: '医疗', en: 'Medical' },
  other: { zh: '其他', en: 'Other' },
};

/** Where a school's care money comes from (income) and what it is spent on (expense). */
export const fundSources = ['government', 'donation', 'school', 'other'] as const;
export type FundSource = (typeof fundSources)[number];
export const fundSourceLabels: LabelMap<FundSource> = {
  government: { zh: '上级拨款', en: 'Government allocation' },
  donation: { zh: '社会捐赠', en: 'Donation' },
  school: { zh: '学校自筹', en: 'School funds' },
  other: { zh: '其他收入', en: 'Other income' },
};
export const fundPurposes = ['activity', 'aid', 'other'] as const;
export type FundPurpose = (typeof fundPurposes)[number];
export const fundPurposeLabels: LabelMap<FundPurpose> = {
  activity: { zh: '活动支出', en: 'Activities' },
  aid: { zh: '资助支出', en: 'Aid' },
  other: { zh: '其他支出', en: 'Other spending' },
};
export const fundDirections = ['income', 'expense'] as const;
export type FundDirection = (typeof fundDirections)[number];

/** The largest amount one record may hold: 1,000,000 yuan, in fen (分). */
export const MAX_AMOUNT_FEN = 100_000_000;
/** Activity dates further than this from today must be confirmed (a typo in the year is likely). */
export const ACTIVITY_DATE_CONFIRM_DAYS = 366;
