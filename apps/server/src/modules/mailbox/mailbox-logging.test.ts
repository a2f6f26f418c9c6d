import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Database } from '../../db/client';
import { loginAs } from '../../test/app';
import { testConfig } from '../../test/config';
import { createTestDatabase } from '../../test/db';
import { buildCountyTree, buildUser } from '../../test/factories';

/** What the request log writes: the mailbox's public routes never name the sender's address. */
const lines: string[] = [];
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp(database, testConfig({ LOG_LEVEL: 'info' }), {
    logStream: { write: (line) => lines.push(line) },
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the request log', () => {
  it('writes no address for the public mailbox routes, and keeps it for everything else', async () => {
    const tree = await buildCountyTree(database.db, '日志县');
    const admin = await loginAs({ app }, await buildUser(database.db, [{ role: 'school_admin', org: tree.school }]));
    const code = (await admin.put(`/api/mailbox/boxes/${tree.school.id}`, { enabled: true, dangerWords: [] })).json()
      .box.code as string;
    lines.length = 0;

    const sender = '10.44.55.66';
    const inject = (method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({ method, url, payload, remoteAddress: sender });
    expect((await inject('GET', `/api/public/mailbox/${code}`)).statusCode).toBe(200);
    const posted = await inject('POST', `/api/public/mailbox/${code}`, { body: '日志里不应有我的地址（秘密）' });
    expect(posted.statusCode).toBe(201);
    const pickup = posted.json().pickupCode as string;
    expect((await inject('POST', '/api/public/mailbox/replies', { code: pickup })).statusCode).toBe(200);
    expect((await inject('GET', `/m/${code}`)).statusCode).toBeLessThan(500);
    const log = lines.join('');
    expect(log).toContain('/api/public/mailbox/');
    for (const secret of [sender, '秘密', pickup]) expect(log).not.toContain(secret);

    expect((await inject('GET', '/api/health')).statusCode).toBe(200);
    expect(lines.join('')).toContain(sender);
  });
});
