import {
  type ApiErrorBody,
  type ErrorCode,
  errorCatalog,
  errorMessage,
  type Language,
  validationMessage,
} from '@shouwang/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { en, zhCN } from 'zod/locales';
import { AppError } from '../lib/errors';

const zodLocales = { 'zh-CN': zhCN(), en: en() };

function send(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, extra: AppError['extra'] = {}) {
  const body: ApiErrorBody = { error: { code, message: errorMessage(code, request.language), ...extra } };
  return reply.status(errorCatalog[code].status).header('cache-control', 'no-store').send(body);
}

type ValidationIssue = { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> };

function describeIssue(issue: ValidationIssue, context: string | undefined, language: Language) {
  const path = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean);
  const field = [context && context !== 'body' ? context : null, ...path].filter(Boolean).join('.');
  const custom = issue.message ? validationMessage(issue.message, language) : undefined;
  let message = custom;
  if (!message && issue.keyword === 'unrecognized_keys') {
    const keys = (issue.params.keys as string[] | undefined)?.join(', ') ?? '';
    message = language === 'en' ? `unknown field(s): ${keys}` : `不认识的字段：${keys}`;
  }
  if (!message) {
    const localeError = zodLocales[language].localeError as (i: unknown) => string | { message: string } | undefined;
    const result = localeError({ code: issue.keyword, path, ...issue.params });
    message = typeof result === 'string' ? result : (result?.message ?? issue.message ?? '');
  }
  return { field: field || undefined, message };
}

const dbDownCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08003',
  '08001',
]);

/** Driver messages for a database that is gone: a dropped connection, a closed PGlite or pg pool. */
const dbDownMessages =
  /Connection terminated|database closed|PGlite is clos(?:ed|ing)|Cannot use a pool after calling end|connect ECONNREFUSED/i;

export function isDatabaseDown(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: unknown } | undefined;
  if (!e) return false;
  if (e.code && dbDownCodes.has(e.code)) return true;
  if (typeof e.message === 'string' && dbDownMessages.test(e.message)) return true;
  return e.cause ? isDatabaseDown(e.cause) : false;
}

/** One error handler: known errors answer in the caller's language; nothing internal leaks. */
export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setNotFoundHandler((request, reply) => send(reply, request, 'ROUTE_NOT_FOUND'));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return send(reply, request, error.code, error.extra);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((i) =>
        describeIssue(i as unknown as ValidationIssue, error.validationContext, request.language),
      );
      return send(reply, request, 'VALIDATION_FAILED', { details });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, request, 'UNSUPPORTED_MEDIA_TYPE');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, request, 'PAYLOAD_TOO_LARGE');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(reply, request, 'MALFORMED_REQUEST');
    }
    if (error.statusCode === 429) return send(reply, request, 'TOO_MANY_ATTEMPTS');
    if (error instanceof SyntaxError || (error.statusCode === 400 && !error.code?.startsWith('FST_ERR_RESPONSE')))
      return send(reply, request, 'MALFORMED_REQUEST');
    if (error.statusCode === 413) return send(reply, request, 'PAYLOAD_TOO_LARGE');
    if (error.statusCode === 415) return send(reply, request, 'UNSUPPORTED_MEDIA_TYPE');
    if (isDatabaseDown(error)) {
      request.log.error(
        { err: { code: (error as { code?: string }).code, message: error.message } },
        'database unavailable',
      );
      return send(reply, request, 'DATABASE_UNAVAILABLE');
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 'INTERNAL');
  });
});
