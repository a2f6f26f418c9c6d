import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';

/**
 * The version a write is based on, from the body's `version` or an `If-Match: "N"` header.
 * Writes without one are refused (428), so no update is ever blind.
 */
export function requireVersion(request: FastifyRequest, bodyVersion: number | undefined): number {
  if (bodyVersion !== undefined) return bodyVersion;
  const header = request.headers['if-match'];
  const match = typeof header === 'string' ? /^(?:W\/)?"?(\d{1,10})"?$/.exec(header.trim()) : null;
  if (match) return Number(match[1]);
  throw new AppError('VERSION_REQUIRED');
}
