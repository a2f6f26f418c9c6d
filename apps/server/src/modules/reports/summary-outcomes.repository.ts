import { leftBehindCategories } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { escapeLike } from '../orgs/orgs.repository';
import { type SummaryScope, type SummaryWindow, scopeFilter } from './summary-figures.repository';

/** Health checks, grades, activities and awards, concerns and aid of a scope's term: one statement each. */

const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
const n = (v: unknown) => Number(v ?? 0);
const first = (result: unknown) => rowsOf<Record<string, unknown>>(result)[0] ?? {};

const leftBehindOn = (alias: string, date: string) =>
  sql`exists (select 1 from child_category cc where cc.child_id = ${sql.raw(alias)}.id and cc.category in ${leftBehindCategories}
    and cc.start_date <= ${date}::date and (cc.end_date is null or cc.end_date > ${date}::date))`;

export async function healthFigures(db: Db, scope: SummaryScope, w: SummaryWindow) {
  const r = first(
    await db.execute(sql`
      select count(distinct h.child_id)::int as checked,
        count(distinct h.child_id) filter (where h.referral_needed)::int as referrals,
        count(distinct h.child_id) filter (where cardinality(h.flags) > 0)::int as flagged
      from child c join health_check h on h.county_id = c.county_id and h.child_id = c.id and h.deleted_at is null
      where ${scopeFilter(scope)} and h.checked_on between ${w.start}::date and ${w.asOf}::date
    `),
  );
  return { checked: n(r.checked), referrals: n(r.referrals), flagged: n(r.flagged) };
}

/** Left-behind children with grades this term and last: how many improved their average share of full marks. */
export async function gradeFigures(
  db: Db,
  scope: SummaryScope,
  w: SummaryWindow,
  term: { schoolYear: string; termNo: number },
) {
  const previous =
    term.termNo === 2
      ? { schoolYear: term.schoolYear, termNo: 1 }
      : {
          schoolYear: `${Number(term.schoolYear.slice(0, 4)) - 1}-${term.schoolYear.slice(0, 4)}`,
          termNo: 2,
        };
  const r = first(
    await db.execute(sql`
      with kids as materialized (select c.id, c.county_id from child c where ${scopeFilter(scope)} and ${leftBehindOn('c', w.asOf)}),
      avgs as (
        select g.child_id,
          avg(g.score / nullif(g.full_mark, 0)) filter (where t.school_year = ${term.schoolYear} and t.term_no = ${term.termNo}) as now,
          avg(g.score / nullif(g.full_mark, 0)) filter (where t.school_year = ${previous.schoolYear} and t.term_no = ${previous.termNo}) as before
        from kids k join grade g on g.county_id = k.county_id and g.child_id = k.id and g.deleted_at is null
        join term t on t.id = g.term_id
        group by g.child_id
      )
      select count(*) filter (where now is not null and before is not null)::int as compared,
        count(*) filter (where now > before)::int as improved
      from avgs
    `),
  );
  return { compared: n(r.compared), improved: n(r.improved) };
}

/** Activities organised in the scope during the term, participants, awards, and the liveliest three. */
export async function activityFigures(db: Db, scope: SummaryScope, w: SummaryWindow) {
  const prefix = `${escapeLike(scope.path)}%`;
  const activities = sql`select a.id, a.title, a.occurred_on from activity a
    where a.county_id = ${scope.countyId} and a.deleted_at is null and a.org_path like ${prefix}
      and a.occurred_on between ${w.start}::date and ${w.asOf}::date`;
  const totals = first(
    await db.execute(sql`
      with acts as (${activities})
      select (select count(*) from acts)::int as count, count(p.id)::int as participants,
        count(p.id) filter (where ${leftBehindOn('c', w.asOf)})::int as left_behind,
        count(distinct p.child_id) filter (where p.award is not null and p.award <> '')::int as awarded,
        count(distinct p.child_id) filter (where p.award is not null and p.award <> '' and ${leftBehindOn('c', w.asOf)})::int as awarded_left_behind
      from acts join activity_participation p on p.activity_id = acts.id
      join child c on c.id = p.child_id
    `),
  );
  const highlights = rowsOf<{ title: string; occurred_on: unknown }>(
    await db.execute(sql`
      with acts as (${activities})
      select acts.title, acts.occurred_on, count(p.id) as n
      from acts left join activity_participation p on p.activity_id = acts.id
      group by acts.id, acts.title, acts.occurred_on
      order by n desc, acts.occurred_on
      limit 3
    `),
  );
  return {
    activities: {
      count: n(totals.count),
      participants: n(totals.participants),
      leftBehindParticipants: n(totals.left_behind),
      highlights: highlights.map((h) => ({ title: h.title, date: String(h.occurred_on).slice(0, 10) })),
    },
    awards: { awarded: n(totals.awarded), leftBehind: n(totals.awarded_left_behind) },
  };
}

/** 强制报告 about children of the scope: open ones (and past their deadline), closed during the term. */
export async function concernFigures(db: Db, scope: SummaryScope, w: SummaryWindow) {
  const r = first(
    await db.execute(sql`
      select count(*) filter (where x.status <> 'closed')::int as open,
        count(*) filter (where x.status <> 'closed' and x.due_at < now())::int as overdue,
        count(*) filter (where x.status = 'closed' and x.closed_at::date between ${w.start}::date and ${w.asOf}::date)::int as closed
      from child c join concern x on x.county_id = c.county_id and x.child_id = c.id and x.deleted_at is null
      where ${scopeFilter(scope)}
    `),
  );
  return { open: n(r.open), overdue: n(r.overdue), closed: n(r.closed) };
}

/** Aid given to the scope's children in the term (元) and the schools' fund balance of the term. */
export async function aidFigures(db: Db, scope: SummaryScope, w: SummaryWindow) {
  const prefix = `${escapeLike(scope.path)}%`;
  const given = first(
    await db.execute(sql`
      select coalesce(sum(a.amount_fen), 0)::bigint as fen, count(distinct a.child_id)::int as recipients
      from child c join aid a on a.county_id = c.county_id and a.child_id = c.id and a.deleted_at is null
      where ${scopeFilter(scope)} and a.given_on between ${w.start}::date and ${w.asOf}::date
    `),
  );
  const fund = first(
    await db.execute(sql`
      select coalesce(sum(f.amount_fen) filter (where f.direction = 'income'), 0)::bigint as income,
        coalesce(sum(f.amount_fen) filter (where f.direction = 'expense'), 0)::bigint as expense,
        count(*)::int as entries
      from fund_ledger_entry f join org o on o.id = f.school_id
      where f.county_id = ${scope.countyId} and f.deleted_at is null and o.path like ${prefix}
        and f.occurred_on between ${w.start}::date and ${w.asOf}::date
    `),
  );
  const gap = n(fund.expense) - n(fund.income);
  return {
    amount: Math.round(n(given.fen) / 100),
    recipients: n(given.recipients),
    shortfall: n(fund.entries) > 0 && gap > 0 ? Math.round(gap / 100) : null,
  };
}
