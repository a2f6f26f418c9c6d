import { auditListQuery, auditView, listResponse } from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { presentAuditEvent } from './audit.presenter';
import * as service from './audit.service';

/** Read-only: audit rows are append-only evidence (a database trigger refuses UPDATE and DELETE). */
export const auditRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/audit-events',
    {
      config: { access: { permission: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'Audit log of the units in scope, newest first',
        description:
          'Rows of the units below the caller’s audit grants; county administrators also see the county’s rows ' +
          'tied to no unit (sign-ins, refused requests). from/to are inclusive dates in China time; orgId covers ' +
          'the unit and its subtree.',
        querystring: auditListQuery,
        response: { 200: listResponse(auditView) },
      },
    },
    async (request) => {
      const { rows, total } = await service.listAuditEvents(db, request.ctx, request.actor!, request.query);
      const { page, pageSize } = request.query;
      return { items: rows.map(presentAuditEvent), total, page, pageSize };
    },
  );
};
