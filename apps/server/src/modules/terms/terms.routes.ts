import {
  idParams,
  okResponse,
  termCreateBody,
  termListQuery,
  termUpdateBody,
  termVersionBody,
  termView,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import { presentTerm } from './terms.presenter';
import * as service from './terms.service';

const tags = ['terms'];

export const termRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/terms',
    {
      config: { access: { permission: 'term.read' } },
      schema: {
        tags,
        summary: 'Terms (学期): all visible ones, or the effective terms of one unit (orgId)',
        description:
          'Without orgId: the terms set by every county and school the caller can see. With orgId: the terms in ' +
          'force for that unit — the county terms, with the school override of the same school year and number ' +
          'in their place for a school and its classes. Each item names the unit that defines it.',
        querystring: termListQuery,
        response: { 200: z.object({ items: z.array(termView) }) },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const { orgId } = request.query;
      const rows = orgId
        ? await service.listEffectiveTerms(db, request.ctx, actor, orgId)
        : await service.listVisibleTerms(db, actor);
      return { items: rows.map((r) => presentTerm(actor, r)) };
    },
  );

  app.get(
    '/terms/current',
    {
      config: { access: { permission: 'term.read' } },
      schema: {
        tags,
        summary: 'The effective term running today (China time), else the next one',
        description: "Without orgId, for the caller's highest unit. 404 when no term covers or follows today.",
        querystring: termListQuery,
        response: { 200: termView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const row = await service.findCurrentTerm(db, request.ctx, actor, request.query.orgId, service.todayInChina());
      return presentTerm(actor, row);
    },
  );

  app.get(
    '/terms/:id',
    {
      config: { access: { permission: 'term.read' } },
      schema: { tags, summary: 'One term', params: idParams, response: { 200: termView } },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const row = await service.requireReadableTerm(db, request.ctx, actor, request.params.id);
      reply.header('etag', `"${row.version}"`);
      return presentTerm(actor, row);
    },
  );

  app.post(
    '/terms',
    {
      config: { access: { permission: 'term.manage' } },
      schema: {
        tags,
        summary: "Set a county's term, or a school's override of it",
        body: termCreateBody,
        response: { 201: termView },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const row = await service.createTerm(db, request.ctx, actor, request.body);
      return reply.status(201).send(presentTerm(actor, row));
    },
  );

  app.patch(
    '/terms/:id',
    {
      config: { access: { permission: 'term.manage' } },
      schema: {
        tags,
        summary: "Change a term's dates",
        params: idParams,
        body: termUpdateBody,
        response: { 200: termView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const { version, ...changes } = request.body;
      const row = await service.updateTermDates(
        db,
        request.ctx,
        actor,
        request.params.id,
        requireVersion(request, version),
        changes,
        (r) => presentTerm(actor, r),
      );
      return presentTerm(actor, row);
    },
  );

  app.delete(
    '/terms/:id',
    {
      config: { access: { permission: 'term.manage' } },
      schema: {
        tags,
        summary: 'Delete a term (soft delete)',
        params: idParams,
        body: termVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const actor = request.actor!;
      await service.deleteTerm(
        db,
        request.ctx,
        actor,
        request.params.id,
        requireVersion(request, request.body?.version),
        (r) => presentTerm(actor, r),
      );
      return { ok: true as const };
    },
  );
};
