import { z } from 'zod';
import { careFrequencies, careRecordKinds, dutyStatuses, pairingKinds, termWindows } from '../enums/care';
import { isoDate, uuid } from './common';

/** What each user owes now (待办), the calendar, the per-rule compliance and a child's schedule. */

export const todoSections = ['overdue', 'due_this_week', 'follow_up'] as const;
export type TodoSection = (typeof todoSections)[number];

const periodView = z.object({
  /** `W2026-36`, `M2026-09`, `start` / `middle` / `end`. */
  key: z.string(),
  start: z.string(),
  end: z.string(),
  window: z.enum(termWindows).nullable(),
});

export const todoItem = z.object({
  /** Stable across calls: `rule:<ruleId>:<childId>:<periodKey>` or `follow_up:<recordId>`. */
  id: z.string(),
  section: z.enum(todoSections),
  overdue: z.boolean(),
  child: z.object({ id: z.string(), name: z.string(), className: z.string().nullable() }),
  kind: z.enum(careRecordKinds),
  rule: z.object({ id: z.string(), frequency: z.enum(careFrequencies) }).nullable(),
  period: periodView.nullable(),
  dueDate: z.string(),
  /** The follow-up's source record (section follow_up). */
  sourceRecord: z.object({ id: z.string(), occurredOn: z.string(), summary: z.string() }).nullable(),
  /** What the record form needs to open ready to save: `POST /api/care-records` with these. */
  record: z.object({
    childId: z.string(),
    kind: z.enum(careRecordKinds),
    followUpOf: z.string().nullable(),
    termWindow: z.enum(termWindows).nullable(),
  }),
});
export type TodoItem = z.infer<typeof todoItem>;

export const todoCounts = z.object({
  overdue: z.number().int(),
  dueThisWeek: z.number().int(),
  followUps: z.number().int(),
  total: z.number().int(),
});
export type TodoCounts = z.infer<typeof todoCounts>;

export const todoListResponse = z.object({
  asOf: z.string(),
  /** Overdue first (oldest first), then due this week, then open follow-ups by date. */
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
      kind: z.enum(careRecordKinds),
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
      kind: z.enum(careRecordKinds),
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
