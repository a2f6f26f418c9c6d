import { errorMessage, type Language, type Role } from '@shouwang/shared';
import type { Db } from '../../../db/client';
import { recordAudit } from '../../../lib/audit/record-audit';
import type { Actor } from '../../../lib/authz/actor';
import type { RequestContext } from '../../../lib/context';
import { isUniqueViolation } from '../../../lib/db-errors';
import { AppError } from '../../../lib/errors';
import { generateOneTimePassword, hashPassword } from '../../auth/password';
import type { OrgRow } from '../../orgs/orgs.repository';
import { assignmentSnapshot, userSnapshot } from '../users.presenter';
import * as repo from '../users.repository';
import { auditOrgOf, requireAssignableOrg } from '../users.service';

export interface UserCreateInput {
  username: string;
  displayName: string;
  phone?: string | null;
  language?: Language;
  roles: { role: Role; orgId: string }[];
}

const usernameTaken = (language: Language) =>
  new AppError('USERNAME_TAKEN', {
    details: [{ field: 'username', message: errorMessage('USERNAME_TAKEN', language) }],
  });

/**
 * Creates an account with its roles and a one-time password that must be changed at first
 * sign-in. Every role is checked as if assigned on its own; the account belongs to the county of
 * its first role.
 */
export async function createUser(db: Db, ctx: RequestContext, actor: Actor, input: UserCreateInput) {
  const units: OrgRow[] = [];
  for (const [i, r] of input.roles.entries()) {
    units.push(await requireAssignableOrg(db, ctx, actor, r.role, r.orgId, `roles.${i}.orgId`));
  }
  if (await repo.usernameExists(db, input.username)) throw usernameTaken(ctx.language);
  // The same role twice at one unit is one role.
  const roles = input.roles.filter(
    (r, i) => input.roles.findIndex((o) => o.role === r.role && o.orgId === r.orgId) === i,
  );
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  try {
    return await db.transaction(async (tx) => {
      const user = await repo.insertUser(tx, {
        username: input.username,
        displayName: input.displayName,
        phone: input.phone ?? null,
        language: input.language ?? 'zh-CN',
        passwordHash,
        mustChangePassword: true,
        countyId: units[0]!.countyId,
      });
      for (const r of roles) {
        const unit = units.find((u) => u.id === r.orgId)!;
        const id = await repo.insertAssignment(tx, { userId: user.id, ...r, countyId: unit.countyId });
        await recordAudit(tx, ctx, {
          event: 'role.assigned',
          targetType: 'role_assignment',
          targetId: id,
          org: { id: unit.id, path: unit.path, countyId: unit.countyId },
          after: assignmentSnapshot({ userId: user.id, ...r }),
        });
      }
      const held = await repo.listAssignments(tx, [user.id]);
      await recordAudit(tx, ctx, {
        event: 'user.created',
        targetType: 'user',
        targetId: user.id,
        org: auditOrgOf({ user, held }),
        after: { ...userSnapshot(user), roles: roles.map((r) => `${r.role}@${r.orgId}`) },
      });
      return { user, held, oneTimePassword };
    });
  } catch (error) {
    // Two administrators creating the same username at once: the unique index decides.
    if (isUniqueViolation(error)) throw usernameTaken(ctx.language);
    throw error;
  }
}
