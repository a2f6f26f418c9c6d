import { sql } from 'drizzle-orm';
import type { Database, Db } from '../db/client';
import { currentSchoolYear } from '../demo/demo-plan';
import { createRandom } from '../demo/random';
import { hashPassword } from '../modules/auth/password';
import { org } from '../modules/orgs/orgs.table';
import { BENCH_PASSWORD, type BenchUsers, pickBenchUsers } from './bench-users';
import { seededUuid } from './ids';
import { genParts } from './parts';
import { resolveScale, type ScaleName } from './scales';
import type { GenContext, GenPart, World } from './world';

export const DEFAULT_SEED = 'shouwang-bench';

export interface GenerateOptions {
  scale: ScaleName;
  children?: number;
  seed?: string;
  now?: Date;
  log?: (line: string) => void;
  /** For tests: another list of parts. */
  parts?: readonly GenPart[];
}

export interface PartTiming {
  part: string;
  ms: number;
  rows: Record<string, number>;
  /** Why it did not run (a table it writes does not exist yet). */
  skipped?: string;
}

export interface GenerateResult {
  world: World;
  timings: PartTiming[];
  /** Wall time of the load transaction and of ANALYZE afterwards. */
  loadMs: number;
  analyzeMs: number;
  benchUsers: BenchUsers;
}

export class GenerateRefusal extends Error {}

/**
 * Builds a synthetic county in an empty, migrated database: every part in one transaction (all
 * or nothing), multi-row inserts throughout, then ANALYZE so the planner knows the new sizes.
 * Deterministic: the same scale, seed and date give the same names, ids and figures.
 */
export async function generate(database: Database, options: GenerateOptions): Promise<GenerateResult> {
  const log = options.log ?? (() => {});
  const spec = resolveScale(options.scale, { children: options.children });
  const seed = options.seed ?? DEFAULT_SEED;
  const now = options.now ?? new Date();
  const parts = options.parts ?? genParts;
  const db = database.db;

  const [existing] = await db.select({ id: org.id }).from(org).limit(1);
  if (existing)
    throw new GenerateRefusal(
      'This database already holds units (org rows): generate into an empty database ' +
        '(a new DATA_DIR folder, or a new PostgreSQL database), or pass --fresh for a bench database.',
    );
  const tables = await existingTables(db);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const { startYear, schoolYear } = currentSchoolYear(now);
  const world: World = {
    county: undefined as unknown as World['county'],
    townships: [],
    villages: [],
    schools: [],
    classes: [],
    staff: [],
    terms: [],
    children: [],
    pairings: [],
    schoolYear: { startYear, label: schoolYear },
  };

  const timings: PartTiming[] = [];
  const started = performance.now();
  await db.transaction(async (tx) => {
    const ctx: GenContext = {
      db: tx,
      spec,
      seed,
      now,
      world,
      rng: (label) => createRandom(`${seed}:${label}`),
      ids: (label) => {
        const rng = createRandom(`${seed}:ids:${label}`);
        return () => seededUuid(rng);
      },
      passwordHash,
      log,
    };
    for (const part of parts) {
      const missing = part.tables.filter((t) => !tables.has(t));
      if (missing.length > 0) {
        timings.push({ part: part.name, ms: 0, rows: {}, skipped: `no table ${missing.join(', ')} yet` });
        log(`  ${part.name.padEnd(10)} skipped: no table ${missing.join(', ')} yet`);
        continue;
      }
      const t0 = performance.now();
      const rows = await part.run(ctx);
      const ms = performance.now() - t0;
      timings.push({ part: part.name, ms, rows });
      const summary = Object.entries(rows)
        .map(([table, n]) => `${n.toLocaleString('en')} ${table}`)
        .join(', ');
      log(`  ${part.name.padEnd(10)} ${formatMs(ms).padStart(8)}  ${summary}`);
    }
  });
  const loadMs = performance.now() - started;
  const t1 = performance.now();
  await db.execute(sql`analyze`);
  const analyzeMs = performance.now() - t1;

  const counts: Record<string, number> = {};
  for (const t of timings) for (const [table, n] of Object.entries(t.rows)) counts[table] = (counts[table] ?? 0) + n;
  const benchUsers: BenchUsers = {
    version: 1,
    scale: spec.name,
    seed,
    generatedAt: now.toISOString(),
    database: database.kind,
    countyId: world.county.id,
    countyName: world.county.name,
    password: BENCH_PASSWORD,
    counts,
    ...pickBenchUsers(world),
  };
  return { world, timings, loadMs, analyzeMs, benchUsers };
}

async function existingTables(db: Db): Promise<Set<string>> {
  const result = await db.execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = current_schema()`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: { name: string }[] }).rows) as { name: string }[];
  return new Set(rows.map((r) => r.name));
}

export const formatMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
