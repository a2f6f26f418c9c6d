import type { CareRecordKind, CareRuleKind, PairingKind } from '../enums/care';
import type { ChildCategory } from '../enums/children';
import type { OrgKind } from '../roles';
import type { Ratio } from './phrasing';

/**
 * Everything the work summary quotes, for one unit and term. Each part comes from the records; a part
 * whose module has no data source yet is null and its paragraph says so instead of inventing numbers.
 */
export interface SummaryFigures {
  unit: { id: string; name: string; kind: OrgKind };
  term: { schoolYear: string; termNo: number; startDate: string; endDate: string };
  /** The term's end, or today while it runs. */
  asOf: string;
  /** Children on the unit's register (every category), and the school's enrolled students when known. */
  children: number;
  students: number | null;
  leftBehind: number;
  byCategory: { category: ChildCategory; count: number }[];
  /** 建档率, 入学率, 巩固率 and 结对覆盖率 over left-behind children (the dashboard's definitions). */
  archive: Ratio;
  enrollment: Ratio;
  retention: Ratio;
  /** Children who dropped out (辍学) during the term. */
  dropouts: number;
  pairing: { coverage: Ratio; helpers: number; byKind: { kind: PairingKind; children: number }[] };
  care: { kind: CareRecordKind; records: number; children: number }[];
  /** Per duty kind of the care rules, (child, period) pairs due and done so far. */
  compliance: { kind: CareRuleKind; due: number; done: number }[] | null;
  followUpsOpen: number;
  health: { checked: number; referrals: number; flagged: number } | null;
  activities: {
    count: number;
    participants: number;
    leftBehindParticipants: number;
    highlights: { title: string; date: string }[];
  } | null;
  awards: { awarded: number; leftBehind: number } | null;
  grades: { compared: number; improved: number } | null;
  concerns: { open: number; overdue: number; closed: number } | null;
  /** Targets set for the term and where each stands. */
  targets: { label: string; target: number; actual: number | null }[] | null;
  aid: { amount: number; recipients: number; shortfall: number | null } | null;
}

/** Figure keys the server turns into drill-down links. */
export type SummaryFigureKey =
  | 'children'
  | 'leftBehind'
  | `category.${ChildCategory}`
  | 'archive'
  | 'archive.missing'
  | 'enrollment'
  | 'retention'
  | 'dropouts'
  | 'pairing'
  | 'helpers'
  | `care.${CareRecordKind}`
  | `compliance.${CareRuleKind}`
  | 'overdue'
  | 'followUps'
  | 'health'
  | 'activities'
  | 'awards'
  | 'grades'
  | 'concerns'
  | 'targets'
  | 'aid';
