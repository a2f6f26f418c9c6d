import { kpiTargetsBody, kpiTargetsQuery, kpiTargetsResponse } from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { getTargets, setTargets } from './targets.service';

const tags = ['stats'];

/** KPI targets per scope and term (目标值): read by everyone who reads the statistics, set by unit leads. */
export const targetRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/stats/targets',
    {
      config: { access: { permission: 'stats.read' } },
      schema: {
        tags,
        summary: 'The targets in force for a scope and term, and where each comes from',
        querystring: kpiTargetsQuery,
        response: { 200: kpiTargetsResponse },
      },
    },
    async (request) => getTargets(db, request.ctx, request.actor!, request.query),
  );

  app.put(
    '/stats/targets',
    {
      config: { access: { permission: 'stats.set_targets' } },
      schema: {
        tags,
        summary: 'Sets (or with null clears) a scope’s own targets for a term, in percent 0–100; audited',
        body: kpiTargetsBody,
        response: { 200: kpiTargetsResponse },
      },
    },
    async (request) => setTargets(db, request.ctx, request.actor!, request.body),
  );
};
