import { complianceChildrenQuery, complianceChildrenResponse } from '@shouwang/shared/schemas/compliance';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { complianceChildren } from './compliance-children.service';

/** The children behind a school's 完成率: who missed which period of which rule. */
export const complianceChildrenRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  app.get(
    '/stats/compliance/children',
    {
      config: { access: { permission: 'stats.read' } },
      schema: {
        tags: ['stats'],
        summary: 'Per care rule, the children with an ended period of the term without a record (未完成名单)',
        querystring: complianceChildrenQuery,
        response: { 200: complianceChildrenResponse },
      },
    },
    async (request) => complianceChildren(database.db, request.ctx, request.actor!, request.query),
  );
};
