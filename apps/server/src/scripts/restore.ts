import { loadConfig } from '../env';
import { restore } from '../ops/backup';

/** `npm run restore -- <file> [--force]`: see apps/server/src/ops/backup.ts and the README. */
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('Usage: npm run restore -- <backup.tar> [--force]');
  process.exit(2);
}
const config = loadConfig();
try {
  const manifest = await restore(
    { databaseUrl: config.databaseUrl, dataDir: config.dataDir, attachmentsDir: config.attachments.dir },
    file,
    { force: args.includes('--force') },
  );
  console.log(
    `Restored the backup of ${manifest.createdAt}: every table's rows and checksum match (${Object.keys(manifest.tables).length} tables), ${manifest.attachments} attachments.`,
  );
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exit(1);
}
