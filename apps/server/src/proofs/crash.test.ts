import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { addDays, todayIso } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, pgliteOptions } from '../db/client';
import { multipartFile } from '../modules/attachments/multipart.test-support';
import { careSetting } from '../modules/care-rules/care-rules.table';
import { fullRow, idFor, xlsxOfRecords } from '../modules/children/children-sheet.test-support';
import { buildChild, buildCountyTree, buildUser, type ChildFixture, type CountyTree } from '../test/factories';
import { templateDbName, templateDump, withDatabase } from '../test/global-setup';

/**
 * Crash drills (issue #9): the real server, in its own process, is killed with SIGKILL at a random
 * moment of an Excel import and of a bulk pairing. After a restart the batch is there entirely or
 * not at all, and running it again leaves no duplicate. On the embedded database by default, on the
 * PostgreSQL server when the suite runs with TEST_DATABASE_URL. CRASH_ROUNDS rounds of each (5;
 * SHOUWANG_LONG=1: 20).
 */
const rounds = Number(process.env.CRASH_ROUNDS ?? (process.env.SHOUWANG_LONG ? 20 : 5));
const url = process.env.TEST_DATABASE_URL;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shouwang-crash-'));
const dataDir = path.join(root, 'data');
const dbName = `shouwang_crash_${process.pid}`;
const importRows = 300;
const pairingsPerBatch = 150;

let tree: CountyTree;
let admin: { username: string; password: string };
let kids: ChildFixture[];
let helpers: string[];
let server: ChildProcess | null = null;
let base = '';
const serverEnv: Record<string, string> = {};

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function openDb(): Promise<Database> {
  return url ? openDatabase({ databaseUrl: withDatabase(url, dbName) }) : openDatabase({ dataDir });
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const database = await openDb();
  try {
    const res = await database.db.execute(query);
    const rows = (Array.isArray(res) ? res : (res as { rows: { n: number }[] }).rows) as { n: number }[];
    return Number(rows[0]!.n);
  } finally {
    await database.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function startServer() {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
    env: { ...process.env, ...serverEnv, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  server.stderr!.on('data', (d) => {
    stderr += String(d);
  });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}): ${stderr.slice(-2000)}`);
    try {
      if ((await fetch(`${base}/api/ready`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not become ready: ${stderr.slice(-2000)}`);
}

/** kill -9: no shutdown hook runs. */
async function killServer() {
  if (!server) return;
  const exited = new Promise((r) => server!.once('exit', r));
  server.kill('SIGKILL');
  await exited;
  server = null;
}

async function login() {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: admin.username, password: admin.password }),
  });
  if (!res.ok) throw new Error(`login ${res.status}: ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (pathAndQuery: string, body: Buffer | string, contentType: string) =>
    fetch(`${base}${pathAndQuery}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': contentType },
      body,
    });
}

/** Sends the request, then kills the server after a random delay; answers whether it finished first. */
async function killDuring(send: () => Promise<Response>, maxDelayMs: number): Promise<boolean> {
  let finished = false;
  const request = send()
    .then(async (r) => {
      await r.arrayBuffer();
      finished = r.ok;
    })
    .catch(() => {});
  await new Promise((r) => setTimeout(r, Math.random() * maxDelayMs));
  await killServer();
  await request;
  return finished;
}

beforeAll(async () => {
  if (url) {
    await adminQuery(`drop database if exists ${dbName} with (force)`);
    await adminQuery(`create database ${dbName} template ${templateDbName}`);
    serverEnv.DATABASE_URL = withDatabase(url, dbName);
    serverEnv.DATA_KEY = randomBytes(32).toString('base64');
    serverEnv.DATA_HASH_KEY = randomBytes(32).toString('base64');
  } else {
    fs.mkdirSync(dataDir, { recursive: true });
    const client = await PGlite.create(path.join(dataDir, 'pg'), {
      ...pgliteOptions(),
      loadDataDir: new Blob([fs.readFileSync(templateDump)]),
    });
    await client.close();
  }
  serverEnv.DATA_DIR = dataDir;
  serverEnv.REQUIRE_TOTP_FOR_ADMINS = 'false';
  const database = await openDb();
  try {
    tree = await buildCountyTree(database.db, '演练县');
    admin = await buildUser(database.db, [{ role: 'school_admin', org: tree.school }]);
    kids = [];
    for (let i = 0; i < pairingsPerBatch; i++)
      kids.push(await buildChild(database.db, { class: tree.classA, categories: ['left_behind_both'] }));
    helpers = [];
    for (let r = 0; r < rounds; r++)
      helpers.push((await buildUser(database.db, [{ role: 'mentor', org: tree.school }])).id);
    // One helper takes the whole batch in a round (capacity raised for the drill).
    await database.db.insert(careSetting).values({
      countyId: tree.county.countyId,
      schoolId: tree.school.id,
      mentorTeacherCapacity: 10_000,
    });
  } finally {
    await database.close();
  }
}, 300_000);

