import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { and, asc, getTableColumns, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { resultRows } from '../../db/migrate';
import { recordAudit } from '../../lib/audit/record-audit';
import type { RequestContext } from '../../lib/context';
import { auditEvent } from './audit.table';

/**
 * Audit retention and archiving (docs/SECURITY.md, README "Audit log and database roles").
 * Audit rows stay in the database at least MIN_AUDIT_RETENTION_DAYS (and at least the configured
 * AUDIT_RETENTION_DAYS). `npm run audit-archive` moves older rows to a gzip JSON-lines file with a
 * SHA-256 checksum file, and only then deletes them, in one transaction: the only way rows leave
 * the table. The trigger (migration 0015) lets the delete through only for the table's owner,
 * inside a transaction that turned `shouwang.audit_archive` on, and only for rows older than 180 days.
 */
export const MIN_AUDIT_RETENTION_DAYS = 180;
const DAY_MS = 86_400_000;
const BATCH = 2_000;

export class AuditArchiveError extends Error {}

export interface ArchiveCutoffOptions {
  /** Archive rows that occurred before this instant… */
  before?: Date;
  /** …or more than this many days ago; neither: the retention period itself. */
  olderThanDays?: number;
}

/** The cut-off of an archive run, refused when it would take rows younger than the retention. */
export function archiveCutoff(now: Date, options: ArchiveCutoffOptions, retentionDays: number): Date {
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_AUDIT_RETENTION_DAYS)
    throw new AuditArchiveError(`Audit rows must be kept at least ${MIN_AUDIT_RETENTION_DAYS} days`);
  if (options.before && options.olderThanDays !== undefined)
    throw new AuditArchiveError('Give either --before or --older-than-days, not both');
  if (options.before && Number.isNaN(options.before.getTime())) throw new AuditArchiveError('--before is not a date');
  if (options.olderThanDays !== undefined && !Number.isInteger(options.olderThanDays))
    throw new AuditArchiveError('--older-than-days must be a whole number of days');
  const latest = new Date(now.getTime() - retentionDays * DAY_MS);
  const cutoff = options.before ?? new Date(now.getTime() - (options.olderThanDays ?? retentionDays) * DAY_MS);
  if (cutoff.getTime() > latest.getTime())
    throw new AuditArchiveError(
      `Audit rows are kept at least ${retentionDays} days (AUDIT_RETENTION_DAYS): ` +
        `the cut-off must be on or before ${latest.toISOString()}, not ${cutoff.toISOString()}`,
    );
  return cutoff;
}

export interface ArchiveResult {
  count: number;
  cutoff: Date;
  /** Absent when no row was old enough (then no file is written). */
  file?: string;
  checksumFile?: string;
  sha256?: string;
  firstId?: number;
  lastId?: number;
}

export interface ArchiveOptions {
  cutoff: Date;
  dir: string;
  now?: Date;
  ctx?: RequestContext;
  /** Tests: runs after the file is written and checksummed, before the rows are deleted. */
  beforeDelete?: () => Promise<void>;
}

/**
 * Writes every audit row older than `cutoff` to `<dir>/audit-<now>-before-<cutoff>.jsonl.gz` (+ `.sha256`,
 * in `sha256sum -c` format), then deletes exactly those rows and records `system.audit_archived`, in
 * one transaction. If anything fails before the commit, the rows stay and the files are removed.
 */
