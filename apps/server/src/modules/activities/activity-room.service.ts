import { randomUUID } from 'node:crypto';
import { addDays, type RoomSlotCreateBody, type RoomVisitBody, todayIso } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { invalidFields } from '../children/children.access';
import { findOrg } from '../orgs/orgs.repository';
import { canEnrollChild, canReadActivity, canWriteActivity, childBelongsTo } from './activities.policy';
import { childrenByIds } from './activities.repository';
import * as repo from './activity-room.repository';

/**
 * 留守儿童之家: a school's or village's activity room. Readers of the unit's activities see its
 * schedule and visits; writers over the unit set the schedule; visits are recorded for children the
 * caller may enrol in activities, who belong to the unit.
 */
async function requireRoom(db: Db, ctx: RequestContext, actor: Actor, orgId: string, need: 'read' | 'manage') {
  const unit = await findOrg(db, orgId);
  if (!unit || unit.deletedAt || !['school', 'village'].includes(unit.kind) || !canReadActivity(actor, unit.path)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: orgId });
    throw new AppError('NOT_FOUND');
  }
  if (need === 'manage' && !canWriteActivity(actor, unit.path)) throw new AppError('FORBIDDEN');
  return unit;
}

const auditOrg = (unit: { id: string; path: string; countyId: string }) => ({
  id: unit.id,
  path: unit.path,
  countyId: unit.countyId,
});

const presentSlot = (s: repo.RoomSlotRow) => ({
  id: s.id,
  weekday: s.weekday,
  startTime: s.startTime,
  endTime: s.endTime,
  dutyUserId: s.dutyUserId,
  dutyName: s.dutyName,
  version: s.version,
});

const presentVisit = (v: NonNullable<Awaited<ReturnType<typeof repo.findVisit>>>) => ({
  id: v.id,
  visitedOn: v.visitedOn,
  child: v.child,
  doings: v.doings,
  note: v.note,
  version: v.version,
});

export async function getRoom(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  q: { orgId: string; from?: string; to?: string },
) {
  const unit = await requireRoom(db, ctx, actor, q.orgId, 'read');
  const to = q.to ?? todayIso();
  const from = q.from ?? addDays(to, -13);
  const [slots, visits] = await Promise.all([repo.listSlots(db, unit.id), repo.listVisits(db, unit.id, from, to)]);
  return {
    org: { id: unit.id, name: unit.name },
    slots: slots.map(presentSlot),
    visits: visits.map(presentVisit),
    canManage: canWriteActivity(actor, unit.path),
  };
}

export async function addSlot(db: Db, ctx: RequestContext, actor: Actor, body: RoomSlotCreateBody) {
  const unit = await requireRoom(db, ctx, actor, body.orgId, 'manage');
  return db.transaction(async (tx) => {
    const row = await repo.insertSlot(tx, {
      countyId: unit.countyId,
      orgId: unit.id,
      weekday: body.weekday,
      startTime: body.startTime,
      endTime: body.endTime,
      dutyUserId: body.dutyUserId ?? null,
      dutyName: body.dutyName ?? null,
    });
    await recordAudit(tx, ctx, {
      event: 'activity_room.slot_created',
      targetType: 'activity_room_slot',
      targetId: row.id,
      org: auditOrg(unit),
      after: presentSlot(row),
    });
    return presentSlot(row);
  });
}

export async function deleteSlot(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  const slot = await repo.findSlot(db, id);
  if (!slot) throw new AppError('NOT_FOUND');
  const unit = await requireRoom(db, ctx, actor, slot.orgId, 'manage');
  await db.transaction(async (tx) => {
    const row = await repo.softDeleteSlot(tx, id, version);
    if (!row) throw new AppError('VERSION_CONFLICT', { current: presentSlot(slot) });
    await recordAudit(tx, ctx, {
      event: 'activity_room.slot_deleted',
      targetType: 'activity_room_slot',
      targetId: id,
      org: auditOrg(unit),
      before: presentSlot(slot),
    });
  });
}

/** One quick entry: several children came on one day and did these things. All or nothing. */
export async function recordVisits(db: Db, ctx: RequestContext, actor: Actor, body: RoomVisitBody) {
  const unit = await requireRoom(db, ctx, actor, body.orgId, 'read');
  const found = await childrenByIds(db, body.childIds);
  const byId = new Map(found.map((c) => [c.id, c]));
  const hidden = body.childIds.filter((id) => {
    const c = byId.get(id);
    return !c || c.countyId !== unit.countyId || !canEnrollChild(actor, c);
  });
  if (hidden.length > 0) throw new AppError('NOT_FOUND');
  const outside = body.childIds
    .map((id, i) => ({ i, c: byId.get(id)! }))
    .filter(({ c }) => !childBelongsTo(unit.path, c))
    .map(({ i }) => ({ field: `childIds.${i}`, key: 'participant_out_of_org' }));
  if (outside.length > 0) throw invalidFields(ctx.language, outside);
  if (body.visitedOn > todayIso()) throw invalidFields(ctx.language, [{ field: 'visitedOn', key: 'date_in_future' }]);
  const batchId = randomUUID();
  const ids = await db.transaction(async (tx) => {
    const rows = await repo.insertVisits(
      tx,
      body.childIds.map((childId) => ({
        countyId: unit.countyId,
        orgId: unit.id,
        childId,
        schoolId: byId.get(childId)!.schoolId,
        visitedOn: body.visitedOn,
        doings: body.doings,
        note: body.note ?? null,
        batchId,
        recordedBy: actor.userId,
      })),
    );
    await recordAudit(tx, ctx, {
      event: 'activity_room.visits_recorded',
      targetType: 'activity_room',
      targetId: unit.id,
      org: auditOrg(unit),
      after: { batchId, visitedOn: body.visitedOn, childIds: body.childIds, doings: body.doings },
    });
    return rows.map((r) => r.id);
  });
  const visits = await Promise.all(ids.map((id) => repo.findVisit(db, id)));
  return { items: visits.filter((v) => v !== undefined).map(presentVisit) };
}

export async function deleteVisit(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  const visit = await repo.findVisit(db, id);
  if (!visit) throw new AppError('NOT_FOUND');
  const unit = await requireRoom(db, ctx, actor, visit.orgId, 'manage');
  await db.transaction(async (tx) => {
    const row = await repo.softDeleteVisit(tx, id, version);
    if (!row) throw new AppError('VERSION_CONFLICT', { current: presentVisit(visit) });
    await recordAudit(tx, ctx, {
      event: 'activity_room.visit_deleted',
      targetType: 'activity_room_visit',
      targetId: id,
      childId: visit.child.id,
      org: auditOrg(unit),
      before: presentVisit(visit),
    });
  });
}
