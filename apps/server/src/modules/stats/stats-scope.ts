import { currentTermOf, kpiAsOf, type StatsScopeQuery, todayIso } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import { grantsFor, inScope } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import type { OrgRow } from '../orgs/orgs.repository';
import { findTerm, type TermWithOrg } from '../terms/terms.repository';
import type { StatsScope, UnitKind } from './stats.repository';
import { effectiveTermsOf, scopeOrgById } from './stats-scope.repository';

export interface ResolvedStats {
  org: OrgRow;
  scope: StatsScope;
  /** The school whose own terms apply (school and class scopes). */
  schoolId: string | null;
  /** Terms in force for the scope, newest first. */
  terms: TermWithOrg[];
  /** The chosen term, or null when the scope has none yet (an empty dashboard, not an error). */
  term: TermWithOrg | null;
  asOf: string | null;
  /** What the comparison table groups by under this scope. */
  unit: UnitKind | null;
}

const unitUnder: Record<StatsScope['kind'], UnitKind | null> = {
  county: 'township',
  township: 'school',
  school: 'class',
  village: null,
  class: null,
};

/** The org whose statistics the caller asked for; their widest `stats.read` unit by default. */
async function scopeOrg(db: Db, actor: Actor, scopeOrgId: string | undefined): Promise<OrgRow | undefined> {
  if (scopeOrgId) return scopeOrgById(db, scopeOrgId);
  const grant = grantsFor(actor, 'stats.read').sort((a, b) => a.orgPath.length - b.orgPath.length)[0];
  return grant ? scopeOrgById(db, grant.orgId) : undefined;
}

/**
 * The `requireAccess` step of every statistic: the scope must be an org node inside one of the
 * caller's `stats.read` subtrees (else 404, audited), and the term one of the scope's terms (else 404).
 * With no term asked for: the running term, else the next, else the latest past one.
 */
export async function resolveStats(
  db: Db,
  actor: Actor,
  query: StatsScopeQuery,
  ctx?: RequestContext,
  today: string = todayIso(),
): Promise<ResolvedStats> {
  const org = await scopeOrg(db, actor, query.scopeOrgId);
  if (!org || org.deletedAt || !inScope(actor, 'stats.read', org.path)) {
    if (ctx) await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: query.scopeOrgId });
    throw new AppError('NOT_FOUND');
  }
  const schoolId = org.kind === 'school' ? org.id : org.kind === 'class' ? org.parentId : null;
  const terms = await effectiveTermsOf(db, org.countyId, schoolId);
  let term: TermWithOrg | null;
  if (query.termId) {
    const named = await findTerm(db, query.termId);
    term =
      (named &&
        named.countyId === org.countyId &&
        terms.find((t) => t.schoolYear === named.schoolYear && t.termNo === named.termNo)) ||
      null;
    if (!term) throw new AppError('NOT_FOUND');
  } else {
    term = currentTermOf(terms, today) ?? terms.find((t) => t.endDate < today) ?? null;
  }
  return {
    org,
    scope: { countyId: org.countyId, kind: org.kind, path: org.path },
    schoolId,
    terms,
    term,
    asOf: term ? kpiAsOf(term, today) : null,
    unit: unitUnder[org.kind],
  };
}

export const termInfo = (t: TermWithOrg) => ({
  id: t.id,
  schoolYear: t.schoolYear,
  termNo: t.termNo,
  startDate: t.startDate,
  endDate: t.endDate,
});
