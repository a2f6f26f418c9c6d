import { type CareResponsibleRole, type ChildFacts, todayIso } from '@shouwang/shared';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import { activePairedChildIds } from '../pairings/pairings.repository';
import { type ChildSelection, type DutyChild, selectChildrenWithFacts } from './schedule-facts.repository';

/** The children a user holds duties for, and through what: a role over them, or a pairing. */
export interface DutyChildren {
  children: DutyChild[];
  rolesOver: Map<string, Set<CareResponsibleRole>>;
  pairedIds: Set<string>;
  selection: ChildSelection;
  /** The children's schedule facts and class names, read with them (one statement). */
  facts: Map<string, ChildFacts>;
  classNames: Map<string, string>;
}

/** The units where the actor's roles make them responsible for children: classes, schools, villages. */
export function responsibleUnits(actor: Actor) {
  const pick = (role: CareResponsibleRole, kind: string) =>
    actor.assignments.filter((a) => a.role === role && a.orgKind === kind).map((a) => a.orgId);
  return {
    classIds: pick('class_teacher', 'class'),
    schoolIds: pick('school_admin', 'school'),
    villageIds: pick('child_director', 'village'),
  };
}

/**
 * The class teacher's class, the school administrator's school, the child director's village, and
 * the children paired with the user today. `skipSchools` leaves out schools whose rules give their
 * administrator nothing to do (the defaults), so an administrator's list never loads the whole school.
 */
export async function dutyChildrenOf(
  db: Db,
  actor: Actor,
  options: { schoolAdminSchools?: string[] } = {},
): Promise<DutyChildren> {
  const units = responsibleUnits(actor);
  const schoolIds = options.schoolAdminSchools ?? units.schoolIds;
  const pairedIds = new Set(await activePairedChildIds(db, actor.userId, todayIso()));
  const selection: ChildSelection = { ...units, schoolIds, childIds: [...pairedIds] };
  const { children, facts, classNames } = await selectChildrenWithFacts(db, selection);
  const rolesOver = new Map<string, Set<CareResponsibleRole>>();
  for (const c of children) {
    const roles = new Set<CareResponsibleRole>();
    if (c.classId && units.classIds.includes(c.classId)) roles.add('class_teacher');
    if (c.schoolId && schoolIds.includes(c.schoolId)) roles.add('school_admin');
    if (c.villageId && units.villageIds.includes(c.villageId)) roles.add('child_director');
    rolesOver.set(c.id, roles);
  }
  return { children, rolesOver, pairedIds, selection, facts, classNames };
}
