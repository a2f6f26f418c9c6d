import type { ActivityListQuery } from '@shouwang/shared';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { requireReadableChild } from '../children/children.access';
import { findTerm } from '../terms/terms.repository';
import { requireActivity } from './activities.access';
import { activityScope } from './activities.policy';
import { presentActivity } from './activities.presenter';
import * as repo from './activities.repository';
import { canReadTermOf } from './activity-terms';

/** Activities with their participants and photos, as the caller may see them. */
export async function presentActivities(db: Db, actor: Actor, rows: repo.ActivityWithOrg[]) {
  const ids = rows.map((r) => r.activity.id);
  const [participants, photos] = await Promise.all([repo.participantsOf(db, ids), repo.photosOf(db, ids)]);
  return rows.map((r) => presentActivity(actor, r, participants, photos));
}

export async function getActivity(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await requireActivity(db, ctx, actor, id, 'read');
  const [view] = await presentActivities(db, actor, [row]);
  return view!;
}

/** The current state of an activity, for a 409 answer. */
export async function conflictWith(db: Db, actor: Actor, id: string) {
  const row = await repo.findActivity(db, id);
  const current = row ? (await presentActivities(db, actor, [row]))[0] : undefined;
  return new AppError('VERSION_CONFLICT', { current });
}

export async function listVisibleActivities(db: Db, ctx: RequestContext, actor: Actor, q: ActivityListQuery) {
  let range: { from?: string; to?: string } = {};
  if (q.termId) {
    const term = await findTerm(db, q.termId);
    if (!term || !canReadTermOf(actor, term)) throw new AppError('NOT_FOUND');
    range = { from: term.startDate, to: term.endDate };
  }
  if (q.childId) await requireReadableChild(db, ctx, actor, q.childId);
  const { rows, total } = await repo.listActivities(
    db,
    activityScope(actor),
    { type: q.type, orgId: q.orgId, childId: q.childId, ...range },
    q,
  );
  return { items: await presentActivities(db, actor, rows), total, page: q.page, pageSize: q.pageSize };
}
