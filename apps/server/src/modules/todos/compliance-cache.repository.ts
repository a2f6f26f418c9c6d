import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { executeNamed } from '../../db/prepared';
import { rowsOf } from '../stats/stats.repository';
import { dueRelation, isTrue, kidsRelation, periodParts, periodsRelation, type RulePeriod } from './compliance-sql';
import { dutyDoneCondition } from './duty-sources';

/**
 * 完成率 from the pre-aggregated `compliance_tally` (see compliance-cache.table.ts). Before a read, the
 * schools behind the asked periods are brought up to date in one transaction: rows a write has made
 * stale (the triggers set `compliance_state.dirty_from`) are recomputed, periods never computed are
 * computed, both by the same statement as the live figures. A county dashboard then adds up one
 * row per period of its ≈200 schools' rules instead of probing every (child × rule × period).
 * The periods asked for are those of the scope's schools' rules, so a school, a township or a
 * county is a set of whole schools' periods (a class, part of a school, is computed live).
 */

/** Fills the tallies of `periods` (all rules of schools in one county), for these schools only. */
async function computePeriods(db: Db, countyId: string, periods: RulePeriod[]): Promise<void> {
  if (periods.length === 0) return;
  await db.execute(sql`
    with p as materialized (${periodsRelation(periods)}),
    kids as materialized (${kidsRelation(sql`c.county_id = ${countyId} and c.school_id in (
      select r.school_id from care_rule r where r.id in (select rule_id from p))`)}),
    due as (${dueRelation}),
    tallies as materialized (
      select county_id, school_id, rule_id, kind, p_start, p_end, count(*)::int as due,
        (count(*) filter (where ${dutyDoneCondition('due')}))::int as done
      from due group by county_id, school_id, rule_id, kind, p_start, p_end
    ),
    counted as (
      insert into compliance_tally (county_id, school_id, rule_id, kind, period_start, period_end, due, done)
      select * from tallies
    )
    insert into compliance_tally (county_id, school_id, rule_id, kind, period_start, period_end, due, done)
    select r.county_id, r.school_id, p.rule_id, r.kind, p.p_start, p.p_end, 0, 0
    from p join care_rule r on r.id = p.rule_id
    -- A period nobody owes keeps a zero row, so it counts as computed.
    where not exists (
      select 1 from tallies t where t.rule_id = p.rule_id and t.p_start = p.p_start and t.p_end = p.p_end)`);
}

/** Rules of `periods` as a uuid[] literal. */
const ruleIdsOf = (periods: readonly RulePeriod[]) => `{${[...new Set(periods.map((p) => p.ruleId))].join(',')}}`;

/**
 * Schools (of the rules of `periods`) with stale rows or periods not yet computed. With `lagFrom`,
 * a school stale only from that day on (its running periods) does not count. When the county's
 * marker says this set of periods was computed whole, only the stale schools are looked up.
 */
async function schoolsNeedingWork(
  db: Db,
  countyId: string,
  periods: RulePeriod[],
  lagFrom: string | null,
  fingerprint: string,
): Promise<{ schools: string[]; known: boolean }> {
  const stale = sql`s.dirty_from is not null and (${lagFrom}::date is null or s.dirty_from < ${lagFrom}::date)`;
  const [probe] = rowsOf<{ known: unknown; schools: string[] | string | null }>(
    await db.execute(sql`
      select exists (select 1 from compliance_window w where w.county_id = ${countyId}
          and w.fingerprint = ${fingerprint}) as known,
        array(select s.school_id::text from compliance_state s where s.county_id = ${countyId} and ${stale}) as schools`),
  );
  if (isTrue(probe?.known)) {
    const staleInCounty = textArray(probe?.schools);
    if (staleInCounty.length === 0) return { schools: [], known: true };
    // Only now the rules are sent: which of the stale schools are those of the asked periods.
    const result = await db.execute(sql`
      select distinct r.school_id::text as id from care_rule r where r.county_id = ${countyId}
        and r.id = any(${ruleIdsOf(periods)}::uuid[]) and r.school_id = any(${`{${staleInCounty.join(',')}}`}::uuid[])`);
    return { schools: rowsOf<{ id: string }>(result).map((r) => r.id), known: true };
  }
  // Missing periods as a set difference: both sides are read once (not a probe per period).
  const result = await db.execute(sql`
    with p as (${periodsRelation(periods)}),
    missing as (
      select rule_id, p_start, p_end from p
      except
      select t.rule_id, t.period_start, t.period_end from compliance_tally t where t.county_id = ${countyId}
    )
    select distinct r.school_id as id from care_rule r
    left join compliance_state s on s.school_id = r.school_id
    where r.county_id = ${countyId} and r.id in (select rule_id from p)
      and (s.school_id is null or (${stale}) or r.id in (select rule_id from missing))`);
  return { schools: rowsOf<{ id: string }>(result).map((r) => r.id), known: false };
}

