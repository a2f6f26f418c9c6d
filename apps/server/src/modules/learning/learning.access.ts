import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { auditOrgOf, invalidFields } from '../children/children.access';
import { type ChildRow, findChild } from '../children/children.repository';
import { listEffectiveTerms } from '../terms/terms.repository';
import { type LearningAccess, learningAccess } from './learning.policy';
import { isUserOfChildUnits } from './learning.repository';

/** Loaders of the learning use cases: unseen is 404, seen but not writable is 403 (both audited). */
export async function requireChildForLearning(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  need: 'read' | 'write',
  access?: LearningAccess,
): Promise<ChildRow> {
  const rights = access ?? (await learningAccess(db, actor));
  const row = await findChild(db, childId);
  if (!row || !rights.readable(row)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'child', targetId: childId });
    throw new AppError('NOT_FOUND');
  }
  if (need === 'write' && !rights.writable(row)) {
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

/** The term must be one in force at the child's school (the county's or the school's own). */
export async function checkTermOfChild(
  db: Db,
  ctx: RequestContext,
  child: Pick<ChildRow, 'countyId' | 'schoolId'>,
  termId: string,
  field = 'termId',
) {
  const terms = await listEffectiveTerms(db, child.countyId, child.schoolId);
  if (!terms.some((t) => t.id === termId)) throw invalidFields(ctx.language, [{ field, key: 'term_not_of_school' }]);
}

/** The helper must be a user of the child's school or home village (or a unit above them). */
export async function checkHelper(
  db: Db,
  ctx: RequestContext,
  child: Pick<ChildRow, 'schoolPath' | 'villagePath'>,
  helperUserId: string,
) {
  const paths = [child.schoolPath, child.villagePath].filter((p): p is string => p !== null);
  if (!(await isUserOfChildUnits(db, helperUserId, paths)))
    throw invalidFields(ctx.language, [{ field: 'helperUserId', key: 'helper_not_available' }]);
}
