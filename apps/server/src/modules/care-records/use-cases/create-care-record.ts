import type { CareRecordCreateBody } from '@shouwang/shared';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../lib/authz/actor';
import type { RequestContext } from '../../../lib/context';
import { isUniqueViolation } from '../../../lib/db-errors';
import { invalidFields } from '../../children/children.access';
import { requireChildForCare } from '../care-records.access';
import { findByIdempotencyKey } from '../care-records.repository';
import { checkDraft, insertDrafts } from './record-drafts';

/**
 * Records one care activity. A repeated `idempotencyKey` (a double tap, a retry after a lost answer)
 * answers the record already written instead of adding a second one.
 */
export async function createCareRecord(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  body: CareRecordCreateBody,
): Promise<{ id: string; replayed: boolean }> {
  const child = await requireChildForCare(db, ctx, actor, body.childId, 'write');
  const key = body.idempotencyKey;
  const earlier = key ? await findByIdempotencyKey(db, actor.userId, key, child.id) : [];
  if (earlier.length > 0) return { id: earlier[0]!.id, replayed: true };

  const draft = {
    child,
    kind: body.kind,
    occurredOn: body.occurredOn,
    durationMinutes: body.durationMinutes ?? null,
    channel: body.channel ?? null,
    summary: body.summary,
    problems: body.problems ?? null,
    followUpNeeded: body.followUpNeeded,
    followUpOn: body.followUpOn ?? null,
    followUpOf: body.followUpOf ?? null,
    attachmentIds: body.attachmentIds,
    details: body.details as Record<string, unknown>,
  };
  const { issues, flags, details } = await checkDraft(db, draft, (name) => name);
  if (issues.length > 0) throw invalidFields(ctx.language, issues);
  try {
    const [row] = await db.transaction((tx) =>
      insertDrafts(tx, ctx, actor, [{ ...draft, details, flags }], { idempotencyKey: key }),
    );
    return { id: row!.id, replayed: false };
  } catch (error) {
    // Two taps raced past the lookup: the unique index lets one through; answer that one.
    if (key && isUniqueViolation(error)) {
      const [row] = await findByIdempotencyKey(db, actor.userId, key, child.id);
      if (row) return { id: row.id, replayed: true };
    }
    throw error;
  }
}
