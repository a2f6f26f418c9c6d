import {
  careRuleCreateBody,
  careRuleListQuery,
  careRuleUpdateBody,
  careRuleVersionBody,
  careRuleView,
  careSettingsParams,
  careSettingsUpdateBody,
  careSettingsView,
  idParams,
  okResponse,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import { presentCareRule, presentCareSettings } from './care-rules.presenter';
import * as service from './care-rules.service';

const tags = ['care-rules'];
const read = { access: { permission: 'care_rule.read' as const } };
const manage = { access: { permission: 'care_rule.manage' as const } };

/** 关爱规范 of a school (created from the seed's defaults on first use) and the school's care settings. */
export const careRuleRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/care-rules',
    {
      config: read,
      schema: {
        tags,
        summary: 'The care rules of a school (the defaults are created on first use)',
        querystring: careRuleListQuery,
        response: { 200: z.object({ items: z.array(careRuleView) }) },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const rows = await service.listSchoolRules(db, request.ctx, actor, request.query.schoolId);
      return { items: rows.map((r) => presentCareRule(actor, r)) };
    },
  );

  app.post(
    '/care-rules',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a care rule to a school',
        body: careRuleCreateBody,
        response: { 201: careRuleView },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const row = await service.createRule(db, request.ctx, actor, request.body);
      return reply.status(201).send(presentCareRule(actor, row));
    },
  );

  app.patch(
    '/care-rules/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit a care rule',
        params: idParams,
        body: careRuleUpdateBody,
        response: { 200: careRuleView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const { version, ...changes } = request.body;
      const row = await service.updateRule(
        db,
        request.ctx,
        actor,
        request.params.id,
        requireVersion(request, version),
        changes,
        (r) => presentCareRule(actor, r),
      );
      return presentCareRule(actor, row);
    },
  );

  app.delete(
    '/care-rules/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Remove a care rule (soft delete)',
        params: idParams,
        body: careRuleVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const actor = request.actor!;
      await service.deleteRule(
        db,
        request.ctx,
        actor,
        request.params.id,
        requireVersion(request, request.body?.version),
        (r) => presentCareRule(actor, r),
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/care-settings/:schoolId',
    {
      config: read,
      schema: {
        tags,
        summary: 'A school’s pairing capacity per kind and record edit window',
        params: careSettingsParams,
        response: { 200: careSettingsView },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const row = await service.getSettings(db, request.ctx, actor, request.params.schoolId);
      reply.header('etag', `"${row.version}"`);
      return presentCareSettings(actor, row);
    },
  );

  app.patch(
    '/care-settings/:schoolId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a school’s pairing capacity or record edit window',
        params: careSettingsParams,
        body: careSettingsUpdateBody,
        response: { 200: careSettingsView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const { version, ...changes } = request.body;
      const row = await service.updateSettings(
        db,
        request.ctx,
        actor,
        request.params.schoolId,
        requireVersion(request, version),
        changes,
        (r) => presentCareSettings(actor, r),
      );
      return presentCareSettings(actor, row);
    },
  );
};
