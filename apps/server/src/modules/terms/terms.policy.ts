import type { OrgKind } from '@shouwang/shared';
import type { Actor } from '../../lib/authz/actor';
import { grantsFor, inScope } from '../../lib/authz/scope';
import { pathIds } from '../orgs/org-path';

/** Terms are set by a county and may be overridden by a school; no other unit defines them. */
export const termOrgKinds: readonly OrgKind[] = ['county', 'school'];

/** Whether the actor may read the terms of a unit: inside a read grant, or an ancestor of one of their units. */
export function canReadTermsOf(actor: Actor, unit: { id: string; path: string }): boolean {
  if (inScope(actor, 'term.read', unit.path)) return true;
  return actor.assignments.some((a) => pathIds(a.orgPath).includes(unit.id));
}

/**
 * Terms are managed AT the node that defines them, by the role held at that very node: a county
 * administrator at their county, a school administrator at their school. The generic scope rule does
 * not fit (school administrators do not manage their own node), and a county administrator does not
 * edit a school's override: the school owns its calendar.
 */
export function canManageTermsAt(actor: Actor, unit: { id: string; kind: OrgKind }): boolean {
  if (!termOrgKinds.includes(unit.kind)) return false;
  return grantsFor(actor, 'term.manage').some((g) => g.orgId === unit.id && g.orgKind === unit.kind);
}

export function termAbilities(actor: Actor, unit: { id: string; kind: OrgKind }) {
  const manage = canManageTermsAt(actor, unit);
  return { update: manage, delete: manage };
}
