import { currentTermOf, periodsOf, todayIso } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../apps/server/src/db/client';
import { runMigrations } from '../apps/server/src/db/migrate';
import {
  liveScopeComplianceTallies,
  rulesInScope,
  scopeComplianceTallies,
} from '../apps/server/src/modules/stats/compliance-scope.repository';
import { rowsOf, type StatsScope } from '../apps/server/src/modules/stats/stats.repository';

/**
 * `DATABASE_URL=… npx tsx bench/compliance-cache.ts` (or DATA_DIR=bench/.data/township): times the
 * county 完成率 live and from the pre-aggregated tallies — cold (nothing cached), warm, and after a
 * late care record makes one school stale — and checks that both give the same figures.
 */
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
await runMigrations(database);
const db = database.db;
const time = async <T>(label: string, run: () => Promise<T>) => {
  const start = performance.now();
  const value = await run();
  console.log(`${label.padEnd(44)} ${(performance.now() - start).toFixed(1).padStart(9)} ms`);
  return value;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const [county] = rowsOf<{ id: string; path: string }>(
  await db.execute(sql`select id, path from org where kind = 'county'`),
);
const scope: StatsScope = { countyId: county!.id, kind: 'county', path: county!.path };
const terms = rowsOf<{ startDate: string; midDate: string; endDate: string }>(
  await db.execute(sql`select start_date::text as "startDate", mid_date::text as "midDate", end_date::text as "endDate"
    from term where org_id = ${county!.id} and deleted_at is null`),
);
const asOf = todayIso();
const term = currentTermOf(terms, asOf)!;
const periods = (await rulesInScope(db, scope)).flatMap((r) =>
  periodsOf(r.frequency, r.windowDays, term)
    .filter((p) => p.start <= asOf)
    .map((p) => ({ ruleId: r.id, start: p.start, end: p.end })),
);
console.log(`county ${county!.path}: ${periods.length} periods of the term from ${term.startDate}`);
const input = { scope, endedBefore: asOf, periods };
await db.execute(sql`delete from compliance_tally`);
await db.execute(sql`delete from compliance_state`);
const live = await time('live statement', () => liveScopeComplianceTallies(db, input));
const cold = await time('cached, cold (computes every school)', () => scopeComplianceTallies(db, input));
const warm: number[] = [];
for (let i = 0; i < 9; i++) {
  const start = performance.now();
  await scopeComplianceTallies(db, input);
  warm.push(performance.now() - start);
}
console.log(`${'cached, warm (median of 9)'.padEnd(44)} ${median(warm).toFixed(1).padStart(9)} ms`);
const ended = periods.find((p) => p.end < asOf)!;
await db.execute(sql`update care_record set summary = summary where id = (
  select cr.id from care_record cr join care_rule r on r.id = ${ended.ruleId}
  join child c on c.id = cr.child_id and c.school_id = r.school_id
  where cr.occurred_on between ${ended.start}::date and ${ended.end}::date limit 1)`);
await time('cached, one school stale since a past week', () => scopeComplianceTallies(db, input));
const key = (r: { kind: string; month: string; ended: boolean; due: number; done: number }) =>
  `${r.kind} ${r.month} ${r.ended} ${r.due} ${r.done}`;
const same = JSON.stringify(live.map(key).sort()) === JSON.stringify(cold.map(key).sort());
console.log(same ? 'live and cached agree' : 'LIVE AND CACHED DIFFER');
await database.close();
process.exit(same ? 0 : 1);