export async function archiveAuditEvents(db: Db, options: ArchiveOptions): Promise<ArchiveResult> {
  const now = options.now ?? new Date();
  const { cutoff } = options;
  fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const base = `audit-${stamp(now)}-before-${stamp(cutoff)}.jsonl.gz`;
  const file = path.join(options.dir, base);
  const partial = `${file}.partial`;
  const checksumFile = `${file}.sha256`;
  const written: string[] = [];
  let committing = false;
  try {
    const result = await db.transaction(async (tx) => {
      // Local to this transaction: the trigger lets this transaction's deletes through, no other.
      await tx.execute(sql`select set_config('shouwang.audit_archive', 'on', true)`);
      const [stats] = await tx
        .select({
          count: sql<number>`count(*)::int`,
          firstId: sql<number | null>`min(${auditEvent.id})`,
          lastId: sql<number | null>`max(${auditEvent.id})`,
        })
        .from(auditEvent)
        .where(lt(auditEvent.occurredAt, cutoff));
      if (!stats || stats.count === 0) return { count: 0, cutoff } satisfies ArchiveResult;

      written.push(partial);
      const lines = await writeRows(tx, cutoff, partial);
      const check = await readBack(partial);
      if (lines !== stats.count || check.lines !== stats.count)
        throw new AuditArchiveError(
          `The archive holds ${check.lines} row(s), expected ${stats.count}: nothing was deleted`,
        );
      written.push(file);
      fs.renameSync(partial, file);
      written.push(checksumFile);
      writeDurably(checksumFile, `${check.sha256}  ${base}\n`);
      await options.beforeDelete?.();

      const deleted = await tx.execute(sql`
        with gone as (delete from audit_event where occurred_at < ${cutoff} returning 1)
        select count(*)::int as n from gone`);
      const n = Number(resultRows<{ n: number }>(deleted)[0]?.n ?? 0);
      if (n !== stats.count)
        throw new AuditArchiveError(`Deleting would remove ${n} row(s) but ${stats.count} were archived`);
      const archived = {
        count: stats.count,
        cutoff,
        file,
        checksumFile,
        sha256: check.sha256,
        firstId: Number(stats.firstId),
        lastId: Number(stats.lastId),
      } satisfies ArchiveResult;
      await recordAudit(tx, options.ctx ?? scriptContext, {
        event: 'system.audit_archived',
        targetType: 'audit_event',
        diff: {
          count: archived.count,
          before: cutoff.toISOString(),
          file: base,
          sha256: archived.sha256,
          firstId: archived.firstId,
          lastId: archived.lastId,
        },
      });
      committing = true;
      return archived;
    });
    return result;
  } catch (error) {
    // A failure of the COMMIT itself may hide a commit that happened: then the files are kept.
    if (!committing) for (const f of written) fs.rmSync(f, { force: true });
    else if (error instanceof Error)
      error.message += ` (the archive ${file} was kept: check whether the rows are still in audit_event)`;
    throw error;
  }
}

const scriptContext: RequestContext = { actor: null, ip: 'script', requestId: 'audit-archive', language: 'zh-CN' };

const columns = Object.entries(getTableColumns(auditEvent)).map(([key, column]) => [key, column.name] as const);

/** The rows as JSON lines with the table's column names, in id order, a batch at a time. */
async function writeRows(tx: Db, cutoff: Date, target: string): Promise<number> {
  let lines = 0;
  async function* rows() {
    let after = 0;
    for (;;) {
      const batch = await tx
        .select()
        .from(auditEvent)
        .where(and(lt(auditEvent.occurredAt, cutoff), gt(auditEvent.id, after)))
        .orderBy(asc(auditEvent.id))
        .limit(BATCH);
      for (const row of batch) {
        const record: Record<string, unknown> = {};
        for (const [key, name] of columns) record[name] = (row as Record<string, unknown>)[key];
        lines++;
        yield `${JSON.stringify(record)}\n`;
      }
      if (batch.length < BATCH) return;
      after = batch.at(-1)!.id;
    }
  }
  await pipeline(rows, createGzip(), fs.createWriteStream(target, { flags: 'wx', mode: 0o600 }));
  const handle = fs.openSync(target, 'r+');
  fs.fsyncSync(handle);
  fs.closeSync(handle);
  return lines;
}

/** Reads the file back: its SHA-256 and the number of JSON lines it really holds. */
async function readBack(file: string): Promise<{ sha256: string; lines: number }> {
  const hash = createHash('sha256');
  let lines = 0;
  await pipeline(
    fs.createReadStream(file),
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk);
        yield chunk;
      }
    },
    createGunzip(),
    async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      }
    },
  );
  return { sha256: hash.digest('hex'), lines };
}

function writeDurably(file: string, content: string) {
  const handle = fs.openSync(file, 'wx', 0o600);
  fs.writeSync(handle, content);
  fs.fsyncSync(handle);
  fs.closeSync(handle);
}

/** 2026-05-01T00:00:00.000Z → 20260501T000000Z, safe in file names everywhere. */
function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}/, '')
    .replaceAll('-', '')
    .replaceAll(':', '');
}
