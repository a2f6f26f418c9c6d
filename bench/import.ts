import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { type Database, openDatabase } from '../apps/server/src/db/client';
import { runMigrations } from '../apps/server/src/db/migrate';
import { largeImportRow, xlsxOfRecords } from '../apps/server/src/modules/children/children-sheet.test-support';
import { testConfig } from '../apps/server/src/test/config';
import { buildCountyTree, buildUser } from '../apps/server/src/test/factories';
import { withDatabase } from '../apps/server/src/test/global-setup';

/**
 * Issue 8's "import of 10,000 rows ≤ 10 s end to end": a school administrator uploads a
 * 10,000-row file over real HTTP (the app listening on a local port), reads the dry run's report,
 * then uploads it again to commit. Each run uses a fresh database (PGlite in a new data folder, or a new
 * PostgreSQL database created next to --database-url and dropped afterwards), so every run
 * creates 10,000 children. The end-to-end time is dry run + commit, upload included.
 *
 * `npx tsx bench/import.ts [--rows 10000] [--runs 3] [--database-url postgres://…/postgres]`
 * Writes bench/.data/import-<database>.json (median of the runs); `--record` also writes the
 * figures into bench/import-results.json, which bench/report.ts shows in the targets table.
 */

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    'database-url': { type: 'string' },
    record: { type: 'boolean', default: false },
  },
});

export interface ImportRun {
  dryRunMs: number;
  commitMs: number;
  totalMs: number;
  /** CPU of this process (server and, on PGlite, the database) over both requests. */
  cpuMs: number;
}

export interface ImportBench {
  database: 'pglite' | 'postgres';
  rows: number;
  fileBytes: number;
  measuredAt: string;
  loadAverageBefore: number;
  loadAverageAfter: number;
  runs: ImportRun[];
  median: ImportRun;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function freshDatabase(url: string | undefined): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (!url) {
    // A data folder on disk, as a school's or township's server keeps it (not the tests' in-memory copy).
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shouwang-import-bench-'));
    const database = await openDatabase({ dataDir });
    await runMigrations(database);
    return { database, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `import_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: withDatabase(url, name) });
  await runMigrations(database);
  return {
    database,
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

async function oneRun(rows: number, url: string | undefined): Promise<ImportRun & { fileBytes: number }> {
  const { database, drop } = await freshDatabase(url);
  const app = await buildApp(database, testConfig(), { logger: false });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api`;
    const tree = await buildCountyTree(database.db, '万行县');
    const user = await buildUser(database.db, [{ role: 'school_admin', org: tree.school }]);
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: user.password }),
    });
    if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const file = await xlsxOfRecords(Array.from({ length: rows }, (_, i) => largeImportRow(tree, i)));

    const upload = async (mode: 'dry-run' | 'commit') => {
      const form = new FormData();
      form.append('file', new Blob([file]), 'children.xlsx');
      const start = performance.now();
      const res = await fetch(`${base}/children/import?mode=${mode}`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
        body: form,
      });
      const body = (await res.json()) as { created?: number; problems?: unknown[] };
      const ms = performance.now() - start;
      if (!res.ok || body.created !== rows)
        throw new Error(`${mode}: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
      return ms;
    };
    const cpu = process.cpuUsage();
    const dryRunMs = await upload('dry-run');
    const commitMs = await upload('commit');
    const used = process.cpuUsage(cpu);
    return {
      dryRunMs: Math.round(dryRunMs),
      commitMs: Math.round(commitMs),
      totalMs: Math.round(dryRunMs + commitMs),
      cpuMs: Math.round((used.user + used.system) / 1000),
      fileBytes: file.length,
    };
  } finally {
    await app.close();
    await database.close();
    await drop();
  }
}

async function main() {
  const rows = Number(args.rows);
  const url = args['database-url'];
  const loadAverageBefore = os.loadavg()[0]!;
  const runs: ImportRun[] = [];
  let fileBytes = 0;
  for (let i = 0; i < Number(args.runs); i++) {
    const run = await oneRun(rows, url);
    fileBytes = run.fileBytes;
    const { fileBytes: _bytes, ...figures } = run;
    runs.push(figures);
    console.log(
      `run ${i + 1}: dry run ${figures.dryRunMs} ms + commit ${figures.commitMs} ms = ${figures.totalMs} ms (CPU ${figures.cpuMs} ms)`,
    );
  }
  const result: ImportBench = {
    database: url ? 'postgres' : 'pglite',
    rows,
    fileBytes,
    measuredAt: new Date().toISOString(),
    loadAverageBefore,
    loadAverageAfter: os.loadavg()[0]!,
    runs,
    median: {
      dryRunMs: median(runs.map((r) => r.dryRunMs)),
      commitMs: median(runs.map((r) => r.commitMs)),
      totalMs: median(runs.map((r) => r.totalMs)),
      cpuMs: median(runs.map((r) => r.cpuMs)),
    },
  };
  console.log(
    `${result.database}, ${rows} rows (${(fileBytes / 1024 / 1024).toFixed(1)} MB): median ${result.median.totalMs} ms end to end ` +
      `(dry run ${result.median.dryRunMs} ms, commit ${result.median.commitMs} ms, CPU ${result.median.cpuMs} ms); ` +
      `load average ${loadAverageBefore.toFixed(1)} → ${result.loadAverageAfter.toFixed(1)}`,
  );
  const dataDir = path.join(import.meta.dirname, '.data');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, `import-${result.database}.json`), `${JSON.stringify(result, null, 2)}\n`);
  if (args.record) {
    const file = path.join(import.meta.dirname, 'import-results.json');
    const all = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
    all[result.database] = result;
    fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
