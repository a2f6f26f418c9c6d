import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { loadConfig } from '../env';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await runMigrations(database);
await database.close();
console.log('Migrations applied.');
