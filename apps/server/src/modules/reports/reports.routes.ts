import {
  idParams,
  workSummaryEditBody,
  workSummaryExportQuery,
  workSummaryFindResponse,
  workSummaryGenerateBody,
  workSummaryQuery,
  workSummaryView,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { contentDisposition } from '../attachments/content-disposition';
import * as service from './work-summary.service';

const tags = ['reports'];
const write = { access: { permission: 'report.write' as const } };
const types = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** 工作总结: draft from the records, edit paragraphs, export .docx / PDF. */
export const reportRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database, config }) => {
  const db = database.db;

  app.get(
    '/reports/work-summary',
    {
      config: write,
      schema: {
        tags,
        summary: 'The unit’s draft for the term, or null before the first draft',
        querystring: workSummaryQuery,
        response: { 200: workSummaryFindResponse },
      },
    },
    async (request) => service.findWorkSummary(db, request.ctx, request.actor!, request.query),
  );

  app.post(
    '/reports/work-summary',
    {
      config: write,
      schema: {
        tags,
        summary: 'Draft (or redraft) the unit’s summary from the records; edited paragraphs are kept',
        body: workSummaryGenerateBody,
        response: { 200: workSummaryView },
      },
    },
    async (request) => service.generateWorkSummary(db, request.ctx, request.actor!, request.body),
  );

  app.patch(
    '/reports/work-summary/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit the title or paragraphs (text null: back to the draft)',
        params: idParams,
        body: workSummaryEditBody,
        response: { 200: workSummaryView },
      },
    },
    async (request) => service.editWorkSummary(db, request.ctx, request.actor!, request.params.id, request.body),
  );

  app.get(
    '/reports/work-summary/:id/export',
    {
      config: write,
      schema: {
        tags,
        summary: 'The summary as .docx (default) or PDF (audited)',
        params: idParams,
        querystring: workSummaryExportQuery,
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const file = await service.exportWorkSummary(db, request.ctx, request.actor!, config, request.params.id, format);
      return reply
        .header('content-type', types[format])
        .header('content-disposition', contentDisposition('attachment', file.fileName))
        .send(file.buffer);
    },
  );
};
