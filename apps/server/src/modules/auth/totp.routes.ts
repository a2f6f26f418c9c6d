import {
  okResponse,
  totpConfirmBody,
  totpConfirmResponse,
  totpDisableBody,
  totpSetupResponse,
  totpStatusResponse,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { confirmTotp, disableTotp, startTotpSetup, type TotpDeps, totpStatus } from './totp.service';

/**
 * Two-step sign-in (TOTP) for the signed-in user. Open to administrators who must still enrol
 * (`allowDuringTotpEnrollment`), closed while the initial password is unchanged.
 */
export const totpRoutes: FastifyPluginAsyncZod<TotpDeps> = async (app, deps) => {
  const tags = ['auth'];
  const access = { permission: 'authenticated', allowDuringTotpEnrollment: true } as const;

  app.get(
    '/me/totp',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Whether two-step sign-in is on, pending or required',
        response: { 200: totpStatusResponse },
      },
    },
    async (request) => totpStatus(deps, request.actor!),
  );

  app.post(
    '/me/totp/setup',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Start enrolment: a new secret as an otpauth URI and QR code (pending until confirmed)',
        response: { 200: totpSetupResponse },
      },
    },
    async (request) => startTotpSetup(deps, request.actor!),
  );

  app.post(
    '/me/totp/confirm',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Confirm with a code from the app; answers 10 recovery codes, shown only this once',
        body: totpConfirmBody,
        response: { 200: totpConfirmResponse },
      },
    },
    async (request) => confirmTotp(deps, request.ctx, request.actor!, request.body.code),
  );

  app.post(
    '/me/totp/disable',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Turn two-step sign-in off with the password and a code or recovery code',
        body: totpDisableBody,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await disableTotp(deps, request.ctx, request.actor!, request.body);
      return { ok: true as const };
    },
  );
};
