import {
  gradeBatchBody,
  gradeBatchResponse,
  gradeListQuery,
  gradeListResponse,
  idParams,
  okResponse,
  progressView,
  studyPlanCreateBody,
  studyPlanListQuery,
  studyPlanUpdateBody,
  studyPlanVersionBody,
  studyPlanView,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import * as grades from './grades.service';
import * as plans from './study-plans.service';
import { saveGrades } from './use-cases/save-grades';

const tags = ['learning'];
const read = { access: { permission: 'learning.read' as const } };
const write = { access: { permission: 'learning.write' as const } };

/** 学习帮扶: study plans, term grades (class batch), the child's progress archive. */
export const learningRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/study-plans',
    {
      config: read,
      schema: {
        tags,
        summary: 'A child’s study plans, newest first',
        querystring: studyPlanListQuery,
        response: { 200: z.object({ items: z.array(studyPlanView) }) },
      },
    },
    async (request) => plans.listPlans(db, request.ctx, request.actor!, request.query.childId),
  );

  app.get(
    '/study-plans/:id',
    { config: read, schema: { tags, summary: 'One study plan', params: idParams, response: { 200: studyPlanView } } },
    async (request) => plans.getPlan(db, request.ctx, request.actor!, request.params.id),
  );

  app.post(
    '/study-plans',
    {
      config: write,
      schema: { tags, summary: 'Make a study plan', body: studyPlanCreateBody, response: { 201: studyPlanView } },
    },
    async (request, reply) =>
      reply.status(201).send(await plans.createPlan(db, request.ctx, request.actor!, request.body)),
  );

  app.patch(
    '/study-plans/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a study plan (goals reached, what helped …)',
        params: idParams,
        body: studyPlanUpdateBody,
        response: { 200: studyPlanView },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      return plans.updatePlan(
        db,
        request.ctx,
        request.actor!,
        request.params.id,
        requireVersion(request, version),
        changes,
      );
    },
  );

  app.delete(
    '/study-plans/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete a study plan (soft)',
        params: idParams,
        body: studyPlanVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const version = requireVersion(request, request.body?.version);
      await plans.deletePlan(db, request.ctx, request.actor!, request.params.id, version);
      return { ok: true as const };
    },
  );

  app.get(
    '/grades',
    {
      config: read,
      schema: {
        tags,
        summary: 'Term grades of a class or of a child (classId or childId)',
        querystring: gradeListQuery,
        response: { 200: gradeListResponse },
      },
    },
    async (request) => grades.listGrades(db, request.ctx, request.actor!, request.query),
  );

  app.post(
    '/grades/batch',
    {
      config: write,
      schema: {
        tags,
        summary: 'A class’s term scores for one or more subjects, all or nothing',
        body: gradeBatchBody,
        response: { 200: gradeBatchResponse },
      },
    },
    async (request) => saveGrades(db, request.ctx, request.actor!, request.body),
  );

  app.get(
    '/children/:id/progress',
    {
      config: read,
      schema: {
        tags: [...tags, 'children'],
        summary: '进步档案: scores per term as percentages, and what helped',
        params: idParams,
        response: { 200: progressView },
      },
    },
    async (request) => grades.childProgress(db, request.ctx, request.actor!, request.params.id),
  );
};
