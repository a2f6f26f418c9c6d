import { addDays, type TodoItem } from '@shouwang/shared';
import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedPerDb } from '../../db/prepared';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { child } from '../children/children.table';
import { org } from '../orgs/orgs.table';
import { pairing } from '../pairings/pairings.table';
import { type TodoTaskSource, taskItem } from '../todos/todo-task-sources';
import { pledge } from './pledges.table';

/** A review shows on the list a few days before its deadline. */
const AHEAD_DAYS = 3;

/**
 * Pledges to review by `until`: of children the user mentors on `asOf`, and (`byClass`) of children
 * of the given classes without a mentor. Two shapes, each prepared once per database handle.
 */
function reviewQuery(db: Db, byClass: boolean) {
  const asOf = sql.placeholder('asOf');
  const mentoredBy = (userId: SQL | null) => sql`exists (
    select 1 from ${pairing} where ${pairing.childId} = ${pledge.childId} and ${pairing.countyId} = ${pledge.countyId}
      and ${pairing.kind} = 'mentor_teacher' and ${pairing.deletedAt} is null
      and ${pairing.startDate} <= ${asOf}::date and (${pairing.endDate} is null or ${pairing.endDate} >= ${asOf}::date)
      ${userId ? sql`and ${pairing.helperUserId} = ${userId}::uuid` : sql``})`;
  const mine = [mentoredBy(sql`${sql.placeholder('userId')}`)];
  if (byClass)
    mine.push(sql`(${child.classId} = any(${sql.placeholder('classes')}::uuid[]) and not ${mentoredBy(null)})`);
  return db
    .select({
      id: pledge.id,
      deadline: pledge.deadline,
      commitments: pledge.commitments,
      childId: child.id,
      childName: child.name,
      className: org.name,
    })
    .from(pledge)
    .innerJoin(child, and(eq(child.id, pledge.childId), eq(child.countyId, pledge.countyId)))
    .leftJoin(org, eq(org.id, child.classId))
    .where(
      and(
        isNull(pledge.deletedAt),
        isNull(pledge.reviewedOn),
        isNull(child.deletedAt),
        sql`${pledge.deadline} <= ${sql.placeholder('until')}::date`,
        or(...mine),
      ),
    )
    .limit(200)
    .prepare(byClass ? 'pledge_review_tasks_class' : 'pledge_review_tasks');
}

// The to-do list opens on every home page: PostgreSQL keeps one plan per connection and shape.
const prepared = preparedPerDb((db, shape) => reviewQuery(db, shape === 'byClass'));

/**
 * 承诺书复查 on the to-do list: the child's mentor teacher (an active `mentor_teacher` pairing)
 * reviews the pledge; a child without one is the class teacher's.
 */
export const pledgeReviewTasks: TodoTaskSource = {
  name: 'pledge_review',
  async tasksFor(db: Db, ctx: RequestContext, actor: Actor, asOf: string): Promise<TodoItem[]> {
    const classIds = actor.assignments.filter((a) => a.role === 'class_teacher').map((a) => a.orgId);
    const byClass = classIds.length > 0;
    const rows = await prepared(db, byClass ? 'byClass' : 'byMentor').execute({
      userId: actor.userId,
      asOf,
      until: addDays(asOf, AHEAD_DAYS),
      classes: `{${classIds.join(',')}}`,
    });
    const en = ctx.language === 'en';
    return rows.map((r) =>
      taskItem({
        source: 'pledge_review',
        id: r.id,
        section: 'task',
        title: en ? 'Review the pledge' : '复查自律承诺书',
        detail: r.commitments.length > 40 ? `${r.commitments.slice(0, 40)}…` : r.commitments,
        child: { id: r.childId, name: r.childName, className: r.className },
        dueDate: r.deadline,
        href: `/children/${r.childId}?tab=pledges`,
        asOf,
      }),
    );
  },
};
