import type { ActivityCreateBody, ActivityUpdateBody } from '@shouwang/shared';
import type { Db } from '../../../db/client';
import { recordAudit } from '../../../lib/audit/record-audit';
import type { Actor } from '../../../lib/authz/actor';
import type { RequestContext } from '../../../lib/context';
import { AppError } from '../../../lib/errors';
import { invalidFields } from '../../children/children.access';
import type { OrgRow } from '../../orgs/orgs.repository';
import { auditOrgOfActivity, checkActivityDate, requireActivity, requireOrganizingOrg } from '../activities.access';
import { canEnrollChild, childBelongsTo } from '../activities.policy';
import { activitySnapshot } from '../activities.presenter';
import * as repo from '../activities.repository';
import { conflictWith } from '../activities.service';

/**
 * Creates or edits an activity with its participant list, in one transaction. Participants the
 * caller may not enrol answer "not found" as a whole, naming none of them (as the care-record batch
 * does); children in scope but outside the organizing unit are named field by field.
 */
async function checkParticipants(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  unit: OrgRow,
  participants: ActivityCreateBody['participants'],
): Promise<repo.ParticipantDraft[]> {
  const found = await repo.childrenByIds(
    db,
    participants.map((p) => p.childId),
  );
  const byId = new Map(found.map((c) => [c.id, c]));
  const hidden = participants.filter((p) => {
    const c = byId.get(p.childId);
    return !c || c.countyId !== unit.countyId || !canEnrollChild(actor, c);
  });
  if (hidden.length > 0) {
    for (const p of hidden)
      await recordAudit(db, ctx, { event: 'access.denied', targetType: 'child', targetId: p.childId });
    throw new AppError('NOT_FOUND');
  }
  const outside = participants
    .map((p, i) => ({ i, c: byId.get(p.childId)! }))
    .filter(({ c }) => !childBelongsTo(unit.path, c))
    .map(({ i }) => ({ field: `participants.${i}.childId`, key: 'participant_out_of_org' }));
  if (outside.length > 0) throw invalidFields(ctx.language, outside);
  return participants.map((p) => ({
    childId: p.childId,
    schoolId: byId.get(p.childId)!.schoolId,
    role: p.role,
    award: p.award ?? null,
  }));
}

const fieldsOf = (body: ActivityCreateBody, unit: OrgRow) => ({
  orgId: unit.id,
  orgPath: unit.path,
  type: body.type,
  title: body.title,
  occurredOn: body.occurredOn,
  place: body.place ?? null,
  organizers: body.organizers ?? null,
  description: body.description ?? null,
});

export async function createActivity(db: Db, ctx: RequestContext, actor: Actor, body: ActivityCreateBody) {
  const unit = await requireOrganizingOrg(db, ctx, actor, body.orgId);
  checkActivityDate(ctx.language, body.occurredOn, body.confirmDate);
  const participants = await checkParticipants(db, ctx, actor, unit, body.participants);
  return db.transaction(async (tx) => {
    const row = await repo.insertActivity(tx, {
      ...fieldsOf(body, unit),
      countyId: unit.countyId,
      createdBy: actor.userId,
    });
    await repo.replaceParticipants(tx, row, participants);
    await recordAudit(tx, ctx, {
      event: 'activity.created',
      targetType: 'activity',
      targetId: row.id,
      org: auditOrgOfActivity({ activity: row }),
      after: activitySnapshot(row, participants),
    });
    return row.id;
  });
}

/** A stale version answers 409 with the current activity (read after the transaction ended). */
async function withConflictView(db: Db, actor: Actor, id: string, write: () => Promise<void>) {
  try {
    await write();
  } catch (error) {
    if (error instanceof AppError && error.code === 'VERSION_CONFLICT') throw await conflictWith(db, actor, id);
    throw error;
  }
}

export async function updateActivity(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  body: Omit<ActivityUpdateBody, 'version'>,
) {
  const before = await requireActivity(db, ctx, actor, id, 'write');
  const unit = await requireOrganizingOrg(db, ctx, actor, body.orgId);
  if (body.occurredOn !== before.activity.occurredOn)
    checkActivityDate(ctx.language, body.occurredOn, body.confirmDate);
  const participants = await checkParticipants(db, ctx, actor, unit, body.participants);
  const beforeParticipants = await repo.participantsOf(db, [id]);
  await withConflictView(db, actor, id, () =>
    db.transaction(async (tx) => {
      const row = await repo.updateActivity(tx, id, version, fieldsOf(body, unit));
      if (!row) throw new AppError('VERSION_CONFLICT');
      await repo.replaceParticipants(tx, row, participants);
      await recordAudit(tx, ctx, {
        event: 'activity.updated',
        targetType: 'activity',
        targetId: id,
        org: auditOrgOfActivity({ activity: row }),
        before: activitySnapshot(before.activity, beforeParticipants),
        after: activitySnapshot(row, participants),
      });
    }),
  );
}

export async function deleteActivity(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  const before = await requireActivity(db, ctx, actor, id, 'write');
  await withConflictView(db, actor, id, () =>
    db.transaction(async (tx) => {
      const row = await repo.softDeleteActivity(tx, id, version, actor.userId);
      if (!row) throw new AppError('VERSION_CONFLICT');
      await recordAudit(tx, ctx, {
        event: 'activity.deleted',
        targetType: 'activity',
        targetId: id,
        org: auditOrgOfActivity(before),
        diff: { deletedAt: { from: null, to: row.deletedAt?.toISOString() ?? null } },
      });
    }),
  );
}
