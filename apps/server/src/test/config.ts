import { loadConfig } from '../env';

/** The app's configuration for tests: quiet, fast expiry knobs left at their defaults. */
export function testConfig(overrides: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: '.tmp/unused',
    WEB_DIST: '.tmp/no-web',
    ...overrides,
  });
}
