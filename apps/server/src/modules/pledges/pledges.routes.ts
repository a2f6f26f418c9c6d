import {
  childPledgesResponse,
  idParams,
  okResponse,
  pledgeCreateBody,
  pledgeReviewBody,
  pledgeUpdateBody,
  pledgeVersionBody,
  pledgeView,
  selfEvaluationCreateBody,
  selfEvaluationView,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import * as service from './pledges.service';

const tags = ['pledges'];
const read = { access: { permission: 'care_record.read' as const } };
const write = { access: { permission: 'care_record.write' as const } };

/** 自律承诺书 (pledge with deadline and review) and 自我评价 of a child. */
export const pledgeRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/children/:id/pledges',
    {
      config: read,
      schema: {
        tags,
        summary: 'The child’s pledges (with review state) and self-evaluations, newest first',
        params: idParams,
        response: { 200: childPledgesResponse },
      },
    },
    async (request) => service.childPledges(db, request.ctx, request.actor!, request.params.id),
  );

  app.post(
    '/pledges',
    {
      config: write,
      schema: { tags, summary: 'Record a signed pledge', body: pledgeCreateBody, response: { 201: pledgeView } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createPledge(db, request.ctx, request.actor!, request.body)),
  );

  app.patch(
    '/pledges/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Correct a pledge before its review',
        params: idParams,
        body: pledgeUpdateBody,
        response: { 200: pledgeView },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      const v = requireVersion(request, version);
      return service.updatePledge(db, request.ctx, request.actor!, request.params.id, v, changes);
    },
  );

  app.post(
    '/pledges/:id/review',
    {
      config: write,
      schema: {
        tags,
        summary: 'Review the pledge: kept, partly kept or not kept',
        params: idParams,
        body: pledgeReviewBody,
        response: { 200: pledgeView },
      },
    },
    async (request) => {
      const { version, ...body } = request.body;
      const v = requireVersion(request, version);
      return service.reviewPledge(db, request.ctx, request.actor!, request.params.id, v, body);
    },
  );

  app.delete(
    '/pledges/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete a pledge (soft)',
        params: idParams,
        body: pledgeVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const v = requireVersion(request, request.body?.version);
      await service.deletePledge(db, request.ctx, request.actor!, request.params.id, v);
      return { ok: true as const };
    },
  );

  app.post(
    '/self-evaluations',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a self-evaluation',
        body: selfEvaluationCreateBody,
        response: { 201: selfEvaluationView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createSelfEvaluation(db, request.ctx, request.actor!, request.body)),
  );

  app.delete(
    '/self-evaluations/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete a self-evaluation (soft)',
        params: idParams,
        body: pledgeVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const v = requireVersion(request, request.body?.version);
      await service.deleteSelfEvaluation(db, request.ctx, request.actor!, request.params.id, v);
      return { ok: true as const };
    },
  );
};
