import { addDays, type TodoItem } from '@shouwang/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import { hasPermission } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { child } from '../children/children.table';
import { org } from '../orgs/orgs.table';
import { type TodoTaskSource, taskItem } from '../todos/todo-task-sources';
import { counselingSession } from './counseling.table';

/** Planned sessions show from a week before their date, and stay while overdue (up to 30 days). */
const LEAD_DAYS = 7;
const KEEP_DAYS = 30;

/**
 * The counselor's next sessions (下次辅导) on their to-do list: the latest session of each child
 * the counselor wrote that plans a next one. Only the child and the date leave; never the notes.
 */
export const counselingSessionTasks: TodoTaskSource = {
  name: 'counseling_session',
  async tasksFor(db: Db, ctx: RequestContext, actor: Actor, asOf: string): Promise<TodoItem[]> {
    if (!hasPermission(actor, 'counseling.write')) return [];
    const rows = await db
      .selectDistinctOn([counselingSession.childId], {
        id: counselingSession.id,
        nextSessionOn: counselingSession.nextSessionOn,
        childId: child.id,
        childName: child.name,
        className: org.name,
      })
      .from(counselingSession)
      .innerJoin(child, and(eq(child.id, counselingSession.childId), eq(child.countyId, counselingSession.countyId)))
      .leftJoin(org, eq(org.id, child.classId))
      .where(
        and(
          eq(counselingSession.counselorId, actor.userId),
          isNull(counselingSession.deletedAt),
          isNull(child.deletedAt),
        ),
      )
      .orderBy(
        counselingSession.childId,
        sql`${counselingSession.sessionOn} desc`,
        sql`${counselingSession.createdAt} desc`,
      );
    const en = ctx.language === 'en';
    return rows
      .filter(
        (r) =>
          r.nextSessionOn !== null &&
          r.nextSessionOn <= addDays(asOf, LEAD_DAYS) &&
          r.nextSessionOn >= addDays(asOf, -KEEP_DAYS),
      )
      .sort((a, b) => (a.nextSessionOn! < b.nextSessionOn! ? -1 : 1))
      .map((r) =>
        taskItem({
          source: 'counseling_session',
          id: r.id,
          section: 'task',
          title: en ? 'Counseling session' : '心理辅导',
          child: { id: r.childId, name: r.childName, className: r.className },
          dueDate: r.nextSessionOn!,
          href: `/children/${r.childId}?tab=wellbeing`,
          asOf,
        }),
      );
  },
};
