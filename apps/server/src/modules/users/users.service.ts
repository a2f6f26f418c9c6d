import { type AuditEvent, errorMessage, type Role } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { generateOneTimePassword, hashPassword } from '../auth/password';
import { deleteUserSessions } from '../auth/session.repository';
import { canReadOrg } from '../orgs/orgs.policy';
import { findOrg, type OrgRow } from '../orgs/orgs.repository';
import { canAssignRole, canManageUser, canReadUser, roleFitsOrg, userReadScope } from './users.policy';
import { presentUser, userSnapshot } from './users.presenter';
import type { AssignmentRow, UserRow } from './users.repository';
import * as repo from './users.repository';

/** A user with their live role assignments: what every policy decision about them needs. */
export interface LoadedUser {
  user: UserRow;
  held: AssignmentRow[];
}

/** The org an audit row about this user belongs to: their highest unit, else their county. */
export function auditOrgOf({ user, held }: LoadedUser) {
  const home = held[0];
  if (home) return { id: home.orgId, path: home.orgPath, countyId: home.countyId };
  return user.countyId ? { id: user.countyId, path: `${user.countyId}/`, countyId: user.countyId } : null;
}

export async function loadUser(db: Db, id: string): Promise<LoadedUser | undefined> {
  const user = await repo.findUser(db, id);
  if (!user) return undefined;
  return { user, held: await repo.listAssignments(db, [id]) };
}

/** Loads a user the actor may see, or answers not found (never "forbidden": that would leak them). */
export async function requireReadableUser(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const loaded = await loadUser(db, id);
  if (!loaded || !canReadUser(actor, loaded.user, loaded.held)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'user', targetId: id });
    throw new AppError('NOT_FOUND');
  }
  return loaded;
}

/** Out of read scope is 404; visible but holding a role the actor could not assign is 403. */
export async function requireManageableUser(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const loaded = await requireReadableUser(db, ctx, actor, id);
  if (!canManageUser(actor, loaded.user, loaded.held)) {
    await recordAudit(db, ctx, {
      event: 'access.denied',
      targetType: 'user',
      targetId: id,
      org: auditOrgOf(loaded),
    });
    throw new AppError('FORBIDDEN');
  }
  return loaded;
}

/**
 * The unit a role is to be held at, checked in the order a form would show the problems:
 * unknown or invisible unit (404), role the actor may not hand out there (403), role that does
 * not belong at this kind of unit (422), deactivated unit (422). `field` names the input.
 */
export async function requireAssignableOrg(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  role: Role,
  orgId: string,
  field: string,
): Promise<OrgRow> {
  const fail = (code: 'NOT_FOUND' | 'FORBIDDEN' | 'ROLE_ORG_MISMATCH' | 'ORG_INACTIVE') =>
    new AppError(code, { details: [{ field, message: errorMessage(code, ctx.language) }] });
  const row = await findOrg(db, orgId);
  if (!row || !canReadOrg(actor, row)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: orgId });
    throw fail('NOT_FOUND');
  }
  if (!canAssignRole(actor, role, row)) {
    await recordAudit(db, ctx, {
      event: 'access.denied',
      targetType: 'org',
      targetId: orgId,
      org: { id: row.id, path: row.path, countyId: row.countyId },
      diff: { role },
    });
    throw fail('FORBIDDEN');
  }
  if (!roleFitsOrg(role, row.kind)) throw fail('ROLE_ORG_MISMATCH');
  if (!row.active) throw fail('ORG_INACTIVE');
  return row;
}

export interface UserListInput {
  page: number;
  pageSize: number;
  q?: string;
  orgId?: string;
  role?: Role;
  status?: 'active' | 'disabled';
}

