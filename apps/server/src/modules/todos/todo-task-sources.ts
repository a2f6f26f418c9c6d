import type { TodoItem, TodoSection } from '@shouwang/shared';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { concernTasks } from '../concerns/concerns.tasks';
import { counselingSessionTasks } from '../counseling/counseling.tasks';
import { healthFollowUpTasks } from '../health-checks/health-checks.tasks';
import { studyPlanReviewTasks } from '../learning/study-plans.tasks';
import { mailboxDangerTasks } from '../mailbox/mailbox.tasks';
import { pledgeReviewTasks } from '../pledges/pledges.tasks';

/**
 * Other modules' tasks on the to-do list (待办): a danger message in the whisper mailbox, a concern
 * report waiting for acknowledgement, a pledge review, a health referral follow-up, a study-plan
 * review, a counseling session. A module adds its source to `todoTaskSources` below; each source
 * answers the caller's tasks (already authorized: only what the caller may see and must do), built
 * with `taskItem`. Keep a source to one or two indexed queries: the list opens on every home page.
 */
export interface TodoTaskSource {
  /** Short stable name, also the prefix of the items' ids (`<name>:<id>`). */
  name: string;
  tasksFor(db: Db, ctx: RequestContext, actor: Actor, asOf: string): Promise<TodoItem[]>;
}

export const todoTaskSources: TodoTaskSource[] = [
  concernTasks,
  counselingSessionTasks,
  healthFollowUpTasks,
  studyPlanReviewTasks,
  mailboxDangerTasks,
  pledgeReviewTasks,
  // Modules register here, e.g. `concernTasks` from '../concerns/concerns.tasks'.
];

export interface TaskInput {
  source: string;
  /** Unique within the source. */
  id: string;
  /** `urgent` jumps to the top of the list; `task` is listed after follow-ups, by date. */
  section: Extract<TodoSection, 'urgent' | 'task'>;
  /** What to do, in the caller's language (ctx.language). */
  title: string;
  detail?: string | null;
  child?: { id: string; name: string; className: string | null } | null;
  dueDate: string;
  /** The web page where it is done, e.g. `/concerns?open=<id>`. */
  href: string;
  asOf: string;
}

/** A to-do item for another module's task. */
export function taskItem(input: TaskInput): TodoItem {
  return {
    id: `${input.source}:${input.id}`,
    section: input.section,
    overdue: input.dueDate < input.asOf,
    child: input.child ?? null,
    kind: null,
    rule: null,
    period: null,
    dueDate: input.dueDate,
    sourceRecord: null,
    record: null,
    task: { source: input.source, title: input.title, detail: input.detail ?? null },
    href: input.href,
  };
}

/** Every registered source's tasks for the caller. */
export async function tasksOf(db: Db, ctx: RequestContext, actor: Actor, asOf: string): Promise<TodoItem[]> {
  const lists = await Promise.all(todoTaskSources.map((s) => s.tasksFor(db, ctx, actor, asOf)));
  return lists.flat();
}
