import type { Db } from '../../../db/client';
import { recordAudit } from '../../../lib/audit/record-audit';
import type { Actor } from '../../../lib/authz/actor';
import type { RequestContext } from '../../../lib/context';
import { AppError } from '../../../lib/errors';
import { assignmentSnapshot } from '../users.presenter';
import * as repo from '../users.repository';
import { type LoadedUser, requireManageableUser } from '../users.service';

/**
 * Ends one role of a user the actor manages (soft delete: the row stays as history). Nobody
 * revokes their own roles, so an administrator cannot lock themselves out by a slip.
 */
export async function revokeRole(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  userId: string,
  assignmentId: string,
): Promise<LoadedUser> {
  const { user, held } = await requireManageableUser(db, ctx, actor, userId);
  const assignment = held.find((a) => a.id === assignmentId);
  if (!assignment) throw new AppError('NOT_FOUND');
  if (userId === actor.userId) throw new AppError('CANNOT_REVOKE_OWN_ROLE');
  return db.transaction(async (tx) => {
    const revoked = await repo.softDeleteAssignment(tx, assignmentId);
    if (!revoked) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, {
      event: 'role.revoked',
      targetType: 'role_assignment',
      targetId: assignmentId,
      org: { id: assignment.orgId, path: assignment.orgPath, countyId: assignment.countyId },
      before: assignmentSnapshot(assignment),
      after: null,
    });
    return { user, held: await repo.listAssignments(tx, [userId]) };
  });
}
