import {
  activityVersionBody,
  idParams,
  okResponse,
  roomQuery,
  roomSlotCreateBody,
  roomSlotView,
  roomView,
  roomVisitBody,
  roomVisitView,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import * as service from './activity-room.service';

const tags = ['activities'];
const read = { access: { permission: 'activity.read' as const } };
const write = { access: { permission: 'activity.write' as const } };

/** 留守儿童之家: the opening schedule (weekday slots, duty teacher) and quick visit entries. */
export const activityRoomRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/activity-room',
    {
      config: read,
      schema: {
        tags,
        summary: 'A school’s or village’s activity room: schedule and recent visits (default: last 14 days)',
        querystring: roomQuery,
        response: { 200: roomView },
      },
    },
    async (request) => service.getRoom(db, request.ctx, request.actor!, request.query),
  );

  app.post(
    '/activity-room/slots',
    {
      config: write,
      schema: { tags, summary: 'Add an opening slot', body: roomSlotCreateBody, response: { 201: roomSlotView } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addSlot(db, request.ctx, request.actor!, request.body)),
  );

  app.delete(
    '/activity-room/slots/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Remove an opening slot',
        params: idParams,
        body: activityVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const version = requireVersion(request, request.body?.version);
      await service.deleteSlot(db, request.ctx, request.actor!, request.params.id, version);
      return { ok: true as const };
    },
  );

  app.post(
    '/activity-room/visits',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record that these children came on this day and what they did (all or nothing)',
        body: roomVisitBody,
        response: { 201: z.object({ items: z.array(roomVisitView) }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.recordVisits(db, request.ctx, request.actor!, request.body)),
  );

  app.delete(
    '/activity-room/visits/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Remove a visit entry',
        params: idParams,
        body: activityVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const version = requireVersion(request, request.body?.version);
      await service.deleteVisit(db, request.ctx, request.actor!, request.params.id, version);
      return { ok: true as const };
    },
  );
};
