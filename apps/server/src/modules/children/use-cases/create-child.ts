import { type ChildCreateBody, todayIso } from '@shouwang/shared';
import type { Db } from '../../../db/client';
import { recordAudit } from '../../../lib/audit/record-audit';
import type { Actor } from '../../../lib/authz/actor';
import type { RequestContext } from '../../../lib/context';
import { isUniqueViolation } from '../../../lib/db-errors';
import { AppError } from '../../../lib/errors';
import { insertCategory, insertEnrollment } from '../child-history.repository';
import { resolvePlacement } from '../child-placement';
import { auditOrgOf } from '../children.access';
import { childSnapshot } from '../children.presenter';
import * as repo from '../children.repository';
import { idNumberColumns } from '../id-number-hash';
import { pinyinKeys } from '../pinyin-keys';
import { assertIdNumberFree, suspectedDuplicates } from './check-duplicates';
import { refreshCompleteness } from './refresh-completeness';

/**
 * 建档: files a new child with its first categories and enrollment entry, in one transaction.
 * The same ID number is an error; a likely duplicate (same name and birth date, or a similar
 * name in the same school) is answered 409 with the candidates until the caller confirms.
 */
export async function createChild(db: Db, ctx: RequestContext, actor: Actor, body: ChildCreateBody): Promise<string> {
  const { categories, enrollmentStatus, enrollmentDate, confirmDuplicate, ...fields } = body;
  const placement = await resolvePlacement(
    db,
    actor,
    { schoolId: fields.schoolId ?? null, classId: fields.classId ?? null, villageId: fields.villageId ?? null },
    ctx.language,
  );
  const keys = pinyinKeys(fields.name);
  const id = idNumberColumns(fields.idNumber);
  await assertIdNumberFree(db, actor, ctx.language, id.idNumberHash);
  if (!confirmDuplicate) {
    const candidates = await suspectedDuplicates(db, actor, {
      countyId: placement.countyId,
      name: fields.name,
      namePinyin: keys.namePinyin,
      birthDate: fields.birthDate ?? null,
      schoolId: placement.schoolId,
    });
    if (candidates.length > 0) throw new AppError('DUPLICATE_SUSPECTED', { candidates });
  }

  try {
    return await db.transaction(async (tx) => {
      const row = await repo.insertChild(tx, { ...fields, ...placement, ...keys, ...id });
      for (const c of categories) {
        await insertCategory(tx, { childId: row.id, countyId: row.countyId, createdBy: actor.userId, ...c });
      }
      if (enrollmentStatus) {
        const date = enrollmentDate ?? todayIso();
        await insertEnrollment(tx, {
          childId: row.id,
          countyId: row.countyId,
          status: enrollmentStatus,
          date,
          createdBy: actor.userId,
        });
        await repo.setDerived(tx, row.id, { enrollmentStatus, enrollmentDate: date });
      }
      await refreshCompleteness(tx, row.id);
      await recordAudit(tx, ctx, {
        event: 'child.created',
        targetType: 'child',
        targetId: row.id,
        childId: row.id,
        org: auditOrgOf(row),
        after: { ...childSnapshot(row), categories, enrollmentStatus: enrollmentStatus ?? null },
      });
      return row.id;
    });
  } catch (error) {
    // Two clerks filing the same number at once: the unique index decides.
    if (isUniqueViolation(error)) await assertIdNumberFree(db, actor, ctx.language, id.idNumberHash);
    throw error;
  }
}
