import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_PASSWORD, benchUsersFile, readBenchUsers, repoRoot } from '../apps/server/src/gen/bench-users';
import type { ScaleName } from '../apps/server/src/gen/scales';
import { genTarget } from '../apps/server/src/gen/target';
import { cpuMs, startServer } from './server-process';

/**
 * Issue 8's "county work summary ≤ 5 s": the county administrator of the generated county asks
 * the real server (a child process on 127.0.0.1, as `npm run bench` starts it) to draft the
 * county's 工作总结 for the running term, `--runs` times; the first run pays the KPI cache's
 * window if nobody has read it yet, so the median is the figure and the first is shown beside it.
 *
 * `DATABASE_URL=… npx tsx bench/summary.ts [--scale county] [--runs 3] [--record]`
 * (generate first with `npm run gen -- --scale county`). `--record` writes the figures into
 * bench/summary-results.json, which bench/report.ts shows in the targets table.
 */

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string' },
    runs: { type: 'string', default: '3' },
    record: { type: 'boolean', default: false },
  },
});

export interface SummaryBench {
  database: 'pglite' | 'postgres';
  scale: string;
  children: number;
  measuredAt: string;
  loadAverageBefore: number;
  loadAverageAfter: number;
  runsMs: number[];
  medianMs: number;
  /** Server CPU (and, on PGlite, the database's) per draft, median. */
  cpuMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const scale = (args.scale ?? (process.env.DATABASE_URL ? 'county' : 'township')) as ScaleName;
  const target = genTarget(scale, process.env);
  const users = readBenchUsers(benchUsersFile(target));
  if (!users || users.scale !== scale) throw new Error(`generate the ${scale} county first (npm run gen)`);
  const loadAverageBefore = os.loadavg()[0]!;
  const server = await startServer(target);
  try {
    const who = users.logins.countyAdmin!;
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: who.username, password: BENCH_PASSWORD }),
    });
    if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const runsMs: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < Number(args.runs); i++) {
      const cpuBefore = cpuMs(server.pid) ?? 0;
      const started = performance.now();
      const res = await fetch(`${server.baseUrl}/api/reports/work-summary`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ orgId: users.countyId }),
      });
      const body = await res.text();
      runsMs.push(Math.round(performance.now() - started));
      cpu.push((cpuMs(server.pid) ?? 0) - cpuBefore);
      if (!res.ok) throw new Error(`work summary: ${res.status} ${body.slice(0, 300)}`);
    }
    const result: SummaryBench = {
      database: target.databaseUrl ? 'postgres' : 'pglite',
      scale,
      children: users.counts.child ?? 0,
      measuredAt: new Date().toISOString(),
      loadAverageBefore,
      loadAverageAfter: os.loadavg()[0]!,
      runsMs,
      medianMs: median(runsMs),
      cpuMs: Math.round(median(cpu)),
    };
    console.log(
      `${result.database}, ${scale} county of ${result.children} children: work summary ${runsMs.join(', ')} ms ` +
        `(median ${result.medianMs} ms, server CPU ${result.cpuMs} ms); load average ` +
        `${loadAverageBefore.toFixed(1)} → ${result.loadAverageAfter.toFixed(1)}`,
    );
    if (args.record) {
      const file = path.join(import.meta.dirname, 'summary-results.json');
      const all = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
      all[result.database] = result;
      fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
      // In the repository's JSON style, so `biome check .` passes on the committed file.
      spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'biome'), ['format', '--write', file], { stdio: 'ignore' });
    }
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
