import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { type Database, type Db, openDatabase } from '../apps/server/src/db/client';
import * as schema from '../apps/server/src/db/schema';
import { benchConfig, type GenTarget } from '../apps/server/src/gen/target';
import { quantile } from './load';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
  /** The server ran it as a named prepared statement (PostgreSQL): the replay does too. */
  named?: boolean;
}

export interface SqlTiming {
  /** Statements one request runs, and how many of them load the session and the actor. */
  queries: number;
  sessionQueries: number;
  iterations: number;
  /** The whole sequence, one statement after another on one connection (ms). */
  p50: number;
  p95: number;
  /** Without the session statements: the endpoint's own data. */
  dataP50: number;
  perQuery: { sql: string; p50: number }[];
  /** The sequence writes (an audit row, a session touch): it was replayed in a rolled-back transaction. */
  writes: boolean;
  /** EXPLAIN ANALYZE of the slowest statement, when it takes over `explainOverMs`. */
  explain?: { sql: string; plan: string };
}

interface Replayer {
  query(text: string, params: unknown[]): Promise<unknown>;
}

/**
 * The bare SQL an endpoint needs, measured in the same run: the app is built in this process on a
 * database handle whose logger records every statement of one request (session lookup included),
 * then that exact sequence is replayed on its own connection and timed. No hand-copied SQL to rot.
 * On PGlite this must happen before the server starts (one process per data folder).
 */
export class SqlProbe {
  private capturing: CapturedQuery[] | null = null;

  private constructor(
    private readonly app: Awaited<ReturnType<typeof buildApp>>,
    private readonly replayer: Replayer,
    private readonly closeAll: () => Promise<void>,
  ) {}

