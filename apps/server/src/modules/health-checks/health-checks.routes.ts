import {
  healthCheckBatchBody,
  healthCheckBatchResponse,
  healthCheckCreateBody,
  healthCheckListQuery,
  healthCheckUpdateBody,
  healthCheckVersionBody,
  healthCheckView,
  healthSummaryQuery,
  healthSummaryView,
  idParams,
  listResponse,
  okResponse,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import { presentChecks } from './health-checks.access';
import { findChecks } from './health-checks.repository';
import * as service from './health-checks.service';
import { healthSummary } from './health-summary';
import { batchHealthChecks } from './use-cases/batch-health-checks';

const tags = ['health-checks'];
const read = { access: { permission: 'health_check.read' as const } };
const write = { access: { permission: 'health_check.write' as const } };

/** 体检: per-child records with BMI and screening flags, class batch entry, referral follow-ups. */
export const healthCheckRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/health-checks',
    {
      config: read,
      schema: {
        tags,
        summary: 'Health checks of children in scope, newest first (reads are audited)',
        querystring: healthCheckListQuery,
        response: { 200: listResponse(healthCheckView) },
      },
    },
    async (request) => service.listChecks(db, request.ctx, request.actor!, request.query),
  );

  app.get(
    '/health-checks/summary',
    {
      config: { access: { permission: 'stats.read' as const } },
      schema: {
        tags,
        summary: '体检统计 of a unit: children checked and flagged per flag, open referrals (numbers only)',
        querystring: healthSummaryQuery,
        response: { 200: healthSummaryView },
      },
    },
    async (request) => healthSummary(db, request.ctx, request.actor!, request.query),
  );

  app.get(
    '/health-checks/:id',
    {
      config: read,
      schema: { tags, summary: 'One health check', params: idParams, response: { 200: healthCheckView } },
    },
    async (request, reply) => {
      const view = await service.getCheck(db, request.ctx, request.actor!, request.params.id);
      reply.header('etag', `"${view.version}"`);
      return view;
    },
  );

  app.post(
    '/health-checks',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a health check (200 with the first check when the idempotencyKey was seen)',
        body: healthCheckCreateBody,
        response: { 200: healthCheckView, 201: healthCheckView },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const { id, replayed } = await service.createCheck(db, request.ctx, actor, request.body);
      const [view] = presentChecks(actor, await findChecks(db, [id]));
      return reply.status(replayed ? 200 : 201).send(view!);
    },
  );

  app.post(
    '/health-checks/batch',
    {
      config: write,
      schema: {
        tags,
        summary: 'A class’s health checks on one day, all or nothing',
        body: healthCheckBatchBody,
        response: { 200: healthCheckBatchResponse, 201: healthCheckBatchResponse },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const { ids, replayed } = await batchHealthChecks(db, request.ctx, actor, request.body);
      const rows = await findChecks(db, ids);
      return reply
        .status(replayed ? 200 : 201)
        .send({ batchId: rows[0]?.record.batchId ?? ids[0]!, items: presentChecks(actor, rows) });
    },
  );

  app.patch(
    '/health-checks/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Correct a check (BMI and flags are computed again)',
        params: idParams,
        body: healthCheckUpdateBody,
        response: { 200: healthCheckView },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      return service.updateCheck(
        db,
        request.ctx,
        request.actor!,
        request.params.id,
        requireVersion(request, version),
        changes,
      );
    },
  );

  app.post(
    '/health-checks/:id/close-follow-up',
    {
      config: write,
      schema: {
        tags,
        summary: 'Mark the referral’s follow-up done today',
        params: idParams,
        response: { 200: healthCheckView },
      },
    },
    async (request) => service.closeFollowUp(db, request.ctx, request.actor!, request.params.id),
  );

  app.delete(
    '/health-checks/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete a check (soft)',
        params: idParams,
        body: healthCheckVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const version = requireVersion(request, request.body?.version);
      await service.deleteCheck(db, request.ctx, request.actor!, request.params.id, version);
      return { ok: true as const };
    },
  );
};
