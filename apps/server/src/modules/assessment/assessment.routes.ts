import {
  assessmentListResponse,
  assessmentQuery,
  assessmentScoreBody,
  assessmentSheetParams,
  assessmentSheetResponse,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { contentDisposition } from '../attachments/content-disposition';
import * as service from './assessment.service';
import { exportAssessment } from './assessment-export';

const tags = ['assessments'];
// Staff read their own sheet, the county any: the policy decides (assessment.policy.ts).
const own = { access: { permission: 'authenticated' as const } };
const readAll = { access: { permission: 'assessment.read' as const } };
const score = { access: { permission: 'assessment.score' as const } };
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 考核: the school's ranked sheets, one staff member's sheet, rubric scoring and the .xlsx export. */
export const assessmentRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/assessments',
    {
      config: readAll,
      schema: {
        tags,
        summary: 'Every staff member’s sheet of a school for a term, ranked',
        querystring: assessmentQuery,
        response: { 200: assessmentListResponse },
      },
    },
    async (request) => service.schoolAssessment(db, request.ctx, request.actor!, request.query),
  );

  app.get(
    '/assessments/export.xlsx',
    {
      config: readAll,
      schema: { tags, summary: 'The ranked sheets as .xlsx (audited)', querystring: assessmentQuery },
    },
    async (request, reply) => {
      const { buffer, fileName } = await exportAssessment(db, request.ctx, request.actor!, request.query);
      return reply
        .header('content-type', xlsxType)
        .header('content-disposition', contentDisposition('attachment', fileName))
        .send(buffer);
    },
  );

  app.get(
    '/assessments/staff/:userId',
    {
      config: own,
      schema: {
        tags,
        summary: 'One staff member’s sheet: one’s own, or anyone’s for those who read the school’s sheets',
        params: assessmentSheetParams,
        querystring: assessmentQuery,
        response: { 200: assessmentSheetResponse },
      },
    },
    async (request) => service.staffSheet(db, request.ctx, request.actor!, request.params.userId, request.query),
  );

  app.put(
    '/assessments/staff/:userId',
    {
      config: score,
      schema: {
        tags,
        summary: 'Score the rubric of a staff member (school administrators; version after the first time)',
        params: assessmentSheetParams,
        body: assessmentScoreBody,
        response: { 200: assessmentSheetResponse },
      },
    },
    async (request) => service.scoreStaff(db, request.ctx, request.actor!, request.params.userId, request.body),
  );
};
