import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');

/**
 * Runs once per browser-test run: migrates one embedded database (`npm run db:migrate` on an empty
 * data folder) that every file's server starts from (support.ts copies its `pg` folder). A server
 * then only checks that the migrations are applied, instead of applying all of them (≈ 5 s less
 * CPU per file). The first administrator is still created by each server on its first start.
 */
export default async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shouwang-e2e-template-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/scripts/migrate.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr.on('data', (chunk) => {
    out += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`Migrating the browser tests' template database failed:\n${out}`);
  process.env.SHOUWANG_E2E_TEMPLATE = path.join(dir, 'pg');
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
