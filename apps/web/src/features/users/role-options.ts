import { type OrgKind, type Role, roleOrgKinds, roles } from '@shouwang/shared/roles';
import type { OrgView } from '@shouwang/shared/schemas/orgs';

/** Roles that may be assigned at a unit of this kind (shared `roleOrgKinds`). */
export function rolesForOrgKind(kind: OrgKind | undefined): Role[] {
  if (!kind) return [];
  return roles.filter((role) => roleOrgKinds[role].includes(kind));
}

/** Units the user may hand roles out at: those the server lets them manage (abilities travel with the org). */
export const canAssignAt = (org: OrgView) => org.active && (!!org.abilities.update || !!org.abilities.createChild);
