import fs from 'node:fs';
import type { BenchUsers } from '../apps/server/src/gen/bench-users';
import type { BundleReport } from './bundle';
import type { FirstPageResult } from './first-page';
import { kb, mark, ms, num, seconds, seconds2 } from './format';
import type { LoadResult } from './load';
import type { MemorySample } from './memory-probe';
import { MAX_OVERHEAD_RATIO, type Scenario } from './scenarios';
import type { SqlTiming } from './sql-probe';
import { targetRows } from './targets';

export interface ScenarioResult {
  name: string;
  title: string;
  kind: Scenario['kind'];
  targets?: Scenario['targets'];
  login: { name: string; username: string; role: string; unit: string };
  firstPath: string;
  paths: number;
  skipped?: string;
  /** One connection: the unloaded latency the overhead ratio is judged on. */
  single?: LoadResult;
  /** The load run (16 connections by default). */
  load?: LoadResult;
  sql?: Omit<SqlTiming, 'perQuery'> & { perQuery: { sql: string; p50: number }[] };
  sqlNote?: string;
  ratio?: { unloaded: number; loaded: number };
  rss?: { peakMb: number; meanMb: number };
  /** What the RSS consisted of during the load run (bench/memory-probe.ts): at its peak, and each part's high. */
  memory?: { atPeak?: MemorySample; max: Record<string, number> };
  /**
   * CPU time per request during the load run: the server process, and (PostgreSQL) the database
   * backends of its connections. Load from other work does not inflate it, unlike latency. `boundRps`
   * is what two idle cores could serve at that cost (Node uses one of them).
   */
  cpu?: { serverMsPerRequest: number; databaseMsPerRequest?: number; boundRps: number };
}

export interface RunResult {
  key: string;
  database: 'postgres' | 'pglite';
  scale: string;
  smoke: boolean;
  startedAt: string;
  /** The commit measured. */
  revision: string;
  wallS: number;
  config: { connections: number; durationS: number; singleDurationS: number };
  machine: {
    cpus: number;
    cpuModel: string;
    memGb: number;
    node: string;
    /** 1-minute load average when the run started and ended: other work on the machine skews results. */
    loadAverage: number;
    loadAverageAfter?: number;
  };
  counts: Record<string, number>;
  generation?: BenchUsers['generation'] & { inThisRun: boolean };
  scenarios: ScenarioResult[];
  rss: { idleMb: number; peakMb: number };
  /** Seconds from spawning the server to its first answer to /api/health. */
  serverStartS?: number;
  bundle?: BundleReport;
  /** The sign-in and home pages in a throttled headless Chromium (bench/first-page.ts). */
  firstPage?: FirstPageResult;
  notes: string[];
}

export interface ResultsFile {
  note: string;
  runs: Record<string, RunResult>;
}

export function readResults(file: string): ResultsFile {
  if (fs.existsSync(file)) {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as ResultsFile;
    } catch {
      // a broken file is replaced
    }
  }
  return { note: 'Written by npm run bench (bench/run.ts); one entry per database and scale.', runs: {} };
}

const cpuText = (s: ScenarioResult) =>
  s.cpu
    ? `${s.cpu.serverMsPerRequest.toFixed(2)}${s.cpu.databaseMsPerRequest !== undefined ? ` + ${s.cpu.databaseMsPerRequest.toFixed(2)}` : ''}`
    : '–';

/** Scenario-level pass/fail for results.json consumers. */
export function scenarioChecks(s: ScenarioResult): { metric: string; limit: number; value: number; ok: boolean }[] {
  const checks: { metric: string; limit: number; value: number; ok: boolean }[] = [];
  if (s.load && s.targets?.p99Ms !== undefined)
    checks.push({ metric: 'p99_ms', limit: s.targets.p99Ms, value: s.load.p99, ok: s.load.p99 <= s.targets.p99Ms });
  if (s.load && s.targets?.minRps !== undefined)
    checks.push({ metric: 'rps', limit: s.targets.minRps, value: s.load.rps, ok: s.load.rps >= s.targets.minRps });
  if (s.ratio && s.kind !== 'other')
    checks.push({
      metric: 'overhead_ratio',
      limit: MAX_OVERHEAD_RATIO,
      value: s.ratio.unloaded,
      ok: s.ratio.unloaded <= MAX_OVERHEAD_RATIO,
    });
  return checks;
}

const runTitle = (run: RunResult) => `${run.database === 'postgres' ? 'PostgreSQL 15' : 'PGlite'} · ${run.scale}`;

/** Full runs first: PostgreSQL at county scale (the targets' setting), then the others. */
function orderedRuns(results: ResultsFile): RunResult[] {
  const rank = (r: RunResult) => (r.smoke ? 2 : 0) + (r.database === 'postgres' && r.scale === 'county' ? 0 : 1);
  return Object.values(results.runs).sort((a, b) => rank(a) - rank(b) || a.key.localeCompare(b.key));
}

