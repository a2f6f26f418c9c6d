import fs from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * Issue 8: "first page usable in ≤ 2.5 s in headless Chromium with 4× CPU slowdown and a slow 4G
 * network". Each run opens a fresh browser context (empty cache) against the built server:
 *
 * - `loginMs`: from navigation start until the sign-in form's username box is visible and enabled;
 * - `homeMs`: from pressing 登录 (as a class teacher) until the home page shows the to-do figures;
 * - `homeColdMs`: a signed-in teacher opening the home page directly with an empty cache
 *   (bookmark, first visit of the day after an update), until the to-do figures show.
 *
 * Throttling through the DevTools protocol, as Lighthouse's "slow 4G" mobile profile: 150 ms
 * round trip, 1.6 Mbit/s down and 750 kbit/s up (each × 0.9), CPU 4× slower.
 */

export const slow4g = {
  offline: false,
  latency: 150,
  downloadThroughput: ((1.6 * 1024 * 1024) / 8) * 0.9,
  uploadThroughput: ((750 * 1024) / 8) * 0.9,
};
export const cpuSlowdown = 4;

export interface FirstPageResult {
  runs: number;
  profile: string;
  /** Medians (ms) over the runs, and every run's figure. */
  loginMs: number;
  homeMs?: number;
  homeColdMs?: number;
  samples: { loginMs: number; homeMs?: number; homeColdMs?: number }[];
  /** Bytes the sign-in page transferred (encoded, as on the wire), first run. */
  loginBytes?: number;
  error?: string;
}

export const chromiumPath = '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return fs.existsSync(chromiumPath);
}

async function throttled(context: BrowserContext) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', slow4g);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  return { page, cdp };
}

/** Milliseconds since the page's navigation start, read in the page once the condition holds. */
async function sinceNavigation(page: Page, check: () => boolean, timeout: number): Promise<number> {
  const handle = await page.waitForFunction(check, undefined, { timeout, polling: 16 });
  await handle.dispose();
  return page.evaluate(now);
}

/**
 * Evaluated in the page (functions, not strings: the app's CSP forbids eval). This file is
 * type-checked without the DOM's types, hence the narrow view of `document`.
 */
interface PageElement {
  disabled?: boolean;
  getClientRects(): { length: number };
}
type PageGlobal = { document: { querySelector(selector: string): PageElement | null } };
// Each function is sent to the page as its source: nothing outside it is in scope there.
const loginReady = () => {
  const input = (globalThis as unknown as PageGlobal).document.querySelector('#login-username');
  return !!input && !input.disabled && input.getClientRects().length > 0;
};
const todosReady = () => {
  const figure = (globalThis as unknown as PageGlobal).document.querySelector('[data-testid="todo-count-overdue"]');
  return !!figure && figure.getClientRects().length > 0;
};
const now = () => performance.now();

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function measureFirstPage(options: {
  baseUrl: string;
  teacher?: { username: string; password: string };
  runs?: number;
  /** Also the signed-in home page opened with an empty cache (default true). */
  coldHome?: boolean;
  timeoutMs?: number;
}): Promise<FirstPageResult> {
  const runs = options.runs ?? 3;
  const timeout = options.timeoutMs ?? 30_000;
  const samples: FirstPageResult['samples'] = [];
  let loginBytes: number | undefined;
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
    });
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({
        baseURL: options.baseUrl,
        locale: 'zh-CN',
        viewport: { width: 375, height: 812 },
        isMobile: true,
        hasTouch: true,
      });
      try {
        const { page, cdp } = await throttled(context);
        let bytes = 0;
        cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
          bytes += e.encodedDataLength;
        });
        await page.goto('/login', { waitUntil: 'commit' });
        const sample: FirstPageResult['samples'][number] = {
          loginMs: await sinceNavigation(page, loginReady, timeout),
        };
        if (run === 0) loginBytes = bytes;
        if (options.teacher) {
          await page.locator('#login-username').fill(options.teacher.username);
          await page.locator('#login-password').fill(options.teacher.password);
          const pressed = await page.evaluate(now);
          await page.getByTestId('login-submit').click();
          sample.homeMs = (await sinceNavigation(page, todosReady, timeout)) - pressed;
        }
        if (options.teacher && options.coldHome !== false) {
          // The same session, a fresh cache: the home page opened directly.
          const state = await context.storageState();
          const cold = await browser.newContext({
            baseURL: options.baseUrl,
            locale: 'zh-CN',
            viewport: { width: 375, height: 812 },
            isMobile: true,
            hasTouch: true,
            storageState: state,
          });
          try {
            const { page: coldPage } = await throttled(cold);
            await coldPage.goto('/', { waitUntil: 'commit' });
            sample.homeColdMs = await sinceNavigation(coldPage, todosReady, timeout);
          } finally {
            await cold.close();
          }
        }
        samples.push(sample);
      } finally {
        await context.close();
      }
    }
  } catch (error) {
    return {
      runs: samples.length,
      profile: profileText,
      loginMs: samples.length ? median(samples.map((s) => s.loginMs)) : Number.NaN,
      samples,
      error: (error as Error).message.split('\n')[0],
    };
  } finally {
    await browser?.close();
  }
  const pick = (key: 'homeMs' | 'homeColdMs') => {
    const xs = samples.map((s) => s[key]).filter((x): x is number => x !== undefined);
    return xs.length ? median(xs) : undefined;
  };
  return {
    runs: samples.length,
    profile: profileText,
    loginMs: median(samples.map((s) => s.loginMs)),
    homeMs: pick('homeMs'),
    homeColdMs: pick('homeColdMs'),
    samples,
    loginBytes,
  };
}

const profileText = `CPU ${cpuSlowdown}× slower; ${slow4g.latency} ms RTT, ${((slow4g.downloadThroughput * 8) / 1024 / 1024).toFixed(2)} Mbit/s down, ${((slow4g.uploadThroughput * 8) / 1024).toFixed(0)} kbit/s up`;
