import multipart from '@fastify/multipart';
import { attachmentUploadQuery, attachmentView, childVersionBody, idParams, okResponse } from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import { AttachmentStorage } from './attachment-storage';
import * as service from './attachments.service';
import { contentDisposition } from './content-disposition';
import { isImage } from './file-type';
import { readSingleUpload } from './multipart-upload';

const tags = ['attachments'];
const read = { access: { permission: 'child.read' as const } };
const write = { access: { permission: 'child.write' as const } };

/** A stored file may be a crafted PDF or image: never let it run script or be sniffed as HTML. */
const downloadCsp = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

/** /api/children/:id/attachments and /api/attachments/:id: photos and scans of a child. */
export const attachmentRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database, config }) => {
  const db = database.db;
  const storage = new AttachmentStorage(config.attachments.dir);
  await app.register(multipart, { limits: { fileSize: config.attachments.maxBytes, files: 1 } });

  app.post(
    '/children/:id/attachments',
    {
      config: write,
      schema: {
        tags,
        summary: 'Upload a JPEG/PNG/PDF (multipart field `file`); the type is read from the content',
        params: idParams,
        querystring: attachmentUploadQuery,
        response: { 201: attachmentView },
      },
    },
    async (request, reply) => {
      const upload = await readSingleUpload(request, config.attachments.maxBytes);
      const view = await service.uploadAttachment(
        db,
        storage,
        request.ctx,
        request.actor!,
        request.params.id,
        request.query.purpose,
        upload,
      );
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/children/:id/attachments',
    {
      config: read,
      schema: {
        tags,
        summary: 'Attachments of a child',
        params: idParams,
        response: { 200: z.object({ items: z.array(attachmentView) }) },
      },
    },
    async (request) => ({
      items: await service.listAttachments(db, request.ctx, request.actor!, request.params.id),
    }),
  );

  app.get(
    '/attachments/:id',
    {
      config: read,
      schema: { tags, summary: 'Download an attachment (audited)', params: idParams },
    },
    async (request, reply) => {
      const { row, file } = await service.openAttachment(db, storage, request.ctx, request.actor!, request.params.id);
      return reply
        .header('content-type', row.mimeType)
        .header('content-length', file.size)
        .header(
          'content-disposition',
          contentDisposition(isImage(row.mimeType) ? 'inline' : 'attachment', row.fileName),
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .header('content-security-policy', downloadCsp)
        .header('cross-origin-resource-policy', 'same-origin')
        .send(file.stream);
    },
  );

  app.delete(
    '/attachments/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete an attachment (soft); a deleted photo is no longer the child’s photo',
        params: idParams,
        body: childVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const version = requireVersion(request, request.body?.version);
      await service.deleteAttachment(db, request.ctx, request.actor!, request.params.id, version);
      return { ok: true as const };
    },
  );
};
