import type { UserView } from '@shouwang/shared';
import type { Actor } from '../../lib/authz/actor';
import { canReadOrg } from '../orgs/orgs.policy';
import { isLocked, userAbilities } from './users.policy';
import type { AssignmentRow, UserRow } from './users.repository';

/**
 * What leaves the server about a user: never the password hash or lock counters. Roles held at
 * units the caller cannot see are left out; abilities still account for them.
 */
export function presentUser(actor: Actor, user: UserRow, held: AssignmentRow[], now = new Date()): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    phone: user.phone,
    language: user.language,
    status: user.status,
    locked: isLocked(user, now),
    mustChangePassword: user.mustChangePassword,
    totp: user.totpEnabledAt ? 'on' : user.totpSecret ? 'pending' : 'off',
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    roles: held
      .filter((a) => canReadOrg(actor, { id: a.orgId, path: a.orgPath }))
      .map((a) => ({ id: a.id, role: a.role, orgId: a.orgId, orgName: a.orgName, orgKind: a.orgKind })),
    version: user.version,
    abilities: userAbilities(actor, user, held, now),
  };
}

/** The audit snapshot of a user, without secrets. */
export const userSnapshot = (user: UserRow) => ({
  username: user.username,
  displayName: user.displayName,
  phone: user.phone,
  language: user.language,
  status: user.status,
  mustChangePassword: user.mustChangePassword,
  failedLogins: user.failedLogins,
  lockedUntil: user.lockedUntil,
  countyId: user.countyId,
  version: user.version,
});

export const assignmentSnapshot = (a: Pick<AssignmentRow, 'userId' | 'role' | 'orgId'>) => ({
  userId: a.userId,
  role: a.role,
  orgId: a.orgId,
});
