import { sql } from 'drizzle-orm';
import { type Database, openDatabase } from './client';
import { resultRows, runMigrations } from './migrate';

/**
 * PostgreSQL with two roles (docs/SECURITY.md, README "Audit log and database roles"): the tables'
 * owner (MIGRATION_DATABASE_URL) applies migrations; the running app connects as its own role
 * (DATABASE_URL, e.g. `shouwang_app`), which may read and write every table but only read and add
 * audit rows — no DELETE or TRUNCATE on audit_event, and UPDATE of its `diff` column only, which the
 * trigger allows for nothing but anonymization's redaction (migration 0017). On PGlite there are no roles: these
 * are no-ops and the trigger alone keeps audit rows append-only.
 */

/** The privileges of the app's role, granted by the owner; idempotent, so it runs on every start. */
export async function grantAppRole(owner: Database, role: string): Promise<void> {
  if (owner.kind !== 'postgres') return;
  const r = sql.identifier(role);
  await owner.db.transaction(async (tx) => {
    await tx.execute(sql`grant usage on schema public to ${r}`);
    await tx.execute(sql`grant select, insert, update, delete on all tables in schema public to ${r}`);
    await tx.execute(sql`grant usage, select on all sequences in schema public to ${r}`);
    await tx.execute(sql`revoke all on audit_event from ${r}`);
    await tx.execute(sql`revoke all on audit_event from public`);
    await tx.execute(sql`grant select, insert on audit_event to ${r}`);
    // Only for anonymization: the trigger lets through nothing but diff = audit_redact(diff) (migration 0017).
    await tx.execute(sql`grant update (diff) on audit_event to ${r}`);
    // Tables and sequences the owner creates later (the next migrations) start with the same rights.
    await tx.execute(
      sql`alter default privileges in schema public grant select, insert, update, delete on tables to ${r}`,
    );
    await tx.execute(sql`alter default privileges in schema public grant usage, select on sequences to ${r}`);
    // Reading the migration log lets the app see that nothing is pending (db/migrate.ts); backups
    // (pg_dump) as the app's role read its sequence too.
    await tx.execute(sql`grant usage on schema drizzle to ${r}`);
    await tx.execute(sql`grant select on drizzle.__drizzle_migrations to ${r}`);
    await tx.execute(sql`grant select on all sequences in schema drizzle to ${r}`);
  });
}

/**
 * Migrates the app's database before it serves: as the owner when `migrationDatabaseUrl` is set
 * (then grants the app's role its privileges), otherwise through the app's own connection.
 */
export async function migrateForApp(app: Database, options: { migrationDatabaseUrl?: string }): Promise<void> {
  if (app.kind !== 'postgres' || !options.migrationDatabaseUrl) {
    await runMigrations(app);
    return;
  }
  const owner = await openDatabase({ databaseUrl: options.migrationDatabaseUrl });
  try {
    const [appSide, ownerSide] = await Promise.all([whoAndWhere(app), whoAndWhere(owner)]);
    if (appSide.database !== ownerSide.database)
      throw new Error(
        `MIGRATION_DATABASE_URL points at database "${ownerSide.database}" but DATABASE_URL at "${appSide.database}"`,
      );
    await runMigrations(owner);
    if (appSide.role !== ownerSide.role) await grantAppRole(owner, appSide.role);
  } finally {
    await owner.close();
  }
}

/**
 * A warning when the app's connection could change or remove audit rows (it is the owner or a
 * superuser), or null when it cannot (PGlite: null, the trigger is the only guard there).
 */
export async function auditPrivilegeWarning(app: Database): Promise<string | null> {
  if (app.kind !== 'postgres') return null;
  const result = await app.db.execute(sql`
    select current_user as role,
           has_table_privilege('audit_event', 'UPDATE') as update,
           has_table_privilege('audit_event', 'DELETE') as delete,
           has_table_privilege('audit_event', 'TRUNCATE') as truncate`);
  const row = resultRows<{ role: string; update: boolean; delete: boolean; truncate: boolean }>(result)[0];
  if (!row || (!row.update && !row.delete && !row.truncate)) return null;
  return (
    `The app connects to PostgreSQL as "${row.role}", which may change or delete audit rows ` +
    '(only a trigger stops it). Run the app as its own role: MIGRATION_DATABASE_URL = the owner, ' +
    'DATABASE_URL = e.g. shouwang_app (README: Audit log and database roles).'
  );
}

async function whoAndWhere(database: Database): Promise<{ role: string; database: string }> {
  const result = await database.db.execute(sql`select current_user as role, current_database() as database`);
  return resultRows<{ role: string; database: string }>(result)[0]!;
}
