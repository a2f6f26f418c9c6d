import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { desktop, expectNoHorizontalOverflow, expectNoRawKeys, screenshot, screenshotDir, settle } from './support';

/** Shared page checks and screenshots of the browser journeys. */

export async function expectVisible(locator: Locator, timeout = 15_000) {
  await locator.first().waitFor({ state: 'visible', timeout });
}

/**
 * Waits for the page to settle, then: no sideways scrolling, no untranslated common keys, and
 * none of the feature's own keys (`featureKeys`, e.g. /\bletters\.[a-zA-Z]+/).
 */
export async function checkPage(page: Page, featureKeys?: RegExp, options: { commonKeys?: boolean } = {}) {
  await settle(page);
  await expectNoHorizontalOverflow(page);
  if (options.commonKeys !== false) await expectNoRawKeys(page);
  if (featureKeys) expect((await page.locator('body').textContent()) ?? '').not.toMatch(featureKeys);
}

/** checkPage, then a full-page screenshot named `name`. */
export async function checkAndShoot(page: Page, name: string, featureKeys?: RegExp) {
  await checkPage(page, featureKeys);
  await screenshot(page, name);
}

/** What the screen shows (a drawer over a long page): the visible part only. */
export async function viewportShot(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await settle(page);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

export interface BothSizesOptions {
  /** The feature's own i18n keys, which must not show untranslated. */
  featureKeys?: RegExp;
  /** How long to wait for `ready` (ms). */
  timeout?: number;
  /** Check the 1440 px page as well as the 375 px one (not only screenshot it). */
  checkWide?: boolean;
}

/**
 * A journey's `snapBoth(page, context, name, ready)`: checks and screenshots the page at 375 px,
 * then opens the same address at 1440 px on the same session and screenshots it too. `env` is read
 * when called, after beforeAll started the browser and the server.
 */
export function snapBothSizes(env: () => { browser: Browser; baseUrl: string }, options: BothSizesOptions = {}) {
  const { featureKeys, timeout = 15_000, checkWide = false } = options;
  return async (page: Page, context: BrowserContext, name: string, ready: (p: Page) => Locator) => {
    const { browser, baseUrl } = env();
    await expectVisible(ready(page), timeout);
    await checkPage(page, featureKeys);
    await screenshot(page, `${name}-375`);
    const wide = await browser.newContext({
      ...desktop,
      baseURL: baseUrl,
      storageState: await context.storageState(),
      locale: 'zh-CN',
    });
    try {
      const big = await wide.newPage();
      await big.goto(page.url());
      await expectVisible(ready(big), timeout).catch(async (error) => {
        await screenshot(big, `${name}-1440-failed`);
        throw error;
      });
      if (checkWide) await checkPage(big, featureKeys);
      else await settle(big);
      await screenshot(big, `${name}-1440`);
    } finally {
      await wide.close();
    }
  };
}
