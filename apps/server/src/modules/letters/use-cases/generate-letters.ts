import { letterMergeValues, renderLetter, todayIso } from '@shouwang/shared';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../lib/authz/actor';
import type { RequestContext } from '../../../lib/context';
import { AppError } from '../../../lib/errors';
import { type PdfFont, renderPdf, requirePdfFont } from '../../../lib/pdf';
import { auditOrgOf } from '../../children/children.access';
import { bulkAudit } from '../../children/children-bulk.repository';
import { staffAt } from '../../children/contact-card.repository';
import { lettersDocx, lettersPdfDocument } from '../letter-documents';
import { letterTerm } from '../letter-terms';
import { requireLetterUnit, requireTemplate } from '../letters.access';
import { childrenOfUnit } from '../letters.repository';
import { childTermFacts } from '../term-facts/child-term-facts';

export type LetterFormat = 'docx' | 'pdf';

/**
 * The letters of every child of a class or school from one template, as one .docx or PDF with each
 * letter on its own pages. The files hold children's personal data: every child's letter is audited.
 */
export async function generateLetters(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  templateId: string,
  query: { orgId: string; termId?: string },
  format: LetterFormat,
  font: PdfFont,
) {
  const { template, school: templateSchool } = await requireTemplate(db, ctx, actor, templateId, 'read');
  const { unit, school } = await requireLetterUnit(db, ctx, actor, query.orgId, 'send');
  if (school.id !== templateSchool.id) throw new AppError('NOT_FOUND');
  if (format === 'pdf') requirePdfFont(font);
  const { term, terms } = await letterTerm(db, school, query.termId);
  const children = await childrenOfUnit(db, unit);
  if (children.length === 0) throw new AppError('LETTER_NO_CHILDREN');
  const facts = await childTermFacts(db, {
    countyId: school.countyId,
    childIds: children.map((c) => c.id),
    startDate: term.startDate,
    endDate: term.endDate,
    termId: term.id,
    // Terms come newest first: the one after this in the list is the term before it.
    previousTermId: terms[terms.findIndex((x) => x.id === term.id) + 1]?.id ?? null,
  });
  const teachers = await staffAt(
    db,
    'class_teacher',
    children.map((c) => c.classId).filter((id): id is string => id !== null),
  );
  const signedOn = todayIso();
  const letters = children.map((c) =>
    renderLetter(
      template,
      letterMergeValues(
        {
          childName: c.name,
          className: c.className,
          classTeacher: (c.classId ? teachers.get(c.classId)?.[0] : undefined) ?? null,
          schoolName: school.name,
          term,
          signedOn,
        },
        facts.get(c.id)!,
      ),
    ),
  );
  const title = `${unit.kind === 'class' ? `${school.name} ${unit.name}` : school.name} ${template.name}`;
  const file =
    format === 'docx' ? await lettersDocx(title, letters) : await renderPdf(lettersPdfDocument(title, letters), font);
  await bulkAudit(
    db,
    ctx,
    children.map((c) => ({
      event: 'letter.generated' as const,
      targetType: 'letter_template',
      targetId: template.id,
      childId: c.id,
      org: auditOrgOf(c),
      diff: { format, termId: term.id, orgId: unit.id },
    })),
  );
  return { file, fileName: `${unit.name}-${template.name}.${format}` };
}
