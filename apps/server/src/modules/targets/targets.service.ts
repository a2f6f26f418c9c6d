import {
  defaultKpiTargets,
  type KpiTargetKey,
  type KpiTargetsBody,
  type KpiTargetsResponse,
  kpiTargetKeys,
  type StatsScopeQuery,
} from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import { inScope } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import type { OrgRow } from '../orgs/orgs.repository';
import { type ResolvedStats, resolveStats } from '../stats/stats-scope';
import type { TermWithOrg } from '../terms/terms.repository';
import { type KpiTargetRow, targetsOf, upsertTarget } from './targets.repository';

export type EffectiveTargets = Record<KpiTargetKey, { target: number; source: 'own' | 'inherited' | 'default' }>;

/** Who may set a scope's targets: holders of stats.set_targets over it (county, township, school leads). */
export const canSetTargets = (actor: Actor, org: Pick<OrgRow, 'path'>) => inScope(actor, 'stats.set_targets', org.path);

/**
 * The targets in force for a scope and term: its own value, else the nearest unit above it that set
 * one for the same school year and term number, else the shared default.
 */
export async function effectiveTargets(
  db: Db,
  org: Pick<OrgRow, 'id' | 'path'>,
  term: Pick<TermWithOrg, 'schoolYear' | 'termNo'> | null,
): Promise<EffectiveTargets> {
  const rows = term ? await targetsOf(db, targetOrgIds(org), term) : [];
  return targetsFromRows(org, rows);
}

/** The units whose targets a scope may inherit: itself and those above it. */
export const targetOrgIds = (org: Pick<OrgRow, 'path'>) => org.path.split('/').filter(Boolean);

/** `effectiveTargets` from the rows already read (`targetRowsSql` in a larger statement). */
export function targetsFromRows(
  org: Pick<OrgRow, 'id' | 'path'>,
  rows: Pick<KpiTargetRow, 'orgId' | 'kpi' | 'targetBp'>[],
): EffectiveTargets {
  const ancestors = targetOrgIds(org);
  const depth = (orgId: string) => ancestors.indexOf(orgId);
  return Object.fromEntries(
    kpiTargetKeys.map((key) => {
      const nearest = rows.filter((r) => r.kpi === key).sort((a, b) => depth(b.orgId) - depth(a.orgId))[0];
      if (!nearest) return [key, { target: defaultKpiTargets[key], source: 'default' }];
      return [key, { target: nearest.targetBp / 100, source: nearest.orgId === org.id ? 'own' : 'inherited' }];
    }),
  ) as EffectiveTargets;
}

function present(resolved: ResolvedStats, targets: EffectiveTargets, actor: Actor): KpiTargetsResponse {
  return {
    scopeOrgId: resolved.org.id,
    termId: resolved.term?.id ?? null,
    items: kpiTargetKeys.map((key) => ({ key, ...targets[key] })),
    canSet: resolved.term !== null && canSetTargets(actor, resolved.org),
  };
}

export async function getTargets(db: Db, ctx: RequestContext, actor: Actor, query: StatsScopeQuery) {
  const resolved = await resolveStats(db, actor, query, ctx);
  return present(resolved, await effectiveTargets(db, resolved.org, resolved.term), actor);
}

/** Sets a scope's own targets for a term in one transaction, audited with the values before and after. */
export async function setTargets(db: Db, ctx: RequestContext, actor: Actor, body: KpiTargetsBody) {
  const resolved = await resolveStats(db, actor, body, ctx);
  const { org, term } = resolved;
  if (!term) throw new AppError('NOT_FOUND');
  if (!canSetTargets(actor, org)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'kpi_target', targetId: org.id });
    throw new AppError('FORBIDDEN');
  }
  await db.transaction(async (tx) => {
    const from: Record<string, number | null> = {};
    const to: Record<string, number | null> = {};
    for (const [key, percent] of Object.entries(body.targets) as [KpiTargetKey, number | null][]) {
      const { before, after } = await upsertTarget(tx, {
        countyId: org.countyId,
        orgId: org.id,
        schoolYear: term.schoolYear,
        termNo: term.termNo,
        kpi: key,
        targetBp: percent === null ? null : Math.round(percent * 100),
        userId: actor.userId,
      });
      from[key] = before ? before.targetBp / 100 : null;
      to[key] = after ? after.targetBp / 100 : null;
    }
    await recordAudit(tx, ctx, {
      event: 'kpi_target.updated',
      targetType: 'org',
      targetId: org.id,
      org: { id: org.id, path: org.path, countyId: org.countyId },
      diff: { term: `${term.schoolYear}-${term.termNo}`, from, to },
    });
  });
  return present(resolved, await effectiveTargets(db, org, term), actor);
}
