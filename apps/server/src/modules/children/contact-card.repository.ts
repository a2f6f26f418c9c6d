import type { PairingKind, Role } from '@shouwang/shared';
import { and, eq, gt, inArray, isNull, lte, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { org } from '../orgs/orgs.table';
import { pairing } from '../pairings/pairings.table';
import { appUser, roleAssignment } from '../users/users.table';

/** The people printed beside a child: staff holding a role at a unit, and the child's helpers. */

export interface Person {
  name: string;
  phone: string | null;
}

/** Active users holding `role` at each of these units (e.g. the class teacher of a class). */
export async function staffAt(db: Db, role: Role, orgIds: string[]): Promise<Map<string, Person[]>> {
  const map = new Map<string, Person[]>();
  const ids = [...new Set(orgIds)];
  if (ids.length === 0) return map;
  const rows = await db
    .select({ orgId: roleAssignment.orgId, name: appUser.displayName, phone: appUser.phone })
    .from(roleAssignment)
    .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
    .where(
      and(
        eq(roleAssignment.role, role),
        inArray(roleAssignment.orgId, ids),
        isNull(roleAssignment.deletedAt),
        isNull(appUser.deletedAt),
        eq(appUser.status, 'active'),
      ),
    )
    .orderBy(appUser.displayName);
  for (const r of rows) map.set(r.orgId, [...(map.get(r.orgId) ?? []), { name: r.name, phone: r.phone }]);
  return map;
}

export interface Helper extends Person {
  kind: PairingKind;
}

/** The helpers paired with each child today (结对帮扶: mentor teachers, proxy parents, tutors). */
export async function helpersOf(db: Db, childIds: string[], today: string): Promise<Map<string, Helper[]>> {
  const map = new Map<string, Helper[]>();
  const ids = [...new Set(childIds)];
  if (ids.length === 0) return map;
  const rows = await db
    .select({ childId: pairing.childId, kind: pairing.kind, name: appUser.displayName, phone: appUser.phone })
    .from(pairing)
    .innerJoin(appUser, eq(appUser.id, pairing.helperUserId))
    .where(
      and(
        inArray(pairing.childId, ids),
        isNull(pairing.deletedAt),
        ne(pairing.kind, 'buddy_student'),
        lte(pairing.startDate, today),
        or(isNull(pairing.endDate), gt(pairing.endDate, today)),
      ),
    )
    .orderBy(pairing.kind, appUser.displayName);
  for (const r of rows)
    map.set(r.childId, [...(map.get(r.childId) ?? []), { kind: r.kind, name: r.name, phone: r.phone }]);
  return map;
}

/** Units by id with their parent (a village's township), for names on exports and cards. */
export async function orgsByIds(db: Db, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map<string, typeof org.$inferSelect>();
  const rows = await db.select().from(org).where(inArray(org.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}
