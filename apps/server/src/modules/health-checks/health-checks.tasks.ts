import { addDays, type TodoItem } from '@shouwang/shared';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedPerDb } from '../../db/prepared';
import type { Actor } from '../../lib/authz/actor';
import { grantsFor } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { child } from '../children/children.table';
import { org } from '../orgs/orgs.table';
import { type TodoTaskSource, taskItem } from '../todos/todo-task-sources';
import { healthCheck } from './health-checks.table';

/** Referrals show on the to-do list from two weeks before their follow-up date until closed. */
const LEAD_DAYS = 14;

/**
 * Open referral follow-ups due by `until` of checks by the author, and (`byClass`) of the children
 * of the given classes: two shapes, each prepared once per database handle.
 */
function followUpQuery(db: Db, byClass: boolean) {
  const mine = [eq(healthCheck.authorId, sql.placeholder('authorId'))];
  if (byClass)
    mine.push(
      sql`(${healthCheck.countyId} = any(${sql.placeholder('counties')}::uuid[])
        and ${healthCheck.classId} = any(${sql.placeholder('classes')}::uuid[]))`,
    );
  return db
    .select({
      id: healthCheck.id,
      followUpOn: healthCheck.followUpOn,
      referralTo: healthCheck.referralTo,
      childId: child.id,
      childName: child.name,
      className: org.name,
    })
    .from(healthCheck)
    .innerJoin(child, and(eq(child.id, healthCheck.childId), eq(child.countyId, healthCheck.countyId)))
    .leftJoin(org, eq(org.id, child.classId))
    .where(
      and(
        isNull(healthCheck.deletedAt),
        isNull(child.deletedAt),
        eq(healthCheck.referralNeeded, true),
        isNull(healthCheck.followUpDoneOn),
        sql`${healthCheck.followUpOn} <= ${sql.placeholder('until')}::date`,
        or(...mine),
      ),
    )
    .orderBy(asc(healthCheck.followUpOn))
    .limit(200)
    .prepare(byClass ? 'health_follow_up_tasks_class' : 'health_follow_up_tasks');
}

// The to-do list opens on every home page: PostgreSQL keeps one plan per connection and shape.
const prepared = preparedPerDb((db, shape) => followUpQuery(db, shape === 'byClass'));

/**
 * 体检转诊跟进 on the to-do list: open referral follow-ups of checks the caller wrote, and of the
 * children of classes where the caller records health checks (the class teacher). The follow-up
 * index (county, class, follow_up_on where open) serves the second part.
 */
export const healthFollowUpTasks: TodoTaskSource = {
  name: 'health_follow_up',
  async tasksFor(db: Db, ctx: RequestContext, actor: Actor, asOf: string): Promise<TodoItem[]> {
    const classGrants = grantsFor(actor, 'health_check.write').filter((g) => g.orgKind === 'class');
    const byClass = classGrants.length > 0;
    const rows = await prepared(db, byClass ? 'byClass' : 'byAuthor').execute({
      authorId: actor.userId,
      until: addDays(asOf, LEAD_DAYS),
      counties: `{${classGrants.map((g) => g.countyId).join(',')}}`,
      classes: `{${classGrants.map((g) => g.orgId).join(',')}}`,
    });
    const en = ctx.language === 'en';
    return rows.map((r) =>
      taskItem({
        source: 'health_follow_up',
        id: r.id,
        section: 'task',
        title: en ? 'Health referral follow-up' : '体检转诊跟进',
        detail: r.referralTo,
        child: { id: r.childId, name: r.childName, className: r.className },
        dueDate: r.followUpOn!,
        href: `/children/${r.childId}?tab=health`,
        asOf,
      }),
    );
  },
};
