import { type StudyPlanCreateBody, type StudyPlanUpdateBody, todayIso } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { auditOrgOf } from '../children/children.access';
import { checkHelper, checkTermOfChild, requireChildForLearning } from './learning.access';
import { learningAccess } from './learning.policy';
import { presentStudyPlan, studyPlanSnapshot } from './learning.presenter';
import * as repo from './learning.repository';

/** 学习帮扶计划 use cases. */

async function present(db: Db, actor: Actor, rows: repo.StudyPlanWithChild[]) {
  const access = await learningAccess(db, actor);
  const today = todayIso();
  return rows.map((r) => presentStudyPlan(r, access.writable(r.child), today));
}

export async function listPlans(db: Db, ctx: RequestContext, actor: Actor, childId: string) {
  const child = await requireChildForLearning(db, ctx, actor, childId, 'read');
  const rows = await repo.listPlansOfChild(db, child);
  return { items: await present(db, actor, rows) };
}

async function requirePlan(db: Db, ctx: RequestContext, actor: Actor, id: string, need: 'read' | 'write') {
  const row = await repo.findPlan(db, id);
  const access = await learningAccess(db, actor);
  if (!row || !access.readable(row.child)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'study_plan', targetId: id });
    throw new AppError('NOT_FOUND');
  }
  if (need === 'write' && !access.writable(row.child)) {
    await recordAudit(db, ctx, {
      event: 'access.denied',
      targetType: 'study_plan',
      targetId: id,
      childId: row.child.id,
      org: auditOrgOf(row.child),
    });
    throw new AppError('FORBIDDEN');
  }
  return row;
}

export async function getPlan(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  return (await present(db, actor, [await requirePlan(db, ctx, actor, id, 'read')]))[0]!;
}

export async function createPlan(db: Db, ctx: RequestContext, actor: Actor, body: StudyPlanCreateBody) {
  const child = await requireChildForLearning(db, ctx, actor, body.childId, 'write');
  if (body.termId) await checkTermOfChild(db, ctx, child, body.termId);
  if (body.helperUserId) await checkHelper(db, ctx, child, body.helperUserId);
  const id = await db.transaction(async (tx) => {
    const row = await repo.insertPlan(tx, {
      ...body,
      termId: body.termId ?? null,
      helperUserId: body.helperUserId ?? null,
      whatHelped: body.whatHelped ?? null,
      countyId: child.countyId,
      schoolId: child.schoolId,
      authorId: actor.userId,
    });
    await recordAudit(tx, ctx, {
      event: 'study_plan.created',
      targetType: 'study_plan',
      targetId: row.id,
      childId: child.id,
      org: auditOrgOf(child),
      after: studyPlanSnapshot(row),
    });
    return row.id;
  });
  return getPlan(db, ctx, actor, id);
}

async function conflict(db: Db, actor: Actor, id: string): Promise<never> {
  const current = await repo.findPlan(db, id);
  if (!current) throw new AppError('NOT_FOUND');
  throw new AppError('VERSION_CONFLICT', { current: (await present(db, actor, [current]))[0] });
}

export async function updatePlan(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  body: Omit<StudyPlanUpdateBody, 'version'>,
) {
  const before = await requirePlan(db, ctx, actor, id, 'write');
  const changes = Object.fromEntries(
    Object.entries(body).filter(([, v]) => v !== undefined),
  ) as Partial<repo.StudyPlanInsert>;
  const child = await requireChildForLearning(db, ctx, actor, before.child.id, 'write');
  if (changes.termId) await checkTermOfChild(db, ctx, child, changes.termId);
  if (changes.helperUserId && changes.helperUserId !== before.plan.helperUserId)
    await checkHelper(db, ctx, child, changes.helperUserId);
  await db.transaction(async (tx) => {
    const row = await repo.updatePlan(tx, id, version, changes);
    if (!row) return conflict(tx, actor, id);
    await recordAudit(tx, ctx, {
      event: 'study_plan.updated',
      targetType: 'study_plan',
      targetId: id,
      childId: row.childId,
      org: auditOrgOf(before.child),
      before: studyPlanSnapshot(before.plan),
      after: studyPlanSnapshot(row),
    });
  });
  return getPlan(db, ctx, actor, id);
}

export async function deletePlan(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  const before = await requirePlan(db, ctx, actor, id, 'write');
  await db.transaction(async (tx) => {
    const row = await repo.softDeletePlan(tx, id, version, actor.userId);
    if (!row) return conflict(tx, actor, id);
    await recordAudit(tx, ctx, {
      event: 'study_plan.deleted',
      targetType: 'study_plan',
      targetId: id,
      childId: row.childId,
      org: auditOrgOf(before.child),
      before: studyPlanSnapshot(before.plan),
    });
  });
}
