import { kb, ms, num, seconds2 } from './format';
import { importTarget } from './import-report';
import type { RunResult } from './report';
import { MAX_OVERHEAD_RATIO } from './scenarios';
import { summaryTarget } from './summary-report';

/** The targets table of bench/results.md: issue 8's limits and what a run shows for each. */

export const RSS_LIMIT_MB = 400;
export const LOGIN_JS_LIMIT = 250 * 1024;
export const ROUTE_JS_LIMIT = 700 * 1024;
export const FIRST_PAGE_LIMIT_MS = 2500;

export interface TargetRow {
  label: string;
  limit: string;
  /** What a run shows for this target: the value and whether it meets the limit; undefined: not measured. */
  measure(run: RunResult): { text: string; ok?: boolean } | undefined;
  /** Why there is no measurement yet. */
  pending?: string;
}

const scenarioOf = (run: RunResult, name: string) => run.scenarios.find((s) => s.name === name && !s.skipped);

/** The targets of issue 8, in its order. */
export const targetRows: TargetRow[] = [
  {
    label: 'Child list, school scope, filtered, pinyin-sorted, first page: p99 at 16 connections',
    limit: '≤ 50 ms',
    measure: (run) => p99Row(run, 'children-school', 50),
  },
  {
    label: 'Child list, county scope with filters: p99',
    limit: '≤ 150 ms',
    measure: (run) => p99Row(run, 'children-county', 150),
  },
  {
    label: 'Child page: p99',
    limit: '≤ 30 ms',
    measure: (run) => p99Row(run, 'child-page', 30),
  },
  {
    label: 'Child page: throughput',
    limit: '≥ 1,500 req/s',
    measure: (run) => {
      const s = scenarioOf(run, 'child-page');
      if (!s?.load) return undefined;
      const bound = s.cpu ? ` (CPU-cost bound on idle cores: ${num(s.cpu.boundRps)})` : '';
      return { text: `${num(s.load.rps)} req/s${bound}`, ok: s.load.rps >= 1500 };
    },
  },
  {
    label: 'A class teacher’s to-do list: p99',
    limit: '≤ 50 ms',
    measure: (run) => p99Row(run, 'todos-class', 50),
    pending: 'to-do list not in this run',
  },
  {
    label: 'School dashboard: p99',
    limit: '≤ 80 ms',
    measure: (run) => p99Row(run, 'dashboard-school', 80),
    pending: 'school dashboard not in this run',
  },
  {
    label: 'County dashboard (all KPIs, current term): p99',
    limit: '≤ 400 ms',
    measure: (run) => p99Row(run, 'dashboard-county', 400),
    pending: 'county dashboard not in this run',
  },
  {
    label: 'API overhead (endpoint p50 / bare SQL p50), list and page endpoints, worst',
    limit: `≤ ${MAX_OVERHEAD_RATIO}`,
    measure: (run) => {
      const judged = run.scenarios.filter((s) => !s.skipped && s.kind !== 'other' && s.ratio);
      if (judged.length === 0) return undefined;
      const worst = judged.reduce((a, b) => (b.ratio!.unloaded > a.ratio!.unloaded ? b : a));
      return {
        text: `${worst.ratio!.unloaded.toFixed(2)} (${worst.name})`,
        ok: worst.ratio!.unloaded <= MAX_OVERHEAD_RATIO,
      };
    },
  },
  {
    label: 'Import of 10,000 rows, end to end',
    limit: '≤ 10 s',
    measure: (run) => importTarget(run.database),
    pending: 'not measured yet (npx tsx bench/import.ts --record)',
  },
  {
    label: 'County work summary',
    limit: '≤ 5 s',
    measure: (run) => summaryTarget(run.database),
    pending: 'not measured yet (npx tsx bench/summary.ts --record)',
  },
  {
    label: 'Server RSS under load (peak)',
    limit: `≤ ${RSS_LIMIT_MB} MB`,
    measure: (run) =>
      run.rss.peakMb > 0 ? { text: `${Math.round(run.rss.peakMb)} MB`, ok: run.rss.peakMb <= RSS_LIMIT_MB } : undefined,
  },
  {
    label: 'Web: JavaScript for the login page (gzip)',
    limit: '≤ 250 KB',
    measure: (run) =>
      run.bundle?.loginGzip !== undefined
        ? { text: kb(run.bundle.loginGzip), ok: run.bundle.loginGzip <= LOGIN_JS_LIMIT }
        : undefined,
  },
  {
    label: 'Web: largest route in total (gzip; its first show with its heaviest part loaded on request)',
    limit: '≤ 700 KB',
    measure: (run) => {
      const top = run.bundle?.routes[0];
      if (!top) return undefined;
      // Results from before the parts were counted have `gzip` only.
      const value = top.heaviestGzip ?? top.gzip;
      return { text: `${kb(value)} (${top.route})`, ok: value <= ROUTE_JS_LIMIT };
    },
  },
  {
    label: 'Web: first page usable, headless Chromium, 4× CPU slowdown, slow 4G',
    limit: '≤ 2.5 s',
    measure: (run) => {
      const f = run.firstPage;
      if (!f) return undefined;
      if (f.error && !Number.isFinite(f.loginMs)) return { text: `failed: ${f.error}`, ok: false };
      const extra = [
        f.homeMs !== undefined ? `home after signing in ${seconds2(f.homeMs)}` : '',
        f.homeColdMs !== undefined ? `home opened cold ${seconds2(f.homeColdMs)}` : '',
      ].filter(Boolean);
      return {
        text: `sign-in page ${seconds2(f.loginMs)}${extra.length ? ` (${extra.join(', ')})` : ''}, median of ${f.runs}`,
        ok: f.loginMs <= FIRST_PAGE_LIMIT_MS,
      };
    },
    pending: 'not in this run (needs Chromium and a build)',
  },
];

function p99Row(run: RunResult, name: string, limit: number) {
  const s = scenarioOf(run, name);
  if (s?.load && s.load.requests === 0)
    return { text: `none finished under load (one connection: p50 ${ms(s.single?.p50)})`, ok: false };
  return s?.load ? { text: ms(s.load.p99), ok: s.load.p99 <= limit } : undefined;
}
