import { DatabaseOpenError, openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { loadConfig } from '../env';
import { installDataProtection, loadDataKeys } from '../lib/crypto/data-keys';
import { AttachmentStorage } from '../modules/attachments/attachment-storage';
import { anonymizeExpiredChildren, retentionYears } from '../modules/privacy/anonymize';

/**
 * `npm run anonymize`: replaces the personal data of children who left school more than
 * RETENTION_YEARS_AFTER_LEAVING years ago (default 3) with placeholders; rows and counts stay.
 * Stop the server first when it uses the embedded database (PGlite allows one process).
 */
async function main() {
  const config = loadConfig();
  installDataProtection(loadDataKeys(config));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await runMigrations(database);
    const years = retentionYears();
    const ids = await anonymizeExpiredChildren(database.db, new Date(), {
      years,
      storage: new AttachmentStorage(config.attachments.dir),
    });
    console.log(`Anonymized ${ids.length} child record(s) that left school more than ${years} year(s) ago.`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(`\n✗ ${error instanceof DatabaseOpenError ? error.message : error}\n`);
  process.exit(1);
});
