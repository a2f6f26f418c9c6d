import type { Actor } from '../../lib/authz/actor';
import { coversChild } from '../children/children.policy';

/**
 * Who may see and record health checks. Health details are sensitive: the child's class teacher,
 * the school administrators, the counselor (read only) and the home village's child director hold
 * `health_check.*` over the child's class, school or village. Mentors, proxy parents, buddies and
 * county or township staff do not see them (they get the flag counts in statistics only).
 */

interface ChildPlacement {
  schoolPath: string | null;
  villagePath: string | null;
}

export const canReadHealthOf = (actor: Actor, child: ChildPlacement) => coversChild(actor, 'health_check.read', child);

export const canWriteHealthOf = (actor: Actor, child: ChildPlacement) =>
  coversChild(actor, 'health_check.write', child);

export function healthCheckAbilities(
  canWrite: boolean,
  record: { referralNeeded: boolean; followUpDoneOn: string | null },
) {
  return {
    update: canWrite,
    delete: canWrite,
    closeFollowUp: canWrite && record.referralNeeded && record.followUpDoneOn === null,
  };
}
