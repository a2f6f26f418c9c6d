import { type ChildCategory, type PairingKind, todayIso } from '@shouwang/shared';
import { compareUnitNames } from '@shouwang/shared/unit-order';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import { inScope } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { capacityAt } from '../care-rules/care-rules.service';
import { activeCategoriesOf } from '../children/child-history.repository';
import { orgNames } from '../children/children.repository';
import { canReadOrg } from '../orgs/orgs.policy';
import { findOrg } from '../orgs/orgs.repository';
import * as repo from './pairings.repository';

/** Roles whose holders may be helpers (the others never are). */
const schoolHelperRoles = new Set(['mentor', 'class_teacher', 'school_admin']);
const villageHelperRoles = new Set(['mentor', 'child_director']);

type Assignment = Awaited<ReturnType<typeof repo.assignmentsUnder>>[number];

async function helpersFrom(
  db: Db,
  assignments: Assignment[],
  roles: Set<string>,
  capacity: Record<PairingKind, number>,
  today: string,
) {
  const byUser = new Map<string, { userId: string; displayName: string; roles: Assignment[] }>();
  for (const a of assignments.filter((a) => roles.has(a.role))) {
    const entry = byUser.get(a.userId) ?? { userId: a.userId, displayName: a.displayName, roles: [] };
    entry.roles.push(a);
    byUser.set(a.userId, entry);
  }
  const load = await repo.loadOf(db, [...byUser.keys()], today);
  return [...byUser.values()].map((h) => ({
    userId: h.userId,
    displayName: h.displayName,
    roles: h.roles.map((r) => ({ role: r.role, orgId: r.orgId, orgName: r.orgName })),
    load: load.get(h.userId)!,
    capacity,
  }));
}

/**
 * 结对看板 of a school: the school administrator pairs from it; county and township overseers
 * (`pairing.read` over the school) see it read-only (`abilities.assign` false). The children
 * without a mentor teacher or proxy parent, each possible helper's load per kind against the
 * school's capacity, and the village tutors of the children's home villages for holiday hand-overs.
 */
export async function pairingBoard(db: Db, ctx: RequestContext, actor: Actor, schoolId: string) {
  const school = await findOrg(db, schoolId);
  if (school?.kind !== 'school' || !canReadOrg(actor, school)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: schoolId });
    throw new AppError('NOT_FOUND');
  }
  if (!inScope(actor, 'pairing.read', school.path)) {
    await recordAudit(db, ctx, {
      event: 'access.denied',
      targetType: 'pairing_board',
      targetId: schoolId,
      org: { id: school.id, path: school.path, countyId: school.countyId },
    });
    throw new AppError('FORBIDDEN');
  }
  const canPair = inScope(actor, 'pairing.write', school.path);
  const today = todayIso();
  const capacity = await capacityAt(db, ctx, school.id);
  const unpaired = await repo.unpairedChildren(db, school.id, today);
  const categories = await activeCategoriesOf(
    db,
    unpaired.map((c) => c.id),
  );
  const names = await orgNames(
    db,
    unpaired.map((c) => c.classId),
  );
  const helpers = await helpersFrom(
    db,
    await repo.assignmentsUnder(db, [school.path]),
    schoolHelperRoles,
    capacity,
    today,
  );
  const villages = await repo.villagesOfSchool(db, school.id);
  const villageAssignments = await repo.assignmentsUnder(
    db,
    villages.map((v) => v.path),
  );
  const villageTutors = [];
  for (const village of villages.sort((a, b) => compareUnitNames(a.name, b.name))) {
    const here = villageAssignments.filter((a) => a.orgPath.startsWith(village.path));
    villageTutors.push({
      villageId: village.id,
      villageName: village.name,
      helpers: await helpersFrom(db, here, villageHelperRoles, capacity, today),
    });
  }
  return {
    schoolId: school.id,
    capacity,
    unpairedChildren: unpaired.map((c) => ({
      ...c,
      className: c.classId ? (names.get(c.classId) ?? null) : null,
      categories: (categories.get(c.id) ?? []).map((x) => x.category as ChildCategory),
    })),
    helpers,
    villageTutors,
    abilities: { assign: canPair, handover: canPair },
  };
}
