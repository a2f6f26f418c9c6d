import { pairingActiveOn, ruleAppliesOn } from './applicability';
import { minDate } from './dates';
import { periodsOf } from './periods';
import type {
  ChildFacts,
  Duty,
  PairingFact,
  Period,
  RecordFact,
  Responsibility,
  ScheduleRule,
  TermSpan,
} from './types';

export interface ScheduleInput {
  rules: readonly ScheduleRule[];
  term: TermSpan;
  children: readonly ChildFacts[];
  pairings: readonly PairingFact[];
  records: readonly RecordFact[];
  /** Today: what has ended is overdue, what runs now is due, what has not started is upcoming. */
  asOf: string;
}

/** Records grouped by child and kind, for lookups by period. */
function indexRecords(records: readonly RecordFact[]) {
  const index = new Map<string, RecordFact[]>();
  for (const record of records) {
    const key = `${record.childId}|${record.kind}`;
    const list = index.get(key);
    if (list) list.push(record);
    else index.set(key, [record]);
  }
  return index;
}

function indexPairings(pairings: readonly PairingFact[]) {
  const index = new Map<string, PairingFact[]>();
  for (const pairing of pairings) {
    const list = index.get(pairing.childId);
    if (list) list.push(pairing);
    else index.set(pairing.childId, [pairing]);
  }
  return index;
}

/** Who owes the record: the rule's role, or the helpers paired with the child when it falls due. */
export function responsibilityFor(
  rule: ScheduleRule,
  period: Period,
  pairings: readonly PairingFact[],
  asOf: string,
): Responsibility {
  if (!rule.responsiblePairingKind) return { role: rule.responsibleRole, pairingKind: null, helperUserIds: [] };
  // The helper of the day for a running period; for one that has ended, the helper at its end.
  const on = period.start > asOf ? period.start : minDate(period.end, asOf);
  const helperUserIds = pairings
    .filter((p) => p.kind === rule.responsiblePairingKind && p.helperUserId && pairingActiveOn(p, on))
    .map((p) => p.helperUserId!);
  return { role: null, pairingKind: rule.responsiblePairingKind, helperUserIds: [...new Set(helperUserIds)].sort() };
}

/**
 * The schedule: for every active rule, every period of the term and every child, whether the duty
 * is done (a record of the rule's kind, by anyone, dated inside the period), due (running now),
 * overdue (ended without one), upcoming, or not applicable (see `ruleAppliesOn`), and who owes it.
 */
export function evaluateSchedule(input: ScheduleInput): Duty[] {
  const records = indexRecords(input.records);
  const pairings = indexPairings(input.pairings);
  const duties: Duty[] = [];
  for (const rule of input.rules) {
    if (!rule.active) continue;
    const periods = periodsOf(rule.frequency, rule.windowDays, input.term);
    for (const child of input.children) {
      const ofKind = records.get(`${child.childId}|${rule.kind}`) ?? [];
      const childPairings = pairings.get(child.childId) ?? [];
      for (const period of periods) {
        duties.push(evaluateDuty(rule, child, period, ofKind, childPairings, input.asOf));
      }
    }
  }
  return duties;
}

function evaluateDuty(
  rule: ScheduleRule,
  child: ChildFacts,
  period: Period,
  records: readonly RecordFact[],
  pairings: readonly PairingFact[],
  asOf: string,
): Duty {
  const base = { childId: child.childId, ruleId: rule.id, kind: rule.kind, period };
  const responsible = responsibilityFor(rule, period, pairings, asOf);
  if (!ruleAppliesOn(rule, child, period.end)) {
    return { ...base, status: 'not_applicable', responsible, recordIds: [] };
  }
  const recordIds = records.filter((r) => period.start <= r.occurredOn && r.occurredOn <= period.end).map((r) => r.id);
  const status =
    recordIds.length > 0 ? 'done' : asOf > period.end ? 'overdue' : asOf >= period.start ? 'due' : 'upcoming';
  return { ...base, status, responsible, recordIds };
}

/** Whether `userId` owes the duty, holding `roles` over the child (the caller resolves role scope). */
export function owes(duty: Duty, userId: string, rolesOverChild: readonly string[]): boolean {
  if (duty.responsible.pairingKind) return duty.responsible.helperUserIds.includes(userId);
  return duty.responsible.role !== null && rolesOverChild.includes(duty.responsible.role);
}
