import path from 'node:path';
import { parseArgs } from 'node:util';
import { DatabaseOpenError, openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { loadConfig } from '../env';
import { AuditArchiveError, archiveAuditEvents, archiveCutoff } from '../modules/audit/audit-archive';

/**
 * `npm run audit-archive -- --before 2026-01-01 | --older-than-days 400 [--dir /backups/audit]`
 * Moves audit rows older than the cut-off (never younger than AUDIT_RETENTION_DAYS, at least 180)
 * into a gzip JSON-lines file with a SHA-256 checksum file, then deletes them, in one transaction.
 * Runs as the tables' owner: MIGRATION_DATABASE_URL when set, else DATABASE_URL, else the embedded
 * database in DATA_DIR (stop the server first: PGlite allows one process).
 */
async function main() {
  const { values } = parseArgs({
    options: {
      before: { type: 'string' },
      'older-than-days': { type: 'string' },
      dir: { type: 'string' },
    },
  });
  const config = loadConfig();
  const now = new Date();
  const olderThan = values['older-than-days'];
  if (olderThan !== undefined && !/^\d+$/.test(olderThan))
    throw new AuditArchiveError('--older-than-days must be a whole number of days');
  if (values.before !== undefined && !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2}))?$/.test(values.before))
    throw new AuditArchiveError('--before takes a date, YYYY-MM-DD (UTC midnight) or an ISO time with its zone');
  const cutoff = archiveCutoff(
    now,
    {
      before: values.before === undefined ? undefined : new Date(values.before),
      olderThanDays: olderThan === undefined ? undefined : Number(olderThan),
    },
    config.audit.retentionDays,
  );
  const dir = values.dir ?? config.audit.archiveDir;
  const database = await openDatabase({
    databaseUrl: config.migrationDatabaseUrl ?? config.databaseUrl,
    dataDir: config.dataDir,
  });
  try {
    await runMigrations(database);
    const result = await archiveAuditEvents(database.db, { cutoff, dir, now });
    if (result.count === 0) {
      console.log(`No audit rows before ${cutoff.toISOString()}: nothing archived.`);
      return;
    }
    console.log(`Archived and removed ${result.count} audit row(s) before ${cutoff.toISOString()}`);
    console.log(`  ids ${result.firstId}–${result.lastId}`);
    console.log(`  file:   ${result.file}`);
    console.log(
      `  sha256: ${result.sha256}  (check: cd ${dir} && sha256sum -c ${path.basename(result.checksumFile!)})`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  const known = error instanceof DatabaseOpenError || error instanceof AuditArchiveError;
  console.error(`\n✗ ${known ? error.message : error}\n`);
  process.exit(1);
});
