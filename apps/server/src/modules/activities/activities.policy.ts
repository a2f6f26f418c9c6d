import type { Actor } from '../../lib/authz/actor';
import { grantsFor, inScope, scopePrefixes } from '../../lib/authz/scope';
import { coversChild } from '../children/children.policy';
import type { ActivityScope } from './activities.repository';

/**
 * Who may see and change activities. A grant of `activity.read` sees the activities of the units in
 * its subtree and of the units above it (a class teacher sees the school's and the township's events);
 * `activity.write` over the organizing unit changes them. A participant must be a child the caller's
 * `activity.write` covers (class, school or home village), and must belong to the organizing unit.
 */

/** 'c/t/s/k/' → ['c/', 'c/t/', 'c/t/s/'] (the strict ancestors). */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => `${parts.slice(0, i + 1).join('/')}/`);
}

export function activityScope(actor: Actor): ActivityScope {
  const grants = grantsFor(actor, 'activity.read');
  return {
    prefixes: scopePrefixes(actor, 'activity.read'),
    ancestorPaths: [...new Set(grants.flatMap((g) => ancestorPaths(g.orgPath)))],
    countyIds: [...new Set(grants.map((g) => g.countyId))],
  };
}

export const canReadActivity = (actor: Actor, orgPath: string) =>
  inScope(actor, 'activity.read', orgPath) ||
  grantsFor(actor, 'activity.read').some((g) => g.orgPath !== orgPath && g.orgPath.startsWith(orgPath));

export const canWriteActivity = (actor: Actor, orgPath: string) => inScope(actor, 'activity.write', orgPath);

interface ChildPlacement {
  schoolPath: string | null;
  villagePath: string | null;
}

export const canEnrollChild = (actor: Actor, child: ChildPlacement) => coversChild(actor, 'activity.write', child);

/** The child belongs to the organizing unit (a school's, class's, village's or township's child). */
export const childBelongsTo = (orgPath: string, child: ChildPlacement) =>
  Boolean(child.schoolPath?.startsWith(orgPath) || child.villagePath?.startsWith(orgPath));

export const activityAbilities = (actor: Actor, orgPath: string) => {
  const write = canWriteActivity(actor, orgPath);
  return { update: write, delete: write, addPhotos: write };
};
