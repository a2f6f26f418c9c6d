import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { loadConfig } from '../../env';
import { testConfig } from '../../test/config';
import { createTestDatabase } from '../../test/db';
import { auditEvent } from './audit.table';
import { AuditArchiveError, archiveAuditEvents, archiveCutoff } from './audit-archive';

/** Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL (as the owner, like the command). */
const DAY = 86_400_000;
let database: Database;
let dir: string;
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-archive-'));
});

async function addRows(label: string, ages: number[]) {
  await database.db.insert(auditEvent).values(
    ages.map((age, i) => ({
      event: 'auth.login',
      occurredAt: daysAgo(age),
      targetId: `${label}-${i}`,
      ip: '10.0.0.1',
      diff: { note: `第${i}条`, age },
    })),
  );
}

/** The database's own message of a refused statement (drizzle wraps it as the cause). */
async function refusal(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
  } catch (error) {
    const e = error as { message: string; cause?: { message?: string } };
    return e.cause?.message ?? e.message;
  }
  throw new Error('expected the database to refuse');
}

const rowsLabelled = async (label: string) =>
  database.db
    .select()
    .from(auditEvent)
    .where(sql`${auditEvent.targetId} like ${`${label}-%`}`)
    .orderBy(asc(auditEvent.id));

describe('audit-archive', () => {
  it('moves rows older than the cut-off to a checksummed gzip JSON-lines file and keeps newer ones', async () => {
    await addRows('a', [400, 365, 250, 200, 150, 10]);
    const before = await rowsLabelled('a');
    const cutoff = archiveCutoff(now, { olderThanDays: 180 }, 180);
    const result = await archiveAuditEvents(database.db, { cutoff, dir, now });

    expect(result.count).toBe(4);
    expect(fs.readdirSync(dir).sort()).toEqual(
      [path.basename(result.file!), path.basename(result.checksumFile!)].sort(),
    );
    // Personal data inside: readable by the operator only, like backups.
    expect(fs.statSync(result.file!).mode & 0o777).toBe(0o600);
    expect(fs.statSync(result.checksumFile!).mode & 0o777).toBe(0o600);
    const bytes = fs.readFileSync(result.file!);
    const digest = createHash('sha256').update(bytes).digest('hex');
    expect(result.sha256).toBe(digest);
    expect(fs.readFileSync(result.checksumFile!, 'utf8')).toBe(`${digest}  ${path.basename(result.file!)}\n`);
    const lines = gunzipSync(bytes).toString('utf8').trimEnd().split('\n');
    const archived = lines.map((line) => JSON.parse(line));
    expect(archived).toHaveLength(4);
    expect(archived.map((r) => r.target_id)).toEqual(['a-0', 'a-1', 'a-2', 'a-3']);
    expect(archived[0]).toMatchObject({
      id: before[0]!.id,
      event: 'auth.login',
      occurred_at: before[0]!.occurredAt.toISOString(),
      ip: '10.0.0.1',
      diff: { note: '第0条', age: 400 },
    });

    expect((await rowsLabelled('a')).map((r) => r.targetId)).toEqual(['a-4', 'a-5']);
    const [record] = await database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.event, 'system.audit_archived'))
      .orderBy(asc(auditEvent.id));
    expect(record?.diff).toMatchObject({ count: 4, sha256: digest, file: path.basename(result.file!) });
  });

  it('writes nothing when no row is old enough', async () => {
    const result = await archiveAuditEvents(database.db, { cutoff: daysAgo(3000), dir, now });
    expect(result).toMatchObject({ count: 0 });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses cut-offs younger than the retention (180 days at least, or AUDIT_RETENTION_DAYS)', () => {
    expect(() => archiveCutoff(now, { olderThanDays: 179 }, 180)).toThrow(AuditArchiveError);
    expect(() => archiveCutoff(now, { before: daysAgo(100) }, 180)).toThrow(/at least 180 days/);
    expect(() => archiveCutoff(now, { olderThanDays: 200 }, 365)).toThrow(/at least 365 days/);
    expect(() => archiveCutoff(now, {}, 90)).toThrow(/at least 180 days/);
    expect(archiveCutoff(now, {}, 365).getTime()).toBe(daysAgo(365).getTime());
    expect(archiveCutoff(now, { before: daysAgo(181) }, 180).getTime()).toBe(daysAgo(181).getTime());
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '179' })).toThrow(/AUDIT_RETENTION_DAYS/);
    expect(testConfig().audit.retentionDays).toBeGreaterThanOrEqual(180);
  });

  it('leaves rows and no file behind when it fails after writing the file', async () => {
    await addRows('b', [300, 250]);
    const failure = archiveAuditEvents(database.db, {
      cutoff: daysAgo(180),
      dir,
      now,
      beforeDelete: async () => {
        throw new Error('disk pulled');
      },
    });
    await expect(failure).rejects.toThrow('disk pulled');
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(await rowsLabelled('b')).toHaveLength(2);
  });

  it('the database refuses a cut-off younger than 180 days even when the code is bypassed', async () => {
    await addRows('c', [100]);
    expect(await refusal(archiveAuditEvents(database.db, { cutoff: daysAgo(90), dir, now }))).toMatch(/append-only/);
    expect(await rowsLabelled('c')).toHaveLength(1);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("the app's normal connection cannot delete or change audit rows, however old", async () => {
    await addRows('d', [500]);
    expect(await refusal(database.db.execute(sql`delete from audit_event where target_id = 'd-0'`))).toMatch(
      /append-only/,
    );
    expect(await refusal(database.db.execute(sql`update audit_event set ip = null where target_id = 'd-0'`))).toMatch(
      /append-only/,
    );
    expect(await refusal(database.db.execute(sql`truncate audit_event`))).toMatch(/append-only/);
    // The switch lasts only for the transaction that set it.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('shouwang.audit_archive', 'on', true)`);
    });
    expect(await refusal(database.db.execute(sql`delete from audit_event where target_id = 'd-0'`))).toMatch(
      /append-only/,
    );
    // Even inside an archive transaction, UPDATE and TRUNCATE stay refused.
    expect(
      await refusal(
        database.db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('shouwang.audit_archive', 'on', true)`);
          await tx.execute(sql`update audit_event set ip = null where target_id = 'd-0'`);
        }),
      ),
    ).toMatch(/append-only/);
    expect(
      await refusal(
        database.db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('shouwang.audit_archive', 'on', true)`);
          await tx.execute(sql`truncate audit_event`);
        }),
      ),
    ).toMatch(/append-only/);
    expect(await rowsLabelled('d')).toHaveLength(1);
  });
});
