import type { Duty, RecordFact } from './types';

/**
 * What a to-do list shows of a schedule: per child and rule, the periods running now that have no
 * record yet, and the latest period that ended without one — unless a record of the kind dated after
 * it has caught up since. Older misses stay in the compliance figures, not on anyone's list: one
 * talk today makes up for the missed month, however many weeks of family calls were skipped.
 */
export function outstandingDuties(duties: readonly Duty[], records: readonly RecordFact[]): Duty[] {
  const latestRecord = new Map<string, string>();
  for (const r of records) {
    const key = `${r.childId}|${r.kind}`;
    const seen = latestRecord.get(key);
    if (!seen || r.occurredOn > seen) latestRecord.set(key, r.occurredOn);
  }
  const latestOverdue = new Map<string, Duty>();
  const result: Duty[] = [];
  for (const duty of duties) {
    if (duty.status === 'due') result.push(duty);
    if (duty.status !== 'overdue') continue;
    const key = `${duty.childId}|${duty.ruleId}`;
    const seen = latestOverdue.get(key);
    if (!seen || duty.period.end > seen.period.end) latestOverdue.set(key, duty);
  }
  for (const duty of latestOverdue.values()) {
    const last = latestRecord.get(`${duty.childId}|${duty.kind}`);
    if (!last || last <= duty.period.end) result.push(duty);
  }
  return result;
}
