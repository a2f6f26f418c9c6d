import {
  anonymizeDueBody,
  anonymizeDueResponse,
  consentCreateBody,
  consentListResponse,
  consentParams,
  consentView,
  consentWithdrawBody,
  correctionCreateBody,
  correctionListResponse,
  correctionParams,
  correctionResolveBody,
  correctionView,
  idParams,
  privacyExportView,
  privacyOfficerBody,
  privacyOfficerView,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { AppError } from '../../lib/errors';
import { renderPdf, requirePdfFont } from '../../lib/pdf';
import { requireVersion } from '../../lib/versioning';
import { AttachmentStorage } from '../attachments/attachment-storage';
import { contentDisposition } from '../attachments/content-disposition';
import { anonymizeExpiredChildren, childrenDue, retentionYears } from './anonymize';
import { listCorrections, recordCorrection, resolveCorrection } from './correction-requests.service';
import { countyPrivacyGrant } from './privacy.policy';
import { listConsents, recordConsent, withdrawConsent } from './privacy-consent.service';
import { privacyExportDocument } from './privacy-export.pdf';
import { buildPrivacyExport } from './privacy-export.service';
import { getOfficer, setOfficer } from './privacy-officer.service';

const tags = ['privacy'];
const manage = { access: { permission: 'privacy.manage' as const } };
const read = { access: { permission: 'child.read' as const } };

/** Privacy rights (PIPL): a child's record for a guardian's request, consent per data category, the officer. */
export const privacyRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database, config }) => {
  const db = database.db;

  app.get(
    '/children/:id/privacy-export.json',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Everything held about the child that the caller may see, for a guardian’s request (audited)',
        params: idParams,
        response: { 200: privacyExportView },
      },
    },
    async (request, reply) => {
      const { view } = await buildPrivacyExport(
        db,
        request.ctx,
        request.actor!,
        request.params.id,
        request.ctx.language,
      );
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', contentDisposition('attachment', `${view.child.name}-个人信息副本.json`))
        .send(view);
    },
  );

  app.get(
    '/children/:id/privacy-export.pdf',
    {
      config: manage,
      schema: { tags, summary: 'The same export as PDF (audited)', params: idParams },
    },
    async (request, reply) => {
      requirePdfFont(config.pdf);
      const language = request.ctx.language;
      const { view } = await buildPrivacyExport(db, request.ctx, request.actor!, request.params.id, language);
      const pdf = await renderPdf(privacyExportDocument(view, language === 'en'), config.pdf);
      return reply
        .header('cache-control', 'no-store')
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition('attachment', `${view.child.name}-个人信息副本.pdf`))
        .send(pdf);
    },
  );

  app.get(
    '/children/:id/consents',
    {
      config: read,
      schema: {
        tags,
        summary: 'Consents and legal bases of the child, per data category',
        params: idParams,
        response: { 200: consentListResponse },
      },
    },
    async (request) => listConsents(db, request.ctx, request.actor!, request.params.id),
  );

  app.post(
    '/children/:id/consents',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record a guardian’s consent or the legal basis for a data category',
        params: idParams,
        body: consentCreateBody,
        response: { 201: consentView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordConsent(db, request.ctx, request.actor!, request.params.id, request.body)),
  );

  app.post(
    '/children/:id/consents/:consentId/withdraw',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Withdraw a consent (with the reason); the row stays',
        params: consentParams,
        body: consentWithdrawBody,
        response: { 200: consentView },
      },
    },
    async (request) =>
      withdrawConsent(
        db,
        request.ctx,
        request.actor!,
        request.params.id,
        request.params.consentId,
        requireVersion(request, request.body.version),
        request.body.reason,
      ),
  );

  app.get(
    '/privacy/officer',
    {
      config: { access: { permission: 'authenticated' as const } },
      schema: {
        tags,
        summary: 'The data-protection officer of the caller’s county',
        response: { 200: privacyOfficerView },
      },
    },
    async (request) => getOfficer(db, request.actor!),
  );

  app.put(
    '/privacy/officer',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Name the county’s data-protection officer (county administrators)',
        body: privacyOfficerBody,
        response: { 200: privacyOfficerView },
      },
    },
    async (request) => setOfficer(db, request.ctx, request.actor!, request.body),
  );

  app.post(
    '/privacy/anonymize-due',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Anonymize the county’s children past the retention period (dryRun: only count them)',
        body: anonymizeDueBody,
        response: { 200: anonymizeDueResponse },
      },
    },
    async (request) => {
      const grant = countyPrivacyGrant(request.actor!);
      if (!grant) throw new AppError('FORBIDDEN');
      const years = retentionYears();
      const now = new Date();
      if (request.body.dryRun) {
        const due = await childrenDue(db, now, years, grant.countyId);
        return { dryRun: true, retentionYears: years, count: due.length };
      }
      const ids = await anonymizeExpiredChildren(db, now, {
        years,
        countyId: grant.countyId,
        ctx: request.ctx,
        storage: new AttachmentStorage(config.attachments.dir),
      });
      return { dryRun: false, retentionYears: years, count: ids.length };
    },
  );

  app.get(
    '/children/:id/correction-requests',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Correction requests of the child',
        params: idParams,
        response: { 200: correctionListResponse },
      },
    },
    async (request) => listCorrections(db, request.ctx, request.actor!, request.params.id),
  );

  app.post(
    '/children/:id/correction-requests',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record a guardian’s request to correct the child’s data',
        params: idParams,
        body: correctionCreateBody,
        response: { 201: correctionView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordCorrection(db, request.ctx, request.actor!, request.params.id, request.body)),
  );

  app.post(
    '/children/:id/correction-requests/:requestId/resolve',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Close a correction request: corrected (linked to the archive change) or refused',
        params: correctionParams,
        body: correctionResolveBody,
        response: { 200: correctionView },
      },
    },
    async (request) =>
      resolveCorrection(
        db,
        request.ctx,
        request.actor!,
        request.params.id,
        request.params.requestId,
        requireVersion(request, request.body.version),
        request.body,
      ),
  );
};
