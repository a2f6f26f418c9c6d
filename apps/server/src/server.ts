import closeWithGrace from 'close-with-grace';
import { buildApp } from './app';
import { auditPrivilegeWarning, migrateForApp } from './db/app-role';
import { DatabaseOpenError, openDatabase } from './db/client';
import { loadConfig } from './env';
import { installDataProtection, loadDataKeys } from './lib/crypto/data-keys';
import { DataKeyError } from './lib/crypto/field-cipher';
import { reprotectIdNumbers, unknownIdNumberKeyIds } from './modules/children/id-number-protection';
import { unknownCounselingKeyIds } from './modules/counseling/counseling-protection';
import { createFirstAdminIfNeeded } from './modules/users/use-cases/create-first-admin';

async function main() {
  const demo = process.argv.includes('--demo');
  if (demo && !process.env.DATA_DIR && !process.env.DATABASE_URL) process.env.DATA_DIR = './data-demo';
  // Demo logins are shared and shown on the login page: no authenticator enrolment unless asked for.
  if (demo && !process.env.REQUIRE_TOTP_FOR_ADMINS) process.env.REQUIRE_TOTP_FOR_ADMINS = 'false';
  const config = loadConfig();
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  console.log(`守望 Shouwang: opening ${where} …`);

  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await migrateForApp(database, { migrationDatabaseUrl: config.migrationDatabaseUrl });
    const auditWarning = await auditPrivilegeWarning(database);
    if (auditWarning) console.warn(`\n⚠ ${auditWarning}\n`);
    // Encryption at rest (docs/SECURITY.md): keys first, then refuse data under unknown keys and
    // encrypt values stored before encryption existed.
    installDataProtection(loadDataKeys(config));
    const unknown = [
      ...new Set([...(await unknownIdNumberKeyIds(database.db)), ...(await unknownCounselingKeyIds(database.db))]),
    ];
    if (unknown.length > 0)
      throw new Error(
        `stored data is encrypted with key(s) ${unknown.join(', ')} that are not configured (DATA_KEYS, keys.json)`,
      );
    const upgraded = await reprotectIdNumbers(database.db, 'legacy');
    if (Object.values(upgraded).some((n) => n > 0))
      console.log(`Encrypted ID numbers stored in plain text: ${JSON.stringify(upgraded)}`);
  } catch (error) {
    const message =
      error instanceof DatabaseOpenError
        ? error.message
        : error instanceof DataKeyError
          ? `Data keys: ${error.message}`
          : `Cannot prepare the database: ${(error as Error).message}`;
    console.error(`\n✗ ${message}\n`);
    process.exit(1);
  }

  if (demo) {
    const { loadDemoIfNeeded } = await import('./demo/load-demo');
    await loadDemoIfNeeded(database.db, config.dataDir);
  } else {
    const first = await createFirstAdminIfNeeded(database.db);
    if (first) {
      console.log('\n┌──────────────────────────────────────────────────────────────');
      console.log('│ 首次启动：已创建县级管理员账号（首次登录后必须修改密码）');
      console.log('│ First start: the first county administrator was created.');
      console.log(`│   用户名 username: ${first.username}`);
      console.log(`│   一次性密码 one-time password: ${first.password}`);
      console.log('│ 此密码只显示这一次。This password is shown only once.');
      console.log('└──────────────────────────────────────────────────────────────\n');
    }
  }

  const app = await buildApp(database, config);
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down: finishing requests in flight');
    await app.close();
    await database.close();
  });
  await app.listen({ host: config.host, port: config.port });
  console.log(`守望 Shouwang is running: http://localhost:${config.port}  (API docs: /api/docs)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
