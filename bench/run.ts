import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type BenchUsers, benchUsersFile, readBenchUsers, repoRoot } from '../apps/server/src/gen/bench-users';
import { type ScaleName, scaleNames } from '../apps/server/src/gen/scales';
import { genTarget } from '../apps/server/src/gen/target';
import { measureBundle } from './bundle';
import { type LoadResult, quantile, runLoad, sequentialLatencies, summarize } from './load';
import { type RunResult, readResults, renderMarkdown, type ScenarioResult, scenarioChecks } from './report';
import { firstPage, reportOnly, revision, runChild, webOnly, writeMarkdown } from './run-modes';
import { benchScenarios, type LoginName, type Scenario } from './scenarios';
import { cpuMs, rssMb, type ServerProcess, sampleMemory, sampleRss, startServer } from './server-process';
import { type CapturedQuery, SqlProbe as Probe, type SqlProbe, type SqlTiming } from './sql-probe';

/**
 * `npm run bench [-- --scale small|township|county] [--duration S] [--connections N] [--gen] [--only a,b]`
 * `npm run bench -- --smoke` (CI: small scale on a fresh PGlite folder, short runs, exit 0 when the harness works)
 * `npm run bench -- --report-only` (results.md again from results.json and findings.md)
 * `npm run bench -- --web-only` (the web figures only: bundle and first page, on the small county,
 *   written into every full run of results.json; they do not depend on the database)
 *
 * Generates the data if it is not there yet, measures each scenario's bare SQL, starts the real
 * server as a child process, signs in as realistic users and drives the HTTP API with autocannon.
 * Writes bench/results.json and bench/results.md (smoke runs: bench/.data/smoke-results.*).
 */

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    scale: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '16' },
    gen: { type: 'boolean', default: false },
    only: { type: 'string' },
    seed: { type: 'string' },
    'report-only': { type: 'boolean', default: false },
    'web-only': { type: 'boolean', default: false },
  },
});

const benchDir = path.join(repoRoot, 'bench');
const log = (line: string) => console.log(line);

