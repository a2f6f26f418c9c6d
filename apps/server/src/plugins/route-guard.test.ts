import { permissions } from '@shouwang/shared';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { buildTestApp, type TestApp } from '../test/app';
import { routeAccessTable, routeGuardPlugin } from './route-guard';

/**
 * Public API routes are a deliberate decision: adding one means adding it here.
 * (The API documentation under /api/docs is public as a whole.)
 */
const publicApiRoutes = [
  'GET /api/health',
  'GET /api/ready',
  'POST /api/auth/login',
  // 悄悄话信箱: children write and read replies without an account (rate limited, no address kept).
  'GET /api/public/mailbox/:code',
  'POST /api/public/mailbox/:code',
  'POST /api/public/mailbox/replies',
];

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('the route table', () => {
  it('gives every /api route a known permission, "authenticated", or public: true', () => {
    const table = routeAccessTable(t.app);
    const api = table.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(10);
    const known = new Set<string>([...permissions, 'authenticated']);
    for (const route of api) {
      const access = route.access as { public?: boolean; permission?: string } | undefined;
      const label = `${route.method} ${route.url}`;
      expect(access, label).toBeTruthy();
      if (access?.public === true) expect(access.permission, label).toBeUndefined();
      else expect(known.has(String(access?.permission)), `${label} has permission ${access?.permission}`).toBe(true);
    }
  });

  it('records the routes the feature modules declare, with their permissions', () => {
    const byRoute = new Map(routeAccessTable(t.app).map((r) => [`${r.method} ${r.url}`, r.access]));
    expect(byRoute.get('GET /api/orgs')).toEqual({ permission: 'org.read' });
    expect(byRoute.get('POST /api/terms')).toEqual({ permission: 'term.manage' });
    expect(byRoute.get('GET /api/terms/current')).toEqual({ permission: 'term.read' });
    expect(byRoute.get('GET /api/audit-events')).toEqual({ permission: 'audit.read' });
    // HEAD twins of GET routes carry the same rule, not a public one.
    expect(byRoute.get('HEAD /api/orgs')).toEqual({ permission: 'org.read' });
  });

  it('makes only the intended API routes public', () => {
    const open = routeAccessTable(t.app)
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.access.public === true)
      .filter((r) => r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    expect([...new Set(open)].sort()).toEqual([...publicApiRoutes].sort());
  });

  it('lists every route the router knows', () => {
    const recorded = new Set(routeAccessTable(t.app).map((r) => `${r.method} ${r.url}`));
    for (const [method, url] of [
      ['GET', '/api/health'],
      ['PATCH', '/api/terms/:id'],
      ['DELETE', '/api/terms/:id'],
      ['GET', '/api/docs/json'],
    ] as const) {
      expect(t.app.hasRoute({ method, url }), `${method} ${url}`).toBe(true);
      expect(recorded.has(`${method} ${url}`), `${method} ${url}`).toBe(true);
    }
  });

  it('refuses an anonymous HEAD request to a guarded route', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: '/api/orgs' });
    expect(res.statusCode).toBe(401);
  });
});

describe('an unguarded route', () => {
  it('makes the real app fail to start', async () => {
    const app = await buildApp(t.database, t.config, { logger: false });
    try {
      await expect(async () => {
        app.get('/api/forgotten', async () => ({ leaked: true }));
        await app.ready();
      }).rejects.toThrow('Route GET /api/forgotten declares no access rule (config.access)');
    } finally {
      await app.close().catch(() => {});
    }
  });

  it('is refused without config.access, with an unknown permission, or public with a permission', async () => {
    const attempts: [string, unknown, RegExp][] = [
      ['/api/none', undefined, /declares no access rule/],
      ['/api/typo', { access: { permission: 'org.raed' } }, /unknown permission \(org\.raed\)/],
      ['/api/empty', { access: {} }, /unknown permission/],
      ['/api/both', { access: { public: true, permission: 'org.read' } }, /public and also names a permission/],
      ['/api/head-only', undefined, /declares no access rule/],
    ];
    for (const [url, config, message] of attempts) {
      const app = Fastify({ logger: false });
      await app.register(routeGuardPlugin);
      const method = url === '/api/head-only' ? 'HEAD' : 'GET';
      await expect(async () => {
        app.route({ method, url, config: config as never, handler: async () => ({}) });
        await app.ready();
      }, url).rejects.toThrow(message);
      await app.close().catch(() => {});
    }
  });

  it('accepts the three kinds of rule', async () => {
    const app = Fastify({ logger: false });
    await app.register(routeGuardPlugin);
    app.get('/api/a', { config: { access: { public: true } } }, async () => ({}));
    app.get('/api/b', { config: { access: { permission: 'authenticated' } } }, async () => ({}));
    app.get('/api/c', { config: { access: { permission: 'term.read' } } }, async () => ({}));
    await app.ready();
    expect(routeAccessTable(app).map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/a',
      'HEAD /api/a',
      'GET /api/b',
      'HEAD /api/b',
      'GET /api/c',
      'HEAD /api/c',
    ]);
    await app.close();
  });
});
