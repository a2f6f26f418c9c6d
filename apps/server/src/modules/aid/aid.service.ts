import type { AidCreateBody, AidListQuery, AidView } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { activitiesOfChild } from '../activities/activities.repository';
import { countVisitsOfChild } from '../activities/activity-room.repository';
import { canReadTermOf } from '../activities/activity-terms';
import { auditOrgOf, requireReadableChild } from '../children/children.access';
import { childScope } from '../children/children.policy';
import type { ChildRow } from '../children/children.repository';
import { findTerm } from '../terms/terms.repository';
import { aidAbilities, canReadAidOf, canWriteAidOf } from './aid.policy';
import * as repo from './aid.repository';

/** 资助 records of children: recorded and removed by `aid.write`, read by `aid.read` over the child. */

export function presentAid(actor: Actor, { aid: a, child }: repo.AidWithChild): AidView {
  return {
    id: a.id,
    child: { id: child.id, name: child.name },
    type: a.type,
    amountFen: a.amountFen,
    items: a.items,
    source: a.source,
    givenOn: a.givenOn,
    deliveredBy: a.deliveredBy,
    note: a.note,
    version: a.version,
    abilities: aidAbilities(actor, child),
  };
}

const aidSnapshot = (row: repo.AidRow) => {
  const { id: _id, createdAt: _c, updatedAt: _u, countyId: _county, ...rest } = row;
  return rest;
};

/** The child, readable and writable for aid; "not found" / "forbidden" otherwise (audited). */
export async function requireChildForAid(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  need: 'read' | 'write',
): Promise<ChildRow> {
  const row = await requireReadableChild(db, ctx, actor, childId);
  const allowed = need === 'write' ? canWriteAidOf(actor, row) : canReadAidOf(actor, row);
  if (!allowed) {
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

/** Writes one aid record and its audit row in the transaction given. */
export async function insertAidFor(
  tx: Db,
  ctx: RequestContext,
  actor: Actor,
  child: ChildRow,
  body: Omit<AidCreateBody, 'childId'>,
  careRecordId: string | null = null,
) {
  const row = await repo.insertAid(tx, {
    countyId: child.countyId,
    childId: child.id,
    schoolId: child.schoolId,
    type: body.type,
    amountFen: body.amountFen ?? null,
    items: body.items ?? null,
    source: body.source ?? null,
    givenOn: body.givenOn,
    deliveredBy: body.deliveredBy ?? null,
    note: body.note ?? null,
    careRecordId,
    createdBy: actor.userId,
  });
  await recordAudit(tx, ctx, {
    event: 'aid.created',
    targetType: 'aid',
    targetId: row.id,
    childId: child.id,
    org: auditOrgOf(child),
    after: aidSnapshot(row),
  });
  return row;
}

export async function createAid(db: Db, ctx: RequestContext, actor: Actor, body: AidCreateBody) {
  const child = await requireChildForAid(db, ctx, actor, body.childId, 'write');
  const row = await db.transaction((tx) => insertAidFor(tx, ctx, actor, child, body));
  return presentAid(actor, (await repo.findAid(db, row.id))!);
}

export async function listVisibleAid(db: Db, actor: Actor, q: AidListQuery) {
  let range: { from?: string; to?: string } = {};
  if (q.termId) {
    const term = await findTerm(db, q.termId);
    if (!term || !canReadTermOf(actor, term)) throw new AppError('NOT_FOUND');
    range = { from: term.startDate, to: term.endDate };
  }
  const scope = await childScope(db, actor, 'aid.read');
  const { rows, total } = await repo.listAid(
    db,
    scope,
    { childId: q.childId, schoolId: q.schoolId, type: q.type, ...range },
    q,
  );
  return { items: rows.map((r) => presentAid(actor, r)), total, page: q.page, pageSize: q.pageSize };
}

export async function deleteAid(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  const found = await repo.findAid(db, id);
  if (!found || !canReadAidOf(actor, found.child)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'aid', targetId: id });
    throw new AppError('NOT_FOUND');
  }
  if (!canWriteAidOf(actor, found.child)) throw new AppError('FORBIDDEN');
  await db.transaction(async (tx) => {
    const row = await repo.softDeleteAid(tx, id, version);
    if (!row) throw new AppError('VERSION_CONFLICT', { current: presentAid(actor, found) });
    await recordAudit(tx, ctx, {
      event: 'aid.deleted',
      targetType: 'aid',
      targetId: id,
      childId: found.child.id,
      org: auditOrgOf(found.child),
      before: aidSnapshot(found.aid),
    });
  });
}

/** The child page's 活动与资助 tab: activities with role and award, aid (when the caller may see it). */
export async function childActivitiesAid(db: Db, ctx: RequestContext, actor: Actor, childId: string) {
  const child = await requireReadableChild(db, ctx, actor, childId);
  const [activities, aid, roomVisits] = await Promise.all([
    activitiesOfChild(db, child),
    canReadAidOf(actor, child) ? repo.aidOfChild(db, child) : Promise.resolve([]),
    countVisitsOfChild(db, child),
  ]);
  return { activities, aid: aid.map((r) => presentAid(actor, r)), roomVisits };
}
