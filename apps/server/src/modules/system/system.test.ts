import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { isDatabaseDown } from '../../plugins/error-handler';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { testConfig } from '../../test/config';
import { createTestDatabase } from '../../test/db';
import { buildCountyTree, buildUser } from '../../test/factories';

const repoRoot = path.resolve(new URL('../../../../../', import.meta.url).pathname);

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('health and readiness', () => {
  it('answers /api/health and /api/ready while the database is up', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: t.database.kind });
  });
});

describe('database unavailable while running', () => {
  let down: TestApp;
  let client: Client;
  beforeAll(async () => {
    down = await buildTestApp();
    const tree = await buildCountyTree(down.db);
    client = await loginAs(down, await buildUser(down.db, [{ role: 'county_admin', org: tree.county }]));
    await down.database.close();
  });
  // The database is already closed (and, on PostgreSQL, dropped); only the app is left to close.
  afterAll(() => down.app.close());

  it('reports not ready with 503 but stays healthy', async () => {
    const ready = await down.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'unavailable', database: down.database.kind });
    expect((await down.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('answers a signed-in request with 503 DATABASE_UNAVAILABLE, not 500', async () => {
    const res = await client.get('/api/orgs');
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toEqual({ code: 'DATABASE_UNAVAILABLE', message: '数据库暂时无法连接，请稍后再试' });
  });

  it('answers a sign-in attempt with 503 in the caller’s language', async () => {
    const res = await down.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { username: 'someone', password: 'whatever-123' },
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('DATABASE_UNAVAILABLE');
    expect(res.json().error.message).toBe('The database is unavailable; please try again shortly');
  });
});

describe('isDatabaseDown', () => {
  it('recognises a closed PGlite and a closed pg pool behind a query error', () => {
    const wrapped = (message: string) =>
      Object.assign(new Error('Failed query: select 1'), { cause: new Error(message) });
    expect(isDatabaseDown(wrapped('PGlite is closed'))).toBe(true);
    expect(isDatabaseDown(wrapped('PGlite is closing'))).toBe(true);
    expect(isDatabaseDown(wrapped('Cannot use a pool after calling end on the pool'))).toBe(true);
    expect(isDatabaseDown(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseDown(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
  });
});

describe('server start with the database down', () => {
  it('exits non-zero with a clear message and no password', async () => {
    const tsx = path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs');
    const child = spawn(process.execPath, [tsx, 'apps/server/src/server.ts'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x',
        PORT: '0',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`server did not exit within 20 s; output so far:\n${output}`));
      }, 20_000);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(output).toContain('Cannot connect to PostgreSQL at postgres://u:***@127.0.0.1:1/x');
    expect(output).not.toContain('u:p@');
    expect(output).not.toMatch(/^\s+at /m);
  }, 25_000);
});

describe('OpenAPI', () => {
  it('serves the OpenAPI document with the feature routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/orgs', '/api/terms', '/api/terms/current', '/api/audit-events']),
    );
    expect(doc.paths['/api/orgs'].get.parameters ?? []).toBeInstanceOf(Array);
  });

  it('serves the documentation page as HTML', async () => {
    let res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    for (let hops = 0; hops < 3 && res.statusCode >= 300 && res.statusCode < 400; hops++) {
      res = await t.app.inject({ method: 'GET', url: new URL(res.headers.location!, 'http://x/api/docs').pathname });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body.toLowerCase()).toContain('swagger');
  });
});

describe('security headers', () => {
  it('sends a strict CSP, nosniff, a referrer policy and no-store on API answers', async () => {
    for (const res of [
      await t.app.inject({ method: 'GET', url: '/api/health' }),
      await t.app.inject({ method: 'GET', url: '/api/orgs' }), // an error answer carries them too
    ]) {
      const csp = String(res.headers['content-security-policy']);
      const directives = Object.fromEntries(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values];
        }),
      );
      expect(directives['script-src']).toBeDefined();
      expect(directives['script-src']).not.toContain("'unsafe-inline'");
      expect(directives['script-src']).not.toContain("'unsafe-eval'");
      expect(directives['frame-ancestors']).toEqual(["'none'"]);
      expect(directives['object-src']).toEqual(["'none'"]);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('error language', () => {
  it('answers an anonymous caller in English when asked, Chinese otherwise', async () => {
    const en = await t.app.inject({
      method: 'GET',
      url: '/api/orgs',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.statusCode).toBe(401);
    expect(en.json().error).toEqual({ code: 'UNAUTHENTICATED', message: 'Please sign in' });
    const zh = await t.app.inject({
      method: 'GET',
      url: '/api/orgs',
      headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    expect(zh.json().error.message).toBe('请先登录');
  });

  it('names the invalid field in a validation error, in the caller’s language', async () => {
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { username: 'someone' },
    });
    expect(en.statusCode).toBe(400);
    const body = en.json().error;
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toBe('Some fields are invalid');
    expect(body.details).toEqual([expect.objectContaining({ field: 'password' })]);
    expect(body.details[0].message).toMatch(/[a-z]/i);
    const zh = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'someone' } });
    expect(zh.json().error.details[0].field).toBe('password');
    expect(zh.json().error.details[0].message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('unknown routes', () => {
  it('answers an unknown API path with 404 ROUTE_NOT_FOUND as JSON', async () => {
    for (const [method, url] of [
      ['GET', '/api/no-such-thing'],
      ['POST', '/api/orgs/x/y/z'],
      ['DELETE', '/api/health'],
    ] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.json().error).toEqual({ code: 'ROUTE_NOT_FOUND', message: '接口不存在' });
    }
  });

  it('keeps answering JSON under /api when the built web app serves every other path', async () => {
    const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'shouwang-web-'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>守望</title>');
    const withWeb = await buildTestApp({ WEB_DIST: webDist });
    try {
      const api = await withWeb.app.inject({ method: 'GET', url: '/api/no-such-thing' });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe('ROUTE_NOT_FOUND');
      const page = await withWeb.app.inject({ method: 'GET', url: '/children/123' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
    } finally {
      await withWeb.close();
      fs.rmSync(webDist, { recursive: true, force: true });
    }
  });
});

describe('graceful shutdown', () => {
  it('lets a request in flight finish when the app closes, then refuses new connections', async () => {
    const database = await createTestDatabase();
    const app = await buildApp(database, testConfig(), { logger: false });
    let markStarted!: () => void;
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    // A test-only route, public so the slow part is the handler itself.
    app.get('/api/test/slow', { config: { access: { public: true } } }, async () => {
      markStarted();
      await sleep(400);
      return { finished: true };
    });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/test/slow`;
      const inFlight = fetch(url);
      await started;
      const closing = app.close();
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ finished: true });
      // The kept-alive connection of that answer must not hold the shutdown for the keep-alive timeout.
      const outcome = await Promise.race([closing.then(() => 'closed'), sleep(5_000).then(() => 'still open')]);
      expect(outcome).toBe('closed');
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      await app.close();
      await database.close();
    }
  });
});
