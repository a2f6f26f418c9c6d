import type { Locator, Page } from 'playwright-core';

/** Helpers of e2e/care-admin.e2e.ts: waiting, and picking from antd selects. */

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