export async function listVisibleUsers(db: Db, actor: Actor, input: UserListInput) {
  const { page, pageSize, orgId, ...filters } = input;
  let orgPath: string | undefined;
  if (orgId) {
    const unit = await findOrg(db, orgId);
    if (!unit) return { items: [] as LoadedUser[], total: 0 };
    orgPath = unit.path;
  }
  const { rows, total } = await repo.listUsers(db, userReadScope(actor), { ...filters, orgPath }, { page, pageSize });
  const held = await repo.listAssignments(
    db,
    rows.map((r) => r.id),
  );
  const items = rows.map((user) => ({ user, held: held.filter((a) => a.userId === user.id) }));
  return { items, total };
}

async function conflict(db: Db, actor: Actor, id: string): Promise<never> {
  const current = await loadUser(db, id);
  if (!current || !canReadUser(actor, current.user, current.held)) throw new AppError('NOT_FOUND');
  throw new AppError('VERSION_CONFLICT', { current: presentUser(actor, current.user, current.held) });
}

/**
 * The one recipe for versioned writes to a user: authorize, update at the expected version
 * (or answer 409 with the current record), run `alsoInTx`, audit the before/after diff.
 */
export async function writeUser(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  event: AuditEvent,
  changes: Partial<UserRow>,
  options: {
    check?: (loaded: LoadedUser) => void;
    /** Changes that are costly to compute (a password hash): made only once the write is allowed. */
    prepare?: () => Promise<Partial<UserRow>>;
    alsoInTx?: (tx: Db) => Promise<void>;
  } = {},
): Promise<LoadedUser> {
  const loaded = await requireManageableUser(db, ctx, actor, id);
  options.check?.(loaded);
  const allChanges = { ...changes, ...(await options.prepare?.()) };
  return db.transaction(async (tx) => {
    const before = await repo.findUser(tx, id);
    const row = before && before.version === version ? await repo.updateUser(tx, id, version, allChanges) : undefined;
    if (!before || !row) return conflict(tx, actor, id);
    await options.alsoInTx?.(tx);
    const after = { user: row, held: loaded.held };
    await recordAudit(tx, ctx, {
      event,
      targetType: 'user',
      targetId: id,
      org: auditOrgOf(after),
      before: userSnapshot(before),
      after: userSnapshot(row),
    });
    return after;
  });
}

export function updateUserProfile(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  changes: { displayName?: string; phone?: string | null; language?: 'zh-CN' | 'en' },
) {
  return writeUser(db, ctx, actor, id, version, 'user.updated', changes);
}

/** Disabling ends every session of the user at once; an actor cannot disable themselves. */
export function setUserStatus(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  status: 'active' | 'disabled',
) {
  const disabling = status === 'disabled';
  return writeUser(
    db,
    ctx,
    actor,
    id,
    version,
    disabling ? 'user.disabled' : 'user.enabled',
    { status },
    {
      check: () => {
        if (disabling && id === actor.userId) throw new AppError('CANNOT_DISABLE_SELF');
      },
      alsoInTx: disabling ? (tx) => deleteUserSessions(tx, id) : undefined,
    },
  );
}

/**
 * Replaces the password with a one-time one the user must change at next sign-in, ends their
 * sessions and lifts a lock (an administrator has just vouched for them).
 */
export async function resetUserPassword(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  const oneTimePassword = generateOneTimePassword();
  const loaded = await writeUser(
    db,
    ctx,
    actor,
    id,
    version,
    'user.password_reset',
    { mustChangePassword: true, failedLogins: 0, lockedUntil: null },
    {
      check: () => {
        if (id === actor.userId) throw new AppError('CANNOT_RESET_OWN_PASSWORD');
      },
      prepare: async () => ({ passwordHash: await hashPassword(oneTimePassword) }),
      alsoInTx: (tx) => deleteUserSessions(tx, id),
    },
  );
  return { ...loaded, oneTimePassword };
}

export function unlockUser(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  return writeUser(db, ctx, actor, id, version, 'user.unlocked', { failedLogins: 0, lockedUntil: null });
}
