import { z } from 'zod';
import {
  careFrequencies,
  careRecordKinds,
  careRuleKinds,
  dutyStatuses,
  pairingKinds,
  termWindows,
} from '../enums/care';
import { isoDate, uuid } from './common';

/** What each user owes now (待办), the calendar, the per-rule compliance and a child's schedule. */

/**
 * `urgent`: tasks other modules flag as needing action at once (a danger message in the mailbox, an
 * unacknowledged concern report); `task`: other modules' dated tasks (a pledge review, a health
 * referral follow-up, a counseling session) — see the server's `modules/todos/todo-task-sources.ts`.
 */
export const todoSections = ['urgent', 'overdue', 'due_this_week', 'follow_up', 'task'] as const;
export type TodoSection = (typeof todoSections)[number];

const periodView = z.object({
  /** `W2026-36`, `M2026-09`, `start` / `middle` / `end`, `term`. */
  key: z.string(),
  start: z.string(),
  end: z.string(),
  window: z.enum(termWindows).nullable(),
});

export const todoItem = z.object({
  /**
   * Stable across calls: `rule:<ruleId>:<childId>:<periodKey>`, `follow_up:<recordId>` or
   * `<source>:<id>` for other modules' tasks.
   */
  id: z.string(),
  section: z.enum(todoSections),
  overdue: z.boolean(),
  /** Null for a task about no known child (an unsigned mailbox message). */
  child: z.object({ id: z.string(), name: z.string(), className: z.string().nullable() }).nullable(),
  /** The rule's kind for duties and follow-ups; null for other modules' tasks. */
  kind: z.enum(careRuleKinds).nullable(),
  rule: z.object({ id: z.string(), frequency: z.enum(careFrequencies) }).nullable(),
  period: periodView.nullable(),
  dueDate: z.string(),
  /** The follow-up's source record (section follow_up). */
  sourceRecord: z.object({ id: z.string(), occurredOn: z.string(), summary: z.string() }).nullable(),
  /**
   * What the record form needs to open ready to save: `POST /api/care-records` with these. Null when
   * the duty is not a care record (体检, letters) or for other modules' tasks: follow `href` then.
   */
  record: z
    .object({
      childId: z.string(),
      kind: z.enum(careRecordKinds),
      followUpOf: z.string().nullable(),
      termWindow: z.enum(termWindows).nullable(),
    })
    .nullable(),
  /** Another module's task: which module, what to do (in the caller's language), where to do it. */
  task: z.object({ source: z.string(), title: z.string(), detail: z.string().nullable() }).nullable(),
  /** The web page where the duty or task is done (app path), when it is not the record form. */
  href: z.string().nullable(),
});
export type TodoItem = z.infer<typeof todoItem>;

export const todoCounts = z.object({
  urgent: z.number().int(),
  overdue: z.number().int(),
  dueThisWeek: z.number().int(),
  followUps: z.number().int(),
  tasks: z.number().int(),
  total: z.number().int(),
});
export type TodoCounts = z.infer<typeof todoCounts>;

export const todoListResponse = z.object({
  asOf: z.string(),
  /** Urgent first, then overdue (oldest first), due this week, open follow-ups and tasks by date. */
  items: z.array(todoItem),
  counts: todoCounts,
});
export type TodoListResponse = z.infer<typeof todoListResponse>;

// ── Calendar ──────────────────────────────────────────────────────────────────────────────────

export const maxCalendarDays = 93;

export const calendarQuery = z
  .object({ from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { message: 'end_before_start', path: ['to'] });

export const calendarResponse = z.object({
  homeVisitWindows: z.array(
    z.object({
      schoolId: z.string(),
      schoolName: z.string(),
      termId: z.string(),
      ruleId: z.string(),
      window: z.enum(termWindows),
      start: z.string(),
      end: z.string(),
    }),
  ),
  birthdays: z.array(
    z.object({
      childId: z.string(),
      name: z.string(),
      className: z.string().nullable(),
      /** The birthday inside the range. */
      date: z.string(),
      /** The age turned on that day. */
      age: z.number().int(),
    }),
  ),
});
export type CalendarResponse = z.infer<typeof calendarResponse>;

// ── Compliance (完成率) ────────────────────────────────────────────────────────────────────────

export const complianceQuery = z.object({ orgId: uuid, termId: uuid.optional() });

const tally = z.object({
  /** (child, period) pairs owed. */
  due: z.number().int(),
  /** …of which have at least one matching record. */
  done: z.number().int(),
  /** done / due, null when nothing is due. */
  rate: z.number().nullable(),
});

export const complianceResponse = z.object({
  schoolId: z.string(),
  term: z.object({
    id: z.string(),
    schoolYear: z.string(),
    termNo: z.number(),
    startDate: z.string(),
    midDate: z.string(),
    endDate: z.string(),
  }),
  asOf: z.string(),
  rules: z.array(
    z.object({
      ruleId: z.string(),
      kind: z.enum(careRuleKinds),
      frequency: z.enum(careFrequencies),
      responsibleRole: z.string().nullable(),
      responsiblePairingKind: z.enum(pairingKinds).nullable(),
      /** Periods that have ended by `asOf`: the 完成率. */
      ended: tally,
      /** Periods running on `asOf` (not in the rate yet). */
      current: tally,
    }),
  ),
});
export type ComplianceResponse = z.infer<typeof complianceResponse>;

// ── A child's schedule ────────────────────────────────────────────────────────────────────────

export const childScheduleQuery = z.object({ termId: uuid.optional() });

export const childScheduleResponse = z.object({
  childId: z.string(),
  term: z.object({ id: z.string(), startDate: z.string(), midDate: z.string(), endDate: z.string() }).nullable(),
  asOf: z.string(),
  duties: z.array(
    z.object({
      ruleId: z.string(),
      kind: z.enum(careRuleKinds),
      period: periodView,
      status: z.enum(dutyStatuses),
      responsible: z.object({
        role: z.string().nullable(),
        pairingKind: z.enum(pairingKinds).nullable(),
        helperUserIds: z.array(z.string()),
      }),
      recordIds: z.array(z.string()),
    }),
  ),
});
export type ChildScheduleResponse = z.infer<typeof childScheduleResponse>;
