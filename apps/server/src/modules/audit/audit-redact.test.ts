import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { createTestDatabase } from '../../test/db';
import { auditEvent } from './audit.table';

/**
 * The one change the append-only trigger lets through (migration 0017): anonymization replacing a
 * row's `diff` by audit_redact(diff), under `shouwang.audit_redact`, every other column unchanged.
 * Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
let database: Database;
let id: number;
const diff = {
  before: { name: '李小雨', classId: '0b7c7c7e-7a4f-4b8e-9d0a-2f6f1c1d2e3f', kind: 'talk', on: '2025-03-04' },
  after: { summary: '小雨说想妈妈', phones: ['13800001234'], minutes: 20, followUp: true, at: '2025-03-04T08:00:00Z' },
};
const redacted = {
  before: { name: '已匿名', classId: '0b7c7c7e-7a4f-4b8e-9d0a-2f6f1c1d2e3f', kind: 'talk', on: '2025-03-04' },
  after: { summary: '已匿名', phones: ['已匿名'], minutes: 20, followUp: true, at: '2025-03-04T08:00:00Z' },
};

const refused = async (run: () => Promise<unknown>) => {
  try {
    await run();
    return false;
  } catch (error) {
    return /append-only/.test(String((error as { cause?: unknown }).cause ?? error));
  }
};

/** Runs `statement` in a transaction that turned the redaction switch on. */
const underSwitch = (statement: ReturnType<typeof sql>) =>
  database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('shouwang.audit_redact', 'on', true)`);
    await tx.execute(statement);
  });

const current = async () => (await database.db.select().from(auditEvent).where(eq(auditEvent.id, id)))[0]!;

beforeAll(async () => {
  database = await createTestDatabase();
  const [row] = await database.db
    .insert(auditEvent)
    .values({ event: 'care_record.updated', targetType: 'care_record', targetId: 'r-1', ip: '10.0.0.1', diff })
    .returning({ id: auditEvent.id });
  id = row!.id;
});
afterAll(() => database.close());

describe('audit rows under anonymization', () => {
  it('refuses every change but the redaction, and the redaction without the switch', async () => {
    expect(
      await refused(() => database.db.execute(sql`update audit_event set diff = audit_redact(diff) where id = ${id}`)),
    ).toBe(true);
    expect(await refused(() => underSwitch(sql`update audit_event set diff = '{}'::jsonb where id = ${id}`))).toBe(
      true,
    );
    expect(await refused(() => underSwitch(sql`update audit_event set ip = '1.2.3.4' where id = ${id}`))).toBe(true);
    expect(
      await refused(() =>
        underSwitch(sql`update audit_event set diff = audit_redact(diff), ip = null where id = ${id}`),
      ),
    ).toBe(true);
    expect((await current()).diff).toEqual(diff);
  });

  it('replaces the texts and keeps ids, dates, codes, numbers and the rest of the row; twice is once', async () => {
    const before = await current();
    await underSwitch(sql`update audit_event set diff = audit_redact(diff) where id = ${id}`);
    const after = await current();
    expect(after.diff).toEqual(redacted);
    expect({ ...after, diff: null }).toEqual({ ...before, diff: null });
    await underSwitch(sql`update audit_event set diff = audit_redact(diff) where id = ${id}`);
    expect((await current()).diff).toEqual(redacted);
  });
});
