import {
  aidCreateBody,
  aidListQuery,
  aidVersionBody,
  aidView,
  birthdayCelebrationBody,
  birthdayCelebrationResponse,
  birthdaysQuery,
  childActivitiesAidView,
  fundEntryCreateBody,
  fundEntryView,
  fundLedgerQuery,
  fundLedgerView,
  idParams,
  listResponse,
  okResponse,
  upcomingBirthdaysResponse,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { requireVersion } from '../../lib/versioning';
import * as service from './aid.service';
import { celebrateBirthday, upcomingBirthdays } from './birthdays.service';
import * as ledger from './fund-ledger.service';

const tags = ['aid'];
const read = { access: { permission: 'aid.read' as const } };
const write = { access: { permission: 'aid.write' as const } };

/** 资助 records, the schools' funding ledger, upcoming birthdays and the one-click celebration. */
export const aidRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/aid',
    {
      config: read,
      schema: {
        tags,
        summary: 'Aid records of children in scope',
        querystring: aidListQuery,
        response: { 200: listResponse(aidView) },
      },
    },
    async (request) => service.listVisibleAid(db, request.actor!, request.query),
  );

  app.post(
    '/aid',
    {
      config: write,
      schema: { tags, summary: 'Record aid given to a child', body: aidCreateBody, response: { 201: aidView } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createAid(db, request.ctx, request.actor!, request.body)),
  );

  app.delete(
    '/aid/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete an aid record (soft)',
        params: idParams,
        body: aidVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const version = requireVersion(request, request.body?.version);
      await service.deleteAid(db, request.ctx, request.actor!, request.params.id, version);
      return { ok: true as const };
    },
  );

  app.get(
    '/fund-ledger',
    {
      config: read,
      schema: {
        tags,
        summary: 'A school’s funding ledger for a term: balance carried in, income by source, spending by purpose',
        querystring: fundLedgerQuery,
        response: { 200: fundLedgerView },
      },
    },
    async (request) => ledger.getLedger(db, request.ctx, request.actor!, request.query),
  );

  app.post(
    '/fund-ledger/entries',
    {
      config: { access: { permission: 'fund.write' as const } },
      schema: {
        tags,
        summary: 'Add income or spending to a school’s ledger',
        body: fundEntryCreateBody,
        response: { 201: fundEntryView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await ledger.addEntry(db, request.ctx, request.actor!, request.body)),
  );

  app.delete(
    '/fund-ledger/entries/:id',
    {
      config: { access: { permission: 'fund.write' as const } },
      schema: {
        tags,
        summary: 'Delete a ledger entry (soft)',
        params: idParams,
        body: aidVersionBody.optional(),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const version = requireVersion(request, request.body?.version);
      await ledger.deleteEntry(db, request.ctx, request.actor!, request.params.id, version);
      return { ok: true as const };
    },
  );

  app.get(
    '/birthdays/upcoming',
    {
      config: { access: { permission: 'child.read' as const } },
      schema: {
        tags,
        summary: 'Birthdays of children in scope in the coming days',
        querystring: birthdaysQuery,
        response: { 200: upcomingBirthdaysResponse },
      },
    },
    async (request) => upcomingBirthdays(db, request.actor!, request.query.days),
  );

  app.post(
    '/children/:id/birthday-celebrations',
    {
      config: { access: { permission: 'care_record.write' as const } },
      schema: {
        tags,
        summary: 'Celebrate a birthday: a life-care record and, with a gift, an aid record — both or neither',
        params: idParams,
        body: birthdayCelebrationBody,
        response: { 200: birthdayCelebrationResponse, 201: birthdayCelebrationResponse },
      },
    },
    async (request, reply) => {
      const { replayed, ...result } = await celebrateBirthday(
        db,
        request.ctx,
        request.actor!,
        request.params.id,
        request.body,
      );
      return reply.status(replayed ? 200 : 201).send(result);
    },
  );

  app.get(
    '/children/:id/activities-aid',
    {
      config: { access: { permission: 'child.read' as const } },
      schema: {
        tags: [...tags, 'children'],
        summary: 'A child’s activities, awards and aid',
        params: idParams,
        response: { 200: childActivitiesAidView },
      },
    },
    async (request) => service.childActivitiesAid(db, request.ctx, request.actor!, request.params.id),
  );
};