/** A text[] as the driver returns it: an array (node-postgres) or its literal (PGlite may). */
function textArray(value: string[] | string | null | undefined): string[] {
  if (Array.isArray(value)) return value;
  if (!value || value === '{}') return [];
  return value.slice(1, -1).split(',');
}

/** Marks `periods` computed whole for the county (a few dozen sets at most are kept). */
async function markComputed(db: Db, countyId: string, fingerprint: string): Promise<void> {
  await db.execute(sql`
    with marked as (
      insert into compliance_window (county_id, fingerprint) values (${countyId}, ${fingerprint})
      on conflict (county_id, fingerprint) do update set computed_at = now()
    )
    delete from compliance_window where county_id = ${countyId} and fingerprint in (
      select fingerprint from compliance_window where county_id = ${countyId}
      order by computed_at desc offset 32)`);
}

/**
 * Brings the schools up to date in one transaction holding their state rows: stale rows go and
 * their periods are computed again (as long as their rule is active), then `periods` of these
 * schools still missing are computed. A write that lands meanwhile waits for the lock and marks
 * the school stale again, so nothing it changes is lost.
 */
async function refreshSchools(db: Db, countyId: string, schoolIds: string[], periods: RulePeriod[]): Promise<void> {
  const ids = `{${schoolIds.join(',')}}`;
  await db.execute(sql`
    insert into compliance_state (school_id, county_id)
    select id, ${countyId} from unnest(${ids}::uuid[]) as s(id) on conflict do nothing`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select school_id from compliance_state where school_id = any(${ids}::uuid[])
      order by school_id for update`);
    const stale = await tx.execute(sql`
      with gone as (
        delete from compliance_tally t using compliance_state s
        where s.school_id = any(${ids}::uuid[]) and s.dirty_from is not null and t.school_id = s.school_id
          and t.period_end >= s.dirty_from
        returning t.rule_id, t.period_start, t.period_end
      ),
      -- Rows of a rule no longer active are not computed again: sets holding them are no longer whole.
      unmarked as (
        delete from compliance_window w where w.county_id = ${countyId} and exists (
          select 1 from gone g left join care_rule r on r.id = g.rule_id and r.active and r.deleted_at is null
          where r.id is null)
      )
      select distinct g.rule_id as "ruleId", to_char(g.period_start, 'YYYY-MM-DD') as start,
        to_char(g.period_end, 'YYYY-MM-DD') as "end"
      from gone g join care_rule r on r.id = g.rule_id and r.active and r.deleted_at is null`);
    await tx.execute(sql`update compliance_state set dirty_from = null, refreshed_at = now()
      where school_id = any(${ids}::uuid[])`);
    const wanted = new Map<string, RulePeriod>();
    for (const p of rowsOf<RulePeriod>(stale)) wanted.set(`${p.ruleId} ${p.start} ${p.end}`, p);
    if (periods.length > 0) {
      const missing = await tx.execute(sql`
        with p as (${periodsRelation(periods)})
        select p.rule_id as "ruleId", to_char(p.p_start, 'YYYY-MM-DD') as start, to_char(p.p_end, 'YYYY-MM-DD') as "end"
        from p join care_rule r on r.id = p.rule_id
        where r.school_id = any(${ids}::uuid[]) and not exists (
          select 1 from compliance_tally t where t.rule_id = p.rule_id and t.period_start = p.p_start
            and t.period_end = p.p_end)`);
      for (const p of rowsOf<RulePeriod>(missing)) wanted.set(`${p.ruleId} ${p.start} ${p.end}`, p);
    }
    await computePeriods(tx as unknown as Db, countyId, [...wanted.values()]);
  });
}

const DEADLOCK = '40P01';

/** Up to this many rules (a school has a handful), the tallies are looked up by rule id. */
const FEW_RULES = 64;

/**
 * Makes the cached tallies of `periods` (rules of one county) current. With `runningMayLagFrom`
 * (the as-of day), periods ended before it are exact but a school whose only writes since its last
 * refresh lie on or after that day is not refreshed now: its running periods may lag by up to the
 * background pass (2 minutes). Township and county dashboards use it, so a day of record keeping
 * across 200 schools does not make every county read recompute them; a school's own figures do not.
 */
export async function ensureComplianceCache(
  db: Db,
  countyId: string,
  periods: RulePeriod[],
  options: { runningMayLagFrom?: string } = {},
): Promise<void> {
  if (periods.length === 0) return;
  // Order-dependent: the same set asked in another order is only looked for missing periods once more.
  const { fingerprint } = periodParts(periods);
  const { schools, known } = await schoolsNeedingWork(
    db,
    countyId,
    periods,
    options.runningMayLagFrom ?? null,
    fingerprint,
  );
  if (schools.length > 0) {
    try {
      await refreshSchools(db, countyId, schools, periods);
    } catch (error) {
      // Two refreshes or a bulk write locking the same schools in another order: one is chosen to give way.
      if ((error as { code?: string }).code !== DEADLOCK) throw error;
      await refreshSchools(db, countyId, schools, periods);
    }
  }
  // Every period of the set now has its rows (a refresh computes the missing ones of its schools).
  if (!known) await markComputed(db, countyId, fingerprint);
}

/**
 * The background pass: schools a write has made stale since their last refresh are recomputed
 * (up to `limit` per call), so a dashboard seldom has to wait for it.
 */
export async function refreshStaleCompliance(db: Db, limit = 50): Promise<number> {
  const result = await db.execute(sql`
    select school_id as "schoolId", county_id as "countyId" from compliance_state
    where dirty_from is not null order by school_id limit ${limit}`);
  const stale = rowsOf<{ schoolId: string; countyId: string }>(result);
  const byCounty = new Map<string, string[]>();
  for (const s of stale) byCounty.set(s.countyId, [...(byCounty.get(s.countyId) ?? []), s.schoolId]);
  for (const [countyId, schoolIds] of byCounty) {
    await refreshSchools(db, countyId, schoolIds, []);
    // Without the asked periods it cannot compute missing ones (e.g. of a rule active again), so the
    // county's next reads look for missing periods once more.
    await db.execute(sql`delete from compliance_window where county_id = ${countyId}`);
  }
  return stale.length;
}

export interface CachedTally {
  /** The rule, when grouped by rule; the rule kind otherwise. */
  key: string;
  /** YYYY-MM of the period's first day (grouped by month), else ''. */
  month: string;
  ended: boolean;
  due: number;
  done: number;
}

export interface TallyQuery {
  countyId: string;
  periods: RulePeriod[];
  endedBefore: string;
  by: 'rule' | 'kindMonth';
}

/** The statement of the cached tallies of `periods` (the last CTE, `rows`, holds the answer). */
function talliesStatement(input: TallyQuery): { ctes: SQL; ruleIds: string[] } {
  // Grouped on cheap keys (uuid, "C"-collated text, a date), formatted once per group afterwards.
  const key: SQL = input.by === 'rule' ? sql`t.rule_id` : sql`t.kind collate "C"`;
  const month: SQL = input.by === 'rule' ? sql`null::date` : sql`date_trunc('month', t.period_start)::date`;
  const { rules, schedules } = periodParts(input.periods);
  const ruleIds = [...new Set(input.periods.map((p) => p.ruleId))];
  let first = input.periods[0]!.start;
  let last = first;
  for (const p of input.periods) {
    if (p.start < first) first = p.start;
    if (p.start > last) last = p.start;
  }
  const ctes = sql`
    r as (${rules}), s as (${schedules}),
    -- The county's tallies read once and hash-joined (probing the index once per period cost 4,800 probes);
    -- a school's few rules are looked up by rule.
    t as materialized (select ct.rule_id, ct.kind, ct.period_start, ct.period_end, ct.due, ct.done
      from compliance_tally ct
      where ct.county_id = ${input.countyId} and ct.period_start between ${first}::date and ${last}::date${
        ruleIds.length <= FEW_RULES ? sql` and ct.rule_id = any(${`{${ruleIds.join(',')}}`}::uuid[])` : sql``
      }),
    g as (
      select ${key} as key, ${month} as month, t.period_end < ${input.endedBefore}::date as ended,
        sum(t.due)::int as due, sum(t.done)::int as done
      from t
      join r on r.rule_id = t.rule_id
      join s on s.schedule = r.schedule and s.p_start = t.period_start and s.p_end = t.period_end
      group by 1, 2, 3
    ),
    rows as (
      select key::text as key, coalesce(to_char(month, 'YYYY-MM'), '') as month, ended, due, done from g
      where due > 0
    )`;
  return { ctes, ruleIds };
}

const tallyOf = (r: Record<string, unknown>): CachedTally => ({
  key: String(r.key),
  month: String(r.month),
  ended: isTrue(r.ended),
  due: Number(r.due),
  done: Number(r.done),
});

/**
 * The cached tallies of `periods`, added up per rule (or per rule kind and month), split into
 * periods ended before `endedBefore` and running ones. Call `ensureComplianceCache` first.
 */
export async function readCachedTallies(db: Db, input: TallyQuery): Promise<CachedTally[]> {
  if (input.periods.length === 0) return [];
  const { ctes } = talliesStatement(input);
  const result = await db.execute(sql`with ${ctes} select * from rows`);
  return rowsOf<Record<string, unknown>>(result).map(tallyOf);
}

/**
 * `ensureComplianceCache` then `readCachedTallies`, in one statement when the marker says the set of
 * periods was computed and none of its schools is stale (the check and the read see one snapshot);
 * otherwise the cache is brought up to date and read again.
 */
export async function cachedTallies(
  db: Db,
  input: TallyQuery & { runningMayLagFrom?: string },
): Promise<CachedTally[]> {
  if (input.periods.length === 0) return [];
  const { ctes, ruleIds } = talliesStatement(input);
  const lagFrom = input.runningMayLagFrom ?? null;
  // A school's few rules name its schools; beyond, any stale school of the county sends the read the long way.
  const ofRules =
    ruleIds.length <= FEW_RULES
      ? sql` and s.school_id in (select r.school_id from care_rule r where r.county_id = ${input.countyId}
          and r.id = any(${`{${ruleIds.join(',')}}`}::uuid[]))`
      : sql``;
  // The same text for every dashboard of a scope kind and every to-do list: prepared once per connection.
  const [row] = rowsOf<{ current: unknown; rows: unknown }>(
    await executeNamed(
      db,
      sql`
      with ${ctes}
      select exists (select 1 from compliance_window w where w.county_id = ${input.countyId}
            and w.fingerprint = ${periodParts(input.periods).fingerprint})
          and not exists (select 1 from compliance_state s where s.county_id = ${input.countyId}
            and s.dirty_from is not null and (${lagFrom}::date is null or s.dirty_from < ${lagFrom}::date)${ofRules})
          as current,
        (select coalesce(json_agg(rows), '[]') from rows) as rows`,
    ),
  );
  if (isTrue(row?.current)) {
    const rows = (typeof row!.rows === 'string' ? JSON.parse(row!.rows) : row!.rows) as Record<string, unknown>[];
    return rows.map(tallyOf);
  }
  await ensureComplianceCache(db, input.countyId, input.periods, lagFrom ? { runningMayLagFrom: lagFrom } : {});
  return readCachedTallies(db, input);
}
