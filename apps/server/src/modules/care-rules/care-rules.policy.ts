import type { Actor } from '../../lib/authz/actor';
import { grantsFor } from '../../lib/authz/scope';

/**
 * Care rules and settings belong to a school. Everyone with a role in the school, in one of its
 * classes, or above it reads them; the school's own administrator edits them — at the school node itself, which the generic
 * subtree rule for `.manage` leaves out (as for terms).
 */
export const canReadCareRulesOf = (actor: Actor, school: { path: string }) =>
  grantsFor(actor, 'care_rule.read').some(
    (g) => g.orgPath.startsWith(school.path) || school.path.startsWith(g.orgPath),
  );

export const canManageCareRulesOf = (actor: Actor, school: { id: string }) =>
  grantsFor(actor, 'care_rule.manage').some((g) => g.orgId === school.id && g.orgKind === 'school');

export function careRuleAbilities(actor: Actor, school: { id: string }) {
  const manage = canManageCareRulesOf(actor, school);
  return { update: manage, delete: manage };
}
