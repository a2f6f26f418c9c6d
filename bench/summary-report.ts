import fs from 'node:fs';
import path from 'node:path';
import type { SummaryBench } from './summary';

/** Issue 8's limit for drafting the county's work summary. */
export const SUMMARY_LIMIT_MS = 5_000;

const summaryResultsFile = path.join(import.meta.dirname, 'summary-results.json');

/** The work-summary target's cell for a run on `database`, from bench/summary-results.json (`npx tsx bench/summary.ts --record`). */
export function summaryTarget(database: 'postgres' | 'pglite'): { text: string; ok: boolean } | undefined {
  if (!fs.existsSync(summaryResultsFile)) return undefined;
  const all = JSON.parse(fs.readFileSync(summaryResultsFile, 'utf8')) as Partial<Record<string, SummaryBench>>;
  const r = all[database];
  if (!r) return undefined;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return {
    text:
      `${s(r.medianMs)} (${r.scale}, ${r.children.toLocaleString('en')} children; median of ${r.runsMs.length}, ` +
      `first ${s(r.runsMs[0]!)}; load ${r.loadAverageBefore.toFixed(1)}; server CPU ${s(r.cpuMs)})`,
    ok: r.medianMs <= SUMMARY_LIMIT_MS,
  };
}
