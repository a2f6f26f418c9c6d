import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { openDatabase, pgliteOptions } from '../db/client';

/**
 * Backup and restore for operators (`npm run backup`, `npm run restore`).
 *
 * A backup is one `.tar` file holding:
 * - `database.tar.gz`: the embedded database (PGlite's own consistent dump of its data folder), or
 *   `database.dump`: `pg_dump --format=custom` of a PostgreSQL server;
 * - `attachments.tar`: the uploaded photos and scans;
 * - `manifest.json`: when, from which kind of database, and per table the row count and a checksum
 *   of its contents, so a restore proves it brought back exactly what was saved.
 *
 * The encryption keys are NOT in the backup (a stolen backup must not carry its own keys): keep
 * `DATA_KEY(S)`/`DATA_HASH_KEY`, or `<DATA_DIR>/keys.json`, apart from it. A restore keeps the keys
 * the target already has.
 */

export interface BackupTarget {
  /** PostgreSQL server; otherwise the embedded database in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  attachmentsDir: string;
}

export interface TableSum {
  rows: number;
  checksum: string;
}
export interface Manifest {
  format: 'shouwang-backup/1';
  createdAt: string;
  kind: 'pglite' | 'postgres';
  tables: Record<string, TableSum>;
  attachments: number;
}

/** Row count and content checksum (order-independent) of every table of the app. */
export async function tableChecksums(db: Db): Promise<Record<string, TableSum>> {
  const result = await db.execute<{ name: string }>(
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const names = rowsOf<{ name: string }>(result).map((r) => r.name);
  const sums: Record<string, TableSum> = {};
  for (const name of names) {
    const table = sql.identifier(name);
    const [row] = rowsOf<{ rows: string | number; checksum: string | null }>(
      await db.execute(sql`
        select count(*) as rows, md5(coalesce(string_agg(h, '' order by h), '')) as checksum
        from (select md5(t::text) as h from ${table} t) x`),
    );
    sums[name] = { rows: Number(row!.rows), checksum: row!.checksum ?? '' };
  }
  return sums;
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

/** Writes a backup of `target` to `outFile` and answers its manifest. The embedded database must not be in use. */
export async function backup(target: BackupTarget, outFile: string): Promise<Manifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shouwang-backup-'));
  try {
    const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
    let manifest: Manifest;
    try {
      manifest = {
        format: 'shouwang-backup/1',
        createdAt: new Date().toISOString(),
        kind: database.kind,
        tables: await tableChecksums(database.db),
        attachments: countFiles(target.attachmentsDir),
      };
      if (database.pglite) {
        const dump = await database.pglite.dumpDataDir('gzip');
        fs.writeFileSync(path.join(work, 'database.tar.gz'), Buffer.from(await dump.arrayBuffer()));
      }
    } finally {
      await database.close();
    }
    if (target.databaseUrl) {
      execFileSync(
        'pg_dump',
        ['--format=custom', '--no-owner', `--file=${path.join(work, 'database.dump')}`, target.databaseUrl],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
    }
    const attachments = path.join(work, 'attachments.tar');
    if (fs.existsSync(target.attachmentsDir))
      execFileSync('tar', ['-cf', attachments, '-C', target.attachmentsDir, '.']);
    else execFileSync('tar', ['-cf', attachments, '-T', '/dev/null']);
    fs.writeFileSync(path.join(work, 'manifest.json'), JSON.stringify(manifest, null, 2));
    fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
    const parts = fs.readdirSync(work);
    execFileSync('tar', ['-cf', path.resolve(outFile), '-C', work, ...parts]);
    fs.chmodSync(outFile, 0o600);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export class RestoreError extends Error {}

/**
 * Restores a backup into `target`: a new embedded data folder (an existing one only with `force`,
 * which moves it aside to `<dataDir>.before-restore-<time>` and keeps its keys), or a PostgreSQL
 * database (`pg_restore --clean`). Then compares every table's count and checksum with the manifest
 * and throws when anything differs.
 */
export async function restore(target: BackupTarget, file: string, options: { force?: boolean } = {}) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shouwang-restore-'));
  try {
    execFileSync('tar', ['-xf', path.resolve(file), '-C', work]);
    const manifestFile = path.join(work, 'manifest.json');
    if (!fs.existsSync(manifestFile)) throw new RestoreError(`${file} is not a Shouwang backup (no manifest.json)`);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    if (manifest.format !== 'shouwang-backup/1') throw new RestoreError(`Unknown backup format ${manifest.format}`);

    if (target.databaseUrl) {
      const dump = path.join(work, 'database.dump');
      if (!fs.existsSync(dump))
        throw new RestoreError('This backup holds an embedded database; restore it without DATABASE_URL');
      execFileSync(
        'pg_restore',
        ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${target.databaseUrl}`, dump],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
    } else {
      const dump = path.join(work, 'database.tar.gz');
      if (!fs.existsSync(dump))
        throw new RestoreError('This backup holds a PostgreSQL dump; restore it with DATABASE_URL set');
      movePgliteAside(target.dataDir, options.force ?? false);
      fs.mkdirSync(target.dataDir, { recursive: true });
      const client = await PGlite.create(path.join(target.dataDir, 'pg'), {
        ...pgliteOptions(),
        loadDataDir: new Blob([fs.readFileSync(dump)]),
      });
      await client.close();
    }

    fs.rmSync(target.attachmentsDir, { recursive: true, force: true });
    fs.mkdirSync(target.attachmentsDir, { recursive: true });
    execFileSync('tar', ['-xf', path.join(work, 'attachments.tar'), '-C', target.attachmentsDir]);

    const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
    try {
      const now = await tableChecksums(database.db);
      const wrong = Object.keys({ ...manifest.tables, ...now }).filter(
        (t) => now[t]?.rows !== manifest.tables[t]?.rows || now[t]?.checksum !== manifest.tables[t]?.checksum,
      );
      if (wrong.length > 0) throw new RestoreError(`Restored tables differ from the backup: ${wrong.join(', ')}`);
    } finally {
      await database.close();
    }
    if (countFiles(target.attachmentsDir) !== manifest.attachments)
      throw new RestoreError('The restored attachments differ in number from the backup');
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function movePgliteAside(dataDir: string, force: boolean) {
  const pgDir = path.join(dataDir, 'pg');
  if (!fs.existsSync(pgDir)) return;
  if (!force)
    throw new RestoreError(
      `${dataDir} already holds a database. Stop the server and run again with --force: the current folder is moved aside, not deleted.`,
    );
  const lock = path.join(dataDir, 'shouwang.lock');
  if (fs.existsSync(lock)) {
    const owner = Number(fs.readFileSync(lock, 'utf8'));
    try {
      if (owner) process.kill(owner, 0);
      throw new RestoreError(`${dataDir} is in use by a running Shouwang (pid ${owner}); stop it first.`);
    } catch (error) {
      if (error instanceof RestoreError) throw error;
    }
  }
  const aside = `${dataDir.replace(/\/+$/, '')}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  fs.renameSync(dataDir, aside);
  fs.mkdirSync(dataDir, { recursive: true });
  // The keys belong to the installation, not to the backup: keep them.
  const keys = path.join(aside, 'keys.json');
  if (fs.existsSync(keys)) fs.copyFileSync(keys, path.join(dataDir, 'keys.json'));
  console.log(`The previous data folder was moved to ${aside}`);
}
