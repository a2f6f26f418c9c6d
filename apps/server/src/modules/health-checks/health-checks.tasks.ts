import { addDays, type TodoItem } from '@shouwang/shared';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
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
 * 体检转诊跟进 on the to-do list: open referral follow-ups of checks the caller wrote, and of the
 * children of classes where the caller records health checks (the class teacher). The follow-up
 * index (county, class, follow_up_on where open) serves the second part.
 */
export const healthFollowUpTasks: TodoTaskSource = {
  name: 'health_follow_up',
  async tasksFor(db: Db, ctx: RequestContext, actor: Actor, asOf: string): Promise<TodoItem[]> {
    const classGrants = grantsFor(actor, 'health_check.write').filter((g) => g.orgKind === 'class');
    const mine = [eq(healthCheck.authorId, actor.userId)];
    if (classGrants.length > 0)
      mine.push(
        and(
          inArray(
            healthCheck.countyId,
            classGrants.map((g) => g.countyId),
          ),
          inArray(
            healthCheck.classId,
            classGrants.map((g) => g.orgId),
          ),
        )!,
      );
    const rows = await db
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
          sql`${healthCheck.followUpOn} <= ${addDays(asOf, LEAD_DAYS)}`,
          or(...mine),
        ),
      )
      .orderBy(asc(healthCheck.followUpOn))
      .limit(200);
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
