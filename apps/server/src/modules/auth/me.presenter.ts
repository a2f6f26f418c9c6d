import { type Me, type Permission, rolePermissions } from '@shouwang/shared';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import { pathIds } from '../orgs/org-path';
import { org } from '../orgs/orgs.table';
import { totpResetNotice } from './totp-reset-notice';

/** The signed-in user, their roles with readable unit paths, and the permissions they hold. */
export async function presentMe(db: Db, actor: Actor, csrfToken = actor.csrfToken): Promise<Me> {
  const ids = [...new Set(actor.assignments.flatMap((a) => pathIds(a.orgPath)))];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    for (const row of await db.select({ id: org.id, name: org.name }).from(org).where(inArray(org.id, ids))) {
      names.set(row.id, row.name);
    }
  }
  const permissions = new Set<Permission>();
  for (const a of actor.assignments) for (const p of rolePermissions[a.role]) permissions.add(p);
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      language: actor.language,
      mustChangePassword: actor.mustChangePassword,
      totpEnabled: !!actor.totpEnabled,
      totpEnrollmentRequired: !!actor.totpEnrollmentRequired,
      totpReset: await totpResetNotice(db, actor),
    },
    roles: actor.assignments.map((a) => ({
      id: a.id,
      role: a.role,
      orgId: a.orgId,
      orgName: a.orgName,
      orgKind: a.orgKind,
      orgPath: pathIds(a.orgPath).map((id) => names.get(id) ?? ''),
    })),
    permissions: [...permissions],
    csrfToken,
  };
}
