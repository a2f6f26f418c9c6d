import type { ConcernStatus } from '@shouwang/shared';
import type { Actor } from '../../lib/authz/actor';
import { inScope } from '../../lib/authz/scope';

/**
 * Who sees and handles a concern report (强制报告). It belongs to the child's class/school and home
 * village (or, raised about an unnamed child, to the school). It is visible to its reporter, to
 * the handlers over it (`concern.handle`: the school administrator, the village child director)
 * and to the overseers (`concern.oversee`: the township supervisor, the county administrator).
 * Only handlers take the workflow's steps.
 */

export interface ConcernPlacement {
  schoolPath: string | null;
  villagePath: string | null;
}

export const coversConcern = (
  actor: Actor,
  permission: 'concern.handle' | 'concern.oversee' | 'concern.raise',
  at: ConcernPlacement,
) =>
  (at.schoolPath !== null && inScope(actor, permission, at.schoolPath)) ||
  (at.villagePath !== null && inScope(actor, permission, at.villagePath));

export const canHandleConcern = (actor: Actor, at: ConcernPlacement) => coversConcern(actor, 'concern.handle', at);

export const canSeeConcern = (actor: Actor, concern: { reporterId: string }, at: ConcernPlacement) =>
  concern.reporterId === actor.userId ||
  coversConcern(actor, 'concern.handle', at) ||
  coversConcern(actor, 'concern.oversee', at);

export type ConcernStep = 'acknowledge' | 'refer' | 'followUp' | 'close';

/** The statuses each step may start from. */
export const stepFrom: Record<ConcernStep, readonly ConcernStatus[]> = {
  acknowledge: ['reported'],
  refer: ['acknowledged'],
  followUp: ['referred', 'following_up'],
  close: ['acknowledged', 'referred', 'following_up'],
};

export function concernAbilities(actor: Actor, concern: { status: ConcernStatus }, at: ConcernPlacement) {
  const handle = canHandleConcern(actor, at);
  const may = (step: ConcernStep) => handle && stepFrom[step].includes(concern.status);
  return { acknowledge: may('acknowledge'), refer: may('refer'), followUp: may('followUp'), close: may('close') };
}
