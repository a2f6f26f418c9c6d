import multipart from '@fastify/multipart';
import {
  activityCreateBody,
  activityListQuery,
  activityPhotoParams,
  activityPhotoView,
  activityUpdateBody,
  activityVersionBody,
  activityView,
  idParams,
  listResponse,
  okResponse,
  participationQuery,
  participationView,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import { AttachmentStorage } from '../attachments/attachment-storage';
import { contentDisposition } from '../attachments/content-disposition';
import { readSingleUpload } from '../attachments/multipart-upload';
import * as service from './activities.service';
import * as photos from './activity-photos.service';
import { schoolParticipation } from './participation.service';
import { createActivity, deleteActivity, updateActivity } from './use-cases/save-activity';

const tags = ['activities'];
const read = { access: { permission: 'activity.read' as const } };
const write = { access: { permission: 'activity.write' as const } };
const photoCsp = "default-src 'none'; img-src 'self'; sandbox";

/** 活动: CRUD with participants, photos, and a school's participation in a term. */
export const activityRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database, config }) => {
  const db = database.db;
  const storage = new AttachmentStorage(config.attachments.dir);
  await app.register(multipart, { limits: { fileSize: config.attachments.maxBytes, files: 1 } });

  app.get(
    '/activities',
    {
      config: read,
      schema: {
        tags,
        summary: 'Activities the caller may see, newest first (filter by term, type, unit, child)',
        querystring: activityListQuery,
        response: { 200: listResponse(activityView) },
      },
    },
    async (request) => service.listVisibleActivities(db, request.ctx, request.actor!, request.query),
  );

  app.get(
    '/activities/participation',
    {
      config: read,
      schema: {
        tags,
        summary: 'A school’s participation in a term: left-behind vs all, and who has not taken part yet',
        querystring: participationQuery,
        response: { 200: participationView },
      },
    },
    async (request) => schoolParticipation(db, request.ctx, request.actor!, request.query),
  );

  app.get(
    '/activities/:id',
    { config: read, schema: { tags, summary: 'One activity', params: idParams, response: { 200: activityView } } },
    async (request, reply) => {
      const view = await service.getActivity(db, request.ctx, request.actor!, request.params.id);
      reply.header('etag', `"${view.version}"`);
      return view;
    },
  );

  app.post(
    '/activities',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record an activity with its participants',
        body: activityCreateBody,
        response: { 201: activityView },
      },
    },
    async (request, reply) => {
      const id = await createActivity(db, request.ctx, request.actor!, request.body);
      return reply.status(201).send(await service.getActivity(db, request.ctx, request.actor!, id));
    },
  );

  app.put(
    '/activities/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit an activity and replace its participant list (version or If-Match)',
        params: idParams,
        body: activityUpdateBody,
        response: { 200: activityView },
      },
    },
    async (request) => {
      const { version, ...body } = request.body;
      const expected = requireVersion(request, version);
      await updateActivity(db, request.ctx, request.actor!, request.params.id, expected, body);
      return service.getActivity(db, request.ctx, request.actor!, request.params.id);
    },
  );

  app.delete(
    '/activities/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete an activity (soft)',
        params: idParams,
        body: activityVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const version = requireVersion(request, request.body?.version);
      await deleteActivity(db, request.ctx, request.actor!, request.params.id, version);
      return { ok: true as const };
    },
  );

  app.post(
    '/activities/:id/photos',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a photo (multipart field `file`; JPEG or PNG, judged by the content)',
        params: idParams,
        response: { 201: activityPhotoView },
      },
    },
    async (request, reply) => {
      const upload = await readSingleUpload(request, config.attachments.maxBytes);
      const view = await photos.addActivityPhoto(db, storage, request.ctx, request.actor!, request.params.id, upload);
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/activities/:id/photos/:photoId',
    { config: read, schema: { tags, summary: 'View an activity photo', params: activityPhotoParams } },
    async (request, reply) => {
      const { photo, file } = await photos.openActivityPhoto(
        db,
        storage,
        request.ctx,
        request.actor!,
        request.params.id,
        request.params.photoId,
      );
      return reply
        .header('content-type', photo.mimeType)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition('inline', photo.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=300')
        .header('content-security-policy', photoCsp)
        .header('cross-origin-resource-policy', 'same-origin')
        .send(file.stream);
    },
  );

  app.delete(
    '/activities/:id/photos/:photoId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Remove an activity photo (soft)',
        params: activityPhotoParams,
        body: activityVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const version = requireVersion(request, request.body?.version);
      await photos.deleteActivityPhoto(
        db,
        request.ctx,
        request.actor!,
        request.params.id,
        request.params.photoId,
        version,
      );
      return { ok: true as const };
    },
  );
};
