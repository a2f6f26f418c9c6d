import type { ActivityView } from '@shouwang/shared';
import type { Actor } from '../../lib/authz/actor';
import { coversChild } from '../children/children.policy';
import { activityAbilities } from './activities.policy';
import type { ActivityRow, ActivityWithOrg, participantsOf, photosOf } from './activities.repository';

type Participant = Awaited<ReturnType<typeof participantsOf>>[number];
type Photo = Awaited<ReturnType<typeof photosOf>>[number];

export function presentActivity(
  actor: Actor,
  { activity: a, org }: ActivityWithOrg,
  participants: Participant[],
  photos: Photo[],
): ActivityView {
  const mine = participants.filter((p) => p.activityId === a.id);
  return {
    id: a.id,
    type: a.type,
    title: a.title,
    org,
    occurredOn: a.occurredOn,
    place: a.place,
    organizers: a.organizers,
    description: a.description,
    // An event above the caller's unit (a class teacher sees the school's) names only the children the
    // caller's own grant covers; the others count in the totals but are not named (found by the
    // authorization matrix: a class teacher read which sibling-class children are left behind).
    participants: mine
      .filter((p) => coversChild(actor, 'activity.read', p))
      .map((p) => ({
        childId: p.childId,
        name: p.name,
        leftBehind: Boolean(p.leftBehind),
        role: p.role,
        award: p.award,
      })),
    participantCount: mine.length,
    leftBehindCount: mine.filter((p) => p.leftBehind).length,
    photos: photos.filter((p) => p.ownerId === a.id).map(({ id, fileName, version }) => ({ id, fileName, version })),
    createdBy: a.createdBy,
    version: a.version,
    abilities: activityAbilities(actor, a.orgPath),
  };
}

/** The audit snapshot of an activity and its participant list. */
export function activitySnapshot(
  row: ActivityRow,
  participants: { childId: string; role: string; award: string | null }[],
) {
  const { id: _id, createdAt: _c, updatedAt: _u, countyId: _county, ...rest } = row;
  return {
    ...rest,
    participants: participants.map((p) => `${p.childId}:${p.role}${p.award ? `:${p.award}` : ''}`).sort(),
  };
}