export function renderMarkdown(results: ResultsFile, findings: string): string {
  const runs = orderedRuns(results).filter((r) => !r.smoke);
  const out: string[] = [];
  out.push('# Benchmark results');
  out.push('');
  out.push(
    'Written by `npm run bench` (bench/run.ts) from bench/results.json; the findings section is ' +
      'bench/findings.md. Targets are issue 8’s, on this 2-core machine against PostgreSQL at county ' +
      'scale; PGlite figures stand beside them (PGlite serves a school or a township).',
  );
  out.push('');
  out.push('```bash');
  out.push(
    'DATABASE_URL=postgres://…/shouwang_bench npm run bench -- --scale county   # generates the county if needed',
  );
  out.push('npm run bench -- --scale township                                        # PGlite in bench/.data/township');
  out.push('npm run bench -- --smoke                                                 # CI: small scale, a few seconds');
  out.push('```');
  out.push('');
  if (runs.length === 0) {
    out.push('No full run recorded yet.');
    return `${out.join('\n')}\n`;
  }

  out.push('## Targets');
  out.push('');
  out.push(`| target | limit | ${runs.map(runTitle).join(' | ')} |`);
  out.push(`|---|---|${runs.map(() => '---|').join('')}`);
  for (const row of targetRows) {
    const cells = runs.map((run) => {
      const m = row.measure(run);
      return m ? `${mark(m.ok)} ${m.text}` : `⚪ ${row.pending ?? 'not measured in this run'}`;
    });
    out.push(`| ${row.label} | ${row.limit} | ${cells.join(' | ')} |`);
  }
  out.push('');
  out.push(
    '🟢 meets the target · 🔴 misses it · ⚪ not measured (feature not built yet, or not in this run). ' +
      'Latency targets are judged at 16 connections. The API overhead is judged on the one-connection ' +
      'run (endpoint p50 / p50 of the same statements replayed one after another on one connection); ' +
      'at 16 connections on 2 cores the p50 is mostly queueing, shown in the tables as “overhead @16”. ' +
      'CPU ms/req is the CPU time the server process (and, on PostgreSQL, its database backends) spent per ' +
      'request during the load run; “req/s bound” is what two otherwise idle cores could serve at that cost. ' +
      'Both hold when other work shares the machine, which inflates the latencies (see the load averages).',
  );
  out.push('');

  for (const run of runs) {
    out.push(`## ${runTitle(run)}`);
    out.push('');
    out.push(
      `${run.startedAt.slice(0, 16).replace('T', ' ')} UTC, commit ${run.revision} · ${run.machine.cpus} × ${run.machine.cpuModel}, ` +
        `${run.machine.memGb} GB, Node ${run.machine.node}, load average ${run.machine.loadAverage.toFixed(1)} → ` +
        `${run.machine.loadAverageAfter?.toFixed(1) ?? '?'} · ${run.config.connections} connections × ` +
        `${run.config.durationS} s per scenario (after ${run.config.singleDurationS} s at one connection) · ` +
        `server start ${run.serverStartS?.toFixed(1) ?? '–'} s, RSS idle ${Math.round(run.rss.idleMb)} MB, ` +
        `peak ${Math.round(run.rss.peakMb)} MB`,
    );
    out.push('');
    for (const note of run.notes) out.push(`> ${note.split('\n')[0]}`, '');
    out.push(
      `Data: ${Object.entries(run.counts)
        .map(([t, n]) => `${num(n)} ${t}`)
        .join(', ')}.`,
    );
    out.push('');
    out.push(
      '| scenario | user | req/s | p50 | p95 | p99 | errors / non-2xx | SQL p50 (statements) | overhead @1 | overhead @16 | CPU ms/req (server + db) | req/s bound | RSS peak |',
    );
    out.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const s of run.scenarios) {
      if (s.skipped) {
        out.push(`| ${s.name} | ${s.login.role} | ⚪ skipped: ${s.skipped} |||||||||||`);
        continue;
      }
      const checks = scenarioChecks(s);
      const flag = (metric: string, text: string) => {
        const c = checks.find((x) => x.metric === metric);
        return c ? `${mark(c.ok)} ${text}` : text;
      };
      const l = s.load!;
      const sqlText = s.sql
        ? `${ms(s.sql.p50)} (${s.sql.queries}${s.sql.sessionQueries ? `, ${s.sql.sessionQueries} session` : ''})`
        : `– ${s.sqlNote ?? ''}`;
      out.push(
        `| ${s.name} | ${s.login.role} | ${flag('rps', num(l.rps))} | ${ms(l.p50)} | ${ms(l.p95)} | ` +
          `${flag('p99_ms', ms(l.p99))} | ${l.errors} / ${l.non2xx} | ${sqlText} | ` +
          `${s.ratio ? flag('overhead_ratio', s.ratio.unloaded.toFixed(2)) : '–'} | ` +
          `${s.ratio && Number.isFinite(s.ratio.loaded) ? s.ratio.loaded.toFixed(1) : '–'} | ${cpuText(s)} | ${s.cpu ? num(s.cpu.boundRps) : '–'} | ` +
          `${s.rss ? `${Math.round(s.rss.peakMb)} MB${memoryText(s)}` : '–'} |`,
      );
    }
    out.push('');
    out.push('<details><summary>What each scenario requests, and its slowest statements</summary>');
    out.push('');
    for (const s of run.scenarios.filter((x) => !x.skipped)) {
      out.push(
        `- **${s.name}**: ${s.title}; \`${s.firstPath}\`${s.paths > 1 ? ` (+${s.paths - 1} more ids)` : ''}; ` +
          `${s.login.username} (${s.login.role}, ${s.login.unit}). One connection: p50 ${ms(s.single?.p50)}, p99 ${ms(s.single?.p99)}.`,
      );
      const slow = [...(s.sql?.perQuery ?? [])].sort((a, b) => b.p50 - a.p50).slice(0, 2);
      for (const q of slow) out.push(`  - ${ms(q.p50)}: \`${q.sql.replace(/\s+/g, ' ').slice(0, 220)}…\``);
      if (s.sql?.explain) {
        out.push('');
        out.push('    ```text');
        for (const line of s.sql.explain.plan.split('\n')) out.push(`    ${line}`);
        out.push('    ```');
      }
    }
    out.push('');
    out.push('</details>');
    out.push('');
  }

  out.push('## Generation');
  out.push('');
  out.push('| database · scale | total | open + migrate | load (one transaction) | ANALYZE | parts |');
  out.push('|---|---|---|---|---|---|');
  for (const run of runs) {
    const g = run.generation;
    if (!g) {
      out.push(`| ${runTitle(run)} | – | – | – | – | not recorded |`);
      continue;
    }
    const parts = g.parts.map((p) => (p.skipped ? `${p.part} skipped` : `${p.part} ${seconds(p.ms)}`)).join(', ');
    out.push(
      `| ${runTitle(run)} | ${seconds(g.totalMs)} | ${seconds(g.openMs)} | ${seconds(g.loadMs)} | ${seconds(g.analyzeMs)} | ${parts} |`,
    );
  }
  out.push('');
  out.push('Target: county scale in under 5 minutes on this machine.');
  out.push('');

  const bundle = runs.find((r) => r.bundle)?.bundle;
  if (bundle) {
    out.push('## Web bundle (gzip -9)');
    out.push('');
    out.push(
      `Entry (index.html’s script and modulepreloads, every route): ${kb(bundle.entryGzip)} · login route: ` +
        `${kb(bundle.loginGzip)} · all JavaScript: ${kb(bundle.totalJsGzip)} in ${bundle.chunks.length} chunks · CSS ${kb(bundle.cssGzip)}.`,
    );
    out.push('');
    out.push(
      'First show: entry + layout + page, their static imports and the feature texts (zh-CN) the route loads ' +
        'beside them. Heaviest part: the largest part it loads on request (a tab of the child page, a chart, ' +
        'a drawer) with what that loads in turn.',
    );
    out.push('');
    out.push('| route | first show | with its heaviest part | part | with every part |');
    out.push('|---|---|---|---|---|');
    for (const r of bundle.routes)
      out.push(
        `| ${r.route} | ${kb(r.gzip)} | ${kb(r.heaviestGzip ?? r.gzip)} | ${r.heaviestPart ?? '–'} | ${kb(r.allGzip ?? r.gzip)} |`,
      );
    out.push('');
    out.push('| largest chunks | size | gzip |');
    out.push('|---|---|---|');
    for (const c of bundle.chunks.slice(0, 10)) out.push(`| ${c.file} | ${kb(c.bytes)} | ${kb(c.gzip)} |`);
    out.push('');
  }
  const firstPage = runs.find((r) => r.firstPage)?.firstPage;
  if (firstPage) {
    out.push('## First page in a throttled browser');
    out.push('');
    out.push(
      `Headless Chromium, a 375 px phone, empty cache, ${firstPage.profile} (bench/first-page.ts). Sign-in page: ` +
        'navigation start until the username box is visible and enabled. Home after signing in: from pressing 登录 as a ' +
        'class teacher until the to-do figures show. Home opened cold: the signed-in teacher opens the home page by ' +
        'address with an empty cache.',
    );
    out.push('');
    out.push('| run | sign-in page | home after signing in | home opened cold |');
    out.push('|---|---|---|---|');
    for (const [i, s] of firstPage.samples.entries())
      out.push(`| ${i + 1} | ${seconds2(s.loginMs)} | ${seconds2(s.homeMs)} | ${seconds2(s.homeColdMs)} |`);
    out.push('');
    if (firstPage.loginBytes !== undefined) out.push(`The sign-in page transferred ${kb(firstPage.loginBytes)}.`, '');
  }

  out.push('## Findings');
  out.push('');
  out.push(findings.trim() || 'None recorded.');
  out.push('');
  return `${out.join('\n')}\n`;
}

/** The V8 heap (old + new space) and the memory outside it at the RSS peak: where the RSS goes. */
function memoryText(s: ScenarioResult): string {
  const m = s.memory?.atPeak;
  if (!m) return '';
  const space = (name: string) => Math.round(m.spacesMb[name] ?? 0);
  return ` (old ${space('old_space')}, new ${space('new_space')}, heap ${Math.round(m.heapTotalMb)}, ext ${Math.round(m.externalMb)})`;
}
