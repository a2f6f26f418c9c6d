import { concernCategoryLabels, labelOf, type TodoItem, todayIso } from '@shouwang/shared';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import { scopePrefixes } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { type TodoTaskSource, taskItem } from '../todos/todo-task-sources';
import { listConcerns } from './concerns.repository';

const titles = {
  reported: { zh: '确认强制报告（24小时内）', en: 'Acknowledge the concern (within 24 hours)' },
  acknowledged: { zh: '向有关部门上报并记录回执', en: 'Report to the authority and record the receipt' },
  referred: { zh: '跟进强制报告', en: 'Follow up the concern' },
  following_up: { zh: '跟进强制报告', en: 'Follow up the concern' },
  escalated: { zh: '督办超期的强制报告', en: 'Overdue concern: see that it is handled' },
} as const;

/**
 * 强制报告 on the to-do list: open concerns the caller handles (school administrator, child
 * director), and, for the township supervisor, the ones escalated as overdue. Overdue, escalated
 * and urgent ones go to the top.
 */
export const concernTasks: TodoTaskSource = {
  name: 'concern',
  async tasksFor(db: Db, ctx: RequestContext, actor: Actor, asOf: string): Promise<TodoItem[]> {
    const handlePrefixes = scopePrefixes(actor, 'concern.handle');
    const overseePrefixes = scopePrefixes(actor, 'concern.oversee');
    if (handlePrefixes.length === 0 && overseePrefixes.length === 0) return [];
    const { rows } = await listConcerns(
      db,
      { userId: actor.userId, handlePrefixes, overseePrefixes },
      { actionable: true },
      { page: 1, pageSize: 50 },
    );
    const en = ctx.language === 'en';
    const now = new Date();
    return rows.map(({ concern: c, child }) => {
      const handles = handlePrefixes.length > 0;
      const title = handles && c.status !== 'closed' ? titles[c.status] : titles.escalated;
      const overdue = c.dueAt !== null && c.dueAt < now;
      return taskItem({
        source: 'concern',
        id: c.id,
        section: overdue || c.escalatedAt !== null || c.severity === 'urgent' ? 'urgent' : 'task',
        title: en ? title.en : title.zh,
        detail: labelOf(concernCategoryLabels, c.category, ctx.language),
        child: child ? { id: child.id, name: child.name, className: null } : null,
        dueDate: c.dueAt ? todayIso(c.dueAt) : asOf,
        href: `/concerns?id=${c.id}`,
        asOf,
      });
    });
  },
};
