import {
  type ChildFacts,
  type Duty,
  type PairingFact,
  type Period,
  periodsOf,
  type RecordFact,
  responsibilityFor,
  ruleAppliesOn,
  type ScheduleRule,
  type TermSpan,
} from '@shouwang/shared';

export interface OwedInput {
  rules: readonly ScheduleRule[];
  term: TermSpan;
  children: readonly ChildFacts[];
  pairings: readonly PairingFact[];
  /** Every record of the rules' kinds from the term's first day up to `asOf`. */
  records: readonly RecordFact[];
  asOf: string;
  /** Due periods are listed when they end by this day (Sunday of this week). */
  dueBy: string;
}

/** A term's periods per frequency, worked out once (date arithmetic was a tenth of the list's CPU). */
const periodsCache = new Map<string, Period[]>();
function termPeriods(rule: ScheduleRule, term: TermSpan): Period[] {
  const key = `${rule.frequency}|${rule.windowDays}|${term.startDate}|${term.midDate}|${term.endDate}`;
  let periods = periodsCache.get(key);
  if (!periods) {
    if (periodsCache.size >= 1_000) periodsCache.clear();
    periods = periodsOf(rule.frequency, rule.windowDays, term);
    periodsCache.set(key, periods);
  }
  return periods;
}

/**
 * What a to-do list shows of a schedule, without working out the whole schedule (bench findings 8):
 * exactly `outstandingDuties(evaluateSchedule(…), records)` kept to the overdue duties and the due
 * ones ending by `dueBy` (owed-duties.test.ts proves it on random schedules). Per child and rule only
 * the period running today and the latest ended ones are looked at: with L the child's latest record
 * of the kind, a period that ended without a record is listed only when it started after L (an
 * earlier miss was caught up by L), so the walk back from today stops at the first period starting
 * on or before L.
 */
export function owedDuties(input: OwedInput): Duty[] {
  const latest = new Map<string, string>();
  for (const r of input.records) {
    const key = `${r.childId}|${r.kind}`;
    const seen = latest.get(key);
    if (seen === undefined || r.occurredOn > seen) latest.set(key, r.occurredOn);
  }
  const pairingsOf = new Map<string, PairingFact[]>();
  for (const p of input.pairings) {
    const list = pairingsOf.get(p.childId);
    if (list) list.push(p);
    else pairingsOf.set(p.childId, [p]);
  }
  const { asOf } = input;
  const owed: Duty[] = [];
  for (const rule of input.rules) {
    if (!rule.active) continue;
    const periods = termPeriods(rule, input.term);
    // Periods are in date order and do not overlap: the one holding today, and those ended before.
    let lastEnded = -1;
    while (lastEnded + 1 < periods.length && periods[lastEnded + 1]!.end < asOf) lastEnded++;
    const running = periods[lastEnded + 1];
    const current = running && running.start <= asOf && asOf <= running.end ? running : undefined;
    for (const child of input.children) {
      const last = latest.get(`${child.childId}|${rule.kind}`);
      const duty = (period: Period, status: 'due' | 'overdue'): Duty => ({
        childId: child.childId,
        ruleId: rule.id,
        kind: rule.kind,
        period,
        status,
        responsible: responsibilityFor(rule, period, pairingsOf.get(child.childId) ?? [], asOf),
        recordIds: [],
      });
      // Running today: due unless a record since its start (records end at today).
      if (
        current &&
        current.end <= input.dueBy &&
        (last === undefined || last < current.start) &&
        ruleAppliesOn(rule, child, current.end)
      )
        owed.push(duty(current, 'due'));
      for (let i = lastEnded; i >= 0; i--) {
        const period = periods[i]!;
        if (last !== undefined && period.start <= last) break;
        if (ruleAppliesOn(rule, child, period.end)) {
          owed.push(duty(period, 'overdue'));
          break;
        }
      }
    }
  }
  return owed;
}
