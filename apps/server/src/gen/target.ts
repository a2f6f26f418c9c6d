import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../env';
import { BENCH_USERS_FILE, benchUsersFile, repoRoot } from './bench-users';
import { DEFAULT_SEED, GenerateRefusal } from './generate';
import { type ScaleName, scaleNames } from './scales';

/**
 * Options and target of `npm run gen -- --scale small|township|county [--children N] [--seed S] [--now YYYY-MM-DD] [--fresh]`
 *
 * Writes a synthetic county into the configured database: DATABASE_URL, else DATA_DIR, else
 * bench/.data/<scale> (never the default ./data, so bench data cannot land in real data by accident).
 */

const usage =
  'Usage: npm run gen -- --scale small|township|county [--children N] [--seed S] [--now YYYY-MM-DD] [--fresh]\n' +
  '  --fresh  start from an empty database: deletes the PGlite folder (only one the generator made)\n' +
  '           or drops and re-creates the PostgreSQL database (only one named shouwang_bench*).';

export interface GenCliOptions {
  scale: ScaleName;
  children?: number;
  seed: string;
  now?: Date;
  fresh: boolean;
}

export function parseGenArgs(argv: string[]): GenCliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: 'small' },
      children: { type: 'string' },
      seed: { type: 'string', default: DEFAULT_SEED },
      now: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (!scaleNames.includes(values.scale as ScaleName)) throw new Error(`unknown scale ${values.scale}\n${usage}`);
  const children = values.children === undefined ? undefined : Number(values.children);
  if (children !== undefined && !(Number.isInteger(children) && children >= 0))
    throw new Error(`--children takes a whole number, not ${values.children}`);
  const now = values.now ? new Date(`${values.now}T12:00:00+08:00`) : undefined;
  if (now && Number.isNaN(now.getTime())) throw new Error(`--now takes a date (YYYY-MM-DD), not ${values.now}`);
  return { scale: values.scale as ScaleName, children, seed: values.seed!, now, fresh: values.fresh! };
}

export interface GenTarget {
  databaseUrl?: string;
  /**
   * The PGlite folder; with PostgreSQL the folder of the bench files and of the data keys
   * (keys.json), bench/.data/pg-<database> unless DATA_DIR says otherwise.
   */
  dataDir: string;
}

/** The database the generator writes to, as the server would open it. */
export function genTarget(scale: ScaleName, env: NodeJS.ProcessEnv = process.env): GenTarget {
  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir =
    env.DATA_DIR ||
    (databaseUrl
      ? path.dirname(benchUsersFile({ databaseUrl, dataDir: '' }))
      : path.join(repoRoot, 'bench', '.data', scale));
  return { databaseUrl, dataDir: path.resolve(dataDir) };
}

/**
 * The environment the generator, the probe and the bench server share, so they use the same data
 * keys: the environment's (DATA_KEYS / DATA_HASH_KEY) if set, else <dataDir>/keys.json, which the
 * generator may create even for PostgreSQL (the bench database is synthetic and disposable).
 * Administrators need no authenticator in the benchmark: it measures reads, not sign-in.
 */
export function benchEnv(target: GenTarget, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {
    DATA_DIR: target.dataDir,
    ALLOW_GENERATED_KEY: env.ALLOW_GENERATED_KEY ?? 'true',
    REQUIRE_TOTP_FOR_ADMINS: 'false',
  };
  if (target.databaseUrl) out.DATABASE_URL = target.databaseUrl;
  for (const name of ['DATA_KEY', 'DATA_KEYS', 'DATA_HASH_KEY']) if (env[name]) out[name] = env[name];
  return out;
}

/** The app configuration of the bench target (data keys, TOTP off; no web app). */
export function benchConfig(target: GenTarget, env: NodeJS.ProcessEnv = process.env) {
  return loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', ...benchEnv(target, env) });
}

/** Left in a PGlite folder the generator creates, so `--fresh` may delete it even after a failed run. */
export const BENCH_MARKER = '.shouwang-bench';

/** Marks a new or empty PGlite folder as the generator's, before anything is written to it. */
export function markBenchFolder(target: GenTarget): void {
  if (target.databaseUrl) return;
  const dir = target.dataDir;
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, BENCH_MARKER), 'Synthetic data of npm run gen: not real data.\n');
}

/** Empties the target, but only one that is plainly a bench database. */
export async function freshen(target: GenTarget): Promise<void> {
  if (target.databaseUrl) {
    const url = new URL(target.databaseUrl);
    const name = url.pathname.replace(/^\//, '');
    if (!/^shouwang_bench\w*$/.test(name))
      throw new GenerateRefusal(`--fresh drops only databases named shouwang_bench…, not "${name}"`);
    url.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
    } finally {
      await admin.end();
    }
    fs.rmSync(path.dirname(benchUsersFile(target)), { recursive: true, force: true });
    return;
  }
  const dir = target.dataDir;
  if (!fs.existsSync(dir)) return;
  const entries = fs.readdirSync(dir);
  if (entries.length > 0 && !entries.includes(BENCH_USERS_FILE) && !entries.includes(BENCH_MARKER))
    throw new GenerateRefusal(`--fresh deletes only folders the generator made (with ${BENCH_MARKER}): ${dir}`);
  const lock = path.join(dir, 'shouwang.lock');
  if (fs.existsSync(lock)) {
    const owner = Number(fs.readFileSync(lock, 'utf8'));
    if (owner && isAlive(owner))
      throw new GenerateRefusal(
        `The data folder ${dir} is in use by a running Shouwang process (pid ${owner}); stop it first.`,
      );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
