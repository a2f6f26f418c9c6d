import type { APIRequestContext, Browser } from 'playwright-core';
import type { RunningServer } from './support';

/** Shared API helpers of the browser journeys: a signed-in API session, the county's first steps, dates. */

export type Api = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
) => Promise<unknown>;

/** Signs in through the API (changing a one-time password to `next`); the call sends the CSRF token. */
export async function apiSession(request: APIRequestContext, username: string, password: string, next: string) {
  let csrf = '';
  const call: Api = async (method, path, body) => {
    const response = await request.fetch(`/api${path}`, {
      method,
      data: body === undefined ? undefined : body,
      headers: method === 'GET' ? {} : { 'X-CSRF-Token': csrf },
    });
    const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${JSON.stringify(json)}`);
    if (json && typeof json.csrfToken === 'string') csrf = json.csrfToken;
    return json;
  };
  const me = (await call('POST', '/auth/login', { username, password })) as { user: { mustChangePassword: boolean } };
  if (me.user.mustChangePassword)
    await call('POST', '/auth/change-password', { currentPassword: password, newPassword: next });
  return call;
}

/** The first administrator's password after the first sign-in (every journey uses the same). */
export const countyAdminPassword = 'Qingshan-admin-2026';

/**
 * The first administrator signed in through the API on a throw-away context (the one-time password
 * changed to `password`), with the county node and helpers to add org units and users (answering
 * the new user's one-time password).
 */
export async function countyAdmin(browser: Browser, server: RunningServer, password = countyAdminPassword) {
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const admin = await apiSession(context.request, server.adminUsername, server.adminPassword, password);
  const orgs = (await admin('GET', '/orgs')) as { items: { id: string; kind: string }[] };
  const county = orgs.items.find((o) => o.kind === 'county')!;
  const makeOrg = async (parentId: string, kind: string, name: string) =>
    ((await admin('POST', '/orgs', { parentId, kind, name })) as { id: string }).id;
  const makeUser = async (username: string, displayName: string, orgId: string, role: string) =>
    (
      (await admin('POST', '/users', { username, displayName, roles: [{ orgId, role }] })) as {
        oneTimePassword: string;
      }
    ).oneTimePassword;
  return { admin, county, makeOrg, makeUser, close: () => context.close() };
}

export const iso = (d: Date) => d.toISOString().slice(0, 10);
export const daysAgo = (n: number) => iso(new Date(Date.now() - n * 86_400_000));
export const daysFromNow = (n: number) => iso(new Date(Date.now() + n * 86_400_000));

/** Adds the county's term that began on `start` (a school year runs from July 1 to August 31). */
export async function addTerm(admin: Api, orgId: string, start: Date, midDate: string, endDate: string) {
  const firstYear = start.getUTCMonth() >= 6 ? start.getUTCFullYear() : start.getUTCFullYear() - 1;
  return admin('POST', '/terms', {
    orgId,
    schoolYear: `${firstYear}-${firstYear + 1}`,
    termNo: start.getUTCMonth() >= 6 ? 1 : 2,
    startDate: iso(start),
    midDate,
    endDate,
  });
}
