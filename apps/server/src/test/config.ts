import { loadConfig } from '../env';

/** The app's configuration for tests: quiet, fast expiry knobs left at their defaults. */
export function testConfig(overrides: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: '.tmp/unused',
    WEB_DIST: '.tmp/no-web',
    // Fixed test keys (never used anywhere else), so no test writes a key file.
    DATA_KEYS: `test1:${Buffer.alloc(32, 7).toString('base64')}`,
    DATA_HASH_KEY: Buffer.alloc(32, 9).toString('base64'),
    ...overrides,
  });
}
