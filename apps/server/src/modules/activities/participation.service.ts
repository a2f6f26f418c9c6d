import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import { inScope } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { findOrg } from '../orgs/orgs.repository';
import { findTerm } from '../terms/terms.repository';
import { canReadTermOf } from './activity-terms';
import {
  countActivities,
  countFigures,
  type FigureCounts,
  type FigureScope,
  type FigureTerm,
  type NotYetParticipated,
  notYetParticipated,
} from './participation.repository';

export type { FigureScope, FigureTerm };

/**
 * Participation in a unit over a term, for the work summary and statistics (issue 6):
 * - `activities`: activities organized by the unit or a unit below it, dated in the term;
 * - `participants` / `leftBehindParticipants`: children of the unit who took part in at least one
 *   activity of the term (any organizer), all and those left-behind at some time in the term;
 * - `leftBehindChildren`: left-behind children of the unit in the term;
 * - `awarded` / `leftBehindAwarded`: participants with an award ("获奖的8位同学中有5人是留守儿童");
 * - `roomVisitors` / `leftBehindRoomVisitors`: children who visited the activity room (留守儿童之家);
 * - `notYetParticipated`: left-behind children with neither an activity nor a room visit in the term.
 * A child belongs to the unit through the class/school or the home village.
 */
export interface ParticipationFigures extends FigureCounts {
  activities: number;
  notYetParticipated: NotYetParticipated[];
}

export async function participationFigures(
  db: Db,
  scope: FigureScope,
  term: FigureTerm,
): Promise<ParticipationFigures> {
  const [counts, activities, missing] = await Promise.all([
    countFigures(db, scope, term),
    countActivities(db, scope, term),
    notYetParticipated(db, scope, term),
  ]);
  return { ...counts, activities, notYetParticipated: missing };
}

/** GET /api/activities/participation: one school and term, for a reader of the school's activities. */
export async function schoolParticipation(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  q: { schoolId: string; termId: string },
) {
  const school = await findOrg(db, q.schoolId);
  if (!school || school.deletedAt || school.kind !== 'school' || !inScope(actor, 'activity.read', school.path)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: q.schoolId });
    throw new AppError('NOT_FOUND');
  }
  const term = await findTerm(db, q.termId);
  if (!term || term.countyId !== school.countyId || !canReadTermOf(actor, term)) throw new AppError('NOT_FOUND');
  const figures = await participationFigures(db, { countyId: school.countyId, orgPath: school.path }, term);
  return {
    school: { id: school.id, name: school.name },
    term: {
      id: term.id,
      startDate: term.startDate,
      endDate: term.endDate,
      label:
        ctx.language === 'en' ? `${term.schoolYear} term ${term.termNo}` : `${term.schoolYear}学年第${term.termNo}学期`,
    },
    ...figures,
  };
}
