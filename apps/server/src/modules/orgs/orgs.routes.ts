import {
  idParams,
  okResponse,
  orgCreateBody,
  orgListQuery,
  orgMoveBody,
  orgUpdateBody,
  orgVersionBody,
  orgView,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import { presentOrg } from './orgs.presenter';
import * as service from './orgs.service';

const tags = ['orgs'];

export const orgRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/orgs',
    {
      config: { access: { permission: 'org.read' } },
      schema: {
        tags,
        summary: 'Units the user may see (flat; build the tree from parentId)',
        querystring: orgListQuery,
        response: { 200: z.object({ items: z.array(orgView) }) },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const rows = await service.listVisibleOrgs(db, actor, {
        includeInactive: request.query.includeInactive === 'true',
      });
      return { items: rows.map((r) => presentOrg(actor, r)) };
    },
  );

  app.get(
    '/orgs/:id',
    {
      config: { access: { permission: 'org.read' } },
      schema: { tags, summary: 'One unit', params: idParams, response: { 200: orgView } },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const row = await service.requireReadableOrg(db, request.ctx, actor, request.params.id);
      reply.header('etag', `"${row.version}"`);
      return presentOrg(actor, row);
    },
  );

  app.post(
    '/orgs',
    {
      config: { access: { permission: 'org.manage' } },
      schema: { tags, summary: 'Create a unit under a parent', body: orgCreateBody, response: { 201: orgView } },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const row = await service.createOrg(db, request.ctx, actor, request.body);
      return reply.status(201).send(presentOrg(actor, row));
    },
  );

  app.patch(
    '/orgs/:id',
    {
      config: { access: { permission: 'org.manage' } },
      schema: {
        tags,
        summary: 'Rename or edit a unit',
        params: idParams,
        body: orgUpdateBody,
        response: { 200: orgView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const { version, ...changes } = request.body;
      const row = await service.updateOrgDetails(
        db,
        request.ctx,
        actor,
        request.params.id,
        requireVersion(request, version),
        changes,
        (r) => presentOrg(actor, r),
      );
      return presentOrg(actor, row);
    },
  );

  app.post(
    '/orgs/:id/move',
    {
      config: { access: { permission: 'org.manage' } },
      schema: {
        tags,
        summary: 'Move a unit (and its subtree) under another parent',
        params: idParams,
        body: orgMoveBody,
        response: { 200: orgView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const row = await service.moveOrg(
        db,
        request.ctx,
        actor,
        request.params.id,
        requireVersion(request, request.body.version),
        request.body.parentId,
        (r) => presentOrg(actor, r),
      );
      return presentOrg(actor, row);
    },
  );

  for (const [action, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/orgs/:id/${action}`,
      {
        config: { access: { permission: 'org.manage' } },
        schema: {
          tags,
          summary: `${action === 'deactivate' ? 'Deactivate' : 'Reactivate'} a unit and its subtree`,
          params: idParams,
          body: orgVersionBody,
          response: { 200: orgView },
        },
      },
      async (request) => {
        const actor = request.actor!;
        const row = await service.setOrgActive(
          db,
          request.ctx,
          actor,
          request.params.id,
          requireVersion(request, request.body.version),
          active,
          (r) => presentOrg(actor, r),
        );
        return presentOrg(actor, row);
      },
    );
  }

  app.delete(
    '/orgs/:id',
    {
      config: { access: { permission: 'org.manage' } },
      schema: {
        tags,
        summary: 'Delete an empty unit (soft delete)',
        params: idParams,
        body: orgVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const actor = request.actor!;
      await service.deleteOrg(
        db,
        request.ctx,
        actor,
        request.params.id,
        requireVersion(request, request.body?.version),
        (r) => presentOrg(actor, r),
      );
      return { ok: true as const };
    },
  );
};
