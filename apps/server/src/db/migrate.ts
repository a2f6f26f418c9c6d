import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Applies the checked-in migrations; the same files serve PGlite and PostgreSQL. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // The app's own role (db/app-role.ts) may not create schemas or tables: when every migration is
  // already applied there is nothing to do, so it never needs to try.
  if (await migrationsApplied(database)) return;
  try {
    await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
  } catch (error) {
    if (
      (error as { code?: string }).code !== '42501' &&
      (error as { cause?: { code?: string } }).cause?.code !== '42501'
    )
      throw error;
    throw new Error(
      'Database migrations are pending, and the role in DATABASE_URL may not apply them (permission denied). ' +
        "Set MIGRATION_DATABASE_URL to the tables' owner (README: Audit log and database roles).",
    );
  }
}

async function migrationsApplied(database: Database): Promise<boolean> {
  const latest = readMigrationFiles({ migrationsFolder }).at(-1)?.folderMillis ?? 0;
  try {
    const result = await database.db.execute(sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`);
    return Number(resultRows<{ at: string | null }>(result)[0]?.at ?? 0) >= latest;
  } catch {
    return false;
  }
}

/** The rows of `db.execute` on either driver (node-postgres answers `{ rows }`). */
export function resultRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
