import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { escapeLike } from '../orgs/orgs.repository';
import { type KpiWindow, leftBehindKidsCte, rowsOf, type StatsScope, scopeFilter } from './stats.repository';

export interface PanelRow {
  panel: 'activity' | 'activity_any' | 'concern' | 'health' | 'health_checked';
  key: string | null;
  sub: string | null;
  count: number;
}

/**
 * The panels fed by other modules, in one statement: left-behind children of the scope who took part
 * in an activity of the term (per activity type and overall); open 强制报告 about children of the scope
 * (or unnamed children of its schools) by age and status; and the screening flags of each left-behind
 * child's latest health check of the term.
 */
export async function panelTallies(db: Db, scope: StatsScope, window: KpiWindow): Promise<PanelRow[]> {
  const result = await db.execute(sql`
    with ${leftBehindKidsCte(scope, window.asOf)},
    took_part as (
      select ap.child_id, a.type from activity_participation ap
      join kids k on k.id = ap.child_id and k.county_id = ap.county_id
      join activity a on a.id = ap.activity_id and a.county_id = ap.county_id and a.deleted_at is null
      where ap.county_id = ${scope.countyId} and a.occurred_on between ${window.start}::date and ${window.asOf}::date
    ),
    latest_check as (
      select distinct on (h.child_id) h.child_id, h.flags from health_check h
      join kids k on k.id = h.child_id and k.county_id = h.county_id
      where h.county_id = ${scope.countyId} and h.deleted_at is null and h.checked_on between ${window.start}::date and ${window.asOf}::date
      order by h.child_id, h.checked_on desc, h.created_at desc
    ),
    open_concerns as (${openConcerns(scope)})
    select 'activity' as panel, type as key, null as sub, count(distinct child_id)::int as count from took_part group by type
    union all
    select 'activity_any', null, null, count(distinct child_id)::int from took_part
    union all
    ${concernRows}
    union all
    select 'health', f.flag, null, count(*)::int from latest_check, unnest(latest_check.flags) as f(flag) group by f.flag
    union all
    select 'health_checked', null, null, count(*)::int from latest_check
  `);
  return rowsOf<PanelRow>(result).map((r) => ({ ...r, count: Number(r.count) }));
}

/** Open 强制报告 about children of the scope, or about unnamed children of its schools. */
function openConcerns(scope: StatsScope): SQL {
  const prefix = `${escapeLike(scope.path)}%`;
  return sql`
      select cn.status, now() - cn.created_at as age from concern cn
      where cn.county_id = ${scope.countyId} and cn.deleted_at is null and cn.status <> 'closed'
        and (exists (select 1 from child c where c.id = cn.child_id and ${scopeFilter(scope)})
          or (cn.child_id is null and exists (
            select 1 from org o where o.id = cn.school_id and o.path like ${prefix}
              and ${scope.kind !== 'class' && scope.kind !== 'village'})))`;
}

const concernRows = sql`select 'concern' as panel, case when age <= interval '1 day' then 'day' when age <= interval '7 days' then 'week'
        when age <= interval '30 days' then 'month' else 'older' end as key, status as sub, count(*)::int as count
      from open_concerns group by 2, 3`;

/** The open-concerns panel alone as SQL (panel, key, sub, count), for a statement that reads it with other figures. */
export const concernTalliesSql = (scope: StatsScope): SQL =>
  sql`with open_concerns as (${openConcerns(scope)}) ${concernRows}`;

/** The open-concerns panel alone (the other panels come from the KPI cache). */
export async function concernTallies(db: Db, scope: StatsScope): Promise<PanelRow[]> {
  const result = await db.execute(concernTalliesSql(scope));
  return rowsOf<PanelRow>(result).map((r) => ({ ...r, count: Number(r.count) }));
}
