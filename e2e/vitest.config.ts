import path from 'node:path';
import { defineConfig } from 'vitest/config';

/** Browser tests: the real server and Chromium, one file at a time. `npm run test:browser` builds first. */
export default defineConfig({
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
