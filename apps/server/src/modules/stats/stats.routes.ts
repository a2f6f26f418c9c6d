import {
  dashboardResponse,
  kpiChildrenExportQuery,
  kpiChildrenQuery,
  kpiChildrenResponse,
  statsExportQuery,
  statsScopeQuery,
  trendResponse,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { contentDisposition } from '../attachments/content-disposition';
import { refreshKpiCaches } from './kpi-cache.repository';
import { childrenBehind } from './stats-children.service';
import { dashboard, trend } from './stats-dashboard.service';
import { exportKpiChildren, exportStats } from './stats-export';

const tags = ['stats'];
const read = { access: { permission: 'stats.read' as const } };
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** How often the KPI cache takes in writes and moves a running term's window to today in the background. */
const KPI_REFRESH_MS = 2 * 60_000;

/** The dashboard of a scope and term: KPIs against targets, breakdowns, comparison, trend, drill-down, exports. */
export const statsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database, config }) => {
  const db = database.db;

  const timer = setInterval(() => {
    refreshKpiCaches(db).catch((error: unknown) => app.log.error({ err: error }, 'refreshing the KPI cache failed'));
  }, KPI_REFRESH_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));

  app.get(
    '/stats/dashboard',
    {
      config: read,
      schema: {
        tags,
        summary: 'KPIs of a scope (default: the caller’s unit) and term against targets, breakdowns and comparison',
        querystring: statsScopeQuery,
        response: { 200: dashboardResponse },
      },
    },
    async (request) => dashboard(db, request.ctx, request.actor!, request.query),
  );

  app.get(
    '/stats/trend',
    {
      config: read,
      schema: {
        tags,
        summary: 'The four child KPIs of the scope over its last six terms',
        querystring: statsScopeQuery,
        response: { 200: trendResponse },
      },
    },
    async (request) => trend(db, request.ctx, request.actor!, request.query),
  );

  app.get(
    '/stats/children',
    {
      config: read,
      schema: {
        tags,
        summary: 'The children behind a figure: in its numerator, or missing from it (with the reason)',
        querystring: kpiChildrenQuery,
        response: { 200: kpiChildrenResponse },
      },
    },
    async (request) => childrenBehind(db, request.actor!, request.query, request.ctx),
  );

  app.get(
    '/stats/children/export.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: 'The children behind a figure as .xlsx (no ID numbers), audited',
        querystring: kpiChildrenExportQuery,
      },
    },
    async (request, reply) => {
      const file = await exportKpiChildren(db, request.ctx, request.actor!, request.query, config.exports.maxRows);
      return reply
        .header('content-type', xlsxType)
        .header('content-disposition', contentDisposition('attachment', file.fileName))
        .send(file.buffer);
    },
  );

  app.get(
    '/stats/export.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: 'The dashboard’s statistics as .xlsx, one sheet each (or one section), audited',
        querystring: statsExportQuery,
      },
    },
    async (request, reply) => {
      const file = await exportStats(db, request.ctx, request.actor!, request.query);
      return reply
        .header('content-type', xlsxType)
        .header('content-disposition', contentDisposition('attachment', file.fileName))
        .send(file.buffer);
    },
  );
};
