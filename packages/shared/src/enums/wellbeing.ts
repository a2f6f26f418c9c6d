import type { LabelMap } from './labels';

/**
 * Code lists of the children's wellbeing work: the whisper mailbox (悄悄话信箱), pledges and
 * self-evaluations (自律承诺书/自我评价); counseling and concerns add theirs here too.
 */

/** Where a whisper-mailbox message stands in the counselor's inbox. */
export const mailboxStatuses = ['new', 'in_progress', 'replied', 'closed'] as const;
export type MailboxStatus = (typeof mailboxStatuses)[number];
export const mailboxStatusLabels: LabelMap<MailboxStatus> = {
  new: { zh: '未读', en: 'New' },
  in_progress: { zh: '处理中', en: 'In progress' },
  replied: { zh: '已回复', en: 'Replied' },
  closed: { zh: '已结束', en: 'Closed' },
};

/**
 * Words that mark a message as urgent (it goes to the top of the inbox and alerts the counselor
 * and the school administrator). A school may edit its own list; this is the list a new mailbox
 * starts with.
 */
export const defaultMailboxDangerWords: readonly string[] = [
  '自杀',
  '不想活',
  '想死',
  '去死',
  '活着没意思',
  '割腕',
  '跳楼',
  '打我',
  '被打',
  '害怕回家',
  '不敢回家',
  '离家出走',
  '摸我',
  '欺负我',
];

/** Pickup codes: 8 characters without look-alikes (0/O, 1/I/L), easy for a child to copy. */
export const pickupCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const pickupCodeLength = 8;
/** The short code of a school's mailbox in its public link `/m/<code>`. */
export const mailboxCodeLength = 6;
/** The longest message a child may send, in characters. */
export const mailboxMessageMaxLength = 2000;
export const mailboxReplyMaxLength = 4000;

/** How the review of a pledge (自律承诺书) came out at its deadline. */
export const pledgeReviewResults = ['kept', 'partly_kept', 'not_kept'] as const;
export type PledgeReviewResult = (typeof pledgeReviewResults)[number];
export const pledgeReviewResultLabels: LabelMap<PledgeReviewResult> = {
  kept: { zh: '已做到', en: 'Kept' },
  partly_kept: { zh: '部分做到', en: 'Partly kept' },
  not_kept: { zh: '未做到', en: 'Not kept' },
};

/** What a self-evaluation (自我评价) looks at: 行为、思想、学习、生活 (seed report). */
export const selfEvaluationAspects = ['behavior', 'thinking', 'study', 'life'] as const;
export type SelfEvaluationAspect = (typeof selfEvaluationAspects)[number];
export const selfEvaluationAspectLabels: LabelMap<SelfEvaluationAspect> = {
  behavior: { zh: '行为', en: 'Behaviour' },
  thinking: { zh: '思想', en: 'Thinking' },
  study: { zh: '学习', en: 'Study' },
  life: { zh: '生活', en: 'Daily life' },
};

// ── Counseling (心理辅导) and concern reports (强制报告) ─────────────────────────────────────────

/** A child's risk level as the school counselor judges it; the latest entry is the current one. */
export const riskLevels = ['low', 'medium', 'high', 'crisis'] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const riskLevelLabels: LabelMap<RiskLevel> = {
  low: { zh: '低风险', en: 'Low' },
  medium: { zh: '中风险', en: 'Medium' },
  high: { zh: '高风险', en: 'High' },
  crisis: { zh: '危机', en: 'Crisis' },
};

/**
 * What a concern report (强制报告, 未成年人保护法第十一条) is about: the situations the law and the
 * Ministry's mandatory-reporting rules name for staff who work with minors.
 */
export const concernCategories = [
  'unsupervised',
  'missing',
  'guardian_failing',
  'suspected_violence',
  'suspected_abuse',
  'self_harm_risk',
] as const;
export type ConcernCategory = (typeof concernCategories)[number];
export const concernCategoryLabels: LabelMap<ConcernCategory> = {
  unsupervised: { zh: '无人监护', en: 'Left unsupervised' },
  missing: { zh: '失踪或走失', en: 'Missing' },
  guardian_failing: { zh: '监护人无力监护或不履行监护职责', en: 'Guardian unable or failing' },
  suspected_violence: { zh: '疑似遭受暴力', en: 'Suspected violence' },
  suspected_abuse: { zh: '疑似遭受虐待、性侵害或其他伤害', en: 'Suspected abuse or harm' },
  self_harm_risk: { zh: '有自伤自杀风险', en: 'Risk of self-harm' },
};

export const concernSeverities = ['general', 'serious', 'urgent'] as const;
export type ConcernSeverity = (typeof concernSeverities)[number];
export const concernSeverityLabels: LabelMap<ConcernSeverity> = {
  general: { zh: '一般', en: 'General' },
  serious: { zh: '严重', en: 'Serious' },
  urgent: { zh: '紧急', en: 'Urgent' },
};

/** reported → acknowledged → referred → following_up → closed. */
export const concernStatuses = ['reported', 'acknowledged', 'referred', 'following_up', 'closed'] as const;
export type ConcernStatus = (typeof concernStatuses)[number];
export const concernStatusLabels: LabelMap<ConcernStatus> = {
  reported: { zh: '待确认', en: 'Reported' },
  acknowledged: { zh: '已确认', en: 'Acknowledged' },
  referred: { zh: '已报告有关部门', en: 'Referred' },
  following_up: { zh: '跟进中', en: 'Following up' },
  closed: { zh: '已结案', en: 'Closed' },
};

/** The authorities a concern is reported to (公安机关、民政部门、教育行政部门). */
export const concernAuthorities = ['police', 'civil_affairs', 'education_bureau'] as const;
export type ConcernAuthority = (typeof concernAuthorities)[number];
export const concernAuthorityLabels: LabelMap<ConcernAuthority> = {
  police: { zh: '公安机关', en: 'Police' },
  civil_affairs: { zh: '民政部门', en: 'Civil affairs' },
  education_bureau: { zh: '教育行政部门', en: 'Education bureau' },
};

/** One step of a concern's history. `escalated` is written by the server when a step is overdue. */
export const concernEventKinds = [
  'reported',
  'acknowledged',
  'referred',
  'followed_up',
  'closed',
  'escalated',
] as const;
export type ConcernEventKind = (typeof concernEventKinds)[number];

/**
 * How long each open step may take before it escalates to the township supervisor: acknowledgement
 * within 24 hours of the report, the report to an authority within 24 hours of acknowledgement, the
 * first follow-up within 7 days of the referral, then a follow-up at least every 30 days until closed.
 */
export const concernStepHours: Record<Exclude<ConcernStatus, 'closed'>, number> = {
  reported: 24,
  acknowledged: 24,
  referred: 7 * 24,
  following_up: 30 * 24,
};
