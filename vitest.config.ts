import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// VITEST_JSON (set by .ci/run) adds a JSON report so CI can print one "N passed, N failed" line.
const json = process.env.VITEST_JSON;

/**
 * The longest files (the proofs: crash drills, fuzzing, concurrency, authorization matrices; the
 * large import) start first when vitest has no timings yet (a fresh clone, as in CI): started
 * last, one of them kept a worker busy ~30 s after the other had finished. With timings cached
 * (node_modules/.vite), vitest's own order (longest first) applies.
 */
const slow = /\/proofs\/|-large\.test\.ts$/;

class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const timed = (file: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${file.project.name}:${path.relative(this.ctx.config.root, file.moduleId)}`);
    const first = sorted.filter((file) => slow.test(file.moduleId) && !timed(file));
    return [...first, ...sorted.filter((file) => !first.includes(file))];
  }
}

/**
 * Files that change another module's state for their tests (duty-sources.test.ts registers and
 * clears duty and task sources): each runs in a process of its own.
 */
const ownProcess = ['apps/server/src/modules/todos/duty-sources.test.ts'];
const include = ['apps/*/src/**/*.test.ts', 'packages/*/src/**/*.test.ts'];
const exclude = ['**/node_modules/**', 'e2e/**'];

export default defineConfig({
  test: {
    /**
     * Every other file runs in a worker that keeps the modules it loaded for the next file
     * (isolate: false): each file still opens its own database and app, but the app's modules are
     * loaded once per worker instead of once per file (loading was a third of the suite's CPU).
     */
    projects: [
      { extends: true, test: { name: 'api', include, exclude: [...exclude, ...ownProcess], isolate: false } },
      { extends: true, test: { name: 'api-own-process', include: ownProcess, exclude } },
    ],
    globalSetup: ['apps/server/src/test/global-setup.ts'],
    pool: 'forks',
    sequence: { sequencer: SlowFirst },
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: json ? ['default', 'json'] : ['default'],
    outputFile: json ? { json } : undefined,
  },
});
