import { managesOwnNode, type Permission, pairedOnlyPermissions, rolePermissions } from '@shouwang/shared';
import type { Actor, ActorAssignment } from './actor';

/**
 * Policy combinators. Every grant is a role held at an org node and covers that node's subtree;
 * manage rights of most roles cover only what lies below their own node. Grants listed in
 * `pairedOnlyPermissions` cover the holder's paired children instead (see modules/children policy).
 */
export function grantsFor(actor: Actor, permission: Permission): ActorAssignment[] {
  return actor.assignments.filter(
    (a) => rolePermissions[a.role].includes(permission) && !pairedOnlyPermissions[a.role]?.includes(permission),
  );
}

/** Whether any role of the actor carries `permission`, over a subtree or over paired children only. */
export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.assignments.some((a) => rolePermissions[a.role].includes(permission));
}

function covers(grant: ActorAssignment, targetPath: string, permission: Permission): boolean {
  if (!targetPath.startsWith(grant.orgPath)) return false;
  if (permission.endsWith('.manage') && targetPath === grant.orgPath) return managesOwnNode[grant.role];
  return true;
}

/** The grant that lets the actor do `permission` on the node at `targetPath`, if any. */
export function grantOn(actor: Actor, permission: Permission, targetPath: string): ActorAssignment | undefined {
  return grantsFor(actor, permission).find((g) => covers(g, targetPath, permission));
}

export function inScope(actor: Actor, permission: Permission, targetPath: string): boolean {
  return grantOn(actor, permission, targetPath) !== undefined;
}

/** Path prefixes the actor may read for `permission`; list queries filter on them in SQL. */
export function scopePrefixes(actor: Actor, permission: Permission): string[] {
  const prefixes = grantsFor(actor, permission).map((g) => g.orgPath);
  // Drop prefixes already covered by a shorter one, so the SQL stays small.
  return prefixes.filter((p) => !prefixes.some((q) => q !== p && p.startsWith(q)));
}
