import type { CareRecordFlag, CareRecordView } from '@shouwang/shared';
import type { Actor } from '../../lib/authz/actor';
import { careRecordAbilities, editableUntil } from './care-records.policy';
import type { CareRecordRow, CareRecordWithChild } from './care-records.repository';

/** What presenting a record needs beside the row: may the actor write for the child, the edit window. */
export interface PresentContext {
  writableChildIds: Set<string> | ((childId: string) => boolean);
  editDaysBySchool: Map<string, number>;
  now: Date;
}

const writable = (context: PresentContext, childId: string) =>
  typeof context.writableChildIds === 'function'
    ? context.writableChildIds(childId)
    : context.writableChildIds.has(childId);

export const editDaysOf = (context: PresentContext, schoolId: string | null) =>
  (schoolId ? context.editDaysBySchool.get(schoolId) : undefined) ?? 7;

export function presentCareRecord(
  actor: Actor,
  { record: r, child, authorName }: CareRecordWithChild,
  context: PresentContext,
): CareRecordView {
  const editDays = editDaysOf(context, child.schoolId);
  return {
    id: r.id,
    kind: r.kind,
    child: { id: child.id, name: child.name },
    author: { id: r.authorId, displayName: authorName },
    occurredOn: r.occurredOn,
    durationMinutes: r.durationMinutes,
    channel: r.channel,
    summary: r.summary,
    problems: r.problems,
    followUpNeeded: r.followUpNeeded,
    followUpOn: r.followUpOn,
    followUpDoneOn: r.followUpDoneOn,
    followUpOf: r.followUpOf,
    attachmentIds: r.attachmentIds,
    details: r.details,
    flags: r.flags as CareRecordFlag[],
    batchId: r.batchId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    editableUntil: editableUntil(r.createdAt, editDays).toISOString(),
    version: r.version,
    abilities: careRecordAbilities(actor, r, child, writable(context, child.id), editDays, context.now),
  };
}

/** The audit snapshot of a record. */
export function careRecordSnapshot(row: CareRecordRow): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, countyId: _county, idempotencyKey: _key, ...rest } = row;
  return rest;
}
