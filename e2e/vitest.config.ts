import path from 'node:path';
import { defineConfig } from 'vitest/config';

// VITEST_JSON (set by .ci/run) adds a JSON report next to the API suite's, for CI's summary line.
const json = process.env.VITEST_JSON?.replace(/\.json$/, '-browser.json');

/** Browser tests: the real server and Chromium, one file at a time. `npm run test:browser` builds first. */
export default defineConfig({
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    // One migrated database for the run, copied by every file's server (support.ts startServer).
    globalSetup: ['e2e/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: json ? ['default', 'json'] : ['default'],
    outputFile: json ? { json } : undefined,
  },
});
