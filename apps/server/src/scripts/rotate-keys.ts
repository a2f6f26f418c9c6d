import { DatabaseOpenError, openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { loadConfig } from '../env';
import { installDataProtection, loadDataKeys } from '../lib/crypto/data-keys';
import { DataKeyError } from '../lib/crypto/field-cipher';
import { reprotectIdNumbers, unknownIdNumberKeyIds } from '../modules/children/id-number-protection';
import { reprotectCounseling, unknownCounselingKeyIds } from '../modules/counseling/counseling-protection';

/**
 * `npm run rotate-keys`: re-encrypts every encrypted field with the first key of DATA_KEYS and
 * recomputes lookup hashes with DATA_HASH_KEY. Stop the server first (PGlite allows one process).
 * Key rotation, step by step: docs/SECURITY.md.
 */
async function main() {
  const config = loadConfig();
  const protection = loadDataKeys(config);
  installDataProtection(protection);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await runMigrations(database);
    const unknown = [
      ...new Set([...(await unknownIdNumberKeyIds(database.db)), ...(await unknownCounselingKeyIds(database.db))]),
    ];
    if (unknown.length > 0)
      throw new DataKeyError(`stored data uses key(s) ${unknown.join(', ')}: list them in DATA_KEYS too`);
    console.log(`Re-encrypting with key "${protection.cipher.primaryKeyId}" …`);
    const counts = await reprotectIdNumbers(database.db, 'all');
    for (const [table, n] of Object.entries(counts)) console.log(`  ${table}.id_number: ${n}`);
    for (const [table, n] of Object.entries(await reprotectCounseling(database.db))) console.log(`  ${table}: ${n}`);
    console.log('Done. Keys other than the first may now be removed from DATA_KEYS.');
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  const known = error instanceof DataKeyError || error instanceof DatabaseOpenError;
  console.error(`\n✗ ${known ? error.message : error}\n`);
  process.exit(1);
});
