import { type Language, type Permission, type PrivacyExportView, privacyExportBasis } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { auditOrgOf, requireReadableChild } from '../children/children.access';
import { coversChild } from '../children/children.policy';
import type { ChildRow } from '../children/children.repository';
import { canManagePrivacyOf, privacyGrantOf } from './privacy.policy';
import { cleanRow, exportSections, rowsOf } from './privacy-export.sections';

/**
 * A child's complete record for a guardian's request (PIPL Art. 45): every table's rows about the
 * child that the requester may see, who exported it, when and on what basis. Confidential texts
 * (counseling notes, mailbox messages) and encrypted ID numbers never leave; the export says so.
 */

/** Loads the child and checks `privacy.manage` over it: out of scope 404, no right 403. */
export async function requirePrivacyManager(db: Db, ctx: RequestContext, actor: Actor, childId: string) {
  const row = await requireReadableChild(db, ctx, actor, childId);
  if (!canManagePrivacyOf(actor, row)) {
    await recordAudit(db, ctx, {
      event: 'access.denied',
      targetType: 'child',
      targetId: childId,
      childId,
      org: auditOrgOf(row),
    });
    throw new AppError('FORBIDDEN');
  }
  return row;
}

const pick = (language: Language, s: { zh: string; en: string }) => (language === 'en' ? s.en : s.zh);

const omittedTexts = {
  counseling: {
    zh: '心理辅导记录内容与悄悄话信箱信件属保密信息，未包含在本导出中；如监护人需要，请由持有心理辅导查阅权限的心理老师另行提供。',
    en: 'Counseling notes and whisper-mailbox messages are confidential and are not included; a counselor holding counseling.read can provide them on request.',
  },
  idNumber: {
    zh: '身份证号以加密方式保存，本导出仅含掩码；完整号码可经授权查阅（留有访问记录）。',
    en: 'ID numbers are stored encrypted; the export shows the mask only. The full number can be read with the grant (audited).',
  },
  noGrant: { zh: '导出人无权查阅此类信息', en: 'The exporting user may not read this section' },
};

export async function buildPrivacyExport(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  language: Language,
  now: Date = new Date(),
): Promise<{ view: PrivacyExportView; row: ChildRow }> {
  const row = await requirePrivacyManager(db, ctx, actor, childId);
  const may = (needs: readonly Permission[]) => needs.some((p) => coversChild(actor, p, row));
  const sections: PrivacyExportView['sections'] = [
    { key: 'archive', title: pick(language, { zh: '儿童档案', en: 'Archive' }), rows: [cleanRow(row)] },
  ];
  const omitted: PrivacyExportView['omitted'] = [{ key: 'id_number', reason: pick(language, omittedTexts.idNumber) }];
  for (const section of exportSections) {
    if (!may(section.needs)) {
      if (section.key !== 'counseling_sessions')
        omitted.push({
          key: section.key,
          reason: `${pick(language, section)}：${pick(language, omittedTexts.noGrant)}`,
        });
      continue;
    }
    sections.push({ key: section.key, title: pick(language, section), rows: await rowsOf(db, section, childId) });
  }
  omitted.push({ key: 'counseling_notes_and_mailbox', reason: pick(language, omittedTexts.counseling) });
  const role = privacyGrantOf(actor, row)?.role ?? null;
  await recordAudit(db, ctx, {
    event: 'privacy.exported',
    targetType: 'child',
    targetId: childId,
    childId,
    org: auditOrgOf(row),
    diff: { sections: sections.map((s) => s.key) },
  });
  return {
    row,
    view: {
      child: { id: row.id, name: row.name },
      exportedAt: now.toISOString(),
      exportedBy: {
        id: actor.userId,
        name: actor.displayName,
        role,
      },
      legalBasis: pick(language, privacyExportBasis),
      sections,
      omitted,
    },
  };
}
