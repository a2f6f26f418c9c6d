import {
  idParams,
  listResponse,
  mailboxAlertList,
  mailboxBoxBody,
  mailboxLinkChildBody,
  mailboxListQuery,
  mailboxMessageView,
  mailboxReplyBody,
  mailboxSchoolList,
  mailboxSchoolParams,
  mailboxSchoolView,
  mailboxTriageBody,
  mailboxVersionBody,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import { contentDisposition } from '../attachments/content-disposition';
import * as boxes from './mailbox-boxes.service';
import * as inbox from './mailbox-inbox.service';

const tags = ['mailbox'];
/**
 * The inbox routes are open to every signed-in user and decided by the policy: whoever is not a
 * counselor of the school is told the message does not exist (404), so the routes do not even
 * confirm that a mailbox holds messages.
 */
const signedIn = { access: { permission: 'authenticated' as const } };
const configure = { access: { permission: 'mailbox.configure' as const } };

/** 悄悄话信箱: the counselor's inbox, the administrators' alerts, the school's settings and poster. */
export const mailboxRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database, config }) => {
  const db = database.db;

  app.get(
    '/mailbox/messages',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'The inbox of the counselor’s schools: open urgent messages first (counselors only)',
        querystring: mailboxListQuery,
        response: { 200: listResponse(mailboxMessageView) },
      },
    },
    async (request) => inbox.listInbox(db, request.ctx, request.actor!, request.query),
  );

  app.get(
    '/mailbox/messages/:id',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'One message (counselors only; audited)',
        params: idParams,
        response: { 200: mailboxMessageView },
      },
    },
    async (request, reply) => {
      const view = await inbox.getMessage(db, request.ctx, request.actor!, request.params.id);
      reply.header('etag', `"${view.version}"`);
      return view;
    },
  );

  app.patch(
    '/mailbox/messages/:id',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Triage: take the message on, put it back, mark it urgent',
        params: idParams,
        body: mailboxTriageBody,
        response: { 200: mailboxMessageView },
      },
    },
    async (request) => {
      const { version, ...body } = request.body;
      const v = requireVersion(request, version);
      return inbox.triageMessage(db, request.ctx, request.actor!, request.params.id, v, body);
    },
  );

  app.post(
    '/mailbox/messages/:id/reply',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Reply; the child reads it with the pickup code',
        params: idParams,
        body: mailboxReplyBody,
        response: { 200: mailboxMessageView },
      },
    },
    async (request) =>
      inbox.replyToMessage(
        db,
        request.ctx,
        request.actor!,
        request.params.id,
        requireVersion(request, request.body.version),
        request.body.reply,
      ),
  );

  app.post(
    '/mailbox/messages/:id/link-child',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Link the message to a child of the school (or unlink with null)',
        params: idParams,
        body: mailboxLinkChildBody,
        response: { 200: mailboxMessageView },
      },
    },
    async (request) =>
      inbox.linkChild(
        db,
        request.ctx,
        request.actor!,
        request.params.id,
        requireVersion(request, request.body.version),
        request.body.childId,
      ),
  );

  app.post(
    '/mailbox/messages/:id/close',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Close the message',
        params: idParams,
        body: mailboxVersionBody,
        response: { 200: mailboxMessageView },
      },
    },
    async (request) =>
      inbox.closeMessage(
        db,
        request.ctx,
        request.actor!,
        request.params.id,
        requireVersion(request, request.body.version),
      ),
  );

  app.get(
    '/mailbox/alerts',
    {
      config: configure,
      schema: {
        tags,
        summary: 'Urgent messages not yet closed: when, where and who handles them, never the text',
        response: { 200: mailboxAlertList },
      },
    },
    async (request) => inbox.listAlerts(db, request.actor!),
  );

  app.get(
    '/mailbox/boxes',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Schools whose mailbox the caller configures or reads',
        response: { 200: mailboxSchoolList },
      },
    },
    async (request) => boxes.listBoxes(db, request.actor!),
  );

  app.put(
    '/mailbox/boxes/:schoolId',
    {
      config: configure,
      schema: {
        tags,
        summary: 'Open the school’s mailbox (201) or change its settings (with version)',
        params: mailboxSchoolParams,
        body: mailboxBoxBody,
        response: { 200: mailboxSchoolView, 201: mailboxSchoolView },
      },
    },
    async (request, reply) => {
      const { view, created } = await boxes.saveBox(
        db,
        request.ctx,
        request.actor!,
        request.params.schoolId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.get(
    '/mailbox/boxes/:schoolId/poster.pdf',
    {
      config: signedIn,
      schema: { tags, summary: 'The printable poster with the short link and QR code', params: mailboxSchoolParams },
    },
    async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      const file = await boxes.boxPoster(db, request.ctx, request.actor!, request.params.schoolId, origin, config.pdf);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition('inline', file.fileName))
        .send(file.pdf);
    },
  );
};
