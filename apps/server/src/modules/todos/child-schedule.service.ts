import { todayIso } from '@shouwang/shared';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { requireChildForCare } from '../care-records/care-records.access';
import { resolveTerm } from './compliance.service';
import { evaluateDuties } from './evaluate-duties';

/**
 * One child's duties for a term (default: the current or next one): every rule of the school, every
 * period, its status and who owes it — the child page's "关爱任务" panel.
 */
export async function childSchedule(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  termId: string | undefined,
) {
  const child = await requireChildForCare(db, ctx, actor, childId, 'read');
  const asOf = todayIso();
  const term = child.schoolId
    ? await resolveTerm(db, { id: child.schoolId, countyId: child.countyId }, termId, asOf)
    : null;
  if (!term) return { childId, term: null, asOf, duties: [] };
  const { duties } = await evaluateDuties(db, ctx, [child], asOf, { term });
  return {
    childId,
    term: { id: term.id, startDate: term.startDate, midDate: term.midDate, endDate: term.endDate },
    asOf,
    duties: duties.map(({ childId: _c, ...d }) => d),
  };
}
