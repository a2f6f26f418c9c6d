import fs from 'node:fs';
import path from 'node:path';
import type { ImportBench } from './import';

/** Issue 8's limit for a 10,000-row import, upload → dry run → commit. */
export const IMPORT_LIMIT_MS = 10_000;

const importResultsFile = path.join(import.meta.dirname, 'import-results.json');

/**
 * The import target's cell for a run on `database`, from bench/import-results.json (written by
 * `npx tsx bench/import.ts --record`; a fresh database per run, so the figure does not depend on
 * the scale of the run beside it).
 */
export function importTarget(database: 'postgres' | 'pglite'): { text: string; ok: boolean } | undefined {
  if (!fs.existsSync(importResultsFile)) return undefined;
  const all = JSON.parse(fs.readFileSync(importResultsFile, 'utf8')) as Partial<Record<string, ImportBench>>;
  const r = all[database];
  if (!r) return undefined;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return {
    text:
      `${s(r.median.totalMs)} (dry run ${s(r.median.dryRunMs)} + commit ${s(r.median.commitMs)}, ` +
      `median of ${r.runs.length}, load ${r.loadAverageBefore.toFixed(1)}; CPU ${s(r.median.cpuMs)})`,
    ok: r.median.totalMs <= IMPORT_LIMIT_MS,
  };
}
