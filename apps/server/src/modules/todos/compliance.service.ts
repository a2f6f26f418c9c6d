import { currentTermOf, periodsOf, todayIso } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import { inScope } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { ensureSchoolCare } from '../care-rules/care-rules.service';
import { findOrg, type OrgRow } from '../orgs/orgs.repository';
import { findTerm, listEffectiveTerms, type TermWithOrg } from '../terms/terms.repository';
import { complianceTallies } from './compliance.repository';

/**
 * The school's effective term matching `termId` (a county term overridden by the school answers the
 * school's dates), or the term running on `asOf`, else the next one.
 */
export async function resolveTerm(
  db: Db,
  school: Pick<OrgRow, 'id' | 'countyId'>,
  termId: string | undefined,
  asOf: string,
): Promise<TermWithOrg | null> {
  const effective = await listEffectiveTerms(db, school.countyId, school.id);
  if (!termId) return currentTermOf(effective, asOf);
  const named = await findTerm(db, termId);
  const match = named && effective.find((t) => t.schoolYear === named.schoolYear && t.termNo === named.termNo);
  if (!match || named.countyId !== school.countyId) throw new AppError('NOT_FOUND');
  return match;
}

const rate = (done: number, due: number) => (due === 0 ? null : Math.round((done / due) * 10_000) / 10_000);

/** 完成率 per care rule of a school for a term: ended periods make the rate; running ones are shown apart. */
export async function schoolCompliance(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  query: { orgId: string; termId?: string },
) {
  const school = await findOrg(db, query.orgId);
  if (school?.kind !== 'school' || !inScope(actor, 'stats.read', school.path)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: query.orgId });
    throw new AppError('NOT_FOUND');
  }
  const asOf = todayIso();
  const term = await resolveTerm(db, school, query.termId, asOf);
  if (!term) throw new AppError('TERM_NOT_SET');
  const rules = (await ensureSchoolCare(db, ctx, school)).rules.filter((r) => r.active);
  const periods = rules.flatMap((r) =>
    periodsOf(r.frequency, r.windowDays, term)
      .filter((p) => p.start <= asOf)
      .map((p) => ({ ruleId: r.id, start: p.start, end: p.end })),
  );
  const tallies = await complianceTallies(db, { countyId: school.countyId, schoolId: school.id, asOf, periods });
  const tally = (ruleId: string, ended: boolean) => {
    const row = tallies.find((t) => t.ruleId === ruleId && t.ended === ended);
    return { due: row?.due ?? 0, done: row?.done ?? 0, rate: rate(row?.done ?? 0, row?.due ?? 0) };
  };
  return {
    schoolId: school.id,
    term: {
      id: term.id,
      schoolYear: term.schoolYear,
      termNo: term.termNo,
      startDate: term.startDate,
      midDate: term.midDate,
      endDate: term.endDate,
    },
    asOf,
    rules: rules.map((r) => ({
      ruleId: r.id,
      kind: r.kind,
      frequency: r.frequency,
      responsibleRole: r.responsibleRole,
      responsiblePairingKind: r.responsiblePairingKind,
      ended: tally(r.id, true),
      current: tally(r.id, false),
    })),
  };
}
