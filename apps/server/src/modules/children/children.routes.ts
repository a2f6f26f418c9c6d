import {
  childCategoryEndBody,
  childCategoryStartBody,
  childCategoryView,
  childCreateBody,
  childEnrollmentBody,
  childEnrollmentView,
  childListItem,
  childListQuery,
  childUpdateBody,
  childVersionBody,
  childView,
  idNumberView,
  idParams,
  listResponse,
  okResponse,
  uuid,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import { assertChildAttachment } from '../attachments/attachments.service';
import * as history from './child-history.service';
import { invalidFields } from './children.access';
import * as service from './children.service';
import { createChild } from './use-cases/create-child';

const tags = ['children'];
const read = { access: { permission: 'child.read' as const } };
const write = { access: { permission: 'child.write' as const } };

/** 儿童档案: list, page, create, edit, delete/restore, the full ID number, category and enrollment history. */
export const childRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/children',
    {
      config: read,
      schema: {
        tags,
        summary: 'Children in scope: filters, search by name/pinyin initials, pinyin order, paged',
        querystring: childListQuery,
        response: { 200: listResponse(childListItem) },
      },
    },
    async (request) => service.listVisibleChildren(db, request.actor!, request.query),
  );

  app.get(
    '/children/:id',
    {
      config: read,
      schema: { tags, summary: 'The child page', params: idParams, response: { 200: childView } },
    },
    async (request, reply) => {
      const page = await service.getChildPage(db, request.ctx, request.actor!, request.params.id);
      reply.header('etag', `"${page.version}"`);
      return page;
    },
  );

  app.get(
    '/children/:id/id-number',
    {
      config: { access: { permission: 'child.read_id_number' } },
      schema: {
        tags,
        summary: 'The full ID number (audited)',
        params: idParams,
        response: { 200: idNumberView },
      },
    },
    async (request) => service.readChildIdNumber(db, request.ctx, request.actor!, request.params.id),
  );

  app.post(
    '/children',
    {
      config: write,
      schema: {
        tags,
        summary: 'File a new child (409 ID_NUMBER_TAKEN / DUPLICATE_SUSPECTED with candidates)',
        body: childCreateBody,
        response: { 201: childView },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      // Attachments belong to a child, so a child being filed cannot have a photo yet.
      if (request.body.photoAttachmentId)
        throw invalidFields(request.ctx.language, [{ field: 'photoAttachmentId', key: 'attachment_not_of_child' }]);
      const id = await createChild(db, request.ctx, actor, request.body);
      return reply.status(201).send(await service.getChildPage(db, request.ctx, actor, id));
    },
  );

  app.patch(
    '/children/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit the archive',
        params: idParams,
        body: childUpdateBody,
        response: { 200: childView },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      await assertChildAttachment(
        db,
        request.ctx,
        request.actor!,
        request.params.id,
        changes.photoAttachmentId,
        'photoAttachmentId',
        { imageOnly: true },
      );
      return service.updateChild(
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
    '/children/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete the archive (soft; restorable)',
        params: idParams,
        body: childVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const version = requireVersion(request, request.body?.version);
      await service.deleteChild(db, request.ctx, request.actor!, request.params.id, version);
      return { ok: true as const };
    },
  );

  app.post(
    '/children/:id/restore',
    {
      config: write,
      schema: {
        tags,
        summary: 'Restore a deleted archive',
        params: idParams,
        body: childVersionBody,
        response: { 200: childView },
      },
    },
    async (request) =>
      service.restoreChild(
        db,
        request.ctx,
        request.actor!,
        request.params.id,
        requireVersion(request, request.body.version),
      ),
  );

  app.post(
    '/children/:id/categories',
    {
      config: write,
      schema: {
        tags,
        summary: 'Start a category period (e.g. a parent left: 留守 from this date)',
        params: idParams,
        body: childCategoryStartBody,
        response: { 201: childCategoryView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await history.startCategory(db, request.ctx, request.actor!, request.params.id, request.body)),
  );

  app.post(
    '/children/:id/categories/:categoryId/end',
    {
      config: write,
      schema: {
        tags,
        summary: 'End a category period (e.g. the parent came home)',
        params: z.strictObject({ id: uuid, categoryId: uuid }),
        body: childCategoryEndBody,
        response: { 200: childCategoryView },
      },
    },
    async (request) =>
      history.endCategory(db, request.ctx, request.actor!, request.params.id, request.params.categoryId, request.body),
  );

  app.post(
    '/children/:id/enrollments',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record an enrollment change (在读/休学/辍学/转出/毕业)',
        params: idParams,
        body: childEnrollmentBody,
        response: { 201: childEnrollmentView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await history.addEnrollment(db, request.ctx, request.actor!, request.params.id, request.body)),
  );
};
