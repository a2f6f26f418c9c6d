import { z } from 'zod';
import { consentBases, consentCategories, correctionOutcomes } from '../enums/privacy';
import { pastDate } from './archive-fields';
import { multiLine, singleLine, uuid, version } from './common';

/** Privacy rights: export of a child's record, consent and legal basis, the data-protection officer. */

/** One section of a child's export: the rows one table holds about the child. */
export const privacyExportSection = z.object({
  key: z.string(),
  title: z.string(),
  rows: z.array(z.record(z.string(), z.unknown())),
});
export const privacyExportView = z.object({
  child: z.object({ id: uuid, name: z.string() }),
  exportedAt: z.string(),
  exportedBy: z.object({ id: uuid, name: z.string(), role: z.string().nullable() }),
  legalBasis: z.string(),
  sections: z.array(privacyExportSection),
  /** What the export leaves out, and why (counseling notes, mailbox texts, sections without a grant). */
  omitted: z.array(z.object({ key: z.string(), reason: z.string() })),
});
export type PrivacyExportView = z.infer<typeof privacyExportView>;

const consentFields = {
  category: z.enum(consentCategories),
  basis: z.enum(consentBases),
  /** The guardian who consented (required when the basis is guardian consent). */
  consenterName: singleLine(50).nullish(),
  consenterRelation: singleLine(20).nullish(),
  consentedOn: pastDate,
  scopeNote: multiLine(500).nullish(),
};
export const consentCreateBody = z.strictObject(consentFields).superRefine((v, ctx) => {
  if (v.basis !== 'guardian_consent') return;
  if (!v.consenterName?.trim()) ctx.addIssue({ code: 'custom', path: ['consenterName'], message: 'text_required' });
  if (!v.consenterRelation?.trim())
    ctx.addIssue({ code: 'custom', path: ['consenterRelation'], message: 'text_required' });
});
export type ConsentCreateBody = z.infer<typeof consentCreateBody>;

export const consentWithdrawBody = z.strictObject({
  version: version.optional(),
  reason: multiLine(500).refine((s) => s.trim().length > 0, { message: 'text_required' }),
});
export const consentParams = z.strictObject({ id: uuid, consentId: uuid });

export const consentView = z.object({
  id: uuid,
  childId: uuid,
  category: z.enum(consentCategories),
  basis: z.enum(consentBases),
  consenterName: z.string().nullable(),
  consenterRelation: z.string().nullable(),
  consentedOn: z.string(),
  scopeNote: z.string().nullable(),
  recordedByName: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type ConsentView = z.infer<typeof consentView>;
export const consentListResponse = z.object({ items: z.array(consentView), canManage: z.boolean() });

/** 个人信息保护负责人 of a county. */
export const privacyOfficerBody = z.strictObject({
  name: singleLine(50).refine((s) => s.trim().length > 0, { message: 'text_required' }),
  phone: singleLine(30).refine((s) => s.trim().length > 0, { message: 'text_required' }),
  email: z.email().max(100).nullish(),
});
export const privacyOfficerView = z.object({
  officer: z.object({ name: z.string(), phone: z.string(), email: z.string().nullable() }).nullable(),
});

/** Anonymization after the retention period: `dryRun` only counts the children due. */
export const anonymizeDueBody = z.strictObject({ dryRun: z.boolean().default(true) });
export const anonymizeDueResponse = z.object({
  dryRun: z.boolean(),
  retentionYears: z.number(),
  count: z.number().int(),
});

/** 更正申请: a guardian's request for a correction, and how it was handled. */
export const correctionCreateBody = z.strictObject({
  requesterName: singleLine(50).refine((s) => s.trim().length > 0, { message: 'text_required' }),
  requesterRelation: singleLine(20).refine((s) => s.trim().length > 0, { message: 'text_required' }),
  requestedOn: pastDate,
  request: multiLine(1000).refine((s) => s.trim().length > 0, { message: 'text_required' }),
});
export type CorrectionCreateBody = z.infer<typeof correctionCreateBody>;
export const correctionResolveBody = z.strictObject({
  version: version.optional(),
  outcome: z.enum(correctionOutcomes),
  resolutionNote: multiLine(1000).refine((s) => s.trim().length > 0, { message: 'text_required' }),
});
export const correctionParams = z.strictObject({ id: uuid, requestId: uuid });
export const correctionView = z.object({
  id: uuid,
  childId: uuid,
  requesterName: z.string(),
  requesterRelation: z.string(),
  requestedOn: z.string(),
  request: z.string(),
  outcome: z.enum(correctionOutcomes).nullable(),
  resolutionNote: z.string().nullable(),
  handledAt: z.string().nullable(),
  /** The audit row of the archive change made for it (corrected requests). */
  changeAuditId: z.number().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type CorrectionView = z.infer<typeof correctionView>;
export const correctionListResponse = z.object({ items: z.array(correctionView) });
