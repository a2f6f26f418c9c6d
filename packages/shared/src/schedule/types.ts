import type {
  CareFrequency,
  CareResponsibleRole,
  CareRuleKind,
  DutyStatus,
  PairingKind,
  TermWindow,
} from '../enums/care';
import type { CareLevel, ChildCategory, EnrollmentStatus } from '../enums/children';

/** The schedule engine's inputs and outputs: plain data, dates as `YYYY-MM-DD`. */

export interface TermSpan {
  startDate: string;
  midDate: string;
  endDate: string;
}

export interface ScheduleRule {
  id: string;
  kind: CareRuleKind;
  frequency: CareFrequency;
  /** Length of each term window in days (term_windows only). */
  windowDays: number;
  /** The rule applies to children in one of these categories on the due date; empty: every child. */
  categories: readonly ChildCategory[];
  /** …and at one of these care levels; empty: every level. */
  careLevels: readonly CareLevel[];
  /** Exactly one of the two says who owes the record. */
  responsibleRole: CareResponsibleRole | null;
  responsiblePairingKind: PairingKind | null;
  active: boolean;
}

/** What decides whether a rule applies to a child on a date. */
export interface ChildFacts {
  childId: string;
  careLevel: CareLevel;
  /** Category periods; `endDate` is the first day the child is no longer in the category. */
  categories: readonly { category: ChildCategory; startDate: string; endDate: string | null }[];
  /** 在读状态 history. A child who joined mid-term has an `enrolled` entry on the day they joined. */
  enrollments: readonly { status: EnrollmentStatus; date: string }[];
  /** The day the parents came home (left-behind status ended): parent-contact duties end then. */
  parentsReturnedOn: string | null;
}

export interface PairingFact {
  childId: string;
  kind: PairingKind;
  helperUserId: string | null;
  startDate: string;
  /** The first day the pairing no longer holds; null while open. */
  endDate: string | null;
}

export interface RecordFact {
  id: string;
  childId: string;
  kind: CareRuleKind;
  occurredOn: string;
}

/** One period a rule asks for a record in: a week, a month, a term window or the whole term (`term`). */
export interface Period {
  /** Unique within a term: `W2026-36`, `M2026-09`, `start` / `middle` / `end`. */
  key: string;
  start: string;
  /** Last day of the period, inclusive; also its due date. */
  end: string;
  window: TermWindow | null;
}

export interface Responsibility {
  role: CareResponsibleRole | null;
  pairingKind: PairingKind | null;
  /** For pairing rules: the helpers paired with the child when the duty falls (may be empty). */
  helperUserIds: string[];
}

export interface Duty {
  childId: string;
  ruleId: string;
  kind: CareRuleKind;
  period: Period;
  status: DutyStatus;
  responsible: Responsibility;
  /** The records that satisfy it. */
  recordIds: string[];
}
