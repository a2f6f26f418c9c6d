import {
  type PledgeCreateBody,
  type PledgeReviewBody,
  type PledgeUpdateBody,
  type SelfEvaluationCreateBody,
  todayIso,
} from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { requireChildForCare } from '../care-records/care-records.access';
import { canWriteCareOf } from '../care-records/care-records.policy';
import { auditOrgOf, invalidFields } from '../children/children.access';
import { childScope } from '../children/children.policy';
import type { ChildRow } from '../children/children.repository';
import { pledgeSnapshot, presentPledge, presentSelfEvaluation } from './pledges.presenter';
import * as repo from './pledges.repository';

/**
 * 自律承诺书 and 自我评价 are part of the care a child receives: whoever may read the child's care
 * records reads them, whoever may write care records for the child (class teacher, school
 * administrator, paired mentor, village child director) writes them.
 */

async function canWrite(db: Db, actor: Actor, child: ChildRow) {
  return canWriteCareOf(actor, child, (await childScope(db, actor, 'care_record.write')).pairedIds);
}

export async function childPledges(db: Db, ctx: RequestContext, actor: Actor, childId: string) {
  const child = await requireChildForCare(db, ctx, actor, childId, 'read');
  const write = await canWrite(db, actor, child);
  const today = todayIso();
  const [pledges, evaluations] = await Promise.all([
    repo.childPledges(db, child),
    repo.childSelfEvaluations(db, child),
  ]);
  return {
    pledges: pledges.map((p) => presentPledge(p, write, today)),
    selfEvaluations: evaluations.map((e) => presentSelfEvaluation(e, write)),
    abilities: { create: write },
  };
}

export async function createPledge(db: Db, ctx: RequestContext, actor: Actor, body: PledgeCreateBody) {
  const child = await requireChildForCare(db, ctx, actor, body.childId, 'write');
  return db.transaction(async (tx) => {
    const row = await repo.insertPledge(tx, {
      countyId: child.countyId,
      childId: child.id,
      schoolId: child.schoolId,
      authorId: actor.userId,
      signedOn: body.signedOn,
      shortcomings: body.shortcomings,
      commitments: body.commitments,
      measures: body.measures,
      deadline: body.deadline,
    });
    await recordAudit(tx, ctx, {
      event: 'pledge.created',
      targetType: 'pledge',
      targetId: row.id,
      childId: child.id,
      org: auditOrgOf(child),
      after: pledgeSnapshot(row),
    });
    return presentPledge((await repo.findPledge(tx, row.id))!, true, todayIso());
  });
}

/** A pledge the actor may change: they write for the child; a reviewed pledge is final except for deletion. */
async function requireWritablePledge(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await repo.findPledge(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const child = await requireChildForCare(db, ctx, actor, row.pledge.childId, 'write');
  return { row, child };
}

async function conflict(db: Db, id: string): Promise<never> {
  const current = await repo.findPledge(db, id);
  if (!current) throw new AppError('NOT_FOUND');
  throw new AppError('VERSION_CONFLICT', { current: presentPledge(current, true, todayIso()) });
}

export async function updatePledge(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  body: Omit<PledgeUpdateBody, 'version'>,
) {
  const { row: before, child } = await requireWritablePledge(db, ctx, actor, id);
  if (before.pledge.reviewedOn) throw new AppError('PLEDGE_ALREADY_REVIEWED');
  const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  const signedOn = body.signedOn ?? before.pledge.signedOn;
  const deadline = body.deadline ?? before.pledge.deadline;
  if (deadline < signedOn) throw invalidFields(ctx.language, [{ field: 'deadline', key: 'deadline_before_signed' }]);
  return db.transaction(async (tx) => {
    const row = await repo.updatePledge(tx, id, version, changes);
    if (!row) return conflict(tx, id);
    await recordAudit(tx, ctx, {
      event: 'pledge.updated',
      targetType: 'pledge',
      targetId: id,
      childId: child.id,
      org: auditOrgOf(child),
      before: pledgeSnapshot(before.pledge),
      after: pledgeSnapshot(row),
    });
    return presentPledge((await repo.findPledge(tx, id))!, true, todayIso());
  });
}

export async function reviewPledge(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  body: Omit<PledgeReviewBody, 'version'>,
) {
  const { row: before, child } = await requireWritablePledge(db, ctx, actor, id);
  if (before.pledge.reviewedOn) throw new AppError('PLEDGE_ALREADY_REVIEWED');
  if (body.reviewedOn < before.pledge.signedOn)
    throw invalidFields(ctx.language, [{ field: 'reviewedOn', key: 'review_before_signed' }]);
  return db.transaction(async (tx) => {
    const row = await repo.updatePledge(tx, id, version, {
      reviewResult: body.result,
      reviewNote: body.note ?? null,
      reviewedOn: body.reviewedOn,
      reviewedBy: actor.userId,
    });
    if (!row) return conflict(tx, id);
    await recordAudit(tx, ctx, {
      event: 'pledge.reviewed',
      targetType: 'pledge',
      targetId: id,
      childId: child.id,
      org: auditOrgOf(child),
      before: pledgeSnapshot(before.pledge),
      after: pledgeSnapshot(row),
    });
    return presentPledge((await repo.findPledge(tx, id))!, true, todayIso());
  });
}

export async function deletePledge(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  const { row: before, child } = await requireWritablePledge(db, ctx, actor, id);
  await db.transaction(async (tx) => {
    const row = await repo.updatePledge(tx, id, version, { deletedAt: new Date() });
    if (!row) return conflict(tx, id);
    await recordAudit(tx, ctx, {
      event: 'pledge.deleted',
      targetType: 'pledge',
      targetId: id,
      childId: child.id,
      org: auditOrgOf(child),
      before: pledgeSnapshot(before.pledge),
    });
  });
}

export async function createSelfEvaluation(db: Db, ctx: RequestContext, actor: Actor, body: SelfEvaluationCreateBody) {
  const child = await requireChildForCare(db, ctx, actor, body.childId, 'write');
  return db.transaction(async (tx) => {
    const row = await repo.insertSelfEvaluation(tx, {
      countyId: child.countyId,
      childId: child.id,
      schoolId: child.schoolId,
      authorId: actor.userId,
      evaluatedOn: body.evaluatedOn,
      aspect: body.aspect,
      content: body.content,
      gaps: body.gaps ?? null,
    });
    await recordAudit(tx, ctx, {
      event: 'self_evaluation.created',
      targetType: 'self_evaluation',
      targetId: row.id,
      childId: child.id,
      org: auditOrgOf(child),
      diff: { aspect: row.aspect, evaluatedOn: row.evaluatedOn },
    });
    return presentSelfEvaluation((await repo.findSelfEvaluation(tx, row.id))!, true);
  });
}

export async function deleteSelfEvaluation(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  const found = await repo.findSelfEvaluation(db, id);
  if (!found) throw new AppError('NOT_FOUND');
  const child = await requireChildForCare(db, ctx, actor, found.evaluation.childId, 'write');
  await db.transaction(async (tx) => {
    const row = await repo.softDeleteSelfEvaluation(tx, id, version);
    if (!row) throw new AppError('VERSION_CONFLICT', { current: presentSelfEvaluation(found, true) });
    await recordAudit(tx, ctx, {
      event: 'self_evaluation.deleted',
      targetType: 'self_evaluation',
      targetId: id,
      childId: child.id,
      org: auditOrgOf(child),
      diff: { aspect: row.aspect, evaluatedOn: row.evaluatedOn },
    });
  });
}
