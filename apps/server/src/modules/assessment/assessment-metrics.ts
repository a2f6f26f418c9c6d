import type { AssessmentMetrics, Duty } from '@shouwang/shared';
import type { StaffRow, StaffTally } from './assessment.repository';

/** Who answers for a child's role-based duties: the class teachers of its class, the school's administrators. */
export function roleHolders(staff: StaffRow[]) {
  const classTeachers = new Map<string, string[]>();
  const schoolAdmins: string[] = [];
  for (const s of staff) {
    if (s.role === 'class_teacher') classTeachers.set(s.orgId, [...(classTeachers.get(s.orgId) ?? []), s.userId]);
    if (s.role === 'school_admin' && s.orgKind === 'school') schoolAdmins.push(s.userId);
  }
  return { classTeachers, schoolAdmins };
}

interface Counts {
  talksDue: number;
  talksDone: number;
  visitsDue: number;
  visitsDone: number;
  otherDue: number;
  otherDone: number;
}
const zero = (): Counts => ({ talksDue: 0, talksDone: 0, visitsDue: 0, visitsDone: 0, otherDue: 0, otherDone: 0 });

/**
 * Done against due per staff member: a duty counts once it is done or its period ended (overdue),
 * for everyone responsible — the pairing's helpers, or the holders of the rule's role over the child.
 */
export function dutyCounts(
  duties: Duty[],
  childClass: Map<string, string | null>,
  holders: ReturnType<typeof roleHolders>,
): Map<string, Counts> {
  const counts = new Map<string, Counts>();
  for (const d of duties) {
    if (d.status !== 'done' && d.status !== 'overdue') continue;
    let users: string[] = [];
    if (d.responsible.pairingKind) users = d.responsible.helperUserIds;
    else if (d.responsible.role === 'class_teacher')
      users = holders.classTeachers.get(childClass.get(d.childId) ?? '') ?? [];
    else if (d.responsible.role === 'school_admin') users = holders.schoolAdmins;
    const done = d.status === 'done' ? 1 : 0;
    for (const u of new Set(users)) {
      const c = counts.get(u) ?? zero();
      if (d.kind === 'talk') {
        c.talksDue += 1;
        c.talksDone += done;
      } else if (d.kind === 'home_visit') {
        c.visitsDue += 1;
        c.visitsDone += done;
      } else {
        c.otherDue += 1;
        c.otherDone += done;
      }
      counts.set(u, c);
    }
  }
  return counts;
}

export function metricsOf(counts: Counts | undefined, tally: StaffTally | undefined): AssessmentMetrics {
  const c = counts ?? zero();
  const due = c.talksDue + c.visitsDue + c.otherDue;
  const done = c.talksDone + c.visitsDone + c.otherDone;
  return {
    childrenPaired: tally?.childrenPaired ?? 0,
    ...c,
    followUpsClosed: tally?.followUpsClosed ?? 0,
    followUpsOpen: tally?.followUpsOpen ?? 0,
    records: tally?.records ?? 0,
    completion: due === 0 ? null : Math.round((done / due) * 10_000) / 10_000,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Points from the metrics, out of 100: completion of duties 60, follow-ups closed 20 (none raised
 * counts as closed), records written 20 relative to the school's most active writer. Someone who owed
 * no duty (a principal, a counselor) is judged on records for the completion share too, so holding
 * no duties never earns the points of doing them.
 */
export function metricPoints(m: AssessmentMetrics, maxRecords: number): number {
  const raised = m.followUpsClosed + m.followUpsOpen;
  const followUps = raised === 0 ? 1 : m.followUpsClosed / raised;
  const records = maxRecords === 0 ? 0 : m.records / maxRecords;
  const completion = m.completion ?? records;
  return round1(completion * 60 + followUps * 20 + records * 20);
}

export function rubricTotalOf(scores: Record<string, number | null> | undefined): number | null {
  if (!scores) return null;
  const values = Object.values(scores).filter((v): v is number => typeof v === 'number');
  return values.length === 0 ? null : round1(values.reduce((a, b) => a + b, 0));
}

/** Half the metric points and half the rubric, once the rubric is scored. */
export const totalOf = (points: number, rubric: number | null) =>
  rubric === null ? null : round1((points + rubric) / 2);