async function main(): Promise<number> {
  if (args['report-only']) return reportOnly();
  if (args['web-only']) return webOnly();
  const started = performance.now();
  const smoke = args.smoke!;
  const env = { ...process.env };
  let scale: ScaleName;
  if (smoke) {
    // Its own fresh PGlite folder: CI's DATABASE_URL or DATA_DIR, if any, are left alone.
    scale = 'small';
    delete env.DATABASE_URL;
    env.DATA_DIR = path.join(benchDir, '.data', 'smoke');
  } else {
    scale = (args.scale as ScaleName | undefined) ?? (env.DATABASE_URL ? 'county' : 'township');
    if (!scaleNames.includes(scale)) throw new Error(`unknown scale ${scale}`);
  }
  const target = genTarget(scale, env);
  const databaseKind = target.databaseUrl ? 'postgres' : 'pglite';
  const connections = Number(args.connections);
  const durationS = Number(args.duration ?? (smoke ? 0.5 : 8));
  // One-connection latency: `rounds` samples of `roundMs`, alternating with SQL replays on PostgreSQL.
  const rounds = smoke ? 2 : 6;
  const roundMs = smoke ? 100 : 500;
  const singleDurationS = (rounds * roundMs) / 1000;
  log(`守望 bench: ${databaseKind} · scale ${scale}${smoke ? ' (smoke)' : ''}`);

  // 1. Data.
  const usersFile = benchUsersFile(target);
  let users = readBenchUsers(usersFile);
  let generatedNow = false;
  // Without its data keys the data cannot be read (the server refuses unknown keys): generate again.
  const keysLost = !env.DATA_KEYS && !env.DATA_KEY && !fs.existsSync(path.join(target.dataDir, 'keys.json'));
  if (smoke || args.gen || !users || users.scale !== scale || keysLost) {
    log(`Generating the ${scale} county (npm run gen -- --scale ${scale} --fresh) …`);
    const genArgs = ['--scale', scale, '--fresh', ...(args.seed ? ['--seed', args.seed] : [])];
    const code = await runChild(process.execPath, ['--import', 'tsx', 'apps/server/src/gen/cli.ts', ...genArgs], env);
    if (code !== 0) throw new Error(`the generator failed (exit ${code})`);
    users = readBenchUsers(usersFile);
    generatedNow = true;
  }
  if (!users) throw new Error(`no bench logins in ${usersFile}`);

  // 2. Web bundle (built only when missing, and never for a smoke run).
  const dist = path.join(repoRoot, 'apps', 'web', 'dist');
  if (!smoke && !fs.existsSync(path.join(dist, 'index.html'))) {
    log('Building the web app (npm run build) …');
    spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  }
  const bundle = measureBundle(dist);

  // 3. Scenarios and the bare SQL of each. PGlite: before the server starts (one process per folder).
  const chosen = args.only?.split(',');
  const scenarios = benchScenarios(users).filter((s) => !chosen || chosen.includes(s.name));
  const results = new Map<string, ScenarioResult>();
  for (const s of scenarios) results.set(s.name, describe(s, users));

  let probe: SqlProbe | undefined = await Probe.open(target);
  const childrenReady = (users.counts.child ?? 0) > 0 && (await childRoutesExist(probe, users));
  for (const s of scenarios) {
    if (s.needsChildren && !childrenReady)
      results.get(s.name)!.skipped = 'no children in this database or no /api/children route yet';
  }
  // A scenario whose route this build does not have is skipped, not failed (older commits, new scenarios).
  for (const s of scenarios) {
    const result = results.get(s.name)!;
    if (result.skipped) continue;
    const login = users.logins[s.login]!;
    const { status } = await probe.capture(s.paths[0]!, await probe.login(login.username, users.password));
    if (status === 404 && !s.paths[0]!.match(/\/[0-9a-f-]{36}$/)) result.skipped = 'no such route in this build';
  }
  const sqlLimits = smoke ? { maxIterations: 10, maxMs: 100 } : { maxIterations: 400, maxMs: 3000, explainOverMs: 5 };
  if (databaseKind === 'pglite') {
    for (const s of scenarios) if (!results.get(s.name)!.skipped) await measureSql(probe, s, users, sqlLimits, results);
    await probe.close();
    probe = undefined;
  }

  // 4. The real server, realistic users, load.
  let server: ServerProcess | undefined;
  const run: RunResult = {
    key: `${databaseKind}/${scale}${smoke ? '/smoke' : ''}`,
    database: databaseKind,
    scale,
    smoke,
    startedAt: new Date().toISOString(),
    revision: revision(),
    wallS: 0,
    config: { connections, durationS, singleDurationS },
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown',
      memGb: Math.round(os.totalmem() / 1024 ** 3),
      node: process.versions.node,
      loadAverage: os.loadavg()[0]!,
    },
    counts: users.counts,
    generation: users.generation ? { ...users.generation, inThisRun: generatedNow } : undefined,
    scenarios: [],
    rss: { idleMb: 0, peakMb: 0 },
    bundle,
    notes: [],
  };
  let broken = false;
  try {
    log('Starting the server …');
    const startAt = performance.now();
    server = await startServer(target);
    run.serverStartS = (performance.now() - startAt) / 1000;
    const cookies = new Map<LoginName, string>();
    for (const s of scenarios) {
      if (results.get(s.name)!.skipped || cookies.has(s.login)) continue;
      cookies.set(s.login, await login(server.baseUrl, users, s.login));
    }
    run.rss.idleMb = rssMb(server.pid) ?? 0;
    for (const s of scenarios) {
      const result = results.get(s.name)!;
      if (result.skipped) {
        log(`  ${s.name.padEnd(24)} skipped: ${result.skipped}`);
        continue;
      }
      // PostgreSQL: the statements once more (per statement, EXPLAIN), then SQL replays and single
      // requests in alternating rounds, so both p50s see the same load from the rest of the machine.
      const queries = probe ? await measureSql(probe, s, users, { ...sqlLimits, maxMs: 1000 }, results) : undefined;
      const cookie = cookies.get(s.login)!;
      const common = { baseUrl: server.baseUrl, paths: s.paths, cookie };
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      await sequentialLatencies({ ...common, agent, ms: roundMs });
      const single: number[] = [];
      const sqlTotals: number[] = [];
      const sqlData: number[] = [];
      let failures = 0;
      for (let round = 0; round < rounds; round++) {
        if (probe && queries) {
          const replayed = await probe.replayFor(queries, roundMs);
          sqlTotals.push(...replayed.totals);
          sqlData.push(...replayed.data);
        }
        const sampled = await sequentialLatencies({ ...common, agent, ms: roundMs });
        single.push(...sampled.latencies);
        failures += sampled.failures;
      }
      agent.destroy();
      result.single = summarize(single, failures, singleDurationS);
      if (result.sql && sqlTotals.length > 0) {
        const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
        result.sql = {
          ...result.sql,
          iterations: sqlTotals.length,
          p50: quantile(sorted(sqlTotals), 0.5),
          p95: quantile(sorted(sqlTotals), 0.95),
          dataP50: quantile(sorted(sqlData), 0.5),
        };
      }
      const sampler = sampleRss(server.pid);
      const memory = sampleMemory(server);
      // Database backends: those open before the run, plus those the pool opens during it (counted whole).
      const backendsBefore = new Map((probe ? await probe.backendPids() : []).map((pid) => [pid, cpuMs(pid) ?? 0]));
      const serverBefore = cpuMs(server.pid) ?? 0;
      result.load = await runLoad({ ...common, connections, durationS });
      result.rss = sampler.stop();
      result.memory = await memory.stop();
      const served = Math.max(1, result.load.requests);
      const serverMs = ((cpuMs(server.pid) ?? 0) - serverBefore) / served;
      let databaseMs: number | undefined;
      if (probe) {
        const after = new Set([...backendsBefore.keys(), ...(await probe.backendPids())]);
        databaseMs =
          [...after].reduce(
            (sum, pid) => sum + (cpuMs(pid) ?? backendsBefore.get(pid) ?? 0) - (backendsBefore.get(pid) ?? 0),
            0,
          ) / served;
      }
      result.cpu = {
        serverMsPerRequest: serverMs,
        databaseMsPerRequest: databaseMs,
        // Node serves from one thread; with PostgreSQL both share the two cores.
        boundRps: Math.min(1000 / serverMs, databaseMs !== undefined ? 2000 / (serverMs + databaseMs) : Infinity),
      };
      run.rss.peakMb = Math.max(run.rss.peakMb, result.rss.peakMb);
      if (result.sql) {
        result.ratio = { unloaded: result.single.p50 / result.sql.p50, loaded: result.load.p50 / result.sql.p50 };
      }
      // No answer at all means the harness is broken; answers too slow for the load run (all past
      // autocannon's timeout, as the county dashboard at 16 connections) are a result, not a failure.
      if (result.load.requests - result.load.non2xx === 0) {
        if (single.length === 0) broken = true;
        else
          run.notes.push(
            `${s.name}: no request finished under load (single-connection p50 ${result.single.p50.toFixed(0)} ms)`,
          );
      }
      log(
        `  ${s.name.padEnd(24)} ${summary(result.load)}${result.sql ? `  SQL p50 ${result.sql.p50.toFixed(2)} ms` : ''}`,
      );
    }
    run.firstPage = await firstPage(server.baseUrl, users, dist, smoke);
  } catch (error) {
    broken = true;
    run.notes.push(`harness error: ${(error as Error).message}`);
    console.error(error);
  } finally {
    await server?.stop();
    await probe?.close();
  }

  run.scenarios = scenarios.map((s) => {
    const result = results.get(s.name)!;
    if (!result.skipped && !result.load) result.skipped = 'not run (harness error, see notes)';
    return result;
  });
  run.machine.loadAverageAfter = os.loadavg()[0]!;
  run.wallS = (performance.now() - started) / 1000;
  const outDir = smoke ? path.join(benchDir, '.data') : benchDir;
  const base = smoke ? 'smoke-results' : 'results';
  const jsonFile = path.join(outDir, `${base}.json`);
  const file = readResults(jsonFile);
  file.runs[run.key] = run;
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(jsonFile, `${JSON.stringify(file, null, 2)}\n`);
  const findingsFile = path.join(benchDir, 'findings.md');
  const findings = fs.existsSync(findingsFile) ? fs.readFileSync(findingsFile, 'utf8') : '';
  writeMarkdown(path.join(outDir, `${base}.md`), renderMarkdown(smoke ? asFull(file) : file, findings));
  const failed = run.scenarios.flatMap((s) =>
    scenarioChecks(s)
      .filter((c) => !c.ok)
      .map((c) => `${s.name} ${c.metric}`),
  );
  log(`Results: ${path.relative(repoRoot, jsonFile)} and ${base}.md (${run.wallS.toFixed(0)} s).`);
  if (failed.length > 0) log(`Targets missed: ${failed.join(', ')}`);
  // The exit code tells whether the harness works, not whether targets are met.
  return broken ? 1 : 0;
}

