import { timingSafeEqual } from 'node:crypto';
import type { Language } from '@shouwang/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../db/client';
import type { AppConfig } from '../env';
import { recordAudit } from '../lib/audit/record-audit';
import { ActorCache } from '../lib/authz/actor-cache';
import { hasPermission } from '../lib/authz/scope';
import { AppError } from '../lib/errors';
import { deleteSession, hashToken, loadSessionActor, touchSession } from '../modules/auth/session.repository';
import './types';

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const SESSION_COOKIE = 'sw_session';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const authChangingPrefixes = ['/api/auth/', '/api/me', '/api/users', '/api/orgs'];

type AuthWriteScope = { kind: 'session'; sessionId: string } | { kind: 'user'; userId: string } | { kind: 'all' };

/**
 * Which cached actors a write may have changed. Accounts, roles, units and sessions are written
 * only under these routes; a refused write (4xx) changed nothing (one transaction per use case).
 * Sign-in ends the session the browser still had; logout ends the caller's; the caller's own
 * account (/api/me…, password change) and one account (/api/users/:id…) change only their sessions;
 * anything else there (units renamed, moved or deactivated, new accounts) drops every cached actor.
 */
export function authWriteScope(request: FastifyRequest, status: number): AuthWriteScope | null {
  if (!unsafeMethods.has(request.method) || (status >= 400 && status < 500)) return null;
  const url = request.routeOptions.url ?? request.url;
  if (!authChangingPrefixes.some((p) => url.startsWith(p))) return null;
  const token = request.cookies[SESSION_COOKIE];
  if (url === '/api/auth/login') return token ? { kind: 'session', sessionId: hashToken(token) } : null;
  const actor = request.actor;
  if (url === '/api/auth/logout' && actor) return { kind: 'session', sessionId: actor.sessionId };
  if ((url === '/api/me' || url.startsWith('/api/me/') || url === '/api/auth/change-password') && actor)
    return { kind: 'user', userId: actor.userId };
  const userId = (request.params as { id?: unknown } | undefined)?.id;
  if (url.startsWith('/api/users/:id') && typeof userId === 'string') return { kind: 'user', userId };
  return { kind: 'all' };
}

function languageFromHeader(header: string | undefined): Language {
  if (!header) return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function setSessionCookie(reply: FastifyReply, config: AppConfig, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.session.secureCookie,
    maxAge: Math.floor(config.session.absoluteMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: AppConfig) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.session.secureCookie,
  });
}

/** Loads the session behind the cookie, then applies the route's access rule. */
export const sessionPlugin = fp<{ database: Database; config: AppConfig }>(async (app, { database, config }) => {
  // Writing last_seen_at on every request would cost a write per read; a coarse grain is enough.
  const touchEveryMs = Math.min(60_000, config.session.idleMs / 4);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionProblem', null);
  app.decorateRequest('language', 'zh-CN');
  app.decorateRequest('ctx', {
    getter(this: FastifyRequest) {
      return { actor: this.actor, ip: this.ip, requestId: String(this.id), language: this.language };
    },
  });

  const actorCache = new ActorCache(config.session.cacheMs);
  // This process's writes to accounts, roles, units or sessions take effect on the next request:
  // the cached actors they change are dropped before the response leaves (see authWriteScope).
  app.addHook('onSend', (request, reply, payload, done) => {
    const scope = authWriteScope(request, reply.statusCode);
    if (scope?.kind === 'session') actorCache.deleteSession(scope.sessionId);
    else if (scope?.kind === 'user') actorCache.invalidateUser(scope.userId);
    else if (scope?.kind === 'all') actorCache.invalidateAll();
    done(null, payload);
  });

  app.addHook('onRequest', async (request, reply) => {
    request.language = languageFromHeader(request.headers['accept-language']);
    const access = request.routeOptions.config?.access;
    if (!request.url.startsWith('/api/') || !access) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) await loadSession(request, reply, token);

    if (access.public) return;
    const actor = request.actor;
    if (!actor) throw new AppError(request.sessionProblem === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (unsafeMethods.has(request.method) && !sameToken(request.headers['x-csrf-token'], actor.csrfToken)) {
      throw new AppError('CSRF_REJECTED');
    }
    if (actor.mustChangePassword && !access.allowDuringPasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (actor.totpEnrollmentRequired && !access.allowDuringTotpEnrollment)
      throw new AppError('TOTP_ENROLLMENT_REQUIRED');
    if (access.permission !== 'authenticated' && !hasPermission(actor, access.permission)) {
      await recordAudit(database.db, request.ctx, {
        event: 'access.denied',
        targetType: 'route',
        targetId: `${request.method} ${request.routeOptions.url}`,
      });
      throw new AppError('FORBIDDEN');
    }
  });

  async function loadSession(request: FastifyRequest, reply: FastifyReply, token: string) {
    const sessionId = hashToken(token);
    const now = new Date();
    let entry = actorCache.get(sessionId, now.getTime());
    if (!entry) {
      const stamp = actorCache.stamp;
      const row = await loadSessionActor(database.db, sessionId, {
        requireTotpForAdmins: config.totp.requiredForAdmins,
      });
      if (!row) {
        request.sessionProblem = 'expired';
        clearSessionCookie(reply, config);
        return;
      }
      if (!row.actor) return endSession(request, reply, row, 'account_disabled');
      entry = {
        actor: row.actor,
        userId: row.userId,
        userCountyId: row.userCountyId,
        lastSeenAt: row.lastSeenAt,
        expiresAt: row.expiresAt,
        loadedAt: now.getTime(),
      };
      actorCache.set(sessionId, entry, stamp);
    }
    const over = now.getTime() > entry.expiresAt.getTime();
    const idle = now.getTime() - entry.lastSeenAt.getTime() > config.session.idleMs;
    if (idle || over) {
      actorCache.deleteSession(sessionId);
      return endSession(
        request,
        reply,
        { id: sessionId, userId: entry.userId, userCountyId: entry.userCountyId },
        over ? 'absolute_timeout' : 'idle_timeout',
      );
    }
    request.actor = entry.actor;
    request.language = entry.actor.language;
    if (now.getTime() - entry.lastSeenAt.getTime() > touchEveryMs) {
      entry.lastSeenAt = now;
      await touchSession(database.db, sessionId, now);
    }
  }

  /** Removes a session that may no longer be used, audits why, and tells the browser to drop it. */
  async function endSession(
    request: FastifyRequest,
    reply: FastifyReply,
    row: { id: string; userId: string; userCountyId: string | null },
    reason: 'idle_timeout' | 'absolute_timeout' | 'account_disabled',
  ) {
    await database.db.transaction(async (tx) => {
      if (!(await deleteSession(tx, row.id))) return;
      await recordAudit(tx, request.ctx, {
        event: 'auth.session_expired',
        targetType: 'user',
        targetId: row.userId,
        actorId: row.userId,
        countyId: row.userCountyId,
        role: null,
        diff: { reason },
      });
    });
    request.sessionProblem = 'expired';
    clearSessionCookie(reply, config);
  }
});
