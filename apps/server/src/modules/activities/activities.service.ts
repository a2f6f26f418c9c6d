import type { ActivityListQuery, ActivityView } from '@shouwang/shared';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { requireReadableChild } from '../children/children.access';
import { withdrawnPhotoConsents } from '../privacy/consent-gate';
import { findTerm } from '../terms/terms.repository';
import { requireActivity } from './activities.access';
import { activityScope, canWriteActivity } from './activities.policy';
import { presentActivity } from './activities.presenter';
import * as repo from './activities.repository';
import { canReadTermOf } from './activity-terms';

/** Activities with their participants and photos, as the caller may see them. */
export async function presentActivities(db: Db, actor: Actor, rows: repo.ActivityWithOrg[]) {
  const ids = rows.map((r) => r.activity.id);
  const [participants, photos, withdrawn] = await Promise.all([
    repo.participantsOf(db, ids),
    repo.photosOf(db, ids),
    withdrawnPhotoConsents(db, ids),
  ]);
  return rows.map((r) => withPhotoConsent(actor, r, presentActivity(actor, r, participants, photos), withdrawn));
}

/**
 * A participant's withdrawn photo consent holds the activity's photos back from everyone but its
 * organizers, who see them with the names (to delete those that show the child).
 */
function withPhotoConsent(
  actor: Actor,
  row: repo.ActivityWithOrg,
  view: ActivityView,
  withdrawn: Awaited<ReturnType<typeof withdrawnPhotoConsents>>,
): ActivityView {
  const children = withdrawn.get(row.activity.id);
  if (!children) return view;
  const organizer = canWriteActivity(actor, row.activity.orgPath);
  const visible = new Set(view.participants.map((p) => p.childId));
  return {
    ...view,
    photos: organizer ? view.photos : [],
    photoConsentWithdrawn: {
      names: organizer ? children.filter((c) => visible.has(c.childId)).map((c) => c.name) : [],
      count: children.length,
      photosHidden: organizer ? 0 : view.photos.length,
    },
  };
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
