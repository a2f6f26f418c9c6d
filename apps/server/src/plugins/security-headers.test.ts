import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { helmetHeaders, helmetOptions, securityHeadersPlugin } from './security-headers';

/** The headers of one answer, without those that differ between two answers anyway. */
async function headersOf(app: FastifyInstance, url: string) {
  const res = await app.inject({ method: 'GET', url });
  const { date: _date, ...rest } = res.headers;
  return { status: res.statusCode, headers: rest };
}

async function appWith(register: (app: FastifyInstance) => Promise<void>) {
  const app = Fastify({ logger: false });
  await register(app);
  app.get('/ok', async () => ({ ok: true }));
  app.get('/fails', async () => {
    throw new Error('boom');
  });
  await app.ready();
  return app;
}

describe('security headers worked out once', () => {
  const apps: FastifyInstance[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('are exactly the headers @fastify/helmet sets per request, on answers, errors and 404s', async () => {
    const perRequest = await appWith(async (app) => {
      await app.register(helmet, helmetOptions);
    });
    const once = await appWith(async (app) => {
      await app.register(securityHeadersPlugin, { helmet: helmetOptions });
    });
    apps.push(perRequest, once);
    for (const url of ['/ok', '/fails', '/missing']) {
      const expected = await headersOf(perRequest, url);
      expect(await headersOf(once, url)).toEqual(expected);
    }
    const csp = (await headersOf(once, '/ok')).headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('differ when the options differ (the probe really reads helmet)', async () => {
    const loose = await helmetHeaders({ ...helmetOptions, referrerPolicy: { policy: 'same-origin' } });
    const strict = await helmetHeaders(helmetOptions);
    expect(strict['referrer-policy']).toBe('no-referrer');
    expect(loose['referrer-policy']).toBe('same-origin');
  });
});
