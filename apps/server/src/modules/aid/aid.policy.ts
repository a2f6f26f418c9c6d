import type { Actor } from '../../lib/authz/actor';
import { inScope } from '../../lib/authz/scope';
import { coversChild } from '../children/children.policy';

/**
 * Who may see and record aid: `aid.read` / `aid.write` over the child's class, school or home
 * village. The school's funding ledger is read with `aid.read` over the school and kept by holders
 * of `fund.write` there (the care leading group, 关爱领导小组).
 */
interface ChildPlacement {
  schoolPath: string | null;
  villagePath: string | null;
}

export const canReadAidOf = (actor: Actor, child: ChildPlacement) => coversChild(actor, 'aid.read', child);
export const canWriteAidOf = (actor: Actor, child: ChildPlacement) => coversChild(actor, 'aid.write', child);
export const canReadLedger = (actor: Actor, schoolPath: string) => inScope(actor, 'aid.read', schoolPath);
export const canWriteLedger = (actor: Actor, schoolPath: string) => inScope(actor, 'fund.write', schoolPath);

export const aidAbilities = (actor: Actor, child: ChildPlacement) => {
  const write = canWriteAidOf(actor, child);
  return { delete: write };
};
