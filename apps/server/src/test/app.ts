import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import type { Database } from '../db/client';
import { testConfig } from './config';
import { createTestDatabase } from './db';
import type { UserFixture } from './factories';

export type TestApp = Awaited<ReturnType<typeof buildTestApp>>;

/** The real app on a fresh database, driven with `app.inject` (no network). */
export async function buildTestApp(env: Record<string, string> = {}) {
  const database: Database = await createTestDatabase();
  const config = testConfig(env);
  const app = await buildApp(database, config, { logger: false });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export interface Client {
  cookie: string;
  csrfToken: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'sw_session');
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `sw_session=${cookie.value}`;
}

/** Signs in over HTTP and returns a client that sends the cookie and CSRF token. */
export async function loginAs(
  testApp: Pick<TestApp, 'app'>,
  user: Pick<UserFixture, 'username' | 'password'>,
  ip = '127.0.0.1',
): Promise<Client> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password: user.password },
    remoteAddress: ip,
  });
  if (response.statusCode !== 200) throw new Error(`login failed ${response.statusCode}: ${response.body}`);
  return clientFor(testApp, sessionCookie(response), response.json().csrfToken);
}

export function clientFor(testApp: Pick<TestApp, 'app'>, cookie: string, csrfToken: string): Client {
  const client: Client = {
    cookie,
    csrfToken,
    request: (method, url, body, headers = {}) =>
      testApp.app.inject({
        method: method as 'GET',
        url,
        headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
    get: (url) => client.request('GET', url),
    post: (url, body) => client.request('POST', url, body ?? {}),
    patch: (url, body) => client.request('PATCH', url, body),
    put: (url, body) => client.request('PUT', url, body),
    delete: (url, body) => client.request('DELETE', url, body),
  };
  return client;
}
