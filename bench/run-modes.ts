import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BenchUsers, benchUsersFile, readBenchUsers, repoRoot } from '../apps/server/src/gen/bench-users';
import { genTarget } from '../apps/server/src/gen/target';
import { measureBundle } from './bundle';
import { chromiumAvailable, type FirstPageResult, measureFirstPage } from './first-page';
import { readResults, renderMarkdown } from './report';
import { startServer } from './server-process';

/**
 * The bench's other modes (`--report-only`, `--web-only`) and what they share with a full run
 * (bench/run.ts): the first-page measurement, the results.md writer, the revision, child processes.
 */

const benchDir = path.join(repoRoot, 'bench');
const log = (line: string) => console.log(line);

/** `--report-only`: renders results.md again from results.json and findings.md (after editing findings). */
export function reportOnly(): number {
  const jsonFile = path.join(benchDir, 'results.json');
  const findingsFile = path.join(benchDir, 'findings.md');
  const findings = fs.existsSync(findingsFile) ? fs.readFileSync(findingsFile, 'utf8') : '';
  writeMarkdown(path.join(benchDir, 'results.md'), renderMarkdown(readResults(jsonFile), findings));
  log('bench/results.md written from bench/results.json.');
  return 0;
}

/** `--web-only`: bundle and first page against the small county (generated when missing). */
export async function webOnly(): Promise<number> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  env.DATA_DIR = path.join(benchDir, '.data', 'small');
  const target = genTarget('small', env);
  let users = readBenchUsers(benchUsersFile(target));
  const keysLost = !env.DATA_KEYS && !env.DATA_KEY && !fs.existsSync(path.join(target.dataDir, 'keys.json'));
  if (users?.scale !== 'small' || keysLost) {
    const code = await runChild(
      process.execPath,
      ['--import', 'tsx', 'apps/server/src/gen/cli.ts', '--scale', 'small', '--fresh'],
      env,
    );
    if (code !== 0) throw new Error(`the generator failed (exit ${code})`);
    users = readBenchUsers(benchUsersFile(target));
  }
  if (!users) throw new Error('no bench logins');
  const dist = path.join(repoRoot, 'apps', 'web', 'dist');
  const bundle = measureBundle(dist);
  const server = await startServer(target);
  let result: FirstPageResult | undefined;
  try {
    result = await firstPage(server.baseUrl, users, dist, false);
  } finally {
    await server.stop();
  }
  const jsonFile = path.join(benchDir, 'results.json');
  const file = readResults(jsonFile);
  const note = `Web figures (bundle, first page) measured on their own (npm run bench -- --web-only) ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${revision()}, load average ${os.loadavg()[0]!.toFixed(1)}.`;
  for (const run of Object.values(file.runs)) {
    if (run.smoke) continue;
    run.bundle = bundle;
    run.firstPage = result;
    run.notes = [...run.notes.filter((n) => !n.startsWith('Web figures (bundle, first page)')), note];
  }
  fs.writeFileSync(jsonFile, `${JSON.stringify(file, null, 2)}\n`);
  return reportOnly();
}

export function writeMarkdown(file: string, text: string) {
  fs.writeFileSync(file, text);
  // In the repository's markdown style, so `biome check .` passes on the committed file.
  spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'biome'), ['format', '--write', file], { stdio: 'ignore' });
}

/** 5. The sign-in and home pages in a throttled Chromium (issue 8's "first page usable"), when there is a build. */
export async function firstPage(baseUrl: string, users: BenchUsers, dist: string, smoke: boolean) {
  if (!chromiumAvailable() || !fs.existsSync(path.join(dist, 'index.html'))) {
    log('First page: skipped (no /usr/bin/chromium or no web build).');
    return undefined;
  }
  const teacher = users.logins.classTeacher;
  log('First page in headless Chromium (4× CPU slowdown, slow 4G) …');
  const result: FirstPageResult = await measureFirstPage({
    baseUrl,
    teacher: teacher && { username: teacher.username, password: users.password },
    runs: smoke ? 1 : 3,
    coldHome: !smoke,
  });
  const s = (ms?: number) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);
  log(
    `  sign-in page ${s(result.loginMs)}, home after signing in ${s(result.homeMs)}, home opened cold ${s(result.homeColdMs)}${result.error ? ` (${result.error})` : ''}`,
  );
  return result;
}

/** The commit measured (BENCH_REVISION when the tree is not a git checkout). */
export function revision(): string {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
  return git.status === 0 ? git.stdout.trim() : (process.env.BENCH_REVISION ?? 'unknown');
}

export function runChild(command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { cwd: repoRoot, env, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}
