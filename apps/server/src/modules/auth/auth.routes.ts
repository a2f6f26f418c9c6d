import { changePasswordBody, loginBody, meResponse, okResponse, setLanguageBody } from '@shouwang/shared';
import { eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { AppError } from '../../lib/errors';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../plugins/session';
import { appUser } from '../users/users.table';
import { changePassword, login, logout } from './auth.service';
import { presentMe } from './me.presenter';
import { hashToken, loadSessionActor } from './session.repository';
import { totpRoutes } from './totp.routes';
import { TotpReplayGuard } from './totp-replay';

export const authRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { database, config } = deps;
  const db = database.db;
  // Last TOTP step per user, shared by sign-in, enrolment and disabling (replay protection).
  const totpDeps = { ...deps, totpReplay: new TotpReplayGuard() };
  await app.register(totpRoutes, totpDeps);

  async function meFor(token: string) {
    const row = await loadSessionActor(db, hashToken(token), { requireTotpForAdmins: config.totp.requiredForAdmins });
    const actor = row?.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    return presentMe(db, actor);
  }

  app.post(
    '/auth/login',
    {
      config: { access: { public: true } },
      schema: { tags: ['auth'], summary: 'Sign in', body: loginBody, response: { 200: meResponse } },
    },
    async (request, reply) => {
      const result = await login(totpDeps, request.ctx, request.body, request.cookies[SESSION_COOKIE]);
      setSessionCookie(reply, config, result.token);
      return meFor(result.token);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: {
        access: { permission: 'authenticated', allowDuringPasswordChange: true, allowDuringTotpEnrollment: true },
      },
      schema: { tags: ['auth'], summary: 'Sign out', response: { 200: okResponse } },
    },
    async (request, reply) => {
      await logout(db, request.ctx, request.actor!);
      clearSessionCookie(reply, config);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/change-password',
    {
      config: {
        access: { permission: 'authenticated', allowDuringPasswordChange: true, allowDuringTotpEnrollment: true },
      },
      schema: {
        tags: ['auth'],
        summary: 'Change own password',
        body: changePasswordBody,
        response: { 200: meResponse },
      },
    },
    async (request, reply) => {
      const result = await changePassword(deps, request.ctx, request.actor!, request.body);
      setSessionCookie(reply, config, result.token);
      return meFor(result.token);
    },
  );

  app.get(
    '/me',
    {
      config: {
        access: { permission: 'authenticated', allowDuringPasswordChange: true, allowDuringTotpEnrollment: true },
      },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, roles, permissions and CSRF token',
        response: { 200: meResponse },
      },
    },
    async (request) => presentMe(db, request.actor!),
  );

  app.put(
    '/me/language',
    {
      config: {
        access: { permission: 'authenticated', allowDuringPasswordChange: true, allowDuringTotpEnrollment: true },
      },
      schema: {
        tags: ['auth'],
        summary: 'Choose the interface language',
        body: setLanguageBody,
        response: { 200: meResponse },
      },
    },
    async (request) => {
      await db
        .update(appUser)
        .set({ language: request.body.language, version: sql`${appUser.version} + 1`, updatedAt: new Date() })
        .where(eq(appUser.id, request.actor!.userId));
      return presentMe(db, { ...request.actor!, language: request.body.language });
    },
  );
};
