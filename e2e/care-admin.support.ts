import type { APIRequestContext, Locator, Page } from 'playwright-core';

/** Helpers of e2e/care-admin.e2e.ts: an API session per user, waiting, and picking from antd selects. */

export type Api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown) => Promise<unknown>;

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

export async function expectVisible(locator: Locator, timeout = 15_000) {
  await locator.first().waitFor({ state: 'visible', timeout });
}

/** Picks an option of an antd select; tries again when a busy machine swallowed the first tap. */
export async function choose(page: Page, select: Locator, option: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option });
    const shown = await item
      .first()
      .waitFor({ state: 'visible', timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (!shown) continue;
    await page.waitForTimeout(200);
    await item.first().click();
    if (await select.filter({ hasText: option }).count()) return;
  }
  throw new Error(`could not choose ${option}`);
}
