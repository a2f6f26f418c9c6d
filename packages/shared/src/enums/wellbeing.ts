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
