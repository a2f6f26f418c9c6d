import {
  addDays,
  isCareRecordKind,
  isoWeekStart,
  owes,
  type TodoCounts,
  type TodoItem,
  type TodoListResponse,
  type TodoSection,
  todayIso,
} from '@shouwang/shared';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { openFollowUpsOf } from '../care-records/care-records.repository';
import { loadSchoolsCare } from '../care-rules/care-rules.service';
import { orgNames } from '../children/children.repository';
import { responsibleUnits } from './duty-scope';
import { todoDuties } from './todo-duties';
import { todoChildrenOf } from './todo-scope';
import { tasksOf } from './todo-task-sources';

/** Schools whose rules give their administrator duties of their own (the defaults give none). */
async function schoolsWithAdminDuties(db: Db, ctx: RequestContext, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  const { rules } = await loadSchoolsCare(db, ctx, schoolIds);
  return schoolIds.filter((id) =>
    rules.some((r) => r.schoolId === id && r.active && r.responsibleRole === 'school_admin'),
  );
}

const sectionOrder: Record<TodoSection, number> = { urgent: 0, overdue: 1, due_this_week: 2, follow_up: 3, task: 4 };

/** Where a duty whose records are not care records is done (体检 on the child's page, letters on theirs). */
const externalDutyHref = (kind: string, childId: string) =>
  kind === 'letter' ? '/letters' : `/children/${childId}?tab=health`;

/**
 * 我的待办: what the caller owes now in the current term — per child and rule the latest period that
 * ended without a record and was not caught up since (overdue, see `outstandingDuties`), periods
 * falling due by Sunday of this week, and the caller's open follow-ups — each with what the record
 * form needs to open ready to save.
 */
export async function todosOf(db: Db, ctx: RequestContext, actor: Actor, asOf: string): Promise<TodoListResponse> {
  const units = responsibleUnits(actor);
  const weekEnd = addDays(isoWeekStart(asOf), 6);
  const duePart = async () => {
    const scope = await todoChildrenOf(db, actor, await schoolsWithAdminDuties(db, ctx, units.schoolIds), todayIso());
    const due = await todoDuties(db, ctx, scope.children, scope.facts, {
      asOf,
      dueBy: weekEnd,
      // Pairing rules matter only when someone is paired with the caller.
      withPairingRules: scope.paired,
    });
    return { scope, ...due };
  };
  // The follow-ups and the other modules' tasks do not depend on the duties: read at the same time.
  const [{ scope, duties, frequencies }, followUps, tasks] = await Promise.all([
    duePart(),
    openFollowUpsOf(db, actor.userId),
    tasksOf(db, ctx, actor, asOf),
  ]);
  const owed = duties.filter((d) => owes(d, actor.userId, [...(scope.rolesOver.get(d.childId) ?? [])]));
  const byId = new Map(scope.children.map((c) => [c.id, c]));
  // Class names came with the children; only follow-ups on children of other classes need a read.
  const names = scope.classNames;
  const missing = followUps.flatMap((f) => (f.classId && !names.has(f.classId) ? [f.classId] : []));
  if (missing.length > 0) for (const [id, name] of await orgNames(db, missing)) names.set(id, name);
  const className = (classId: string | null) => (classId ? (names.get(classId) ?? null) : null);

  const items: TodoItem[] = owed.map((d) => {
    const child = byId.get(d.childId)!;
    const overdue = d.status === 'overdue';
    return {
      id: `rule:${d.ruleId}:${d.childId}:${d.period.key}`,
      section: overdue ? 'overdue' : 'due_this_week',
      overdue,
      child: { id: child.id, name: child.name, className: className(child.classId) },
      kind: d.kind,
      rule: { id: d.ruleId, frequency: frequencies.get(d.ruleId)! },
      period: d.period,
      dueDate: d.period.end,
      sourceRecord: null,
      record: isCareRecordKind(d.kind)
        ? { childId: child.id, kind: d.kind, followUpOf: null, termWindow: d.period.window }
        : null,
      task: null,
      href: isCareRecordKind(d.kind) ? null : externalDutyHref(d.kind, child.id),
    };
  });
  for (const f of followUps) {
    items.push({
      id: `follow_up:${f.id}`,
      section: 'follow_up',
      overdue: f.followUpOn !== null && f.followUpOn < asOf,
      child: { id: f.childId, name: f.childName, className: className(f.classId) },
      kind: f.kind,
      rule: null,
      period: null,
      dueDate: f.followUpOn ?? asOf,
      sourceRecord: { id: f.id, occurredOn: f.occurredOn, summary: f.summary },
      record: { childId: f.childId, kind: f.kind, followUpOf: f.id, termWindow: null },
      task: null,
      href: null,
    });
  }
  items.push(...tasks);
  items.sort(
    (a, b) =>
      sectionOrder[a.section] - sectionOrder[b.section] ||
      a.dueDate.localeCompare(b.dueDate) ||
      (a.child?.name ?? '').localeCompare(b.child?.name ?? '', 'zh-CN') ||
      a.id.localeCompare(b.id),
  );
  return { asOf, items, counts: countsOf(items) };
}

export function countsOf(items: TodoItem[]): TodoCounts {
  const overdue = items.filter((i) => i.section === 'overdue').length;
  const dueThisWeek = items.filter((i) => i.section === 'due_this_week').length;
  const followUps = items.filter((i) => i.section === 'follow_up').length;
  const urgent = items.filter((i) => i.section === 'urgent').length;
  const tasks = items.filter((i) => i.section === 'task').length;
  return { urgent, overdue, dueThisWeek, followUps, tasks, total: urgent + overdue + dueThisWeek + followUps + tasks };
}
