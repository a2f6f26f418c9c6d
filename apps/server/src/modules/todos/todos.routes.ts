import {
  calendarQuery,
  calendarResponse,
  childScheduleQuery,
  childScheduleResponse,
  complianceQuery,
  complianceResponse,
  idParams,
  todayIso,
  todoCounts,
  todoListResponse,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { calendarOf } from './calendar.service';
import { childSchedule } from './child-schedule.service';
import { schoolCompliance } from './compliance.service';
import { refreshStaleCompliance } from './compliance-cache.repository';
import { todosOf } from './todos.service';

const tags = ['todos'];
/** How often the pre-aggregated 完成率 of schools written to since is recomputed in the background. */
const COMPLIANCE_REFRESH_MS = 2 * 60_000;

/** What each user owes (待办), their calendar, a child's schedule and a school's 完成率 per rule. */
export const todoRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  const timer = setInterval(() => {
    refreshStaleCompliance(db).catch((error: unknown) =>
      app.log.error({ err: error }, 'refreshing the compliance tallies failed'),
    );
  }, COMPLIANCE_REFRESH_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));

  // Everyone has a to-do list: care duties for those who keep records, other modules' tasks (a
  // concern to acknowledge, a mailbox message, a review) for the rest; todosOf answers only the
  // caller's own.
  app.get(
    '/todos',
    {
      config: { access: { permission: 'authenticated' } },
      schema: {
        tags,
        summary: 'What the caller owes now: overdue, due this week, open follow-ups (with a record link)',
        response: { 200: todoListResponse },
      },
    },
    async (request) => todosOf(db, request.ctx, request.actor!, todayIso()),
  );

  app.get(
    '/todos/counts',
    {
      config: { access: { permission: 'authenticated' } },
      schema: { tags, summary: 'The counts for the navigation badge', response: { 200: todoCounts } },
    },
    async (request) => (await todosOf(db, request.ctx, request.actor!, todayIso())).counts,
  );

  app.get(
    '/calendar',
    {
      config: { access: { permission: 'care_record.read' } },
      schema: {
        tags,
        summary: 'Home-visit windows and the birthdays of the caller’s children between two dates (≤ 93 days)',
        querystring: calendarQuery,
        response: { 200: calendarResponse },
      },
    },
    async (request) => calendarOf(db, request.ctx, request.actor!, request.query.from, request.query.to),
  );

  app.get(
    '/children/:id/schedule',
    {
      config: { access: { permission: 'care_record.read' } },
      schema: {
        tags: [...tags, 'children'],
        summary: 'A child’s duties for a term: each rule, period, status and who owes it',
        params: idParams,
        querystring: childScheduleQuery,
        response: { 200: childScheduleResponse },
      },
    },
    async (request) => childSchedule(db, request.ctx, request.actor!, request.params.id, request.query.termId),
  );

  app.get(
    '/stats/compliance',
    {
      config: { access: { permission: 'stats.read' } },
      schema: {
        tags: ['stats'],
        summary: '完成率 per care rule of a school for a term: (child, period) pairs with a record / pairs due',
        querystring: complianceQuery,
        response: { 200: complianceResponse },
      },
    },
    async (request) => schoolCompliance(db, request.ctx, request.actor!, request.query),
  );
};
