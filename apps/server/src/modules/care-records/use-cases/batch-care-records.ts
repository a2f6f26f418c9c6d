import { randomUUID } from 'node:crypto';
import type { CareRecordBatchBody } from '@shouwang/shared';
import type { Db } from '../../../db/client';
import { recordAudit } from '../../../lib/audit/record-audit';
import type { Actor } from '../../../lib/authz/actor';
import type { RequestContext } from '../../../lib/context';
import { isUniqueViolation } from '../../../lib/db-errors';
import { AppError } from '../../../lib/errors';
import { auditOrgOf, invalidFields } from '../../children/children.access';
import { childScope } from '../../children/children.policy';
import { findChild } from '../../children/children.repository';
import { findOrg } from '../../orgs/orgs.repository';
import { canReadCareOf, canWriteCareOf } from '../care-records.policy';
import { findByIdempotencyKey } from '../care-records.repository';
import { checkDraft, type Issue, insertDrafts, type RecordDraft } from './record-drafts';

type Entry = CareRecordBatchBody['children'][number];

/** The draft of one child's record from the session's values and the child's own entry. */
function draftOf(body: CareRecordBatchBody, entry: Entry, child: RecordDraft['child']): RecordDraft {
  const common = {
    child,
    problems: entry.problems ?? null,
    followUpNeeded: entry.followUpNeeded ?? false,
    followUpOn: entry.followUpOn ?? null,
    followUpOf: null,
    attachmentIds: [],
  };
  if (body.kind === 'family_call') {
    const e = entry as Extract<CareRecordBatchBody, { kind: 'family_call' }>['children'][number];
    return {
      ...common,
      kind: 'family_call',
      occurredOn: body.occurredOn,
      durationMinutes: body.durationMinutes ?? null,
      channel: 'phone',
      summary: e.summary ?? body.summary,
      details: { callMinutes: e.callMinutes ?? body.callMinutes },
    };
  }
  const e = entry as Extract<CareRecordBatchBody, { kind: 'talk' }>['children'][number];
  return {
    ...common,
    kind: 'talk',
    occurredOn: e.occurredOn ?? body.occurredOn,
    durationMinutes: e.durationMinutes ?? body.durationMinutes ?? null,
    channel: body.channel ?? 'in_person',
    summary: e.summary,
    details: { topic: e.topic, mood: e.mood },
  };
}

/**
 * 批量记录 for one class: a family-call session (one call per child present) or a run of talk record
 * cards. Every child must be in the class and the caller's to record for; all records are written in
 * one transaction or none is. A repeated `idempotencyKey` answers the records already written.
 */
export async function batchCareRecords(db: Db, ctx: RequestContext, actor: Actor, body: CareRecordBatchBody) {
  const cls = await findOrg(db, body.classId);
  if (cls?.kind !== 'class') throw invalidFields(ctx.language, [{ field: 'classId', key: 'child_not_in_class' }]);
  const key = body.idempotencyKey;
  const replay = async () => {
    if (!key) return null;
    const rows = await findByIdempotencyKey(db, actor.userId, key);
    // Rows written by one statement share their timestamp: answer them in the order the children came.
    const order = body.children.map((c) => c.childId);
    rows.sort((a, b) => order.indexOf(a.childId) - order.indexOf(b.childId));
    return rows.length > 0 ? { ids: rows.map((r) => r.id), replayed: true } : null;
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const readScope = await childScope(db, actor, 'care_record.read');
  const writeScope = await childScope(db, actor, 'care_record.write');
  const issues: Issue[] = [];
  const drafts: RecordDraft[] = [];
  const seen = new Set<string>();
  for (const [i, entry] of body.children.entries()) {
    const field = (name: string) => `children.${i}.${name}`;
    if (seen.has(entry.childId)) {
      issues.push({ field: field('childId'), key: 'duplicate_children' });
      continue;
    }
    seen.add(entry.childId);
    const child = await findChild(db, entry.childId);
    // A child outside the caller's sight reads as "not in this class": nothing about them leaks.
    if (child?.classId !== cls.id || !canReadCareOf(actor, child, readScope.pairedIds)) {
      issues.push({ field: field('childId'), key: 'child_not_in_class' });
      continue;
    }
    if (!canWriteCareOf(actor, child, writeScope.pairedIds)) {
      await recordAudit(db, ctx, {
        event: 'access.denied',
        targetType: 'child',
        targetId: child.id,
        childId: child.id,
        org: auditOrgOf(child),
      });
      throw new AppError('FORBIDDEN');
    }
    const draft = draftOf(body, entry, child);
    const checked = await checkDraft(db, draft, (name) =>
      name === 'occurredOn' && !('occurredOn' in entry) ? name : field(name),
    );
    issues.push(...checked.issues);
    drafts.push({ ...draft, details: checked.details, flags: checked.flags });
  }
  if (issues.length > 0) throw invalidFields(ctx.language, issues);

  const batchId = randomUUID();
  try {
    const rows = await db.transaction((tx) => insertDrafts(tx, ctx, actor, drafts, { batchId, idempotencyKey: key }));
    return { ids: rows.map((r) => r.id), replayed: false };
  } catch (error) {
    if (isUniqueViolation(error)) {
      const raced = await replay();
      if (raced) return raced;
    }
    throw error;
  }
}
