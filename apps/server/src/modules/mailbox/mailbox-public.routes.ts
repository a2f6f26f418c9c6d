import { createHash, randomBytes } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import {
  mailboxCodeParams,
  mailboxMessageCreateBody,
  mailboxMessageCreated,
  mailboxPickupBody,
  mailboxPickupView,
  publicMailboxView,
} from '@shouwang/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { AppError } from '../../lib/errors';
import { pickUpReply, postMessage, publicMailbox } from './use-cases/public-mailbox';

const tags = ['mailbox'];
const open = { public: true as const };
const minutes = (n: number) => n * 60_000;

/** Rate limits of the public page, per sender (see the key below). */
export const mailboxRateLimits = {
  page: { max: 60, timeWindow: minutes(1) },
  post: { max: 8, timeWindow: minutes(10) },
  pickup: { max: 15, timeWindow: minutes(10) },
};

/** Largest request body of the public page: a 2,000-character message with room to spare. */
const postBodyLimit = 16 * 1024;

/**
 * The whisper mailbox's public routes: no sign-in, Chinese unless the browser asks for English.
 * Nothing here stores the sender's IP or user agent. The rate limiter counts per sender in memory
 * only, under a salted hash of the address that changes with every start of the server.
 */
export const mailboxPublicRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;
  const salt = randomBytes(16);
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) => createHash('sha256').update(salt).update(request.ip).digest('base64url'),
    errorResponseBuilder: () => new AppError('MAILBOX_TOO_MANY'),
  });

  app.get(
    '/public/mailbox/:code',
    {
      config: { access: open, rateLimit: mailboxRateLimits.page },
      schema: {
        tags,
        summary: 'The school behind a mailbox link (public)',
        params: mailboxCodeParams,
        response: { 200: publicMailboxView },
      },
    },
    async (request) => publicMailbox(db, request.params.code),
  );

  app.post(
    '/public/mailbox/:code',
    {
      bodyLimit: postBodyLimit,
      config: { access: open, rateLimit: mailboxRateLimits.post },
      schema: {
        tags,
        summary: 'Leave a message (public); answers the pickup code for the reply, once',
        params: mailboxCodeParams,
        body: mailboxMessageCreateBody,
        response: { 201: mailboxMessageCreated },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await postMessage(db, request.ctx, request.params.code, request.body)),
  );

  app.post(
    '/public/mailbox/replies',
    {
      bodyLimit: 1024,
      config: { access: open, rateLimit: mailboxRateLimits.pickup },
      schema: {
        tags,
        summary: 'Read the reply with the pickup code (public, rate limited against guessing)',
        body: mailboxPickupBody,
        response: { 200: mailboxPickupView },
      },
    },
    async (request) => pickUpReply(db, request.body.code),
  );
};
