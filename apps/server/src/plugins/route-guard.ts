import { type Permission, permissions } from '@shouwang/shared';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { RouteAccess } from './types';

/** Routes of infrastructure plugins that are public by nature (API docs). */
const publicPrefixes = ['/api/docs'];

const knownPermissions = new Set<string>(permissions);

/** One registered route and the access rule it runs under. */
export interface RouteAccessRecord {
  method: string;
  url: string;
  access: RouteAccess;
  /** The route's validation schemas (params, querystring, body …), for generated tests. */
  schema?: Record<string, unknown>;
}

const tables = new WeakMap<FastifyInstance, RouteAccessRecord[]>();

/** Every route registered on the app and its access rule, in registration order (for tests and docs). */
export function routeAccessTable(app: FastifyInstance): readonly RouteAccessRecord[] {
  return tables.get(app) ?? [];
}

/** Why an access rule is not acceptable, or null. */
function accessProblem(access: unknown): string | null {
  if (!access || typeof access !== 'object') return 'declares no access rule (config.access)';
  const rule = access as { public?: unknown; permission?: unknown };
  if (rule.public === true) return rule.permission === undefined ? null : 'is public and also names a permission';
  if (rule.permission === 'authenticated') return null;
  if (typeof rule.permission === 'string' && knownPermissions.has(rule.permission as Permission)) return null;
  return `names an unknown permission (${String(rule.permission)})`;
}

/**
 * Every route declares `config.access`: a permission, 'authenticated', or `public: true`.
 * A route without one, or with a permission that does not exist, makes the app fail at start,
 * so nothing is left unguarded by accident.
 */
export const routeGuardPlugin = fp(async (app) => {
  const table: RouteAccessRecord[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { access?: unknown };
    if (!config.access && publicPrefixes.some((p) => route.url.startsWith(p))) {
      route.config = { ...(route.config ?? {}), access: { public: true } } as typeof route.config;
    }
    const access = (route.config as { access?: unknown } | undefined)?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const problem = accessProblem(access);
    if (problem) throw new Error(`Route ${methods.join(',')} ${route.url} ${problem}`);
    for (const method of methods)
      table.push({
        method,
        url: route.url,
        access: access as RouteAccess,
        schema: route.schema as Record<string, unknown>,
      });
  });
});
