import {
  idParams,
  oneTimePasswordResponse,
  userCreateBody,
  userListQuery,
  userListResponse,
  userRoleAssignBody,
  userRoleParams,
  userTotpResetBody,
  userUpdateBody,
  userVersionBody,
  userView,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { requireVersion } from '../../lib/versioning';
import { assignRole } from './use-cases/assign-role';
import { createUser } from './use-cases/create-user';
import { resetUserTotp } from './use-cases/reset-totp';
import { revokeRole } from './use-cases/revoke-role';
import { presentUser } from './users.presenter';
import * as service from './users.service';

const tags = ['users'];
const present = (actor: Actor, { user, held }: service.LoadedUser) => presentUser(actor, user, held);

export const userRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database, config, loginThrottle }) => {
  const db = database.db;

  app.get(
    '/users',
    {
      config: { access: { permission: 'user.read' } },
      schema: {
        tags,
        summary: 'Users holding a role in the caller’s units (paged, filterable)',
        querystring: userListQuery,
        response: { 200: userListResponse },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const { items, total } = await service.listVisibleUsers(db, actor, request.query);
      const { page, pageSize } = request.query;
      return { items: items.map((u) => present(actor, u)), total, page, pageSize };
    },
  );

  app.get(
    '/users/:id',
    {
      config: { access: { permission: 'user.read' } },
      schema: { tags, summary: 'One user', params: idParams, response: { 200: userView } },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const loaded = await service.requireReadableUser(db, request.ctx, actor, request.params.id);
      reply.header('etag', `"${loaded.user.version}"`);
      return present(actor, loaded);
    },
  );

  app.post(
    '/users',
    {
      config: { access: { permission: 'user.manage' } },
      schema: {
        tags,
        summary: 'Create a user with roles; answers a one-time password, shown only this once',
        body: userCreateBody,
        response: { 201: oneTimePasswordResponse },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const { oneTimePassword, ...created } = await createUser(db, request.ctx, actor, request.body);
      return reply.status(201).send({ user: present(actor, created), oneTimePassword });
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { access: { permission: 'user.manage' } },
      schema: {
        tags,
        summary: 'Edit name, phone or language',
        params: idParams,
        body: userUpdateBody,
        response: { 200: userView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const { version, ...changes } = request.body;
      const loaded = await service.updateUserProfile(
        db,
        request.ctx,
        actor,
        request.params.id,
        requireVersion(request, version),
        changes,
      );
      return present(actor, loaded);
    },
  );

  type Action = (ctx: RequestContext, actor: Actor, id: string, version: number) => Promise<service.LoadedUser>;
  const actions: Record<string, { summary: string; run: Action }> = {
    disable: {
      summary: 'Disable an account and end its sessions',
      run: (ctx, actor, id, version) => service.setUserStatus(db, ctx, actor, id, version, 'disabled'),
    },
    enable: {
      summary: 'Enable a disabled account',
      run: (ctx, actor, id, version) => service.setUserStatus(db, ctx, actor, id, version, 'active'),
    },
    unlock: {
      summary: 'Lift a sign-in lock',
      run: (ctx, actor, id, version) => service.unlockUser(db, ctx, actor, id, version),
    },
  };
  for (const [action, { summary, run }] of Object.entries(actions)) {
    app.post(
      `/users/:id/${action}`,
      {
        config: { access: { permission: 'user.manage' } },
        schema: { tags, summary, params: idParams, body: userVersionBody.optional(), response: { 200: userView } },
      },
      async (request) => {
        const actor = request.actor!;
        const version = requireVersion(request, request.body?.version);
        return present(actor, await run(request.ctx, actor, request.params.id, version));
      },
    );
  }

  app.post(
    '/users/:id/reset-password',
    {
      config: { access: { permission: 'user.manage' } },
      schema: {
        tags,
        summary: 'Replace the password with a one-time one and end the user’s sessions',
        params: idParams,
        body: userVersionBody.optional(),
        response: { 200: oneTimePasswordResponse },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const version = requireVersion(request, request.body?.version);
      const { oneTimePassword, ...loaded } = await service.resetUserPassword(
        db,
        request.ctx,
        actor,
        request.params.id,
        version,
      );
      return { user: present(actor, loaded), oneTimePassword };
    },
  );

  app.post(
    '/users/:id/reset-totp',
    {
      config: { access: { permission: 'user.manage' } },
      schema: {
        tags,
        summary:
          'Reset two-step sign-in of a user who lost phone and recovery codes (own password required); ends their sessions',
        params: idParams,
        body: userTotpResetBody,
        response: { 200: userView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const version = requireVersion(request, request.body.version);
      const throttle = { attempts: loginThrottle, limit: config.login.throttlePerUsername };
      const { password } = request.body;
      const loaded = await resetUserTotp(db, request.ctx, actor, request.params.id, version, password, throttle);
      return present(actor, loaded);
    },
  );

  app.post(
    '/users/:id/roles',
    {
      config: { access: { permission: 'user.manage' } },
      schema: {
        tags,
        summary: 'Give the user a role at a unit',
        params: idParams,
        body: userRoleAssignBody,
        response: { 201: userView },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const loaded = await assignRole(db, request.ctx, actor, request.params.id, request.body);
      return reply.status(201).send(present(actor, loaded));
    },
  );

  app.delete(
    '/users/:id/roles/:assignmentId',
    {
      config: { access: { permission: 'user.manage' } },
      schema: { tags, summary: 'Revoke one role of the user', params: userRoleParams, response: { 200: userView } },
    },
    async (request) => {
      const actor = request.actor!;
      const loaded = await revokeRole(db, request.ctx, actor, request.params.id, request.params.assignmentId);
      return present(actor, loaded);
    },
  );
};
