import { rolePermissions } from '@shouwang/shared';
import type { Actor } from '../../lib/authz/actor';
import { inScope } from '../../lib/authz/scope';

/**
 * Who sees and scores 考核 sheets. The school's administrators read and score every sheet of their
 * school; the county reads them; every staff member of the school reads their own sheet only. Someone
 * who may see nothing of the school gets "not found"; staff asking for the whole list, "forbidden".
 */
export interface SchoolRef {
  id: string;
  path: string;
}

export const canReadAllSheets = (actor: Actor, school: SchoolRef) => inScope(actor, 'assessment.read', school.path);

export const canScoreSheets = (actor: Actor, school: SchoolRef) => inScope(actor, 'assessment.score', school.path);

/** The actor holds a role at the school or one of its classes that lets them read their own sheet. */
export const worksAtSchool = (actor: Actor, school: SchoolRef) =>
  actor.assignments.some(
    (a) =>
      (a.orgPath.startsWith(school.path) || school.path.startsWith(a.orgPath)) &&
      rolePermissions[a.role].includes('assessment.read_own'),
  );

/** Before the sheets are computed: the caller's own sheet, or anyone's for those who read them all. */
export const mayAskForSheet = (actor: Actor, school: SchoolRef, userId: string) =>
  userId === actor.userId || canReadAllSheets(actor, school);
