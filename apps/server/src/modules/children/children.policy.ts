import { type Permission, pairedOnlyPermissions, todayIso } from '@shouwang/shared';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import { grantsFor, inScope, scopePrefixes } from '../../lib/authz/scope';
import { activePairedChildIds } from '../pairings/pairings.repository';

/**
 * Who may see and change a child's archive. A grant at an org node covers a child when the
 * child's class/school path or home-village path lies in the node's subtree; mentors (paired-only
 * grants) see just the children paired with them.
 */

/**
 * The ids of the children currently paired with the actor as helper (结对帮扶: mentor_teacher,
 * proxy_parent, holiday_tutor), from the pairings that hold today. Every read path of the archive
 * goes through it (list scope, single-child checks, abilities), and so do care records.
 */
export async function pairedChildIds(db: Db, actor: Actor): Promise<string[]> {
  return activePairedChildIds(db, actor.userId, todayIso());
}

/** What a list query needs to scope children in SQL. */
export interface ChildScope {
  /** Org path prefixes; a child matches when its school_path or village_path starts with one. */
  prefixes: string[];
  /** The counties of those grants (lets the planner use the county + pinyin index). */
  countyIds: string[];
  /** Children visible through pairings, whatever their org. */
  pairedIds: string[];
  /**
   * Per prefix, the class it is the path of, or null: a class has no sub-units, so its children
   * are those whose school path is the class's (`class_id` names it). Lets the list's prepared
   * statement say so in a way a generic plan can estimate (bench findings 18b).
   */
  classIds?: (string | null)[];
}

function holdsPairedOnly(actor: Actor, permission: Permission) {
  return actor.assignments.some((a) => pairedOnlyPermissions[a.role]?.includes(permission));
}

export async function childScope(db: Db, actor: Actor, permission: Permission = 'child.read'): Promise<ChildScope> {
  const prefixes = scopePrefixes(actor, permission);
  const grants = grantsFor(actor, permission);
  const countyIds = [...new Set(grants.map((g) => g.countyId))];
  const pairedIds = holdsPairedOnly(actor, permission) ? await pairedChildIds(db, actor) : [];
  const classIds = prefixes.map((p) => grants.find((g) => g.orgPath === p && g.orgKind === 'class')?.orgId ?? null);
  return { prefixes, countyIds, pairedIds, classIds };
}

interface ChildPlacement {
  id: string;
  schoolPath: string | null;
  villagePath: string | null;
}

/** Whether a subtree grant of `permission` covers the child's class/school or home village. */
export function coversChild(actor: Actor, permission: Permission, child: Omit<ChildPlacement, 'id'>): boolean {
  return (
    (child.schoolPath !== null && inScope(actor, permission, child.schoolPath)) ||
    (child.villagePath !== null && inScope(actor, permission, child.villagePath))
  );
}

export function canReadChild(actor: Actor, child: ChildPlacement, pairedIds: readonly string[]): boolean {
  return coversChild(actor, 'child.read', child) || pairedIds.includes(child.id);
}

export const canWriteChild = (actor: Actor, child: Omit<ChildPlacement, 'id'>) =>
  coversChild(actor, 'child.write', child);

/** What the caller may do with the archive; the UI shows buttons from this, never from roles. */
export function childAbilities(actor: Actor, child: ChildPlacement & { deletedAt: Date | null }) {
  const write = canWriteChild(actor, child);
  const live = child.deletedAt === null;
  return {
    update: write && live,
    delete: write && live,
    restore: write && !live,
    manageFamily: write && live,
    readIdNumber: live && coversChild(actor, 'child.read_id_number', child),
  };
}

/** Abilities on a parent or guardian row follow the child's. */
export function familyAbilities(childAbilitiesOf: ReturnType<typeof childAbilities>) {
  return { update: childAbilitiesOf.manageFamily, delete: childAbilitiesOf.manageFamily };
}