  static async open(target: GenTarget): Promise<SqlProbe> {
    let probe: SqlProbe | undefined;
    const logger: Logger = {
      logQuery: (query, params) => probe?.capturing?.push({ sql: query, params: [...params] }),
    };
    let database: Database;
    let replayer: Replayer;
    let closeAll: () => Promise<void>;
    if (target.databaseUrl) {
      markNamedStatements(() => probe?.capturing ?? null);
      const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 2 });
      const db = drizzlePg(pool, { schema, logger }) as unknown as Db;
      database = {
        db,
        kind: 'postgres',
        ping: async () => {
          await db.execute(sql`select 1`);
        },
        close: () => pool.end(),
      };
      const client = new pg.Client({ connectionString: target.databaseUrl });
      await client.connect();
      replayer = client;
      closeAll = async () => {
        await client.end();
        await pool.end();
      };
    } else {
      const base = await openDatabase({ dataDir: target.dataDir });
      const pglite = base.pglite as PGlite;
      database = { ...base, db: drizzlePglite(pglite, { schema, logger }) as unknown as Db };
      replayer = pglite;
      closeAll = () => base.close();
    }
    const config = { ...benchConfig(target), webDist: path.join(os.tmpdir(), 'shouwang-bench-no-web') };
    const app = await buildApp(database, config, { logger: false });
    await app.ready();
    probe = new SqlProbe(app, replayer, async () => {
      await app.close();
      await closeAll();
    });
    return probe;
  }

  /**
   * A new session each time: a session older than the touch interval would add its `last_seen_at`
   * update to the capture, which the load run pays only once a minute.
   */
  async login(username: string, password: string): Promise<string> {
    const res = await this.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    const cookie = res.cookies.find((c) => c.name === 'sw_session');
    if (res.statusCode !== 200 || !cookie) throw new Error(`probe login ${username}: ${res.statusCode} ${res.body}`);
    return `sw_session=${cookie.value}`;
  }

  /** The statements one GET runs, with its status. */
  async capture(url: string, cookie: string): Promise<{ status: number; queries: CapturedQuery[] }> {
    this.capturing = [];
    try {
      const res = await this.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': 'zh-CN' } });
      return { status: res.statusCode, queries: this.capturing };
    } finally {
      this.capturing = null;
    }
  }

  /**
   * On PostgreSQL a statement the server ran as a named prepared statement (db/prepared.ts,
   * `executeNamed`) is replayed as one on the replay connection: parsed once, and after
   * five executions PostgreSQL may keep a generic plan, as in the server. Replayed unnamed, it paid
   * parsing and planning the server no longer pays, which made the overhead ratio look better than
   * it is. The others are replayed unnamed, as the server sends them.
   */
  private replay(q: CapturedQuery) {
    if (!q.named || !(this.replayer instanceof pg.Client)) return this.replayer.query(q.sql, q.params);
    const name = `probe_${createHash('sha1').update(q.sql).digest('hex').slice(0, 20)}`;
    return this.replayer.query({ name, text: q.sql, values: q.params });
  }

  /** One replay of the sequence: its total, the part after the session statements, each statement. */
  private async replayOnce(queries: CapturedQuery[]) {
    const writes = isWriting(queries);
    const sessionQueries = sessionStatements(queries);
    if (writes) await this.replayer.query('begin', []);
    const each: number[] = [];
    const start = performance.now();
    let sessionEnd = start;
    for (let i = 0; i < queries.length; i++) {
      const t0 = performance.now();
      await this.replay(queries[i]!);
      const t1 = performance.now();
      each.push(t1 - t0);
      if (i === sessionQueries - 1) sessionEnd = t1;
    }
    const end = performance.now();
    if (writes) await this.replayer.query('rollback', []);
    return { total: end - start, data: end - sessionEnd, each };
  }

  /** Replays the sequence over and over for `ms`: the totals and data parts, for interleaving with HTTP samples. */
  async replayFor(queries: CapturedQuery[], ms: number): Promise<{ totals: number[]; data: number[] }> {
    const totals: number[] = [];
    const data: number[] = [];
    const started = performance.now();
    while (performance.now() - started < ms) {
      const r = await this.replayOnce(queries);
      totals.push(r.total);
      data.push(r.data);
    }
    return { totals, data };
  }

  /** Replays a captured sequence until `maxIterations` or `maxMs`, after a short warm-up. */
  async time(
    queries: CapturedQuery[],
    limits: { maxIterations: number; maxMs: number; explainOverMs?: number },
  ): Promise<SqlTiming> {
    const writes = isWriting(queries);
    const sessionQueries = sessionStatements(queries);
    const totals: number[] = [];
    const dataTotals: number[] = [];
    const each: number[][] = queries.map(() => []);
    for (let i = 0; i < Math.min(20, limits.maxIterations); i++) await this.replayOnce(queries);
    const started = performance.now();
    while (totals.length < limits.maxIterations && performance.now() - started < limits.maxMs) {
      const r = await this.replayOnce(queries);
      totals.push(r.total);
      dataTotals.push(r.data);
      for (let i = 0; i < r.each.length; i++) each[i]!.push(r.each[i]!);
    }
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const all = sorted(totals);
    const perQuery = queries.map((q, i) => ({ sql: q.sql, p50: quantile(sorted(each[i]!), 0.5) }));
    const slowest = perQuery.reduce((a, b, i) => (b.p50 > perQuery[a]!.p50 ? i : a), 0);
    let explain: SqlTiming['explain'];
    if (limits.explainOverMs !== undefined && (perQuery[slowest]?.p50 ?? 0) > limits.explainOverMs) {
      const q = queries[slowest]!;
      await this.replayer.query('begin', []);
      try {
        const result = (await this.replayer.query(`explain (analyze, buffers) ${q.sql}`, q.params)) as {
          rows: Record<string, string>[];
        };
        explain = { sql: q.sql, plan: result.rows.map((r) => Object.values(r)[0]).join('\n') };
      } finally {
        await this.replayer.query('rollback', []);
      }
    }
    return {
      queries: queries.length,
      sessionQueries,
      iterations: totals.length,
      p50: quantile(all, 0.5),
      p95: quantile(all, 0.95),
      dataP50: quantile(sorted(dataTotals), 0.5),
      perQuery,
      writes,
      explain,
    };
  }

  /** PostgreSQL: the server processes serving this database's connections (for CPU accounting). */
  async backendPids(): Promise<number[]> {
    if (!(this.replayer instanceof pg.Client)) return [];
    const result = await this.replayer.query(
      `select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'
       and pid <> pg_backend_pid()`,
    );
    return result.rows.map((r: { pid: number }) => r.pid);
  }

  close(): Promise<void> {
    return this.closeAll();
  }
}

const isWriting = (queries: CapturedQuery[]) => queries.some((q) => /^\s*(insert|update|delete)\b/i.test(q.sql));
/** The session plugin's statements open every authenticated request: session, user, role assignments. */
const sessionStatements = (queries: CapturedQuery[]) =>
  /from "session"/.test(queries[0]?.sql ?? '') ? Math.min(3, queries.length) : 0;

/**
 * Drizzle's logger gets a statement's text and parameters, not whether it was sent as a named
 * prepared statement; the driver call right after it does. While a capture runs, each pg query
 * with a name marks the last captured statement of the same text as named.
 */
let patched = false;
function markNamedStatements(capturing: () => CapturedQuery[] | null) {
  if (patched) return;
  patched = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as { name?: string; text?: string } | string;
    const list = capturing();
    if (list && typeof config === 'object' && config?.name) {
      const last = list.findLast((q) => q.sql === config.text);
      if (last) last.named = true;
    }
    return original.apply(this, args);
  } as typeof pg.Client.prototype.query;
}
