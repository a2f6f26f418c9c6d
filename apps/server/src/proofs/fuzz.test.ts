import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeAccessTable } from '../plugins/route-guard';
import { buildTestApp, type Client, loginAs, type TestApp } from '../test/app';
import { buildChild, buildCountyTree, buildUser, type CountyTree } from '../test/factories';

/**
 * Bad-input fuzzing (issue #9): for every route of the app, generated bad inputs — wrong types,
 * missing and extra fields, huge strings, control characters, full-width digits, emoji, SQL and HTML
 * payloads, huge numbers, invalid dates, malformed JSON, wrong content types — sent by a user who
 * holds every role, so the input reaches validation. Expected: never a 5xx; every refusal is a JSON
 * error with a code and a message; a refusal never echoes the markup it was sent; and no refused
 * request leaves a row behind. fast-check prints the seed and the input of a failure; replay with
 * FUZZ_SEED (CI uses a fixed seed; SHOUWANG_LONG=1 draws new ones). FUZZ_RUNS sets the inputs per route (200; SHOUWANG_LONG=1: 2,000).
 */
const runs = Number(process.env.FUZZ_RUNS ?? (process.env.SHOUWANG_LONG ? 2000 : 200));
// CI replays one fixed seed (a failure there is a regression, not luck); the long mode explores anew.
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.SHOUWANG_LONG ? undefined : 20261128;

/** Routes not worth fuzzing: the docs UI, and actions that end the fuzzing user's own session. */
const skipped = [/^\/api\/docs/, /^\/api\/auth\/logout$/];
/** Tables a refused request may still write to: the audit trail and sessions. */
const mayChange = new Set(['audit_event', 'session']);

const marker = '<script>alert(1)</script>';
const nastyStrings = [
  marker,
  '<img src=x onerror=alert(1)>',
  "' OR '1'='1' --",
  "'; drop table child; --",
  '１２３４５６７８９０',
  '４３０１０４２０１６０６１５００３０',
  '😀👨‍👩‍👧‍👦🏳️‍🌈',
  '\u0000\u0001\u0007\u001b[31m',
  '\u202e\u200b\ufeff',
  '2026-02-30',
  '9999-99-99',
  '0000-00-00',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '../../../../etc/passwd',
  '%00',
  '{{7*7}}',
  'null',
  'true',
  ' ',
  '',
];
const hugeString = fc.integer({ min: 5_000, max: 200_000 }).map((n) => '字'.repeat(n));
const nastyString = fc.oneof(fc.constantFrom(...nastyStrings), fc.string({ maxLength: 40 }), hugeString);
const nastyNumber = fc.oneof(
  fc.constantFrom(-1, 0, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 0.5, -0),
  fc.integer(),
  fc.double({ noNaN: true }),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 2, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), nastyString, { maxKeys: 3 }) },
);

/** The field names a route's body or querystring schema knows (zod objects expose `shape`). */
function fieldsOf(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

interface BadInput {
  mode: 'fields' | 'wrong_type' | 'malformed_json' | 'wrong_content_type';
  params: string[];
  query: Record<string, unknown>;
  body: unknown;
}

function badInputs(fields: string[], queryFields: string[], paramCount: number): fc.Arbitrary<BadInput> {
  const param = fc.oneof(
    fc.uuid(),
    nastyString.filter((s) => s.length < 300),
  );
  const known = fields.length > 0 ? fc.constantFrom(...fields) : fc.string({ maxLength: 10 });
  const body = fc.oneof(
    // Known fields with bad values, some left out, some unknown ones added.
    fc
      .tuple(
        fc.dictionary(known, nastyValue, { maxKeys: Math.max(1, fields.length) }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), nastyValue, { maxKeys: 2 }),
      )
      .map(([a, b]) => ({ ...b, ...a })),
    // Not an object at all.
    nastyValue,
  );
  const queryKey = queryFields.length > 0 ? fc.constantFrom(...queryFields) : fc.string({ maxLength: 10 });
  return fc.record({
    mode: fc.constantFrom('fields', 'fields', 'fields', 'wrong_type', 'malformed_json', 'wrong_content_type'),
    params: fc.array(param, { minLength: paramCount, maxLength: paramCount }),
    query: fc.dictionary(
      queryKey,
      nastyString.filter((s) => s.length < 2000),
      { maxKeys: 3 },
    ),
    body,
  });
}

/** Any generated value as text (objects without a prototype have no toString). */
const text = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null'));

