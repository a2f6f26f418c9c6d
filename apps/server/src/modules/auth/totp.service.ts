import { eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../../app';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { appUser } from '../users/users.table';
import { verifyPassword } from './password';
import { deleteUserSessions, totpRequiredRoles } from './session.repository';
import {
  decryptTotpSecret,
  encryptTotpSecret,
  enrolmentOf,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
} from './totp';
import type { TotpReplayGuard } from './totp-replay';

export type TotpDeps = AppDeps & { totpReplay: TotpReplayGuard };
type UserRow = typeof appUser.$inferSelect;

async function userOf(db: Db, actor: Actor): Promise<UserRow> {
  const [user] = await db.select().from(appUser).where(eq(appUser.id, actor.userId)).limit(1);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return user;
}

export async function totpStatus(deps: TotpDeps, actor: Actor) {
  const user = await userOf(deps.database.db, actor);
  return {
    enabled: !!user.totpEnabledAt,
    pending: !user.totpEnabledAt && !!user.totpSecret,
    required: deps.config.totp.requiredForAdmins && actor.assignments.some((a) => totpRequiredRoles.has(a.role)),
    recoveryCodesLeft: user.totpEnabledAt ? (user.recoveryCodeHashes?.length ?? 0) : 0,
  };
}

/** A new secret, held encrypted and unused until a code confirms it; a second call replaces it. */
export async function startTotpSetup(deps: TotpDeps, actor: Actor) {
  const db = deps.database.db;
  const user = await userOf(db, actor);
  if (user.totpEnabledAt) throw new AppError('TOTP_ALREADY_ENABLED');
  const secret = newTotpSecret();
  await db
    .update(appUser)
    .set({ totpSecret: encryptTotpSecret(secret) })
    .where(eq(appUser.id, user.id));
  return enrolmentOf(secret, user.username, deps.config.totp.issuer);
}

/**
 * Turns TOTP on with a code from the app, and answers 10 recovery codes, shown this once. Other
 * sessions of the user end: whoever else was signed in must now pass the second factor.
 */
export async function confirmTotp(deps: TotpDeps, ctx: RequestContext, actor: Actor, code: string) {
  const db = deps.database.db;
  const user = await userOf(db, actor);
  if (user.totpEnabledAt) throw new AppError('TOTP_ALREADY_ENABLED');
  if (!user.totpSecret) throw new AppError('TOTP_NOT_PENDING');
  const step = matchingStep(decryptTotpSecret(user.totpSecret), code);
  if (step === null || !deps.totpReplay.accept(user.id, step)) throw new AppError('TOTP_CODE_WRONG');
  const recoveryCodes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await tx
      .update(appUser)
      .set({ totpEnabledAt: new Date(), recoveryCodeHashes: recoveryCodes.map((c) => hashRecoveryCode(user.id, c)) })
      .where(eq(appUser.id, user.id));
    await deleteUserSessions(tx, user.id, actor.sessionId);
    await recordAudit(tx, ctx, { event: 'auth.totp_enabled', targetType: 'user', targetId: user.id });
  });
  return { recoveryCodes };
}

/** Turns TOTP off (or drops a pending set-up) with the password and a code or recovery code. */
export async function disableTotp(
  deps: TotpDeps,
  ctx: RequestContext,
  actor: Actor,
  input: { password: string; code: string },
) {
  const db = deps.database.db;
  const user = await userOf(db, actor);
  if (!(await verifyPassword(user.passwordHash, input.password))) throw new AppError('PASSWORD_WRONG');
  if (!user.totpEnabledAt) {
    await db.update(appUser).set({ totpSecret: null }).where(eq(appUser.id, user.id));
    return;
  }
  const factor = checkSecondFactor(deps, user, input.code);
  if (!factor) throw new AppError('TOTP_CODE_WRONG');
  await db.transaction(async (tx) => {
    if (factor.kind === 'recovery_code' && (await useRecoveryCode(tx, user.id, factor.hash)) === null)
      throw new AppError('TOTP_CODE_WRONG');
    await tx
      .update(appUser)
      .set({ totpSecret: null, totpEnabledAt: null, recoveryCodeHashes: null })
      .where(eq(appUser.id, user.id));
    await deleteUserSessions(tx, user.id, actor.sessionId);
    await recordAudit(tx, ctx, {
      event: 'auth.totp_disabled',
      targetType: 'user',
      targetId: user.id,
      diff: { with: factor.kind },
    });
  });
}

export type SecondFactor = { kind: 'totp' } | { kind: 'recovery_code'; hash: string };

/**
 * A 6-digit code valid now and newer than the last one used, or one of the unused recovery codes.
 * A recovery code is only matched here; `useRecoveryCode` consumes it in the transaction that uses it.
 */
export function checkSecondFactor(deps: TotpDeps, user: UserRow, code: string): SecondFactor | null {
  if (!user.totpSecret) return null;
  if (/^\d{6}$/.test(code.trim())) {
    const step = matchingStep(decryptTotpSecret(user.totpSecret), code.trim());
    return step !== null && deps.totpReplay.accept(user.id, step) ? { kind: 'totp' } : null;
  }
  if (!looksLikeRecoveryCode(code)) return null;
  const hash = hashRecoveryCode(user.id, code);
  return user.recoveryCodeHashes?.includes(hash) ? { kind: 'recovery_code', hash } : null;
}

/**
 * Removes the code's hash if it is still there: one statement, so two sign-ins racing with the same
 * code cannot both succeed. Answers how many codes are left, or null if it was already used.
 */
export async function useRecoveryCode(db: Db, userId: string, hash: string): Promise<number | null> {
  const [row] = await db
    .update(appUser)
    .set({ recoveryCodeHashes: sql`array_remove(${appUser.recoveryCodeHashes}, ${hash})` })
    .where(sql`${appUser.id} = ${userId} and ${hash} = any(${appUser.recoveryCodeHashes})`)
    .returning({ left: sql<number>`coalesce(cardinality(${appUser.recoveryCodeHashes}), 0)` });
  return row ? row.left : null;
}
