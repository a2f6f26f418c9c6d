import type { Actor } from '../../lib/authz/actor';
import { coversChild } from '../children/children.policy';

/**
 * Who may see what of a child's counseling. Notes, presenting concerns, agreed actions and the
 * reasons behind risk levels: counselors of the child's school only (`counseling.read`). The
 * current risk level and whom to ask: every holder of `risk.read` over the child (mentors for
 * their paired children).
 */

interface ChildPlacement {
  id: string;
  schoolPath: string | null;
  villagePath: string | null;
}

export const canReadCounseling = (actor: Actor, child: Omit<ChildPlacement, 'id'>) =>
  coversChild(actor, 'counseling.read', child);

export const canWriteCounseling = (actor: Actor, child: Omit<ChildPlacement, 'id'>) =>
  coversChild(actor, 'counseling.write', child);

export const canReadRisk = (actor: Actor, child: ChildPlacement, pairedIds: readonly string[]) =>
  coversChild(actor, 'risk.read', child) || pairedIds.includes(child.id);

export function counselingAbilities(actor: Actor, child: Omit<ChildPlacement, 'id'>) {
  const write = canWriteCounseling(actor, child);
  return {
    readSessions: canReadCounseling(actor, child),
    writeSessions: write,
    setRiskLevel: write,
  };
}
