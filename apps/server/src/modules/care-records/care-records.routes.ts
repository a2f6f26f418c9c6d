import {
  careRecordBatchBody,
  careRecordBatchResponse,
  careRecordCreateBody,
  careRecordListQuery,
  careRecordUpdateBody,
  careRecordVersionBody,
  careRecordView,
  idParams,
  listResponse,
  okResponse,
  timelineQuery,
  timelineResponse,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import { presentRecords } from './care-records.access';
import { findRecords } from './care-records.repository';
import * as service from './care-records.service';
import { batchCareRecords } from './use-cases/batch-care-records';
import { createCareRecord } from './use-cases/create-care-record';

const tags = ['care-records'];
const read = { access: { permission: 'care_record.read' as const } };
const write = { access: { permission: 'care_record.write' as const } };

/** 关爱记录: CRUD with per-kind details, batch entry for a class, follow-ups, and the child's timeline. */
export const careRecordRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/care-records',
    {
      config: read,
      schema: {
        tags,
        summary: 'Care records of children in scope, newest first',
        querystring: careRecordListQuery,
        response: { 200: listResponse(careRecordView) },
      },
    },
    async (request) => service.listVisibleRecords(db, request.actor!, request.query),
  );

  app.get(
    '/care-records/:id',
    {
      config: read,
      schema: { tags, summary: 'One care record', params: idParams, response: { 200: careRecordView } },
    },
    async (request, reply) => {
      const view = await service.getRecord(db, request.ctx, request.actor!, request.params.id);
      reply.header('etag', `"${view.version}"`);
      return view;
    },
  );

  app.post(
    '/care-records',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a care activity (200 with the first record when the idempotencyKey was seen)',
        body: careRecordCreateBody,
        response: { 200: careRecordView, 201: careRecordView },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const { id, replayed } = await createCareRecord(db, request.ctx, actor, request.body);
      const [view] = await presentRecords(db, actor, await findRecords(db, [id]));
      return reply.status(replayed ? 200 : 201).send(view!);
    },
  );

  app.post(
    '/care-records/batch',
    {
      config: write,
      schema: {
        tags,
        summary: 'One family-call session or a run of talk cards for a class, all or nothing',
        body: careRecordBatchBody,
        response: { 200: careRecordBatchResponse, 201: careRecordBatchResponse },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const { ids, replayed } = await batchCareRecords(db, request.ctx, actor, request.body);
      const rows = await findRecords(db, ids);
      const items = await presentRecords(db, actor, rows);
      return reply.status(replayed ? 200 : 201).send({ batchId: rows[0]?.record.batchId ?? '', items });
    },
  );

  app.patch(
    '/care-records/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit a record (its author within the edit window, afterwards a school administrator)',
        params: idParams,
        body: careRecordUpdateBody,
        response: { 200: careRecordView },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      return service.updateRecord(
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
    '/care-records/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete a record (soft; same rights as editing)',
        params: idParams,
        body: careRecordVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const version = requireVersion(request, request.body?.version);
      await service.deleteRecord(db, request.ctx, request.actor!, request.params.id, version);
      return { ok: true as const };
    },
  );

  app.post(
    '/care-records/:id/close-follow-up',
    {
      config: write,
      schema: {
        tags,
        summary: 'Mark the record’s follow-up done without a new record',
        params: idParams,
        response: { 200: careRecordView },
      },
    },
    async (request) => service.closeFollowUp(db, request.ctx, request.actor!, request.params.id),
  );

  app.get(
    '/children/:id/timeline',
    {
      config: read,
      schema: {
        tags: [...tags, 'children'],
        summary: 'Every care record of a child, newest first (keyset: pass nextCursor as cursor)',
        params: idParams,
        querystring: timelineQuery,
        response: { 200: timelineResponse },
      },
    },
    async (request) => service.childTimeline(db, request.ctx, request.actor!, request.params.id, request.query),
  );
};
