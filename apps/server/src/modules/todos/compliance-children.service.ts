import { periodsOf, todayIso } from '@shouwang/shared';
import type { ComplianceChildrenQuery } from '@shouwang/shared/schemas/compliance';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import { inScope } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { ensureSchoolCare } from '../care-rules/care-rules.service';
import { orgNames } from '../children/children.repository';
import { findOrg } from '../orgs/orgs.repository';
import { resolveTerm } from './compliance.service';
import { missedDuties } from './compliance-children.repository';

/**
 * 未完成名单: for each active care rule of a school (or the one asked for), the children with an
 * ended period of the term that has no record — the children behind the rule's 完成率.
 */
export async function complianceChildren(db: Db, ctx: RequestContext, actor: Actor, query: ComplianceChildrenQuery) {
  const school = await findOrg(db, query.orgId);
  if (school?.kind !== 'school' || !inScope(actor, 'stats.read', school.path)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: query.orgId });
    throw new AppError('NOT_FOUND');
  }
  const asOf = todayIso();
  const term = await resolveTerm(db, school, query.termId, asOf);
  if (!term) throw new AppError('TERM_NOT_SET');
  const rules = (await ensureSchoolCare(db, ctx, school)).rules.filter(
    (r) => r.active && (!query.ruleId || r.id === query.ruleId),
  );
  if (query.ruleId && rules.length === 0) throw new AppError('NOT_FOUND');
  const periods = rules.flatMap((r) =>
    periodsOf(r.frequency, r.windowDays, term)
      .filter((p) => p.end < asOf)
      .map((p) => ({ ruleId: r.id, start: p.start, end: p.end })),
  );
  const missed = await missedDuties(db, { countyId: school.countyId, schoolId: school.id, periods });
  const classNames = await orgNames(
    db,
    missed.map((m) => m.classId),
  );
  return {
    schoolId: school.id,
    termId: term.id,
    asOf,
    rules: rules.map((rule) => {
      const children = new Map<
        string,
        { id: string; name: string; className: string | null; missed: { start: string; end: string }[] }
      >();
      for (const m of missed.filter((x) => x.ruleId === rule.id)) {
        const entry = children.get(m.childId) ?? {
          id: m.childId,
          name: m.name,
          className: m.classId ? (classNames.get(m.classId) ?? null) : null,
          missed: [],
        };
        entry.missed.push({ start: m.start, end: m.end });
        children.set(m.childId, entry);
      }
      return { ruleId: rule.id, children: [...children.values()] };
    }),
  };
}
