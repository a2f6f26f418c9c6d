import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const screenshotDir = path.join(repoRoot, 'test-artifacts/screenshots');

export const desktop = { viewport: { width: 1440, height: 900 } };
export const phone = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  adminUsername: string;
  adminPassword: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the real server on a fresh data folder and a free port, and reads the first
 * administrator's one-time password from what it prints. The folder starts with a copy of the
 * database global-setup.ts migrated once for the run (no users yet: the server creates the first
 * administrator); without it (a file run outside the config), the server migrates an empty one.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shouwang-e2e-'));
  const template = process.env.SHOUWANG_E2E_TEMPLATE;
  if (template) fs.cpSync(template, path.join(dataDir, 'pg'), { recursive: true });
  const port = await freePort();
  // node with tsx's loader directly: no npx and tsx launcher processes (≈ 0.7 s CPU per file).
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
    cwd: repoRoot,
    // The journeys sign administrators in without an authenticator: two-step set-up stays optional
    // here (modules/auth/totp.test.ts proves the requirement; docs/SECURITY.md).
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      REQUIRE_TOTP_FOR_ADMINS: process.env.REQUIRE_TOTP_FOR_ADMINS ?? 'false',
    },
    // Own process group, so stopping it also stops anything the server started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    out += chunk;
  });

  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exitedPromise.then(() => {
    exited = true;
  });

  const stop = async () => {
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      const killer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, 15_000);
      await exitedPromise;
      clearTimeout(killer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  while (!/is running/.test(out)) {
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const username = /用户名 username: (\S+)/.exec(out)?.[1];
  const password = /一次性密码 one-time password: (\S+)/.exec(out)?.[1];
  if (!username || !password) {
    await stop();
    throw new Error(`No first-admin password in the server output:\n${out}`);
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    adminUsername: username,
    adminPassword: password,
    output: () => out,
    stop,
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Fails on texts that are i18n keys (a missing translation shows its key, e.g. "orgs.title"). */
export async function expectNoRawKeys(page: Page) {
  const text = (await page.locator('body').textContent()) ?? '';
  const raw = text.match(
    /\b(?:app|common|language|nav|roles|orgKinds|me|login|password|home|orgs|terms|users|audit|conflict|validation|errors)\.[A-Za-z_]+(?:\.[A-Za-z_0-9]+)*\b/g,
  );
  if (raw) throw new Error(`Untranslated keys on ${page.url()}: ${[...new Set(raw)].join(', ')}`);
}

/** Fails when the page is wider than the screen (sideways scrolling on a phone). */
export async function expectNoHorizontalOverflow(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  if (scroll > width + 1) throw new Error(`${page.url()} is ${scroll}px wide on a ${width}px screen`);
}

/** Waits until no antd spinner or skeleton is showing. */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  // Let antd's motion finish before a screenshot.
  await page.waitForTimeout(400);
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await settle(page);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** A second browser window on the same session, at phone size. */
export async function phoneTwin(browser: Browser, from: BrowserContext, baseURL: string) {
  return browser.newContext({ ...phone, baseURL, storageState: await from.storageState(), locale: 'zh-CN' });
}
