import multipart from '@fastify/multipart';
import { childExportQuery, childImportQuery, childImportReport, childTemplateQuery, idParams } from '@shouwang/shared';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { contentDisposition } from '../attachments/content-disposition';
import { readSingleUpload } from '../attachments/multipart-upload';
import { exportChildren } from './children-export';
import { importChildren } from './children-import';
import { OrgDirectory } from './children-import-orgs';
import { layouts } from './children-import-rows';
import { buildTemplate } from './children-template';
import { childContactCard, orgContactCards } from './contact-card.service';

const tags = ['children'];
const read = { access: { permission: 'child.read' as const } };
const write = { access: { permission: 'child.write' as const } };
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel template, import and export of archives; printable contact cards. */
export const childFileRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database, config }) => {
  const db = database.db;
  await app.register(multipart, { limits: { fileSize: config.imports.maxBytes, files: 1 } });

  app.get(
    '/children/import-template.xlsx',
    {
      config: write,
      schema: {
        tags,
        summary: 'The import template (drop-downs, instructions); format=mca for the national form layout',
        querystring: childTemplateQuery,
      },
    },
    async (request, reply) => {
      const layout = layouts[request.query.format];
      const orgs = await OrgDirectory.load(db, request.actor!);
      const buffer = await buildTemplate(layout, orgs.writableLists(), config.imports.maxRows);
      return reply
        .header('content-type', xlsxType)
        .header('content-disposition', contentDisposition('attachment', `${layout.title}.xlsx`))
        .send(buffer);
    },
  );

  app.post(
    '/children/import',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Import an .xlsx (multipart field `file`): mode=dry-run reports every problem, mode=commit writes all or nothing',
        querystring: childImportQuery,
        response: { 200: childImportReport },
      },
    },
    async (request) => {
      const upload = await readSingleUpload(request, config.imports.maxBytes);
      return importChildren(db, request.ctx, request.actor!, config.imports, upload, request.query);
    },
  );

  app.get(
    '/children/export.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The filtered list as .xlsx (format=mca for the national form); idNumbers=full needs the grant, audited',
        querystring: childExportQuery,
      },
    },
    async (request, reply) => {
      const { buffer, fileName } = await exportChildren(
        db,
        request.ctx,
        request.actor!,
        request.query,
        config.exports.maxRows,
      );
      return reply
        .header('content-type', xlsxType)
        .header('content-disposition', contentDisposition('attachment', fileName))
        .send(buffer);
    },
  );

  const pdf = (reply: FastifyReply, file: { pdf: Buffer; fileName: string }) =>
    reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', contentDisposition('inline', file.fileName))
      .send(file.pdf);

  app.get(
    '/children/:id/contact-card.pdf',
    {
      config: read,
      schema: { tags, summary: 'The child’s 联系卡 as PDF (audited: it holds phone numbers)', params: idParams },
    },
    async (request, reply) =>
      pdf(reply, await childContactCard(db, request.ctx, request.actor!, request.params.id, config.pdf)),
  );

  app.get(
    '/orgs/:id/contact-cards.pdf',
    {
      config: read,
      schema: {
        tags,
        summary: 'The 联系卡 of every child of a class or village the caller may read, several per A4 page',
        params: idParams,
      },
    },
    async (request, reply) =>
      pdf(reply, await orgContactCards(db, request.ctx, request.actor!, request.params.id, config.pdf)),
  );
};
