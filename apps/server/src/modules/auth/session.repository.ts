import { createHash, randomBytes } from 'node:crypto';
import { and, eq, getTableColumns, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedPerDb } from '../../db/prepared';
import type { Actor, ActorAssignment } from '../../lib/authz/actor';
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

/** The session row and, when its account may still be used, the actor behind it. */
export interface SessionActor {
  id: string;
  userId: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  /** The user's county, for the audit of the session's end. */
  userCountyId: string | null;
  /** Null when the account is disabled or deleted: the session must end. */
  actor: Actor | null;
}

/**
 * The live role assignments of the session's user as one JSON array, in the order policies and
 * /api/me expect (closest to the county first, then by role).
 */
const assignmentsJson = sql<ActorAssignment[]>`coalesce((
  select json_agg(json_build_object(
    'id', ${roleAssignment.id}, 'role', ${roleAssignment.role}, 'orgId', ${org.id}, 'orgKind', ${org.kind},
    'orgName', ${org.name}, 'orgPath', ${org.path}, 'countyId', ${org.countyId}
  ) order by length(${org.path}), ${roleAssignment.role})
  from ${roleAssignment} inner join ${org} on ${org.id} = ${roleAssignment.orgId}
  where ${roleAssignment.userId} = ${session.userId} and ${roleAssignment.deletedAt} is null
    and ${org.deletedAt} is null and ${org.active}
), '[]'::json)`;

function sessionActorQuery(db: Db) {
  return db
    .select({
      id: session.id,
      userId: session.userId,
      csrfToken: session.csrfToken,
      lastSeenAt: session.lastSeenAt,
      expiresAt: session.expiresAt,
      userCountyId: appUser.countyId,
      username: appUser.username,
      displayName: appUser.displayName,
      language: appUser.language,
      mustChangePassword: appUser.mustChangePassword,
      totpEnabledAt: appUser.totpEnabledAt,
      usable: sql<boolean>`(${appUser.status} = 'active' and ${appUser.deletedAt} is null)`,
      assignments: assignmentsJson,
    })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .where(eq(session.id, sql.placeholder('id')))
    .limit(1)
    .prepare('session_actor');
}

// Every signed-in request runs it: no SQL rebuilt per request.
const preparedSessionActor = preparedPerDb(sessionActorQuery);

/**
 * Session, user and live role assignments in one statement (bench findings 6: they were three).
 * Returns undefined when there is no such session.
 */
export async function loadSessionActor(
  db: Db,
  sessionId: string,
  options: { requireTotpForAdmins?: boolean } = {},
): Promise<SessionActor | undefined> {
  const [row] = await preparedSessionActor(db).execute({ id: sessionId });
  if (!row) return undefined;
  const { assignments, usable, totpEnabledAt, userCountyId, ...sessionRow } = row;
  const base = {
    id: sessionRow.id,
    userId: sessionRow.userId,
    csrfToken: sessionRow.csrfToken,
    lastSeenAt: sessionRow.lastSeenAt,
    expiresAt: sessionRow.expiresAt,
    userCountyId,
  };
  if (!usable) return { ...base, actor: null };
  return {
    ...base,
    actor: {
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      language: row.language,
      mustChangePassword: row.mustChangePassword,
      totpEnabled: !!totpEnabledAt,
      totpEnrollmentRequired:
        !!options.requireTotpForAdmins && !totpEnabledAt && assignments.some((a) => totpRequiredRoles.has(a.role)),
      countyId: userCountyId,
      sessionId: row.id,
      csrfToken: row.csrfToken,
      assignments,
    },
  };
}