let t: TestApp;
let tree: CountyTree;
let everyone: Client;
let user: { id: string; username: string; password: string };

async function tableCounts(): Promise<Map<string, number>> {
  const tables = await t.db.execute<{ name: string }>(
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const names = (Array.isArray(tables) ? tables : (tables as { rows: { name: string }[] }).rows).map((r) => r.name);
  const counts = new Map<string, number>();
  for (const name of names) {
    if (mayChange.has(name)) continue;
    const res = await t.db.execute(sql`select count(*)::int as n from ${sql.identifier(name)}`);
    const rows = (Array.isArray(res) ? res : (res as { rows: { n: number }[] }).rows) as { n: number }[];
    counts.set(name, Number(rows[0]!.n));
  }
  return counts;
}

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '模糊县');
  user = await buildUser(t.db, [
    { role: 'county_admin', org: tree.county },
    { role: 'supervisor', org: tree.township },
    { role: 'child_director', org: tree.village },
    { role: 'school_admin', org: tree.school },
    { role: 'class_teacher', org: tree.classA },
    { role: 'mentor', org: tree.school },
    { role: 'counselor', org: tree.school },
  ]);
  everyone = await loginAs(t, user);
  await buildChild(t.db, { name: '模糊测试', class: tree.classA, categories: ['left_behind_both'] });
}, 120_000);
afterAll(() => t.close());

describe('bad-input fuzzing over the route table', () => {
  it('covers the routes of every module', () => {
    const routes = routeAccessTable(t.app).filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(60);
  });

  it(`answers ${runs} bad inputs per route with 4xx only, escaped, and without partial writes`, async () => {
    const routes = routeAccessTable(t.app).filter(
      (r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && !skipped.some((s) => s.test(r.url)),
    );
    const failures: string[] = [];
    for (const route of routes) {
      const paramNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const writes = route.method !== 'GET';
      const before = writes ? await tableCounts() : null;
      let accepted = 0;
      let problem = '';
      try {
        await fc.assert(
          fc.asyncProperty(
            badInputs(fieldsOf(route.schema?.body), fieldsOf(route.schema?.querystring), paramNames.length),
            async (input) => {
              let url = route.url;
              paramNames.forEach((name, i) => {
                url = url.replace(`:${name}`, encodeURIComponent(input.params[i]!));
              });
              const qs = new URLSearchParams(
                Object.entries(input.query).map(([k, v]): [string, string] => [k, text(v)]),
              ).toString();
              if (qs) url += `?${qs}`;
              const headers: Record<string, string> = {};
              let payload: string | undefined;
              if (writes) {
                if (input.mode === 'malformed_json') {
                  headers['content-type'] = 'application/json';
                  payload = `{"a": ${text(input.body).slice(0, 50)}`;
                } else if (input.mode === 'wrong_content_type') {
                  headers['content-type'] = 'text/plain';
                  payload = text(input.body);
                } else {
                  headers['content-type'] = 'application/json';
                  payload = JSON.stringify(input.mode === 'wrong_type' ? [input.body] : input.body);
                }
              }
              const res = await everyone.request(route.method as 'GET', url, payload, headers);
              problem = `${input.mode} ${route.method} ${url.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
              if (res.statusCode === 401) {
                // A fuzzed request ended the session (e.g. a password change): sign in again.
                everyone = await loginAs(t, user, '10.9.9.9');
                return;
              }
              expect(res.statusCode, `${route.method} ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
              if (res.statusCode >= 400) {
                const error = res.json().error;
                expect(error?.code, res.body.slice(0, 300)).toBeTruthy();
                expect(error?.message).toBeTruthy();
                expect(res.body).not.toContain(marker);
              } else if (writes) accepted++;
            },
          ),
          { numRuns: runs, seed, endOnFailure: true },
        );
      } catch (error) {
        const seedLine = (error as Error).message.match(/\{ seed: [^}]*\}/)?.[0] ?? '';
        const cause = String(((error as Error).cause as Error | undefined)?.message ?? '').split('\n')[0]!;
        failures.push(`${route.method} ${route.url} ${seedLine}\n  ${problem}\n  ${cause.slice(0, 300)}`);
        continue;
      }
      if (before && accepted === 0) {
        const after = await tableCounts();
        for (const [table, n] of before)
          if (after.get(table) !== n) failures.push(`${route.method} ${route.url} left rows in ${table}`);
      }
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 1_800_000);
});
