import type { GradeBatchBody } from '@shouwang/shared';
import type { Db } from '../../../db/client';
import { recordAudit } from '../../../lib/audit/record-audit';
import type { Actor } from '../../../lib/authz/actor';
import type { RequestContext } from '../../../lib/context';
import { AppError } from '../../../lib/errors';
import { auditOrgOf, invalidFields } from '../../children/children.access';
import { type ChildRow, findChild } from '../../children/children.repository';
import { findOrg } from '../../orgs/orgs.repository';
import { checkTermOfChild } from '../learning.access';
import { learningAccess } from '../learning.policy';
import { presentGrade } from '../learning.presenter';
import { upsertGrade } from '../learning.repository';

/**
 * 成绩录入 for a class: one term, one or more subjects, a row per child. Scores replace the child's
 * earlier score of the same term and subject; empty cells leave it. One bad row refuses the whole
 * batch, naming the row; everything is written in one transaction.
 */
export async function saveGrades(db: Db, ctx: RequestContext, actor: Actor, body: GradeBatchBody) {
  const cls = await findOrg(db, body.classId);
  if (cls?.kind !== 'class') throw invalidFields(ctx.language, [{ field: 'classId', key: 'child_not_in_class' }]);
  const access = await learningAccess(db, actor);
  const issues: { field: string; key: string }[] = [];
  const children: ChildRow[] = [];
  const seen = new Set<string>();
  for (const [i, row] of body.rows.entries()) {
    const field = `rows.${i}.childId`;
    if (seen.has(row.childId)) {
      issues.push({ field, key: 'duplicate_children' });
      continue;
    }
    seen.add(row.childId);
    const child = await findChild(db, row.childId);
    if (child?.classId !== cls.id || !access.readable(child)) {
      issues.push({ field, key: 'child_not_in_class' });
      continue;
    }
    if (!access.writable(child)) {
      await recordAudit(db, ctx, {
        event: 'access.denied',
        targetType: 'child',
        targetId: child.id,
        childId: child.id,
        org: auditOrgOf(child),
      });
      throw new AppError('FORBIDDEN');
    }
    children.push(child);
  }
  if (issues.length > 0) throw invalidFields(ctx.language, issues);
  await checkTermOfChild(db, ctx, { countyId: cls.countyId, schoolId: cls.parentId }, body.termId);

  const fullMarks = new Map(body.subjects.map((s) => [s.subject, s.fullMark]));
  return db.transaction(async (tx) => {
    const items = [];
    for (const [i, row] of body.rows.entries()) {
      const child = children[i]!;
      const written: Record<string, number> = {};
      for (const [subject, score] of Object.entries(row.scores) as [
        GradeBatchBody['subjects'][number]['subject'],
        number | null,
      ][]) {
        if (score === null || score === undefined) continue;
        const g = await upsertGrade(tx, {
          countyId: child.countyId,
          childId: child.id,
          schoolId: child.schoolId,
          classId: child.classId,
          termId: body.termId,
          subject,
          score,
          fullMark: fullMarks.get(subject)!,
          authorId: actor.userId,
        });
        written[subject] = score;
        items.push(presentGrade(g, child.name));
      }
      if (Object.keys(written).length > 0)
        await recordAudit(tx, ctx, {
          event: 'grade.batch_saved',
          targetType: 'child',
          targetId: child.id,
          childId: child.id,
          org: auditOrgOf(child),
          diff: { termId: body.termId, scores: written },
        });
    }
    return { written: items.length, items };
  });
}
