import { userPairingKinds } from '@shouwang/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { escapeLike } from '../orgs/orgs.repository';
import { assessmentScore } from './assessment.table';

export type AssessmentScoreRow = typeof assessmentScore.$inferSelect;

const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

export interface StaffRow {
  userId: string;
  displayName: string;
  role: string;
  orgId: string;
  orgKind: string;
}

/**
 * The school's staff for a term: live role assignments of active users at the school or its classes,
 * and helpers paired (as users) with one of its children during the term — a village official
 * acting as proxy parent is assessed with the school they help.
 */
export async function staffOfSchool(
  db: Db,
  school: { id: string; path: string },
  term: { startDate: string; endDate: string },
): Promise<StaffRow[]> {
  const result = await db.execute(sql`
    select u.id as "userId", u.display_name as "displayName", ra.role, o.id as "orgId", o.kind as "orgKind"
    from role_assignment ra
    join app_user u on u.id = ra.user_id
    join org o on o.id = ra.org_id
    where ra.deleted_at is null and u.deleted_at is null and u.status = 'active' and o.deleted_at is null
      and o.path like ${`${escapeLike(school.path)}%`}
    union
    select distinct u.id, u.display_name, 'helper', p.school_id, 'school'
    from pairing p
    join app_user u on u.id = p.helper_user_id
    where p.school_id = ${school.id} and p.deleted_at is null and u.deleted_at is null
      and p.kind in ${userPairingKinds}
      and p.start_date <= ${term.endDate}::date and (p.end_date is null or p.end_date > ${term.startDate}::date)
  `);
  return rowsOf<StaffRow>(result);
}

export interface StaffTally {
  userId: string;
  childrenPaired: number;
  records: number;
  followUpsClosed: number;
  followUpsOpen: number;
}

/**
 * Per staff member in one statement: children paired with them during the term, the care records they
 * wrote for the school's children in the term, and their follow-ups falling due in the term, closed
 * or still open.
 */
export async function staffTallies(
  db: Db,
  input: { countyId: string; schoolId: string; startDate: string; endDate: string; userIds: string[] },
): Promise<StaffTally[]> {
  if (input.userIds.length === 0) return [];
  const ids = sql.join(
    input.userIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await db.execute(sql`
    with staff(user_id) as (select unnest(array[${ids}])),
    paired as (
      select p.helper_user_id as user_id, count(distinct p.child_id)::int as n
      from pairing p
      where p.school_id = ${input.schoolId} and p.deleted_at is null and p.kind in ${userPairingKinds}
        and p.start_date <= ${input.endDate}::date and (p.end_date is null or p.end_date > ${input.startDate}::date)
        and p.helper_user_id in (select user_id from staff)
      group by p.helper_user_id
    ),
    written as (
      select cr.author_id as user_id,
        count(*) filter (where cr.occurred_on between ${input.startDate}::date and ${input.endDate}::date)::int as records,
        count(*) filter (where cr.follow_up_needed and cr.follow_up_done_on is not null
          and coalesce(cr.follow_up_on, cr.occurred_on) between ${input.startDate}::date and ${input.endDate}::date)::int as closed,
        count(*) filter (where cr.follow_up_needed and cr.follow_up_done_on is null
          and coalesce(cr.follow_up_on, cr.occurred_on) between ${input.startDate}::date and ${input.endDate}::date)::int as open
      from care_record cr
      where cr.county_id = ${input.countyId} and cr.school_id = ${input.schoolId} and cr.deleted_at is null
        and cr.author_id in (select user_id from staff)
      group by cr.author_id
    )
    select s.user_id as "userId", coalesce(p.n, 0) as "childrenPaired", coalesce(w.records, 0) as records,
      coalesce(w.closed, 0) as "followUpsClosed", coalesce(w.open, 0) as "followUpsOpen"
    from staff s
    left join paired p on p.user_id = s.user_id
    left join written w on w.user_id = s.user_id
  `);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    userId: String(r.userId),
    childrenPaired: Number(r.childrenPaired),
    records: Number(r.records),
    followUpsClosed: Number(r.followUpsClosed),
    followUpsOpen: Number(r.followUpsOpen),
  }));
}

const live = isNull(assessmentScore.deletedAt);

export async function scoresOf(db: Db, schoolId: string, term: { schoolYear: string; termNo: number }) {
  return db
    .select()
    .from(assessmentScore)
    .where(
      and(
        eq(assessmentScore.schoolId, schoolId),
        eq(assessmentScore.schoolYear, term.schoolYear),
        eq(assessmentScore.termNo, term.termNo),
        live,
      ),
    );
}

export async function findScore(
  db: Db,
  schoolId: string,
  term: { schoolYear: string; termNo: number },
  staffUserId: string,
): Promise<AssessmentScoreRow | undefined> {
  const rows = await scoresOf(db, schoolId, term);
  return rows.find((r) => r.staffUserId === staffUserId);
}

export async function insertScore(db: Db, values: typeof assessmentScore.$inferInsert): Promise<AssessmentScoreRow> {
  const [row] = await db.insert(assessmentScore).values(values).returning();
  return row!;
}

/** Updates when the version matches; undefined when someone else wrote first. */
export async function updateScore(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Pick<AssessmentScoreRow, 'scores' | 'comment' | 'scoredBy'>,
): Promise<AssessmentScoreRow | undefined> {
  const [row] = await db
    .update(assessmentScore)
    .set({ ...changes, updatedAt: new Date(), version: sql`${assessmentScore.version} + 1` })
    .where(and(eq(assessmentScore.id, id), eq(assessmentScore.version, expectedVersion), live))
    .returning();
  return row;
}
