import { yearsBetween } from '../dates';
import type { EnrollmentStatus } from '../enums/children';
import type { LabelMap } from '../enums/labels';

/**
 * The KPIs of DESIGN.md, pinned as plain functions. For a scope S and a term T the population is
 * the children of S who are left-behind (a `leftBehindCategories` period holds on the as-of date),
 * not deleted. The server computes the same figures in one SQL statement (modules/stats); a test
 * holds the two to agreement.
 *
 * - as-of date: the term's end, or today while the term is running (`kpiAsOf`).
 * - 建档率 archive: core archive complete (`archiveCompleteness`, stored as `child.archive_complete`).
 * - 入学率 enrollment: over school-age children — age 6 to 15 inclusive on the term's first day
 *   (义务教育 age) — those enrolled on the term's first day by the enrollment history.
 * - 巩固率 retention: over children enrolled on the first day, those still enrolled at the as-of
 *   date; a transfer out with a destination school and a graduation count as retained, a dropout,
 *   a suspension or a transfer with no destination does not.
 * - 结对覆盖率 pairing coverage: children with a live `mentor_teacher` or `proxy_parent` pairing on the
 *   as-of date.
 * - 完成率 per care rule: (child, period) pairs with ≥1 matching record / pairs due (todos engine).
 */
export const childKpis = ['archiveRate', 'enrollmentRate', 'retentionRate', 'pairingCoverage'] as const;
export type ChildKpi = (typeof childKpis)[number];

export const kpiLabels: LabelMap<ChildKpi> = {
  archiveRate: { zh: '建档率', en: 'Archive rate' },
  enrollmentRate: { zh: '入学率', en: 'Enrollment rate' },
  retentionRate: { zh: '巩固率', en: 'Retention rate' },
  pairingCoverage: { zh: '结对覆盖率', en: 'Pairing coverage' },
};

/** What a target can be set for: the four child KPIs and 完成率 (one target for every care rule). */
export const kpiTargetKeys = [...childKpis, 'compliance'] as const;
export type KpiTargetKey = (typeof kpiTargetKeys)[number];

export const kpiTargetLabels: LabelMap<KpiTargetKey> = {
  ...kpiLabels,
  compliance: { zh: '关爱规范完成率', en: 'Care rule compliance' },
};

/**
 * Targets in percent when nobody has set one: 100% for 建档率, 入学率 and 巩固率 (the county must reach
 * them in full), 100% pairing coverage (every left-behind child has a named adult), 90% 完成率.
 */
export const defaultKpiTargets: Record<KpiTargetKey, number> = {
  archiveRate: 100,
  enrollmentRate: 100,
  retentionRate: 100,
  pairingCoverage: 100,
  compliance: 90,
};

/** The age band counted as school age (义务教育), on the term's first day. */
export const schoolAge = { min: 6, max: 15 } as const;

export interface EnrollmentEntry {
  status: EnrollmentStatus;
  date: string;
  destination?: string | null;
}

/** What the KPIs read about one child. Enrollment history in any order. */
export interface ChildKpiFacts {
  id: string;
  archiveComplete: boolean;
  birthDate: string | null;
  /** Whether the child has a school on file: with no enrollment history, a child at a school is enrolled. */
  atSchool: boolean;
  enrollments: readonly EnrollmentEntry[];
  /** Live coverage pairing (mentor_teacher / proxy_parent) on the as-of date. */
  paired: boolean;
}

export interface KpiFigure {
  numerator: number;
  denominator: number;
  /** numerator / denominator in 0..1 (4 decimals), null when the denominator is 0. */
  rate: number | null;
}

export const kpiRate = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;

/** The as-of date of a term: its end, or `today` while it runs (or before it starts). */
export const kpiAsOf = (term: { startDate: string; endDate: string }, today: string): string =>
  today < term.endDate ? (today < term.startDate ? term.startDate : today) : term.endDate;

const byDate = (a: EnrollmentEntry, b: EnrollmentEntry) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * The enrollment entry in force on `date`: the latest dated on or before it. Before the first entry a
 * child was enrolled if that entry ends schooling (dropout, transfer…), and not if it is an enrollment;
 * with no history at all, a child with a school is enrolled. Same rule as the schedule engine.
 */
export function enrollmentOn(facts: Pick<ChildKpiFacts, 'enrollments' | 'atSchool'>, date: string): EnrollmentEntry {
  const sorted = [...facts.enrollments].sort(byDate);
  const current = sorted.filter((e) => e.date <= date).at(-1);
  if (current) return current;
  const first = sorted[0];
  if (first) return { status: first.status === 'enrolled' ? 'dropped_out' : 'enrolled', date };
  return { status: facts.atSchool ? 'enrolled' : 'dropped_out', date };
}

export const isSchoolAge = (birthDate: string | null, termStart: string): boolean => {
  if (!birthDate) return false;
  const age = yearsBetween(birthDate, termStart);
  return age >= schoolAge.min && age <= schoolAge.max;
};

/** Retained at the as-of date: still enrolled, graduated, or transferred out to a named school. */
export function isRetainedStatus(entry: EnrollmentEntry): boolean {
  if (entry.status === 'enrolled' || entry.status === 'graduated') return true;
  return entry.status === 'transferred_out' && (entry.destination ?? '').trim() !== '';
}

export type KpiMembership = Record<ChildKpi, { counted: boolean; met: boolean }>;

/** Where one child stands for each KPI: in the denominator (`counted`) and in the numerator (`met`). */
export function kpiMembership(facts: ChildKpiFacts, term: { startDate: string }, asOf: string): KpiMembership {
  const atStart = enrollmentOn(facts, term.startDate);
  const enrolledAtStart = atStart.status === 'enrolled';
  const schoolAged = isSchoolAge(facts.birthDate, term.startDate);
  return {
    archiveRate: { counted: true, met: facts.archiveComplete },
    enrollmentRate: { counted: schoolAged, met: schoolAged && enrolledAtStart },
    retentionRate: {
      counted: enrolledAtStart,
      met: enrolledAtStart && isRetainedStatus(enrollmentOn(facts, asOf)),
    },
    pairingCoverage: { counted: true, met: facts.paired },
  };
}

/** The four child KPIs of a population. */
export function computeKpis(
  children: readonly ChildKpiFacts[],
  term: { startDate: string },
  asOf: string,
): Record<ChildKpi, KpiFigure> {
  const tally = Object.fromEntries(childKpis.map((k) => [k, { numerator: 0, denominator: 0 }])) as Record<
    ChildKpi,
    { numerator: number; denominator: number }
  >;
  for (const child of children) {
    const m = kpiMembership(child, term, asOf);
    for (const k of childKpis) {
      if (m[k].counted) tally[k].denominator++;
      if (m[k].met) tally[k].numerator++;
    }
  }
  return Object.fromEntries(
    childKpis.map((k) => [k, { ...tally[k], rate: kpiRate(tally[k].numerator, tally[k].denominator) }]),
  ) as Record<ChildKpi, KpiFigure>;
}

/** Against a target in percent: met, below, or nothing to judge (no target or nobody counted). */
export function kpiStanding(rate: number | null, targetPercent: number | null): 'met' | 'below' | 'none' {
  if (rate === null || targetPercent === null) return 'none';
  // Compare in basis points so that 0.9999 never rounds up to a met 100%.
  return Math.round(rate * 10_000) >= Math.round(targetPercent * 100) ? 'met' : 'below';
}
