import { randomUUID } from 'node:crypto';
import { todayIso } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { auditPrivilegeWarning, migrateForApp } from '../../db/app-role';
import { type Database, openDatabase } from '../../db/client';
import { resultRows, runMigrations } from '../../db/migrate';
import { loginAs } from '../../test/app';
import { testConfig } from '../../test/config';
import { createTestDatabase } from '../../test/db';
import { buildChild, buildCountyTree, buildUser } from '../../test/factories';
import { withDatabase } from '../../test/global-setup';

/**
 * PostgreSQL only (CI's second pass sets TEST_DATABASE_URL): the app's own role may read and add
 * audit rows but never change, delete or truncate them, while the app's ordinary writes work as
 * that role. The test creates the role itself and drops it afterwards.
 */
const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('the app role on PostgreSQL', () => {
  const role = `shouwang_app_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const password = randomUUID();
  let owner: Database;
  let app: Database;
  let ownerUrl: string;

  const asSuperuser = async (text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };

  /** PostgreSQL's SQLSTATE of a refused statement (drizzle wraps the driver's error as the cause). */
  async function refusal(attempt: Promise<unknown>): Promise<string> {
    try {
      await attempt;
    } catch (error) {
      const e = error as { code?: string; cause?: { code?: string } };
      return e.cause?.code ?? e.code ?? 'unknown';
    }
    throw new Error('expected PostgreSQL to refuse');
  }

  beforeAll(async () => {
    await asSuperuser(`create role ${role} login password '${password}'`);
    owner = await createTestDatabase();
    const name = resultRows<{ name: string }>(await owner.db.execute(sql`select current_database() as name`))[0]!.name;
    ownerUrl = withDatabase(url!, name);
    const appUrl = new URL(ownerUrl);
    appUrl.username = role;
    appUrl.password = password;
    app = await openDatabase({ databaseUrl: appUrl.toString() });
    // What the server does at start with MIGRATION_DATABASE_URL: migrate as the owner, grant the app role.
    await migrateForApp(app, { migrationDatabaseUrl: ownerUrl });
  });

  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await asSuperuser(`drop role if exists ${role}`);
  });

  it('the app role may add and read audit rows, never change, delete or truncate them', async () => {
    await app.db.execute(sql`insert into audit_event (event, target_id) values ('auth.login', 'role-test')`);
    const rows = resultRows(await app.db.execute(sql`select id from audit_event where target_id = 'role-test'`));
    expect(rows).toHaveLength(1);
    expect(
      await refusal(app.db.execute(sql`update audit_event set ip = '1.2.3.4' where target_id = 'role-test'`)),
    ).toBe('42501');
    expect(await refusal(app.db.execute(sql`delete from audit_event where target_id = 'role-test'`))).toBe('42501');
    expect(await refusal(app.db.execute(sql`truncate audit_event`))).toBe('42501');
    // The archive switch does not help the app role: the privilege check comes before the trigger.
    const archiveAttempt = app.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('shouwang.audit_archive', 'on', true)`);
      await tx.execute(sql`delete from audit_event where target_id = 'role-test'`);
    });
    expect(await refusal(archiveAttempt)).toBe('42501');
    // Anonymization's redaction is the one update it may make (migration 0017): diff only, as
    // audit_redact(diff), under the switch; any other diff is refused by the trigger.
    const redact = (value: ReturnType<typeof sql>) =>
      app.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('shouwang.audit_redact', 'on', true)`);
        await tx.execute(sql`update audit_event set diff = ${value} where target_id = 'role-test'`);
      });
    expect(await refusal(redact(sql`'{"name": "改过的"}'::jsonb`))).toBe('P0001');
    await redact(sql`audit_redact(diff)`);
    // Nor may it take the table over or drop the trigger.
    expect(await refusal(app.db.execute(sql`alter table audit_event disable trigger audit_event_no_update`))).toBe(
      '42501',
    );
  });

  it('warns at start only when the app connects as the owner', async () => {
    expect(await auditPrivilegeWarning(app)).toBeNull();
    expect(await auditPrivilegeWarning(owner)).toMatch(/may change or delete audit rows/);
  });

  it('the app role needs no migration rights once the owner migrated', async () => {
    await expect(runMigrations(app)).resolves.toBeUndefined();
  });

  it("the app's ordinary writes work as the app role, audited", async () => {
    const tree = await buildCountyTree(owner.db, '角色县');
    const teacher = await buildUser(owner.db, [{ role: 'class_teacher', org: tree.classA }]);
    const kid = await buildChild(owner.db, { class: tree.classA, categories: ['left_behind_both'] });
    const server = await buildApp(app, testConfig(), { logger: false });
    await server.ready();
    try {
      const client = await loginAs({ app: server }, teacher);
      const created = await client.post('/api/care-records', {
        childId: kid.id,
        kind: 'talk',
        occurredOn: todayIso(),
        summary: '谈学习和想念父母',
        details: { topic: '学习', mood: 3 },
      });
      expect(created.statusCode).toBe(201);
      const record = created.json();
      const removed = await client.delete(`/api/care-records/${record.id}`, { version: record.version });
      expect(removed.statusCode).toBe(200);
      const events = resultRows<{ event: string }>(
        await owner.db.execute(
          sql`select event from audit_event where target_id = ${record.id} or (event = 'auth.login' and actor_id = ${teacher.id}) order by id`,
        ),
      ).map((r) => r.event);
      expect(events).toEqual(['auth.login', 'care_record.created', 'care_record.deleted']);
    } finally {
      await server.close();
    }
  });
});
