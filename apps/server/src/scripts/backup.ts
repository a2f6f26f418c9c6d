import path from 'node:path';
import { loadConfig } from '../env';
import { backup } from '../ops/backup';

/** `npm run backup [-- <file>]`: see apps/server/src/ops/backup.ts and the README's "Backup and restore". */
const config = loadConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = process.argv[2] ?? path.join('backups', `shouwang-${stamp}.tar`);
try {
  const manifest = await backup(
    { databaseUrl: config.databaseUrl, dataDir: config.dataDir, attachmentsDir: config.attachments.dir },
    out,
  );
  const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
  console.log(
    `Backup written to ${out}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${manifest.attachments} attachments.`,
  );
  console.log(
    'The encryption keys are not in the backup: keep DATA_KEY(S)/DATA_HASH_KEY or <DATA_DIR>/keys.json safe and apart.',
  );
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
