import { addDays, gradeSubjectLabels, type TodoItem } from '@shouwang/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedPerDb } from '../../db/prepared';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { child } from '../children/children.table';
import { org } from '../orgs/orgs.table';
import { type TodoTaskSource, taskItem } from '../todos/todo-task-sources';
import { studyPlan } from './learning.table';

/** A review date shows a week ahead and stays a week after (plans keep no "reviewed" mark). */
const WINDOW_DAYS = 7;

/** The helper's plans with a review date between `from` and `to`, prepared once per database handle. */
function reviewQuery(db: Db) {
  return db
    .select({
      id: studyPlan.id,
      subjects: studyPlan.subjects,
      reviewDates: studyPlan.reviewDates,
      childId: child.id,
      childName: child.name,
      className: org.name,
    })
    .from(studyPlan)
    .innerJoin(child, and(eq(child.id, studyPlan.childId), eq(child.countyId, studyPlan.countyId)))
    .leftJoin(org, eq(org.id, child.classId))
    .where(
      and(
        eq(studyPlan.helperUserId, sql.placeholder('userId')),
        isNull(studyPlan.deletedAt),
        isNull(child.deletedAt),
        sql`exists (select 1 from unnest(${studyPlan.reviewDates}) d
          where d between ${sql.placeholder('from')}::date and ${sql.placeholder('to')}::date)`,
      ),
    )
    .limit(200)
    .prepare('study_plan_review_tasks');
}

// The to-do list opens on every home page: PostgreSQL keeps one plan per connection.
const prepared = preparedPerDb(reviewQuery);

/** 学习帮扶计划检查 on the to-do list of the plan's helper: review dates within a week of today. */
export const studyPlanReviewTasks: TodoTaskSource = {
  name: 'study_plan_review',
  async tasksFor(db: Db, ctx: RequestContext, actor: Actor, asOf: string): Promise<TodoItem[]> {
    const from = addDays(asOf, -WINDOW_DAYS);
    const to = addDays(asOf, WINDOW_DAYS);
    const rows = await prepared(db).execute({ userId: actor.userId, from, to });
    const en = ctx.language === 'en';
    return rows.flatMap((r) =>
      r.reviewDates
        .filter((d) => d >= from && d <= to)
        .map((d) =>
          taskItem({
            source: 'study_plan_review',
            id: `${r.id}:${d}`,
            section: 'task',
            title: en ? 'Study plan review' : '学习帮扶计划检查',
            detail: r.subjects
              .map((s) => (en ? gradeSubjectLabels[s].en : gradeSubjectLabels[s].zh))
              .join(en ? ', ' : '、'),
            child: { id: r.childId, name: r.childName, className: r.className },
            dueDate: d,
            href: `/children/${r.childId}?tab=learning`,
            asOf,
          }),
        ),
    );
  },
};
