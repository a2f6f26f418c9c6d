import { type PairingKind, type Role, userPairingKinds, villagePairingKinds } from '@shouwang/shared';
import type { Actor } from '../../lib/authz/actor';
import { coversChild } from '../children/children.policy';

/**
 * Who may see and make pairings, and who may be a helper. Pairings follow the child: a grant of
 * `pairing.read` / `pairing.write` over the child's class, school or home village covers them;
 * a helper always sees their own pairings.
 */

interface ChildPlacement {
  id: string;
  schoolPath: string | null;
  villagePath: string | null;
}

export function canReadPairing(
  actor: Actor,
  row: { helperUserId: string | null },
  child: ChildPlacement,
  pairedIds: readonly string[],
): boolean {
  return row.helperUserId === actor.userId || coversChild(actor, 'pairing.read', child) || pairedIds.includes(child.id);
}

export const canWritePairingFor = (actor: Actor, child: Omit<ChildPlacement, 'id'>) =>
  coversChild(actor, 'pairing.write', child);

export function pairingAbilities(
  actor: Actor,
  row: { endDate: string | null },
  child: Omit<ChildPlacement, 'id'>,
  today: string,
) {
  return { end: canWritePairingFor(actor, child) && (row.endDate === null || row.endDate > today) };
}

export interface HelperAssignment {
  role: Role;
  orgKind: string;
  orgPath: string;
}

/**
 * Whether a user can be the child's helper of this kind. A helper must be able to see the child and
 * record for them afterwards, so they hold either the `mentor` role (帮扶教师/代理家长/志愿者, whose
 * grants cover paired children) at the child's school — or, for proxy parents and holiday tutors,
 * at the child's home village — or a role whose own scope covers the child: the class teacher of
 * the child's class, the school administrator, or (village kinds) the village's child director.
 */
export function helperEligible(kind: PairingKind, assignments: readonly HelperAssignment[], child: ChildPlacement) {
  if (!userPairingKinds.includes(kind)) return false;
  const village = villagePairingKinds.includes(kind);
  const under = (path: string | null, a: HelperAssignment) => path?.startsWith(a.orgPath) === true;
  return assignments.some((a) => {
    if (under(child.schoolPath, a)) {
      if (a.role === 'mentor' && a.orgKind === 'school') return true;
      if (a.role === 'class_teacher' || a.role === 'school_admin') return true;
    }
    if (village && under(child.villagePath, a)) {
      return (a.role === 'mentor' || a.role === 'child_director') && a.orgKind === 'village';
    }
    return false;
  });
}
