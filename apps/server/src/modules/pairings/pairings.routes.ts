import {
  holidayHandoverBody,
  idParams,
  listResponse,
  pairingBoardQuery,
  pairingBoardView,
  pairingBulkBody,
  pairingBulkResponse,
  pairingCreateBody,
  pairingEndBody,
  pairingListQuery,
  pairingView,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import { pairingBoard } from './pairing-board.service';
import * as repo from './pairings.repository';
import * as service from './pairings.service';
import { assignPairings, bulkField, singleField } from './use-cases/assign-pairings';
import { holidayHandover } from './use-cases/holiday-handover';

const tags = ['pairings'];
const read = { access: { permission: 'pairing.read' as const } };
const write = { access: { permission: 'pairing.write' as const } };

/** 结对帮扶: pairings with history, capacity per helper, the school's board, bulk and holiday hand-over. */
export const pairingRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  /** The created rows, read back with their child and helper for presenting. */
  const loadCreated = async (ids: string[]) => {
    const rows = [];
    for (const id of ids) rows.push((await repo.findPairing(db, id))!);
    return rows;
  };

  app.get(
    '/pairings',
    {
      config: read,
      schema: {
        tags,
        summary: 'Pairings of children in scope, and the caller’s own as helper',
        querystring: pairingListQuery,
        response: { 200: listResponse(pairingView) },
      },
    },
    async (request) => service.listVisiblePairings(db, request.actor!, request.query),
  );

  app.get(
    '/pairings/board',
    {
      config: read,
      schema: {
        tags,
        summary: 'The school’s pairing board: unpaired children, helpers’ load and capacity, village tutors',
        querystring: pairingBoardQuery,
        response: { 200: pairingBoardView },
      },
    },
    async (request) => pairingBoard(db, request.ctx, request.actor!, request.query.schoolId),
  );

  app.get(
    '/pairings/:id',
    {
      config: read,
      schema: { tags, summary: 'One pairing', params: idParams, response: { 200: pairingView } },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const row = await service.requireReadablePairing(db, request.ctx, actor, request.params.id);
      reply.header('etag', `"${row.pairing.version}"`);
      return (await service.presentPairings(db, actor, [row]))[0]!;
    },
  );

  app.post(
    '/pairings',
    {
      config: write,
      schema: {
        tags,
        summary: 'Pair a child with a helper (422 PAIRING_CAPACITY_EXCEEDED names the helper and the limit)',
        body: pairingCreateBody,
        response: { 201: pairingView },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const [row] = await assignPairings(db, request.ctx, actor, [request.body], { field: singleField });
      const [view] = await service.presentPairings(db, actor, await loadCreated([row!.id]));
      return reply.status(201).send(view!);
    },
  );

  app.post(
    '/pairings/bulk',
    {
      config: write,
      schema: {
        tags,
        summary: 'Make several pairings at once, all or nothing (errors name items.N.field)',
        body: pairingBulkBody,
        response: { 201: pairingBulkResponse },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const rows = await assignPairings(db, request.ctx, actor, request.body.items, { field: bulkField });
      const items = await service.presentPairings(db, actor, await loadCreated(rows.map((r) => r.id)));
      return reply.status(201).send({ items });
    },
  );

  app.post(
    '/pairings/holiday-handover',
    {
      config: write,
      schema: {
        tags,
        summary: '假期交接: children to a village holiday tutor until the next term starts (or endDate)',
        body: holidayHandoverBody,
        response: { 201: pairingBulkResponse },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const rows = await holidayHandover(db, request.ctx, actor, request.body);
      const items = await service.presentPairings(db, actor, await loadCreated(rows.map((r) => r.id)));
      return reply.status(201).send({ items });
    },
  );

  app.post(
    '/pairings/:id/end',
    {
      config: write,
      schema: {
        tags,
        summary: 'End a pairing (from endDate, default today); the row stays as history',
        params: idParams,
        body: pairingEndBody,
        response: { 200: pairingView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const { version, ...body } = request.body;
      const row = await service.endPairing(
        db,
        request.ctx,
        actor,
        request.params.id,
        requireVersion(request, version),
        body,
      );
      return (await service.presentPairings(db, actor, [row]))[0]!;
    },
  );
};
