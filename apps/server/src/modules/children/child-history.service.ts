import type { childCategoryEndBody, childCategoryStartBody, childEnrollmentBody } from '@shouwang/shared';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { isUniqueViolation } from '../../lib/db-errors';
import { AppError } from '../../lib/errors';
import * as history from './child-history.repository';
import { auditOrgOf, invalidFields, requireWritableChild } from './children.access';
import { setDerived } from './children.repository';
import { refreshCompleteness } from './use-cases/refresh-completeness';

/**
 * The archive's history: category periods (a returning parent ends left-behind status with a date)
 * and enrollment events (在读/休学/辍学/转出/毕业). Entries are appended, never edited.
 */

const presentCategory = (c: history.ChildCategoryRow) => ({
  id: c.id,
  category: c.category,
  startDate: c.startDate,
  endDate: c.endDate,
  note: c.note,
});

export async function startCategory(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  body: z.infer<typeof childCategoryStartBody>,
) {
  const row = await requireWritableChild(db, ctx, actor, childId);
  try {
    return await db.transaction(async (tx) => {
      const created = await history.insertCategory(tx, {
        childId,
        countyId: row.countyId,
        category: body.category,
        startDate: body.startDate,
        note: body.note ?? null,
        createdBy: actor.userId,
      });
      await refreshCompleteness(tx, childId);
      await recordAudit(tx, ctx, {
        event: 'child.category_started',
        targetType: 'child_category',
        targetId: created.id,
        childId,
        org: auditOrgOf(row),
        after: { category: created.category, startDate: created.startDate, note: created.note },
      });
      return presentCategory(created);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CATEGORY_ALREADY_ACTIVE');
    throw error;
  }
}

export async function endCategory(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  categoryId: string,
  body: z.infer<typeof childCategoryEndBody>,
) {
  const row = await requireWritableChild(db, ctx, actor, childId);
  const period = await history.findCategory(db, childId, categoryId);
  if (!period) throw new AppError('NOT_FOUND');
  if (period.endDate) throw new AppError('CATEGORY_ALREADY_ENDED');
  if (body.endDate < period.startDate)
    throw invalidFields(ctx.language, [{ field: 'endDate', key: 'end_before_start' }]);
  return db.transaction(async (tx) => {
    const ended = await history.endCategory(tx, categoryId, body.endDate, body.note);
    if (!ended) throw new AppError('CATEGORY_ALREADY_ENDED');
    await refreshCompleteness(tx, childId);
    await recordAudit(tx, ctx, {
      event: 'child.category_ended',
      targetType: 'child_category',
      targetId: categoryId,
      childId,
      org: auditOrgOf(row),
      before: { endDate: null },
      after: { category: ended.category, endDate: ended.endDate, note: ended.note },
    });
    return presentCategory(ended);
  });
}

export async function addEnrollment(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  body: z.infer<typeof childEnrollmentBody>,
) {
  const row = await requireWritableChild(db, ctx, actor, childId);
  return db.transaction(async (tx) => {
    const created = await history.insertEnrollment(tx, {
      childId,
      countyId: row.countyId,
      status: body.status,
      date: body.date,
      destination: body.destination ?? null,
      note: body.note ?? null,
      createdBy: actor.userId,
    });
    // A back-dated entry completes the history but does not replace a newer current status.
    if (!row.enrollmentDate || body.date >= row.enrollmentDate)
      await setDerived(tx, childId, { enrollmentStatus: body.status, enrollmentDate: body.date });
    await recordAudit(tx, ctx, {
      event: 'child.enrollment_changed',
      targetType: 'child_enrollment',
      targetId: created.id,
      childId,
      org: auditOrgOf(row),
      before: { status: row.enrollmentStatus, date: row.enrollmentDate },
      after: { status: created.status, date: created.date, destination: created.destination, note: created.note },
    });
    return {
      id: created.id,
      status: created.status,
      date: created.date,
      destination: created.destination,
      note: created.note,
    };
  });
}
