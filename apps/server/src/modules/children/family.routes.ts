import {
  childGuardianParams,
  childParentParams,
  childVersionBody,
  entrustmentBody,
  guardianCreateBody,
  guardianUpdateBody,
  guardianView,
  idParams,
  okResponse,
  parentCreateBody,
  parentUpdateBody,
  parentView,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import { assertChildAttachment } from '../attachments/attachments.service';
import * as guardians from './guardians.service';
import * as parents from './parents.service';

const tags = ['children'];
const read = { access: { permission: 'child.read' as const } };
const write = { access: { permission: 'child.write' as const } };

/** /api/children/:id/parents and /guardians: a child's family, edited with the child's rights. */
export const familyRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/children/:id/parents',
    {
      config: read,
      schema: {
        tags,
        summary: 'Parents of a child',
        params: idParams,
        response: { 200: z.object({ items: z.array(parentView) }) },
      },
    },
    async (request) => ({ items: await parents.listChildParents(db, request.ctx, request.actor!, request.params.id) }),
  );

  app.post(
    '/children/:id/parents',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a parent',
        params: idParams,
        body: parentCreateBody,
        response: { 201: parentView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await parents.createParent(db, request.ctx, request.actor!, request.params.id, request.body)),
  );

  app.patch(
    '/children/:id/parents/:parentId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit a parent',
        params: childParentParams,
        body: parentUpdateBody,
        response: { 200: parentView },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      const { id, parentId } = request.params;
      return parents.updateParent(
        db,
        request.ctx,
        request.actor!,
        id,
        parentId,
        requireVersion(request, version),
        changes,
      );
    },
  );

  app.delete(
    '/children/:id/parents/:parentId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Remove a parent (soft)',
        params: childParentParams,
        body: childVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const { id, parentId } = request.params;
      const version = requireVersion(request, request.body?.version);
      await parents.deleteParent(db, request.ctx, request.actor!, id, parentId, version);
      return { ok: true as const };
    },
  );

  app.get(
    '/children/:id/guardians',
    {
      config: read,
      schema: {
        tags,
        summary: 'Guardians of a child, with their entrustment confirmations',
        params: idParams,
        response: { 200: z.object({ items: z.array(guardianView) }) },
      },
    },
    async (request) => ({
      items: await guardians.listChildGuardians(db, request.ctx, request.actor!, request.params.id),
    }),
  );

  app.post(
    '/children/:id/guardians',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a guardian (optionally with the signed 委托监护确认书)',
        params: idParams,
        body: guardianCreateBody,
        response: { 201: guardianView },
      },
    },
    async (request, reply) => {
      const attachmentId = request.body.entrustment?.attachmentId;
      await assertChildAttachment(
        db,
        request.ctx,
        request.actor!,
        request.params.id,
        attachmentId,
        'entrustment.attachmentId',
      );
      return reply
        .status(201)
        .send(await guardians.createGuardian(db, request.ctx, request.actor!, request.params.id, request.body));
    },
  );

  app.patch(
    '/children/:id/guardians/:guardianId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit a guardian',
        params: childGuardianParams,
        body: guardianUpdateBody,
        response: { 200: guardianView },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      const { id, guardianId } = request.params;
      return guardians.updateGuardian(
        db,
        request.ctx,
        request.actor!,
        id,
        guardianId,
        requireVersion(request, version),
        changes,
      );
    },
  );

  app.delete(
    '/children/:id/guardians/:guardianId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Remove a guardian (soft)',
        params: childGuardianParams,
        body: childVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const { id, guardianId } = request.params;
      const version = requireVersion(request, request.body?.version);
      await guardians.deleteGuardian(db, request.ctx, request.actor!, id, guardianId, version);
      return { ok: true as const };
    },
  );

  app.post(
    '/children/:id/guardians/:guardianId/entrustments',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a signing or renewal of the 委托监护确认书',
        params: childGuardianParams,
        body: entrustmentBody,
        response: { 201: guardianView },
      },
    },
    async (request, reply) => {
      const { id, guardianId } = request.params;
      await assertChildAttachment(db, request.ctx, request.actor!, id, request.body.attachmentId, 'attachmentId');
      return reply
        .status(201)
        .send(await guardians.signEntrustment(db, request.ctx, request.actor!, id, guardianId, request.body));
    },
  );
};
