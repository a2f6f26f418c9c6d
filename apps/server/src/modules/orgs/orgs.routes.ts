import {
  idParams,
  okResponse,
  orgCreateBody,
  orgListItem,
  orgListQuery,
  orgMoveBody,
  orgSummary,
  orgTreeQuery,
  orgTreeResponse,
  orgUpdateBody,
  orgVersionBody,
  orgView,
} from '@shouwang/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import { presentOrg, presentOrgListItem, presentOrgTreeItem } from './orgs.presenter';
import * as service from './orgs.service';
import * as lists from './orgs-list.service';

const tags = ['orgs'];

export const orgRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  /** Answers 304 when the browser's copy is current; otherwise sets the ETag for the next time. */
  const notModified = (request: FastifyRequest, reply: FastifyReply, etag: string) => {
    // Units are no personal data; the browser keeps the answer and asks again with If-None-Match.
    reply.header('etag', etag).header('cache-control', 'private, no-cache');
    return request.headers['if-none-match'] === etag;
  };

  app.get(
    '/orgs',
    {
      config: { access: { permission: 'org.read' } },
      schema: {
        tags,
        summary: 'Units the user may see, flat (pickers); filter by kind, parent or name',
        querystring: orgListQuery,
        response: { 200: z.object({ items: z.array(orgListItem) }), 304: z.null() },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const { includeInactive, kind, parentId, q, ids } = request.query;
      const filters = {
        includeInactive: includeInactive === 'true',
        kinds: kind ? [...new Set(kind.split(','))] : undefined,
        parentId,
        q: q || undefined,
        ids: ids ? [...new Set(ids.split(','))] : undefined,
      };
      await lists.checkParent(db, request.ctx, actor, parentId);
      const etag = await lists.listEtag(db, actor, 'list', filters);
      if (notModified(request, reply, etag)) return reply.code(304).send(null);
      const rows = await lists.listOrgItems(db, actor, filters);
      return { items: rows.map(presentOrgListItem) };
    },
  );

  app.get(
    '/orgs/tree',
    {
      config: { access: { permission: 'org.read' } },
      schema: {
        tags,
        summary: "The unit tree a level at a time: the first screen, one unit's sub-units, or a search",
        querystring: orgTreeQuery,
        response: { 200: orgTreeResponse, 304: z.null() },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const { includeInactive, parentId, q } = request.query;
      const query = { includeInactive: includeInactive === 'true', parentId, q: q || undefined };
      await lists.checkParent(db, request.ctx, actor, parentId);
      const etag = await lists.listEtag(db, actor, 'tree', query);
      if (notModified(request, reply, etag)) return reply.code(304).send(null);
      const { rows, truncated } = await lists.listOrgTree(db, actor, query);
      return { items: rows.map((r) => presentOrgTreeItem(actor, r, lists.countsChildren(actor, r))), truncated };
    },
  );

  app.get(
    '/orgs/summary',
    {
      config: { access: { permission: 'org.read' } },
      schema: {
        tags,
        summary: "How many active units of each kind the user's roles cover, and their students",
        response: { 200: orgSummary, 304: z.null() },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const etag = await lists.listEtag(db, actor, 'summary', {});
      if (notModified(request, reply, etag)) return reply.code(304).send(null);
      return { kinds: await lists.summarize(db, actor) };
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