afterEach(killServer);

afterAll(async () => {
  await killServer();
  if (url) await adminQuery(`drop database if exists ${dbName} with (force)`);
  fs.rmSync(root, { recursive: true, force: true });
});

function importFile(round: number) {
  const rows = Array.from({ length: importRows }, (_, i) => {
    const birth = new Date(Date.UTC(2012, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    return fullRow({
      姓名: `演练${round}号${i}`,
      公民身份号码: idFor(birth, 1 + (i % 400) * 2, `43${String(round).padStart(2, '0')}04`),
      学校: tree.school.name,
      '村(社区)': tree.village.name,
      班级: '一年级1班',
      父亲身份证号: undefined,
      父亲电话: `139${String(round * 1000 + i).padStart(8, '0')}`,
      委托确认书签订日期: '2024-09-01',
    });
  });
  return xlsxOfRecords(rows);
}

describe(`kill -9 at random moments (${rounds} rounds each)`, () => {
  it('an Excel import is all or nothing, and re-running it leaves no duplicate', async () => {
    for (let round = 0; round < rounds; round++) {
      const file = await importFile(round);
      const { payload, headers } = multipartFile(file, 'children.xlsx');
      const inRound = sql`select count(*)::int as n from child where name like ${`演练${round}号%`} and deleted_at is null`;
      await startServer();
      const post = await login();
      const finished = await killDuring(
        () => post('/api/children/import?mode=commit', payload, headers['content-type']!),
        3000,
      );
      const after = await count(inRound);
      console.info(
        `[crash drill] import round ${round}: ${finished ? 'finished before the kill' : `killed, ${after} rows`}`,
      );
      expect([0, importRows], `round ${round} (finished: ${finished})`).toContain(after);
      if (finished) expect(after).toBe(importRows);
      // Run it again, to the end: every row once.
      await startServer();
      const again = await (await login())('/api/children/import?mode=commit', payload, headers['content-type']!);
      expect(again.status, await again.text()).toBe(200);
      await killServer();
      expect(await count(inRound)).toBe(importRows);
    }
  }, 1_800_000);

  it('a bulk pairing is all or nothing, and re-running it leaves no duplicate', async () => {
    const startDate = addDays(todayIso(), -1);
    for (let round = 0; round < rounds; round++) {
      const body = JSON.stringify({
        items: kids.map((k) => ({ childId: k.id, kind: 'mentor_teacher', helperUserId: helpers[round], startDate })),
      });
      const ofHelper = sql`select count(*)::int as n from pairing where helper_user_id = ${helpers[round]} and deleted_at is null`;
      await startServer();
      const post = await login();
      const finished = await killDuring(() => post('/api/pairings/bulk', body, 'application/json'), 1500);
      const after = await count(ofHelper);
      console.info(
        `[crash drill] pairing round ${round}: ${finished ? 'finished before the kill' : `killed, ${after} rows`}`,
      );
      expect([0, pairingsPerBatch], `round ${round} (finished: ${finished})`).toContain(after);
      if (finished) expect(after).toBe(pairingsPerBatch);
      await startServer();
      const again = await (await login())('/api/pairings/bulk', body, 'application/json');
      // The first run may have committed before the kill: then the re-run is refused as duplicate.
      expect([200, 201, 409], await again.text()).toContain(again.status);
      await killServer();
      expect(await count(ofHelper)).toBe(pairingsPerBatch);
    }
  }, 1_800_000);
});
