import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm/logger';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Database, Db } from '../../db/client';
import * as schema from '../../db/schema';
import { loginAs } from '../../test/app';
import { testConfig } from '../../test/config';
import { createTestDatabase } from '../../test/db';
import { buildCountyTree, buildUser } from '../../test/factories';

// Bench findings 6: a signed-in request loads session, account and roles in one statement, and
// none while the actor is cached. The statements are counted through Drizzle's logger (PGlite).
const onPglite = !process.env.TEST_DATABASE_URL;
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let statements: string[] | null = null;

beforeAll(async () => {
  if (!onPglite) return;
  database = await createTestDatabase();
  const logger: Logger = { logQuery: (query) => statements?.push(query) };
  const db = drizzle(database.pglite as PGlite, { schema, logger }) as unknown as Db;
  app = await buildApp({ ...database, db }, testConfig(), { logger: false });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function statementsOf(cookie: string, url: string) {
  statements = [];
  try {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    return statements;
  } finally {
    statements = null;
  }
}

describe.skipIf(!onPglite)('the session statement', () => {
  it('is one statement for a session not yet cached, none while it is', async () => {
    const tree = await buildCountyTree(database.db, '计数县');
    const user = await buildUser(database.db, [
      { role: 'class_teacher', org: tree.classA },
      { role: 'mentor', org: tree.school },
    ]);
    const { cookie } = await loginAs({ app }, user);
    // Sign-in answers /api/me itself, without caching: the first request loads the actor.
    const cold = await statementsOf(cookie, '/api/children');
    const sessionStatements = cold.filter((s) => /from "session"/.test(s));
    expect(sessionStatements).toHaveLength(1);
    expect(cold.filter((s) => /"role_assignment"|"app_user"/.test(s))).toEqual(sessionStatements);
    const warm = await statementsOf(cookie, '/api/children');
    expect(warm.filter((s) => /"session"|"role_assignment"|"app_user"/.test(s))).toEqual([]);
  });
});
