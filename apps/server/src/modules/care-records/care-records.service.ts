import {
  type CareRecordListQuery,
  type CareRecordUpdateBody,
  careRecordDetailSchemas,
  todayIso,
} from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { recordEditDaysAt } from '../care-rules/care-rules.service';
import { invalidFields } from '../children/children.access';
import { childScope } from '../children/children.policy';
import { auditOrgOfRecord, presentRecords, requireChildForCare, requireReadableRecord } from './care-records.access';
import { editRefusal } from './care-records.policy';
import { careRecordSnapshot } from './care-records.presenter';
import * as repo from './care-records.repository';
import { checkDraft } from './use-cases/record-drafts';

export async function listVisibleRecords(db: Db, actor: Actor, query: CareRecordListQuery) {
  const { page, pageSize, mine, followUpOpen, ...filters } = query;
  const scope = await childScope(db, actor, 'care_record.read');
  const { rows, total } = await repo.listRecords(
    db,
    scope,
    { ...filters, authorId: mine === 'true' ? actor.userId : undefined, followUpOpen: followUpOpen === 'true' },
    { page, pageSize },
  );
  return { items: await presentRecords(db, actor, rows), total, page, pageSize };
}

export async function getRecord(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const { row } = await requireReadableRecord(db, ctx, actor, id);
  return (await presentRecords(db, actor, [row]))[0]!;
}

/** A record the actor may change now: the author within the edit window, or a school administrator. */
async function requireEditableRecord(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const { row, canWrite } = await requireReadableRecord(db, ctx, actor, id);
  const editDays = await recordEditDaysAt(db, ctx, row.child.schoolId);
  const refusal = editRefusal(actor, row.record, row.child, canWrite, editDays, new Date());
  if (refusal) {
    await recordAudit(db, ctx, {
      event: 'access.denied',
      targetType: 'care_record',
      targetId: id,
      childId: row.child.id,
      org: auditOrgOfRecord(row),
    });
    throw new AppError(refusal);
  }
  return row;
}

async function conflict(db: Db, actor: Actor, id: string): Promise<never> {
  const current = await repo.findRecord(db, id);
  if (!current) throw new AppError('NOT_FOUND');
  throw new AppError('VERSION_CONFLICT', { current: (await presentRecords(db, actor, [current]))[0] });
}

export async function updateRecord(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  body: Omit<CareRecordUpdateBody, 'version'>,
) {
  const before = await requireEditableRecord(db, ctx, actor, id);
  if (body.kind !== before.record.kind)
    throw invalidFields(ctx.language, [{ field: 'kind', key: 'record_kind_mismatch' }]);
  const { kind: _kind, ...fields } = body;
  const changes = Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  ) as Partial<repo.CareRecordInsert>;
  const merged = { ...before.record, ...changes };
  const child = await requireChildForCare(db, ctx, actor, before.child.id, 'read');
  const checked = await checkDraft(
    db,
    {
      child,
      kind: merged.kind,
      occurredOn: merged.occurredOn,
      durationMinutes: merged.durationMinutes,
      channel: merged.channel,
      summary: merged.summary,
      problems: merged.problems,
      followUpNeeded: merged.followUpNeeded,
      followUpOn: merged.followUpOn,
      followUpOf: null,
      // Only attachments newly named are checked; kept ones stay valid even if since deleted.
      attachmentIds: (changes.attachmentIds ?? []).filter((a) => !before.record.attachmentIds.includes(a)),
      details: careRecordDetailSchemas[merged.kind].parse(merged.details) as Record<string, unknown>,
    },
    (name) => name,
  );
  if (checked.issues.length > 0) throw invalidFields(ctx.language, checked.issues);
  changes.details = checked.details;
  changes.flags = checked.flags;
  if (!merged.followUpNeeded) changes.followUpOn = null;
  return db.transaction(async (tx) => {
    const row = await repo.updateRecord(tx, id, version, changes);
    if (!row) return conflict(tx, actor, id);
    await recordAudit(tx, ctx, {
      event: 'care_record.updated',
      targetType: 'care_record',
      targetId: id,
      childId: row.childId,
      org: auditOrgOfRecord(before),
      before: careRecordSnapshot(before.record),
      after: careRecordSnapshot(row),
    });
    return (await presentRecords(tx, actor, [(await repo.findRecord(tx, id))!]))[0]!;
  });
}

export async function deleteRecord(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  const before = await requireEditableRecord(db, ctx, actor, id);
  await db.transaction(async (tx) => {
    const row = await repo.softDeleteRecord(tx, id, version, actor.userId);
    if (!row) return conflict(tx, actor, id);
    await recordAudit(tx, ctx, {
      event: 'care_record.deleted',
      targetType: 'care_record',
      targetId: id,
      childId: row.childId,
      org: auditOrgOfRecord(before),
      before: careRecordSnapshot(before.record),
    });
  });
}

/**
 * Marks a follow-up done without a new record (e.g. it turned out unnecessary). The author may do so
 * at any time, a school administrator too; no version is needed: it only ever closes an open follow-up.
 */
export async function closeFollowUp(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const { row, canWrite } = await requireReadableRecord(db, ctx, actor, id);
  const editDays = await recordEditDaysAt(db, ctx, row.child.schoolId);
  const refusal = editRefusal(actor, row.record, row.child, canWrite, editDays, new Date());
  if (refusal === 'CARE_RECORD_NOT_AUTHOR') throw new AppError('CARE_RECORD_NOT_AUTHOR');
  return db.transaction(async (tx) => {
    const closed = await repo.closeFollowUp(tx, id, todayIso());
    if (!closed) throw new AppError('FOLLOW_UP_NOT_OPEN');
    await recordAudit(tx, ctx, {
      event: 'care_record.follow_up_closed',
      targetType: 'care_record',
      targetId: id,
      childId: closed.childId,
      org: auditOrgOfRecord(row),
      diff: { followUpDoneOn: { from: null, to: closed.followUpDoneOn } },
    });
    return (await presentRecords(tx, actor, [(await repo.findRecord(tx, id))!]))[0]!;
  });
}

const encodeCursor = (c: repo.TimelineCursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(cursor: string, language: RequestContext['language']): repo.TimelineCursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as repo.TimelineCursor;
    if (
      /^\d{4}-\d{2}-\d{2}$/.test(c.occurredOn) &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/.test(c.createdAt) &&
      /^[0-9a-f-]{36}$/i.test(c.id)
    )
      return c;
  } catch {}
  throw invalidFields(language, [{ field: 'cursor', key: 'cursor_invalid' }]);
}

/** 成长时间线: every care record of the child, newest first, keyset-paged. */
export async function childTimeline(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  query: { cursor?: string; limit: number; kind?: repo.CareRecordRow['kind'] },
) {
  const child = await requireChildForCare(db, ctx, actor, childId, 'read');
  const cursor = query.cursor ? decodeCursor(query.cursor, ctx.language) : null;
  const rows = await repo.timeline(db, child, cursor, query.limit + 1, query.kind);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({
          occurredOn: last.record.occurredOn,
          createdAt: last.createdAtKey,
          id: last.record.id,
        })
      : null;
  return { items: await presentRecords(db, actor, page), nextCursor };
}
