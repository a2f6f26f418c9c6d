import {
  idParams,
  letterDeliveryCreateBody,
  letterDeliveryCreateResponse,
  letterDeliveryVersionBody,
  letterGenerateQuery,
  letterRosterQuery,
  letterRosterResponse,
  letterTemplateCreateBody,
  letterTemplateListQuery,
  letterTemplateListResponse,
  letterTemplateUpdateBody,
  letterTemplateVersionBody,
  letterTemplateView,
  okResponse,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import { contentDisposition } from '../attachments/content-disposition';
import * as deliveries from './letter-deliveries.service';
import * as templates from './letter-templates.service';
import { generateLetters, type LetterFormat } from './use-cases/generate-letters';

const tags = ['letters'];
const read = { access: { permission: 'letter.read' as const } };
const send = { access: { permission: 'letter.send' as const } };
const edit = { access: { permission: 'letter.template_edit' as const } };

const mimeTypes: Record<LetterFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** 致家长的一封信: templates per school, the letters of a class or school as .docx/PDF, sent state. */
export const letterRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database, config }) => {
  const db = database.db;

  app.get(
    '/letters/templates',
    {
      config: read,
      schema: {
        tags,
        summary: 'A school’s letter templates (the term-start and term-end letters are created on first use)',
        querystring: letterTemplateListQuery,
        response: { 200: letterTemplateListResponse },
      },
    },
    async (request) => templates.listTemplates(db, request.ctx, request.actor!, request.query.schoolId),
  );

  app.post(
    '/letters/templates',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add a school’s own letter template',
        body: letterTemplateCreateBody,
        response: { 201: letterTemplateView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await templates.createTemplate(db, request.ctx, request.actor!, request.body)),
  );

  app.patch(
    '/letters/templates/:id',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Edit a letter template (merge fields are checked)',
        params: idParams,
        body: letterTemplateUpdateBody,
        response: { 200: letterTemplateView },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      const v = requireVersion(request, version);
      return templates.updateTemplate(db, request.ctx, request.actor!, request.params.id, v, changes);
    },
  );

  app.delete(
    '/letters/templates/:id',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Delete a school’s own template (soft)',
        params: idParams,
        body: letterTemplateVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const version = requireVersion(request, request.body?.version);
      await templates.deleteTemplate(db, request.ctx, request.actor!, request.params.id, version);
      return { ok: true as const };
    },
  );

  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/letters/templates/:id/letters.${format}`,
      {
        config: send,
        schema: {
          tags,
          summary: `Every letter of a class or school as one ${format} file, one letter per page (audited)`,
          params: idParams,
          querystring: letterGenerateQuery,
        },
      },
      async (request, reply) => {
        const { file, fileName } = await generateLetters(
          db,
          request.ctx,
          request.actor!,
          request.params.id,
          request.query,
          format,
          config.pdf,
        );
        return reply
          .header('content-type', mimeTypes[format])
          .header('content-disposition', contentDisposition('attachment', fileName))
          .header('cache-control', 'no-store')
          .send(file);
      },
    );
  }

  app.get(
    '/letters/roster',
    {
      config: read,
      schema: {
        tags,
        summary: 'A class’s children and whether this term’s letter reached their families',
        querystring: letterRosterQuery,
        response: { 200: letterRosterResponse },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return deliveries.letterRoster(db, request.ctx, request.actor!, request.query);
    },
  );

  app.post(
    '/letters/deliveries',
    {
      config: send,
      schema: {
        tags,
        summary: 'Mark the term’s letter sent for several children (all or none)',
        body: letterDeliveryCreateBody,
        response: { 201: letterDeliveryCreateResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await deliveries.markLettersSent(db, request.ctx, request.actor!, request.body)),
  );

  app.delete(
    '/letters/deliveries/:id',
    {
      config: send,
      schema: {
        tags,
        summary: 'Take back a mark made by mistake',
        params: idParams,
        body: letterDeliveryVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const version = requireVersion(request, request.body?.version);
      await deliveries.undoLetterSent(db, request.ctx, request.actor!, request.params.id, version);
      return { ok: true as const };
    },
  );
};
