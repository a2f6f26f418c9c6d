import {
  counselingSessionCreateBody,
  counselingSessionListQuery,
  counselingSessionUpdateBody,
  counselingSessionVersionBody,
  counselingSessionView,
  idParams,
  listResponse,
  okResponse,
  riskLevelSetBody,
  riskLevelView,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import * as service from './counseling.service';

const tags = ['counseling'];
/**
 * Session reads are open to every holder of `risk.read` at the route, so that the policy answers
 * "not found" (not "forbidden") to staff who are not counselors: the notes' existence stays hidden.
 */
const readSessions = { access: { permission: 'risk.read' as const } };
const write = { access: { permission: 'counseling.write' as const } };

/** 心理辅导: confidential sessions (counselors only) and each child's risk level. */
export const counselingRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/counseling-sessions',
    {
      config: readSessions,
      schema: {
        tags,
        summary: 'Counseling sessions of children in the counselor’s school, newest first (each read is audited)',
        querystring: counselingSessionListQuery,
        response: { 200: listResponse(counselingSessionView) },
      },
    },
    async (request) => service.listSessions(db, request.ctx, request.actor!, request.query),
  );

  app.get(
    '/counseling-sessions/:id',
    {
      config: readSessions,
      schema: { tags, summary: 'One session (audited)', params: idParams, response: { 200: counselingSessionView } },
    },
    async (request, reply) => {
      const view = await service.getSession(db, request.ctx, request.actor!, request.params.id);
      reply.header('etag', `"${view.version}"`);
      return view;
    },
  );

  app.post(
    '/counseling-sessions',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a counseling session',
        body: counselingSessionCreateBody,
        response: { 201: counselingSessionView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createSession(db, request.ctx, request.actor!, request.body)),
  );

  app.patch(
    '/counseling-sessions/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit a session',
        params: idParams,
        body: counselingSessionUpdateBody,
        response: { 200: counselingSessionView },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      return service.updateSession(
        db,
        request.ctx,
        request.actor!,
        request.params.id,
        requireVersion(request, version),
        changes,
      );
    },
  );

  app.delete(
    '/counseling-sessions/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete a session (soft)',
        params: idParams,
        body: counselingSessionVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const version = requireVersion(request, request.body?.version);
      await service.deleteSession(db, request.ctx, request.actor!, request.params.id, version);
      return { ok: true as const };
    },
  );

  app.get(
    '/children/:id/risk-level',
    {
      config: { access: { permission: 'risk.read' as const } },
      schema: {
        tags: [...tags, 'children'],
        summary: 'The child’s current risk level and whom to ask; the history with reasons for counselors',
        params: idParams,
        response: { 200: riskLevelView },
      },
    },
    async (request) => service.getRiskLevel(db, request.ctx, request.actor!, request.params.id),
  );

  app.post(
    '/children/:id/risk-level',
    {
      config: write,
      schema: {
        tags: [...tags, 'children'],
        summary: 'Set the child’s risk level with a reason (a new history entry)',
        params: idParams,
        body: riskLevelSetBody,
        response: { 201: riskLevelView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.setRiskLevel(db, request.ctx, request.actor!, request.params.id, request.body)),
  );
};
