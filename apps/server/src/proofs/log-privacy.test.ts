import { todayIso } from '@shouwang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { Database } from '../db/client';
import { loginAs } from '../test/app';
import { testConfig } from '../test/config';
import { createTestDatabase } from '../test/db';
import { buildChild, buildCountyTree, buildUser, TEST_PASSWORD } from '../test/factories';

/**
 * No personal data in the logs (issue #9): at the most talkative log level, a day of ordinary work —
 * signing in, searching by a full ID number, reading and editing an archive, writing a counseling
 * note, asking for the full number — leaves no password, ID number, child's name in a query, note,
 * cookie or CSRF token in the request log.
 */
const lines: string[] = [];
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp(database, testConfig({ LOG_LEVEL: 'trace' }), {
    logStream: { write: (line) => lines.push(line) },
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the request log', () => {
  it('holds no password, ID number, searched name, note, cookie or CSRF token', async () => {
    const tree = await buildCountyTree(database.db, '日志隐私县');
    const idNumber = '430104201606150030';
    const kid = await buildChild(database.db, { name: '隐私小明', class: tree.classA, idNumber });
    const countyUser = await buildUser(database.db, [{ role: 'county_admin', org: tree.county }]);
    const counselorUser = await buildUser(database.db, [{ role: 'counselor', org: tree.school }]);
    lines.length = 0;
    const county = await loginAs({ app }, countyUser);
    const counselor = await loginAs({ app }, counselorUser);
    const note = '孩子提到家里的秘密，不能写进日志';
    expect((await county.get(`/api/children?q=${idNumber}`)).statusCode).toBe(200);
    expect((await county.get(`/api/children?q=${encodeURIComponent('隐私小明')}`)).statusCode).toBe(200);
    expect((await county.get(`/api/children/${kid.id}/id-number`)).statusCode).toBe(200);
    const session = await counselor.post('/api/counseling-sessions', {
      childId: kid.id,
      sessionOn: todayIso(),
      presentingConcern: '想家',
      notes: note,
      agreedActions: '每周一次',
    });
    expect(session.statusCode, session.body).toBe(201);
    expect((await counselor.get(`/api/counseling-sessions/${session.json().id}`)).statusCode).toBe(200);

    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const secret of [
      TEST_PASSWORD,
      idNumber,
      '隐私小明',
      encodeURIComponent('隐私小明'),
      note,
      county.cookie.split('=')[1]!,
      county.csrfToken,
      counselor.csrfToken,
    ])
      expect(log, `log contains ${secret.slice(0, 12)}…`).not.toContain(secret);
    // The log still says what happened: the routes without their query strings.
    expect(log).toContain('/api/children');
  });
});
