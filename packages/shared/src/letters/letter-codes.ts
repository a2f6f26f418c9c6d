import type { LabelMap } from '../enums/labels';

/** 致家长的一封信: which letter of the term (期初、期末) or a school's own (其他). */
export const letterKinds = ['term_start', 'term_end', 'custom'] as const;
export type LetterKind = (typeof letterKinds)[number];
export const letterKindLabels: LabelMap<LetterKind> = {
  term_start: { zh: '期初致家长的一封信', en: 'Start-of-term letter' },
  term_end: { zh: '期末致家长的一封信', en: 'End-of-term letter' },
  custom: { zh: '其他致家长的信', en: 'Other letter' },
};

/** How a letter reached the family. */
export const letterChannels = ['mail', 'wechat', 'sms', 'in_person'] as const;
export type LetterChannel = (typeof letterChannels)[number];
export const letterChannelLabels: LabelMap<LetterChannel> = {
  mail: { zh: '邮寄', en: 'By post' },
  wechat: { zh: '微信', en: 'WeChat' },
  sms: { zh: '短信', en: 'Text message' },
  in_person: { zh: '当面', en: 'In person' },
};
