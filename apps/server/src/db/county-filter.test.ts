import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm/logger';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchScenarios } from '../../../../bench/scenarios';
import { buildApp } from '../app';
import { BENCH_PASSWORD, type BenchUsers } from '../gen/bench-users';
import { generate } from '../gen/generate';
import { testConfig } from '../test/config';
import { createTestDatabase } from '../test/db';
import type { Database, Db } from './client';
import { unpinnedTables } from './county-filter';
import * as schema from './schema';

/**
 * docs/SCALING.md's evidence that the hot paths name the county: the benchmark's scenarios
 * (bench/scenarios.ts; bench/sql-probe.ts times exactly the statements the app runs for them) and
 * the child page's timeline are requested from a real app on a generated county, every statement
 * is captured through Drizzle's logger, and each one that reads a distributed table must pin it to
 * one county. The statements that do not yet are listed below and in the document.
 */

describe('the county-pinning judge', () => {
  it('accepts a constant and a join on county_id, and names the tables left unpinned', () => {
    expect(unpinnedTables(`select * from "child" where "child"."county_id" in ($1) and "child"."id" = $2`)).toEqual([]);
    expect(unpinnedTables('select c.id from child c where c.county_id = $1')).toEqual([]);
    expect(
      unpinnedTables(
        `select 1 from "care_record" inner join "child" on ("child"."id" = "care_record"."child_id" and "child"."county_id" = "care_record"."county_id") where "care_record"."county_id" = $1`,
      ),
    ).toEqual([]);
    expect(
      unpinnedTables(
        `select 1 from "care_record" inner join "child" on ("child"."id" = "care_record"."child_id" and "child"."county_id" = "care_record"."county_id") where "care_record"."author_id" = $1`,
      ),
    ).toEqual(['care_record', 'child']);
    expect(
      unpinnedTables(
        `select * from "child" where "child"."county_id" = $1 and exists (select 1 from "child_category" where "child_category"."child_id" = "child"."id")`,
      ),
    ).toEqual(['child_category']);
    expect(unpinnedTables(`select "id" from "org" where "org"."id" = $1`)).toEqual([]);
    expect(unpinnedTables(`insert into "care_record" ("id", "county_id") values ($1, $2)`)).toEqual([]);
    // A WITH … INSERT: the target routes each row by its county_id; the reads must be pinned themselves.
    expect(
      unpinnedTables(
        'with x as (select c.id from child c where c.county_id = $1), y as (insert into kpi_dirty (county_id, bucket_id) select $1, id from x) insert into kpi_tally (county_id, n) select $1, count(*) from x',
      ),
    ).toEqual([]);
    expect(
      unpinnedTables(
        'with x as (select c.id from child c where c.id = $1) insert into kpi_dirty (bucket_id) select id from x',
      ),
    ).toEqual(['child', 'kpi_dirty']);
    expect(unpinnedTables(`update "child" set "version" = $1 where "child"."id" = $2`)).toEqual(['child']);
  });
});

/**
 * The distributed tables that some statement of a hot path does not pin to one county yet, by
 * request: on Citus those statements would go to every shard (or be refused, for a join on ids).
 * docs/SCALING.md lists them. Pinning a table in every statement of a request must remove it here;
 * a new unpinned table fails the test.
 */
const knownUnpinned: Record<string, string[]> = {
  // The child page is pinned (one statement, the caller's counties, its tabs joined on county_id).
  timeline: ['care_setting', 'child'],
  // The lists are one statement pinned on child (categories on the child, migration 0024); the
  // family flags' parent and guardian `exists` join the page (`p`) on county_id, which the judge
  // does not follow through the sub-select's alias.
  'children-class': ['guardian', 'parent'],
  'children-school': ['guardian', 'parent'],
  'children-county': ['guardian', 'parent'],
  'children-county-search': ['guardian', 'parent'],
  // The to-do list reads its children by helper and class ids (a school's rules, term and records
  // are pinned to the school's county).
  'todos-class': ['care_record', 'child', 'child_category', 'child_enrollment', 'pairing', 'pledge', 'study_plan'],
  // The dashboards pin the children and the KPI cache; compliance still joins on rule and child ids.
  'dashboard-school': [
    'care_record',
    'care_rule',
    'child_category',
    'child_enrollment',
    'compliance_state',
    'compliance_tally',
    'health_check',
    'kpi_target',
    'letter_delivery',
  ],
  'dashboard-county': [],
};

/** The capture wraps PGlite; on PostgreSQL (TEST_DATABASE_URL) the app runs the same statements. */
const onPglite = !process.env.TEST_DATABASE_URL;
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let users: BenchUsers;
let capturing: string[] | null = null;

beforeAll(async () => {
  if (!onPglite) return;
  database = await createTestDatabase();
  const logger: Logger = { logQuery: (query) => capturing?.push(query) };
  const db = drizzle(database.pglite as PGlite, { schema, logger }) as unknown as Db;
  // The app first: it loads the data keys the generator encrypts ID numbers with.
  app = await buildApp({ ...database, db }, testConfig(), { logger: false });
  await app.ready();
  users = (await generate(database, { scale: 'small' })).benchUsers;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function statementsOf(login: keyof BenchUsers['logins'], url: string) {
  const who = users.logins[login]!;
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: who.username, password: BENCH_PASSWORD },
  });
  const cookie = res.cookies.find((c) => c.name === 'sw_session');
  expect(cookie, `${who.username} signs in`).toBeDefined();
  capturing = [];
  try {
    const page = await app.inject({ method: 'GET', url, headers: { cookie: `sw_session=${cookie!.value}` } });
    expect(page.statusCode, url).toBe(200);
    return capturing;
  } finally {
    capturing = null;
  }
}

describe.skipIf(!onPglite)('the hot paths name the county (docs/SCALING.md)', () => {
  it('pins every distributed table of the benchmark scenarios and the child timeline, but for the listed gaps', async () => {
    const requests = benchScenarios(users).map((s) => ({ name: s.name, login: s.login, url: s.paths[0]! }));
    const child = users.samples.schoolChildIds[0]!;
    requests.push({ name: 'timeline', login: 'schoolAdmin', url: `/api/children/${child}/timeline` });

    const found: Record<string, string[]> = {};
    let distributedStatements = 0;
    for (const r of requests) {
      const statements = await statementsOf(r.login, r.url);
      expect(statements.length, r.name).toBeGreaterThan(0);
      const gaps = new Set(statements.flatMap(unpinnedTables));
      distributedStatements += statements.filter((s) => /county_id/.test(s)).length;
      if (gaps.size > 0 || r.name in knownUnpinned) found[r.name] = [...gaps].sort();
    }
    // The judge saw real work: most statements of these paths read distributed tables.
    expect(distributedStatements).toBeGreaterThan(20);
    const expected = Object.fromEntries(Object.entries(knownUnpinned).map(([k, v]) => [k, [...v].sort()]));
    expect(found).toEqual(expected);
  }, 120_000);
});