/** Smoke runs render like full ones in their own file. */
function asFull(file: ReturnType<typeof readResults>) {
  return { ...file, runs: Object.fromEntries(Object.entries(file.runs).map(([k, r]) => [k, { ...r, smoke: false }])) };
}

function describe(s: Scenario, users: BenchUsers): ScenarioResult {
  const login = users.logins[s.login];
  return {
    name: s.name,
    title: s.title,
    kind: s.kind,
    targets: s.targets,
    login: {
      name: s.login,
      username: login?.username ?? '–',
      role: login?.role ?? s.login,
      unit: login?.orgName ?? '–',
    },
    firstPath: s.paths[0] ?? '',
    paths: s.paths.length,
    skipped: login ? undefined : `no ${s.login} in the generated data`,
  };
}

async function measureSql(
  probe: SqlProbe,
  s: Scenario,
  users: BenchUsers,
  limits: { maxIterations: number; maxMs: number; explainOverMs?: number },
  results: Map<string, ScenarioResult>,
): Promise<CapturedQuery[] | undefined> {
  const result = results.get(s.name)!;
  const login = users.logins[s.login]!;
  const cookie = await probe.login(login.username, users.password);
  // The steady state: a first request warms what a running server has warm (the actor cache, the
  // pre-aggregated 完成率 — the cold compute is a finding of its own), the second is captured.
  await probe.capture(s.paths[0]!, cookie);
  const { status, queries } = await probe.capture(s.paths[0]!, cookie);
  if (status !== 200) {
    result.sqlNote = `capture answered ${status}`;
    return undefined;
  }
  const timing: SqlTiming = await probe.time(queries, limits);
  // The statements' beginnings identify them; whole select lists would make results.json huge.
  const clip = (text: string, n: number) => (text.length > n ? `${text.slice(0, n)}…` : text);
  result.sql = {
    ...timing,
    perQuery: timing.perQuery.map((q) => ({ ...q, sql: clip(q.sql, 300) })),
    explain: timing.explain && { ...timing.explain, sql: clip(timing.explain.sql, 2000) },
  };
  return queries;
}

/** Whether this build has the child archive's routes (a 404 for the list means it does not). */
async function childRoutesExist(probe: SqlProbe, users: BenchUsers): Promise<boolean> {
  const admin = users.logins.countyAdmin;
  if (!admin) return false;
  const cookie = await probe.login(admin.username, users.password);
  const { status } = await probe.capture('/api/children?pageSize=1', cookie);
  return status !== 404;
}

async function login(baseUrl: string, users: BenchUsers, name: LoginName): Promise<string> {
  const who = users.logins[name];
  if (!who) throw new Error(`no ${name} login in the bench data`);
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: who.username, password: users.password }),
  });
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('sw_session='))
    ?.split(';')[0];
  if (!res.ok || !cookie)
    throw new Error(`login of ${who.username} (${name}) failed: ${res.status} ${await res.text()}`);
  return cookie;
}

function summary(l: LoadResult): string {
  return (
    `${Math.round(l.rps).toString().padStart(6)} req/s  p50 ${l.p50.toFixed(1)}  p95 ${l.p95.toFixed(1)}  ` +
    `p99 ${l.p99.toFixed(1)} ms  errors ${l.errors}  non-2xx ${l.non2xx}`
  );
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
