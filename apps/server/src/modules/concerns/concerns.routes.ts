import {
  concernAcknowledgeBody,
  concernCreateBody,
  concernListQuery,
  concernNoteBody,
  concernReferBody,
  concernView,
  idParams,
  listResponse,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import * as service from './concerns.service';
import { escalateOverdueConcerns } from './escalate-overdue-concerns';

const tags = ['concerns'];
/** Every staff role holds concern.raise; who sees which concern is the policy's matter. */
const staff = { access: { permission: 'concern.raise' as const } };
const handle = { access: { permission: 'concern.handle' as const } };
const ESCALATION_INTERVAL_MS = 5 * 60_000;

/** 强制报告: raise, list, read, and the workflow's steps; overdue steps escalate on a timer. */
export const concernRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  const timer = setInterval(() => {
    escalateOverdueConcerns(db, new Date()).catch((error: unknown) =>
      app.log.error({ err: error }, 'escalating overdue concerns failed'),
    );
  }, ESCALATION_INTERVAL_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));

  app.get(
    '/concerns',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Concerns the caller raised, handles or oversees; open ones first by deadline',
        querystring: concernListQuery,
        response: { 200: listResponse(concernView) },
      },
    },
    async (request) => service.listConcerns(db, request.actor!, request.query),
  );

  app.get(
    '/concerns/:id',
    {
      config: staff,
      schema: {
        tags,
        summary: 'One concern with its steps (audited)',
        params: idParams,
        response: { 200: concernView },
      },
    },
    async (request, reply) => {
      const view = await service.getConcern(db, request.ctx, request.actor!, request.params.id);
      reply.header('etag', `"${view.version}"`);
      return view;
    },
  );

  app.post(
    '/concerns',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Raise a concern (强制报告) about a child, or about an unnamed child of a school',
        body: concernCreateBody,
        response: { 201: concernView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.raiseConcern(db, request.ctx, request.actor!, request.body)),
  );

  app.post(
    '/concerns/:id/acknowledge',
    {
      config: handle,
      schema: {
        tags,
        summary: 'Acknowledge a reported concern (within 24 hours)',
        params: idParams,
        body: concernAcknowledgeBody,
        response: { 200: concernView },
      },
    },
    async (request) => {
      const { version, ...body } = request.body;
      const v = requireVersion(request, version);
      return service.acknowledgeConcern(db, request.ctx, request.actor!, request.params.id, v, body);
    },
  );

  app.post(
    '/concerns/:id/refer',
    {
      config: handle,
      schema: {
        tags,
        summary: 'Record the report to the police, civil affairs or the education bureau',
        params: idParams,
        body: concernReferBody,
        response: { 200: concernView },
      },
    },
    async (request) => {
      const { version, ...body } = request.body;
      const v = requireVersion(request, version);
      return service.referConcern(db, request.ctx, request.actor!, request.params.id, v, body);
    },
  );

  app.post(
    '/concerns/:id/follow-up',
    {
      config: handle,
      schema: {
        tags,
        summary: 'Record a follow-up',
        params: idParams,
        body: concernNoteBody,
        response: { 200: concernView },
      },
    },
    async (request) => {
      const { version, ...body } = request.body;
      const v = requireVersion(request, version);
      return service.followUpConcern(db, request.ctx, request.actor!, request.params.id, v, body);
    },
  );

  app.post(
    '/concerns/:id/close',
    {
      config: handle,
      schema: {
        tags,
        summary: 'Close the concern with a closing note',
        params: idParams,
        body: concernNoteBody,
        response: { 200: concernView },
      },
    },
    async (request) => {
      const { version, ...body } = request.body;
      const v = requireVersion(request, version);
      return service.closeConcern(db, request.ctx, request.actor!, request.params.id, v, body);
    },
  );
};
