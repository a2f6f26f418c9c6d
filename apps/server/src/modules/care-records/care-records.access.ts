import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { findSettings } from '../care-rules/care-rules.repository';
import { auditOrgOf } from '../children/children.access';
import { childScope } from '../children/children.policy';
import { type ChildRow, findChild } from '../children/children.repository';
import { canReadCareOf, canWriteCareOf } from './care-records.policy';
import { type PresentContext, presentCareRecord } from './care-records.presenter';
import { type CareRecordWithChild, findRecord } from './care-records.repository';

/**
 * The loaders every care-record use case starts with: what the caller may not see is "not found",
 * what they may see but not write is "forbidden"; both are audited.
 */

export async function requireChildForCare(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  need: 'read' | 'write',
): Promise<ChildRow> {
  const row = await findChild(db, childId);
  if (!row || !canReadCareOf(actor, row, (await childScope(db, actor, 'care_record.read')).pairedIds)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'child', targetId: childId });
    throw new AppError('NOT_FOUND');
  }
  if (need === 'write' && !canWriteCareOf(actor, row, (await childScope(db, actor, 'care_record.write')).pairedIds)) {
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

/** A record the caller may read, and whether they may write for its child. */
export async function requireReadableRecord(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await findRecord(db, id);
  if (!row || !canReadCareOf(actor, row.child, (await childScope(db, actor, 'care_record.read')).pairedIds)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'care_record', targetId: id });
    throw new AppError('NOT_FOUND');
  }
  const canWrite = canWriteCareOf(actor, row.child, (await childScope(db, actor, 'care_record.write')).pairedIds);
  return { row, canWrite };
}

/** Whether the caller may write for each child of `rows`, and the edit windows of their schools. */
export async function presentContextFor(db: Db, actor: Actor, rows: CareRecordWithChild[]): Promise<PresentContext> {
  const { pairedIds } = await childScope(db, actor, 'care_record.write');
  const writable = new Set(rows.filter((r) => canWriteCareOf(actor, r.child, pairedIds)).map((r) => r.child.id));
  const schoolIds = [...new Set(rows.map((r) => r.child.schoolId).filter((id): id is string => id !== null))];
  const settings = await findSettings(db, schoolIds);
  return {
    writableChildIds: writable,
    editDaysBySchool: new Map(settings.map((s) => [s.schoolId, s.recordEditDays])),
    now: new Date(),
  };
}

export async function presentRecords(db: Db, actor: Actor, rows: CareRecordWithChild[]) {
  const context = await presentContextFor(db, actor, rows);
  return rows.map((r) => presentCareRecord(actor, r, context));
}

/** The unit an audit row about the record belongs to: the child's class, school or home village. */
export const auditOrgOfRecord = (row: CareRecordWithChild) => auditOrgOf(row.child);
