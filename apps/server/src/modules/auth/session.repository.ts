import { createHash, randomBytes } from 'node:crypto';
import { and, eq, getTableColumns, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import { org } from '../orgs/orgs.table';
import { appUser, roleAssignment, session } from '../users/users.table';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: string, absoluteMs: number) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  await db.insert(session).values({
    id: hashToken(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + absoluteMs),
  });
  return { token, csrfToken };
}

/** The session behind a cookie token, with its user's county (for the audit of its end). */
export async function findSession(db: Db, token: string) {
  const [row] = await db
    .select({ ...getTableColumns(session), userCountyId: appUser.countyId })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .where(eq(session.id, hashToken(token)))
    .limit(1);
  return row;
}

export async function touchSession(db: Db, id: string, at: Date) {
  await db.update(session).set({ lastSeenAt: at }).where(eq(session.id, id));
}

/** Returns whether this call removed it (two requests may race to end the same session). */
export async function deleteSession(db: Db, id: string): Promise<boolean> {
  const removed = await db.delete(session).where(eq(session.id, id)).returning({ id: session.id });
  return removed.length > 0;
}

export async function deleteUserSessions(db: Db, userId: string, exceptId?: string) {
  await db
    .delete(session)
    .where(exceptId ? and(eq(session.userId, userId), ne(session.id, exceptId)) : eq(session.userId, userId));
}

/** Roles that must sign in with TOTP when REQUIRE_TOTP_FOR_ADMINS is on (issue 9). */
export const totpRequiredRoles: ReadonlySet<string> = new Set(['county_admin', 'school_admin']);

/** The user and their live role assignments, as one round trip each. */
export async function loadActor(
  db: Db,
  userId: string,
  sessionRow: { id: string; csrfToken: string },
  options: { requireTotpForAdmins?: boolean } = {},
): Promise<Actor | null> {
  const [user] = await db
    .select()
    .from(appUser)
    .where(and(eq(appUser.id, userId), isNull(appUser.deletedAt)))
    .limit(1);
  if (user?.status !== 'active') return null;
  const assignments = await db
    .select({
      id: roleAssignment.id,
      role: roleAssignment.role,
      orgId: org.id,
      orgKind: org.kind,
      orgName: org.name,
      orgPath: org.path,
      countyId: org.countyId,
    })
    .from(roleAssignment)
    .innerJoin(org, eq(org.id, roleAssignment.orgId))
    .where(
      and(
        eq(roleAssignment.userId, userId),
        isNull(roleAssignment.deletedAt),
        isNull(org.deletedAt),
        eq(org.active, true),
      ),
    )
    .orderBy(sql`length(${org.path})`, roleAssignment.role);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    language: user.language,
    mustChangePassword: user.mustChangePassword,
    totpEnabled: !!user.totpEnabledAt,
    totpEnrollmentRequired:
      !!options.requireTotpForAdmins && !user.totpEnabledAt && assignments.some((a) => totpRequiredRoles.has(a.role)),
    countyId: user.countyId,
    sessionId: sessionRow.id,
    csrfToken: sessionRow.csrfToken,
    assignments,
  };
}
