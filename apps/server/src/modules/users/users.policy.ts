import { assignableRoles, type OrgKind, type Role, roleOrgKinds } from '@shouwang/shared';
import type { Actor } from '../../lib/authz/actor';
import { grantsFor, inScope, scopePrefixes } from '../../lib/authz/scope';
import type { AssignmentRow, UserReadScope, UserRow } from './users.repository';

type UserFacts = Pick<UserRow, 'id' | 'countyId' | 'status' | 'lockedUntil'>;
type HeldRole = Pick<AssignmentRow, 'role' | 'orgPath'>;

/** Counties whose users without any role the actor looks after: county-level grants only. */
const countiesFor = (actor: Actor, permission: 'user.read' | 'user.manage') =>
  grantsFor(actor, permission)
    .filter((g) => g.orgKind === 'county')
    .map((g) => g.countyId);

/** The read scope the list query applies in SQL; `canReadUser` is the same rule for one user. */
export function userReadScope(actor: Actor): UserReadScope {
  return { prefixes: scopePrefixes(actor, 'user.read'), countyIds: countiesFor(actor, 'user.read') };
}

/** Visible when one of the user's roles lies in a read grant; users without roles only to their county. */
export function canReadUser(actor: Actor, user: UserFacts, held: HeldRole[]): boolean {
  if (held.length === 0) return user.countyId !== null && countiesFor(actor, 'user.read').includes(user.countyId);
  return held.some((a) => inScope(actor, 'user.read', a.orgPath));
}

/**
 * Whether the actor may hand out `role` at the unit at `target.path`: a user.manage grant at or
 * above that unit whose role may assign it. Unlike `inScope(…, 'user.manage')` this covers the
 * grant's own node, so a school administrator can appoint a counselor at the school itself.
 */
export function canAssignRole(actor: Actor, role: Role, target: { path: string }): boolean {
  return grantsFor(actor, 'user.manage').some(
    (g) => target.path.startsWith(g.orgPath) && (assignableRoles[g.role] ?? []).includes(role),
  );
}

/** Where the role may sit in the tree (a counselor at a school, a class teacher at a class …). */
export const roleFitsOrg = (role: Role, kind: OrgKind) => roleOrgKinds[role].includes(kind);

/**
 * The actor manages a user only when every role the user holds is one the actor could have
 * assigned; so a school administrator cannot touch a county administrator who also teaches there.
 * Users without any role belong to the administrators of their county.
 */
export function canManageUser(actor: Actor, user: UserFacts, held: HeldRole[]): boolean {
  if (held.length === 0) return user.countyId !== null && countiesFor(actor, 'user.manage').includes(user.countyId);
  return held.every((a) => canAssignRole(actor, a.role, { path: a.orgPath }));
}

export const isLocked = (user: Pick<UserRow, 'lockedUntil'>, now = new Date()) =>
  user.lockedUntil !== null && user.lockedUntil > now;

export function userAbilities(
  actor: Actor,
  user: UserFacts & Partial<Pick<UserRow, 'totpSecret' | 'totpEnabledAt'>>,
  held: HeldRole[],
  now = new Date(),
) {
  const manage = canManageUser(actor, user, held);
  const self = user.id === actor.userId;
  return {
    update: manage,
    disable: manage && !self && user.status === 'active',
    enable: manage && user.status === 'disabled',
    // Own password changes go through change-password, which asks for the current one.
    resetPassword: manage && !self,
    unlock: manage && isLocked(user, now),
    assignRoles: manage,
    // Own two-step sign-in is turned off on the two-step page, with a code or recovery code.
    resetTotp: manage && !self && !!(user.totpSecret || user.totpEnabledAt),
  };
}
