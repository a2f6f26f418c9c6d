import type { Actor } from '../../lib/authz/actor';
import { grantsFor } from '../../lib/authz/scope';

/** A term may be used by anyone holding a grant in its county (terms are set per county or school). */
export const canReadTermOf = (actor: Actor, term: { countyId: string }) =>
  grantsFor(actor, 'term.read').some((g) => g.countyId === term.countyId);
