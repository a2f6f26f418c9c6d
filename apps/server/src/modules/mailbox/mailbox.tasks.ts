import type { TodoItem } from '@shouwang/shared';
import { and, eq, isNull, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import { grantsFor } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { escapeLike } from '../orgs/orgs.repository';
import { org } from '../orgs/orgs.table';
import { type TodoTaskSource, taskItem } from '../todos/todo-task-sources';
import { mailboxMessage } from './mailbox.table';

/**
 * Urgent whisper-mailbox letters nobody has taken on yet, at the top of the to-do list of the
 * school's counselors (who open the inbox) and the school's administrators (who see the alert,
 * never the text). County administrators see the alerts page but are not given a task per letter.
 */
export const mailboxDangerTasks: TodoTaskSource = {
  name: 'mailbox_danger',
  async tasksFor(db: Db, ctx: RequestContext, actor: Actor, asOf: string): Promise<TodoItem[]> {
    const counselorPaths = grantsFor(actor, 'mailbox.read').map((g) => g.orgPath);
    const adminPaths = grantsFor(actor, 'mailbox.configure')
      .filter((g) => g.orgKind === 'school')
      .map((g) => g.orgPath);
    const paths = [...counselorPaths, ...adminPaths];
    if (paths.length === 0) return [];
    const rows = await db
      .select({
        id: mailboxMessage.id,
        receivedOn: sql<string>`to_char(${mailboxMessage.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`,
        schoolName: org.name,
        schoolPath: org.path,
      })
      .from(mailboxMessage)
      .innerJoin(org, eq(org.id, mailboxMessage.schoolId))
      .where(
        and(
          isNull(mailboxMessage.deletedAt),
          eq(mailboxMessage.urgent, true),
          eq(mailboxMessage.status, 'new'),
          or(...paths.map((p) => like(org.path, `${escapeLike(p)}%`))),
        ),
      )
      .limit(100);
    const en = ctx.language === 'en';
    return rows.map((r) => {
      const counselor = counselorPaths.some((p) => r.schoolPath.startsWith(p));
      return taskItem({
        source: 'mailbox_danger',
        id: r.id,
        section: 'urgent',
        title: en ? 'Urgent whisper-mailbox letter, not yet taken on' : '紧急悄悄话尚无人处理',
        detail: r.schoolName,
        child: null,
        dueDate: r.receivedOn,
        href: counselor ? '/mailbox' : '/mailbox/settings',
        asOf,
      });
    });
  },
};
