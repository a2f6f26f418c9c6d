import { checkPasswordPolicy, errorMessage } from '@shouwang/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppDeps } from '../../app';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { appUser } from '../users/users.table';
import { hashPassword, verifyPassword } from './password';
import { createSession, deleteSession, deleteUserSessions, findSession } from './session.repository';
import { checkSecondFactor, type SecondFactor, type TotpDeps, useRecoveryCode } from './totp.service';

export interface LoginInput {
  username: string;
  password: string;
  /** A 6-digit TOTP code or a recovery code, for accounts with two-step sign-in. */
  totp?: string;
}

/**
 * Checks throttles, the lock and the password; on success opens a new session (rotating any
 * session the browser still had). Every outcome is audited.
 */
export async function login(deps: TotpDeps, ctx: RequestContext, input: LoginInput, previousToken?: string) {
  const { database, config, loginThrottle } = deps;
  const db = database.db;
  const username = input.username.trim().toLowerCase();
  const byUser = loginThrottle.hit(`u:${username}`);
  const byIp = loginThrottle.hit(`ip:${ctx.ip}`);
  if (byUser > config.login.throttlePerUsername || byIp > config.login.throttlePerIp) {
    await recordAudit(db, ctx, { event: 'auth.throttled', targetType: 'user', diff: { username, ip: ctx.ip } });
    throw new AppError('TOO_MANY_ATTEMPTS');
  }

  const [user] = await db
    .select()
    .from(appUser)
    .where(and(sql`lower(${appUser.username}) = ${username}`, isNull(appUser.deletedAt)))
    .limit(1);
  const now = new Date();
  if (user?.lockedUntil && user.lockedUntil > now) {
    await verifyPassword(null, input.password);
    await recordAudit(db, ctx, {
      event: 'auth.login_failed',
      targetType: 'user',
      targetId: user.id,
      countyId: user.countyId,
      diff: { reason: 'locked' },
    });
    throw new AppError('ACCOUNT_LOCKED');
  }
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok) {
    if (!user) {
      await recordAudit(db, ctx, {
        event: 'auth.login_failed',
        targetType: 'user',
        diff: { username, reason: 'unknown_user' },
      });
      throw new AppError('BAD_CREDENTIALS');
    }
    throw await countFailure(user, 'bad_password', 'BAD_CREDENTIALS');
  }

  /** A failed attempt toward the lock; answers the error to throw. */
  async function countFailure(
    user: typeof appUser.$inferSelect,
    reason: 'bad_password' | 'bad_totp',
    code: 'BAD_CREDENTIALS' | 'TOTP_INVALID',
  ) {
    const failures = user.failedLogins + 1;
    const lock = failures >= config.login.maxFailures;
    await db.transaction(async (tx) => {
      await tx
        .update(appUser)
        .set({
          failedLogins: lock ? 0 : failures,
          lockedUntil: lock ? new Date(now.getTime() + config.login.lockMs) : null,
        })
        .where(eq(appUser.id, user.id));
      await recordAudit(tx, ctx, {
        event: 'auth.login_failed',
        targetType: 'user',
        targetId: user.id,
        countyId: user.countyId,
        diff: { reason, failures },
      });
      if (lock)
        await recordAudit(tx, ctx, {
          event: 'auth.locked',
          targetType: 'user',
          targetId: user.id,
          countyId: user.countyId,
          diff: { until: new Date(now.getTime() + config.login.lockMs).toISOString() },
        });
    });
    return new AppError(lock ? 'ACCOUNT_LOCKED' : code);
  }
  if (user.status !== 'active') {
    await recordAudit(db, ctx, {
      event: 'auth.login_failed',
      targetType: 'user',
      targetId: user.id,
      countyId: user.countyId,
      diff: { reason: 'disabled' },
    });
    throw new AppError('ACCOUNT_DISABLED');
  }

  // Two-step sign-in: the password was right; without a code the client is asked for one (the
  // normal first step, so it neither counts toward the lock nor uses up the throttle); a wrong
  // or replayed code counts like a wrong password.
  let factor: SecondFactor | null = null;
  if (user.totpEnabledAt) {
    const code = input.totp?.trim();
    if (!code) {
      loginThrottle.release(`u:${username}`);
      loginThrottle.release(`ip:${ctx.ip}`);
      throw new AppError('TOTP_REQUIRED');
    }
    factor = checkSecondFactor(deps, user, code);
    if (!factor) throw await countFailure(user, 'bad_totp', 'TOTP_INVALID');
  }

  loginThrottle.reset(`u:${username}`);
  loginThrottle.release(`ip:${ctx.ip}`);
  const usedFactor = factor;
  const session = await db.transaction(async (tx) => {
    if (usedFactor?.kind === 'recovery_code') {
      const left = await useRecoveryCode(tx, user.id, usedFactor.hash);
      if (left === null) return null;
      await recordAudit(tx, ctx, {
        event: 'auth.recovery_code_used',
        targetType: 'user',
        targetId: user.id,
        actorId: user.id,
        countyId: user.countyId,
        role: null,
        diff: { left },
      });
    }
    if (previousToken) {
      const previous = await findSession(tx, previousToken);
      if (previous) await deleteSession(tx, previous.id);
    }
    await tx
      .update(appUser)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(appUser.id, user.id));
    const created = await createSession(tx, user.id, config.session.absoluteMs);
    await recordAudit(tx, ctx, {
      event: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      actorId: user.id,
      countyId: user.countyId,
      role: null,
      ...(usedFactor ? { diff: { secondFactor: usedFactor.kind } } : {}),
    });
    return { userId: user.id, ...created };
  });
  // A recovery code used by a parallel sign-in a moment ago.
  if (!session) throw await countFailure(user, 'bad_totp', 'TOTP_INVALID');
  return session;
}

export async function logout(db: Db, ctx: RequestContext, actor: Actor) {
  await db.transaction(async (tx) => {
    await deleteSession(tx, actor.sessionId);
    await recordAudit(tx, ctx, { event: 'auth.logout', targetType: 'user', targetId: actor.userId });
  });
}

/** Changes the password, ends every session of the user, and opens a fresh one for this browser. */
export async function changePassword(
  deps: AppDeps,
  ctx: RequestContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
) {
  const db = deps.database.db;
  const [user] = await db.select().from(appUser).where(eq(appUser.id, actor.userId)).limit(1);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError('PASSWORD_WRONG');
  const problem = checkPasswordPolicy(input.newPassword, user.username);
  if (problem)
    throw new AppError(problem, { details: [{ field: 'newPassword', message: errorMessage(problem, ctx.language) }] });
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_REUSED');
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await tx
      .update(appUser)
      .set({
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: new Date(),
        updatedAt: new Date(),
        version: sql`${appUser.version} + 1`,
      })
      .where(eq(appUser.id, user.id));
    await deleteUserSessions(tx, user.id);
    const created = await createSession(tx, user.id, deps.config.session.absoluteMs);
    await recordAudit(tx, ctx, { event: 'auth.password_changed', targetType: 'user', targetId: user.id });
    return created;
  });
}
