import type { Role } from '@shouwang/shared';
import type { Db } from '../../../db/client';
import { recordAudit } from '../../../lib/audit/record-audit';
import type { Actor } from '../../../lib/authz/actor';
import type { RequestContext } from '../../../lib/context';
import { isUniqueViolation } from '../../../lib/db-errors';
import { AppError } from '../../../lib/errors';
import { assignmentSnapshot } from '../users.presenter';
import * as repo from '../users.repository';
import { type LoadedUser, requireAssignableOrg, requireManageableUser } from '../users.service';

/** Gives a user the actor manages one more role, at a unit where the actor may hand it out. */
export async function assignRole(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  userId: string,
  input: { role: Role; orgId: string },
): Promise<LoadedUser> {
  const { user, held } = await requireManageableUser(db, ctx, actor, userId);
  const unit = await requireAssignableOrg(db, ctx, actor, input.role, input.orgId, 'orgId');
  if (held.some((a) => a.role === input.role && a.orgId === input.orgId)) throw new AppError('ROLE_ALREADY_ASSIGNED');
  try {
    return await db.transaction(async (tx) => {
      const id = await repo.insertAssignment(tx, { userId, ...input, countyId: unit.countyId });
      await recordAudit(tx, ctx, {
        event: 'role.assigned',
        targetType: 'role_assignment',
        targetId: id,
        org: { id: unit.id, path: unit.path, countyId: unit.countyId },
        after: assignmentSnapshot({ userId, ...input }),
      });
      return { user, held: await repo.listAssignments(tx, [userId]) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('ROLE_ALREADY_ASSIGNED');
    throw error;
  }
}
