import type { LabelMap } from './labels';

/**
 * Privacy rights (PIPL; 儿童个人信息网络保护规定): the data categories a child's record holds, and
 * the legal basis on which each is processed.
 */
export const consentCategories = [
  'basic_archive',
  'family',
  'health',
  'psychological',
  'photos',
  'sharing_with_village',
] as const;
export type ConsentCategory = (typeof consentCategories)[number];
export const consentCategoryLabels: LabelMap<ConsentCategory> = {
  basic_archive: { zh: '基本档案', en: 'Basic archive' },
  family: { zh: '家庭与监护信息', en: 'Family and guardians' },
  health: { zh: '健康信息', en: 'Health' },
  psychological: { zh: '心理信息', en: 'Psychological' },
  photos: { zh: '照片与影像', en: 'Photos' },
  sharing_with_village: { zh: '与村（社区）共享', en: 'Sharing with the village' },
};

/** 监护人同意 / 法定职责（民政、教育部门）/ 保护重大利益. */
export const consentBases = ['guardian_consent', 'legal_duty', 'vital_interest'] as const;
export type ConsentBasis = (typeof consentBases)[number];
export const consentBasisLabels: LabelMap<ConsentBasis> = {
  guardian_consent: { zh: '监护人同意', en: 'Guardian consent' },
  legal_duty: { zh: '法定职责（民政、教育部门）', en: 'Statutory duty (civil affairs, education)' },
  vital_interest: { zh: '保护儿童重大利益', en: 'Vital interest of the child' },
};

/** The legal basis quoted in every export of a child's record. */
export const privacyExportBasis = {
  zh: '依据《中华人民共和国个人信息保护法》第四十五条及《儿童个人信息网络保护规定》第十九条，应监护人请求提供儿童个人信息副本',
  en: 'Copy of a child’s personal information at the guardian’s request, under PIPL Art. 45 and Art. 19 of the 2019 Provisions on the Online Protection of Children’s Personal Information',
};

/** 更正申请 outcomes: corrected in the archive, or refused with the reason. */
export const correctionOutcomes = ['corrected', 'rejected'] as const;
export type CorrectionOutcome = (typeof correctionOutcomes)[number];
export const correctionOutcomeLabels: LabelMap<CorrectionOutcome> = {
  corrected: { zh: '已更正', en: 'Corrected' },
  rejected: { zh: '不予更正', en: 'Refused' },
};
