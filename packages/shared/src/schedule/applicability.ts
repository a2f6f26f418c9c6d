import { parentContactKinds } from '../enums/care';
import type { ChildFacts, PairingFact, ScheduleRule } from './types';

/**
 * Whether the child is at school on `date`: the newest enrollment entry on or before that day says
 * 在读. Before the first entry the child counts as at school, unless that first entry is the
 * enrollment itself (the child joined that day). No history at all: at school.
 */
export function inSchoolOn(enrollments: ChildFacts['enrollments'], date: string): boolean {
  let latest: ChildFacts['enrollments'][number] | undefined;
  let first: ChildFacts['enrollments'][number] | undefined;
  for (const entry of enrollments) {
    if (!first || entry.date < first.date) first = entry;
    if (entry.date <= date && (!latest || entry.date >= latest.date)) latest = entry;
  }
  if (latest) return latest.status === 'enrolled';
  return first?.status !== 'enrolled';
}

/** Whether the child is in `category` on `date` (a period's end date is the first day outside it). */
export function inCategoryOn(facts: ChildFacts, categories: ScheduleRule['categories'], date: string): boolean {
  return facts.categories.some(
    (c) => categories.includes(c.category) && c.startDate <= date && (c.endDate === null || date < c.endDate),
  );
}

/**
 * Whether a rule asks anything of this child on `date`. The engine asks it on a period's due date:
 * a duty falls on its due date, so a child who joins mid-term owes what falls due after joining,
 * and parents who came home end parent-contact duties falling due from that day.
 */
export function ruleAppliesOn(rule: ScheduleRule, facts: ChildFacts, date: string): boolean {
  if (!rule.active) return false;
  if (rule.careLevels.length > 0 && !rule.careLevels.includes(facts.careLevel)) return false;
  if (rule.categories.length > 0 && !inCategoryOn(facts, rule.categories, date)) return false;
  if (!inSchoolOn(facts.enrollments, date)) return false;
  if (parentContactKinds.includes(rule.kind) && facts.parentsReturnedOn !== null && facts.parentsReturnedOn <= date)
    return false;
  return true;
}

/** Whether a pairing holds on `date` (`endDate` is the first day it no longer does). */
export const pairingActiveOn = (pairing: Pick<PairingFact, 'startDate' | 'endDate'>, date: string): boolean =>
  pairing.startDate <= date && (pairing.endDate === null || date < pairing.endDate);
