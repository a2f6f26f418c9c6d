import { auditPrivilegeWarning, migrateForApp } from '../db/app-role';
import { openDatabase } from '../db/client';
import { loadConfig } from '../env';

/**
 * `npm run db:migrate`: applies the migrations. With MIGRATION_DATABASE_URL (the owner) and
 * DATABASE_URL (the app's role) it also grants the app's role its privileges (db/app-role.ts).
 */
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrateForApp(database, { migrationDatabaseUrl: config.migrationDatabaseUrl });
  console.log(
    config.migrationDatabaseUrl && config.databaseUrl
      ? "Migrations applied; the app's role may read and add audit rows, never change or delete them."
      : 'Migrations applied.',
  );
  const warning = await auditPrivilegeWarning(database);
  if (warning) console.warn(`⚠ ${warning}`);
} finally {
  await database.close();
}
