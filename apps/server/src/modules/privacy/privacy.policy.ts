import type { Actor, ActorAssignment } from '../../lib/authz/actor';
import { grantsFor } from '../../lib/authz/scope';

/**
 * Who handles a child's privacy rights (export, consent, corrections): holders of `privacy.manage`
 * whose unit's subtree holds the child's school/class or home village — the school administrator,
 * the village's child director, the county administrator. Unlike org management, the grant covers
 * the holder's own node (a school administrator handles the children of their own school), so it
 * is checked here by path prefix rather than through `inScope`'s own-node rule for `.manage`.
 */
interface Placement {
  schoolPath: string | null;
  villagePath: string | null;
}

export function privacyGrantOf(actor: Actor, child: Placement): ActorAssignment | undefined {
  return grantsFor(actor, 'privacy.manage').find(
    (g) => child.schoolPath?.startsWith(g.orgPath) || child.villagePath?.startsWith(g.orgPath),
  );
}

export const canManagePrivacyOf = (actor: Actor, child: Placement) => privacyGrantOf(actor, child) !== undefined;

/** County-wide privacy duties (the officer, anonymization): a county administrator of that county. */
export const countyPrivacyGrant = (actor: Actor) =>
  grantsFor(actor, 'privacy.manage').find((g) => g.orgKind === 'county');
