import path from 'node:path';
import { DatabaseOpenError, openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { installDataProtection, loadDataKeys } from '../lib/crypto/data-keys';
import { benchUsersFile, writeBenchUsers } from './bench-users';
import { formatMs, GenerateRefusal, generate } from './generate';
import { benchConfig, freshen, genTarget, markBenchFolder, parseGenArgs } from './target';

/** `npm run gen`: see target.ts for the options. */

async function main() {
  const options = parseGenArgs(process.argv.slice(2));
  const target = genTarget(options.scale);
  const where = target.databaseUrl
    ? `PostgreSQL ${target.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`
    : `PGlite in ${path.relative(process.cwd(), target.dataDir) || '.'}`;
  console.log(`守望 gen: scale ${options.scale}, seed "${options.seed}" → ${where}`);
  const t0 = performance.now();
  if (options.fresh) await freshen(target);
  markBenchFolder(target);
  // ID numbers are encrypted and hashed with the keys the server will use (see benchEnv).
  installDataProtection(loadDataKeys(benchConfig(target)));
  const database = await openDatabase(target);
  try {
    await runMigrations(database);
    const openMs = performance.now() - t0;
    const result = await generate(database, {
      scale: options.scale,
      children: options.children,
      seed: options.seed,
      now: options.now,
      log: console.log,
    });
    const file = benchUsersFile(target);
    const total = performance.now() - t0;
    const { loadMs, analyzeMs, timings: parts } = result;
    writeBenchUsers(file, { ...result.benchUsers, generation: { totalMs: total, openMs, loadMs, analyzeMs, parts } });
    console.log(`  ${'analyze'.padEnd(10)} ${formatMs(result.analyzeMs).padStart(8)}`);
    console.log(
      `Done in ${formatMs(total)} (open and migrate ${formatMs(openMs)}, ` +
        `load ${formatMs(result.loadMs)}, analyze ${formatMs(result.analyzeMs)}).`,
    );
    console.log(
      `County ${result.benchUsers.countyName}; bench logins (password ${result.benchUsers.password}) in ${file}`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  if (error instanceof DatabaseOpenError || error instanceof GenerateRefusal) {
    console.error(`\n✗ ${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
