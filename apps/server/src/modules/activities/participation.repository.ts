import { leftBehindCategories } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { escapeLike } from '../orgs/orgs.repository';

const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

/** A unit (school, village, township, county) by its path, and a term's dates. */
export interface FigureScope {
  countyId: string;
  orgPath: string;
}
export interface FigureTerm {
  startDate: string;
  endDate: string;
}

/**
 * The children of the unit (class/school or home village under it) with, for the term: whether
 * they were left-behind at any time in it, took part in an activity, won an award, visited the
 * activity room. One row per child; the callers aggregate it in SQL below.
 */
const childFacts = (scope: FigureScope, term: FigureTerm) => {
  const prefix = `${escapeLike(scope.orgPath)}%`;
  return sql`
    with kids as (
      select c.id, c.name, c.care_level, c.class_id, c.name_pinyin,
        exists (select 1 from child_category cc where cc.child_id = c.id
          and cc.category in ${leftBehindCategories}
          and cc.start_date <= ${term.endDate}::date
          and (cc.end_date is null or cc.end_date >= ${term.startDate}::date)) as left_behind
      from child c
      where c.deleted_at is null and c.county_id = ${scope.countyId}
        and (c.school_path like ${prefix} or c.village_path like ${prefix})
    ),
    took as (
      select ap.child_id, bool_or(coalesce(ap.award, '') <> '') as awarded
      from activity_participation ap
      join activity a on a.id = ap.activity_id
      where ap.county_id = ${scope.countyId} and a.deleted_at is null
        and a.occurred_on between ${term.startDate}::date and ${term.endDate}::date
      group by ap.child_id
    ),
    visited as (
      select distinct v.child_id from activity_room_visit v
      where v.county_id = ${scope.countyId} and v.deleted_at is null
        and v.visited_on between ${term.startDate}::date and ${term.endDate}::date
    ),
    facts as (
      select k.*, t.child_id is not null as took_part, coalesce(t.awarded, false) as awarded,
        vi.child_id is not null as visited
      from kids k
      left join took t on t.child_id = k.id
      left join visited vi on vi.child_id = k.id
    )`;
};

export interface FigureCounts {
  participants: number;
  leftBehindParticipants: number;
  leftBehindChildren: number;
  awarded: number;
  leftBehindAwarded: number;
  roomVisitors: number;
  leftBehindRoomVisitors: number;
}

export async function countFigures(db: Db, scope: FigureScope, term: FigureTerm): Promise<FigureCounts> {
  const result = await db.execute(sql`${childFacts(scope, term)}
    select
      count(*) filter (where took_part)::int as "participants",
      count(*) filter (where took_part and left_behind)::int as "leftBehindParticipants",
      count(*) filter (where left_behind)::int as "leftBehindChildren",
      count(*) filter (where awarded)::int as "awarded",
      count(*) filter (where awarded and left_behind)::int as "leftBehindAwarded",
      count(*) filter (where visited)::int as "roomVisitors",
      count(*) filter (where visited and left_behind)::int as "leftBehindRoomVisitors"
    from facts`);
  return rowsOf<FigureCounts>(result)[0]!;
}

export interface NotYetParticipated {
  id: string;
  name: string;
  className: string | null;
  careLevel: string;
}

/** Left-behind children of the unit who neither took part in an activity nor visited the room. */
export async function notYetParticipated(db: Db, scope: FigureScope, term: FigureTerm) {
  const result = await db.execute(sql`${childFacts(scope, term)}
    select f.id, f.name, o.name as "className", f.care_level as "careLevel"
    from facts f left join org o on o.id = f.class_id
    where f.left_behind and not f.took_part and not f.visited
    order by f.name_pinyin collate "C", f.id`);
  return rowsOf<NotYetParticipated>(result);
}

/** Activities organized by the unit or below it in the term. */
export async function countActivities(db: Db, scope: FigureScope, term: FigureTerm): Promise<number> {
  const result = await db.execute(sql`
    select count(*)::int as n from activity a
    where a.deleted_at is null and a.county_id = ${scope.countyId}
      and a.org_path like ${`${escapeLike(scope.orgPath)}%`}
      and a.occurred_on between ${term.startDate}::date and ${term.endDate}::date`);
  return rowsOf<{ n: number }>(result)[0]!.n;
}
