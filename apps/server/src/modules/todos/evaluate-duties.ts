import { type ChildFacts, type Duty, evaluateSchedule, type RecordFact, type ScheduleRule } from '@shouwang/shared';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { toScheduleRule } from '../care-rules/care-rules.presenter';
import type { CareRuleRow } from '../care-rules/care-rules.repository';
import { loadSchoolsCare } from '../care-rules/care-rules.service';
import { pairingFactsOf } from '../pairings/pairings.repository';
import { listEffectiveTerms, type TermWithOrg } from '../terms/terms.repository';
import { dutyRecordFactsOf } from './duty-sources';
import { childFactsOf, type DutyChild } from './schedule-facts.repository';

/** The school's effective term holding `date`, if any (between terms nobody owes anything). */
export async function termOn(db: Db, countyId: string, schoolId: string, date: string) {
  const terms = await listEffectiveTerms(db, countyId, schoolId);
  return terms.find((t) => t.startDate <= date && date <= t.endDate);
}

/**
 * Runs the schedule engine on a small set of children — a class, a mentor's children — school by
 * school: each school's rules (those `keep` accepts) over its term holding `asOf` (or `term`), with
 * the children's facts, pairings and this term's records of the rules' kinds (schedule index).
 */
export async function evaluateDuties(
  db: Db,
  ctx: RequestContext,
  children: DutyChild[],
  asOf: string,
  options: {
    keep?: (rule: CareRuleRow) => boolean;
    term?: TermWithOrg;
    /** The children's facts when the caller read them already (`selectChildrenWithFacts`). */
    facts?: Map<string, ChildFacts>;
  } = {},
): Promise<{
  duties: Duty[];
  records: RecordFact[];
  terms: Map<string, TermWithOrg>;
  rules: Map<string, CareRuleRow>;
}> {
  const bySchool = new Map<string, DutyChild[]>();
  for (const c of children) if (c.schoolId) bySchool.set(c.schoolId, [...(bySchool.get(c.schoolId) ?? []), c]);
  const duties: Duty[] = [];
  const allRecords: RecordFact[] = [];
  const terms = new Map<string, TermWithOrg>();
  const used = new Map<string, CareRuleRow>();
  if (bySchool.size === 0) return { duties, records: allRecords, terms, rules: used };
  const { rules } = await loadSchoolsCare(db, ctx, [...bySchool.keys()]);
  for (const rule of rules) used.set(rule.id, rule);
  const facts = options.facts ?? (await childFactsOf(db, children));
  for (const [schoolId, group] of bySchool) {
    const countyId = group[0]!.countyId;
    const term = options.term ?? (await termOn(db, countyId, schoolId, asOf));
    const schoolRules: ScheduleRule[] = rules
      .filter((r) => r.schoolId === schoolId && r.active && (options.keep?.(r) ?? true))
      .map(toScheduleRule);
    if (!term || schoolRules.length === 0) continue;
    terms.set(schoolId, term);
    const ids = group.map((c) => c.id);
    const pairings = schoolRules.some((r) => r.responsiblePairingKind) ? await pairingFactsOf(db, [countyId], ids) : [];
    const until = asOf < term.endDate ? asOf : term.endDate;
    const kinds = [...new Set(schoolRules.map((r) => r.kind))];
    const records =
      until < term.startDate ? [] : await dutyRecordFactsOf(db, [countyId], ids, term.startDate, until, kinds);
    allRecords.push(...records);
    duties.push(
      ...evaluateSchedule({
        rules: schoolRules,
        term,
        children: ids.map((id) => facts.get(id)!),
        pairings,
        records,
        asOf,
      }),
    );
  }
  return { duties, records: allRecords, terms, rules: used };
}
