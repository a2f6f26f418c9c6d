import { type HealthFlag, type HealthSummaryQuery, type HealthSummaryView, healthFlags } from '@shouwang/shared';
import { and, count, countDistinct, eq, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import { inScope } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { child } from '../children/children.table';
import { escapeLike, findOrg } from '../orgs/orgs.repository';
import { healthCheck } from './health-checks.table';

/**
 * 体检统计 of a unit (county, township, school, class, village): how many children were checked and
 * how many were flagged, per flag, for the work summary and the overseers. SQL aggregates only;
 * no child's details leave the server, so it needs `stats.read`, not `health_check.read`.
 */
export async function healthSummary(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  query: HealthSummaryQuery,
): Promise<HealthSummaryView> {
  const unit = await findOrg(db, query.orgId);
  if (!unit || !inScope(actor, 'stats.read', unit.path)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: query.orgId });
    throw new AppError('NOT_FOUND');
  }
  const prefix = `${escapeLike(unit.path)}%`;
  const base: SQL[] = [
    eq(healthCheck.countyId, unit.countyId),
    isNull(healthCheck.deletedAt),
    isNull(child.deletedAt),
    or(like(child.schoolPath, prefix), like(child.villagePath, prefix))!,
  ];
  const inPeriod = [...base];
  if (query.from) inPeriod.push(sql`${healthCheck.checkedOn} >= ${query.from}`);
  if (query.to) inPeriod.push(sql`${healthCheck.checkedOn} <= ${query.to}`);
  const joined = () =>
    db
      .select({ checks: count(), children: countDistinct(healthCheck.childId) })
      .from(healthCheck)
      .innerJoin(child, and(eq(child.id, healthCheck.childId), eq(child.countyId, healthCheck.countyId)));
  const [totals] = await joined().where(and(...inPeriod));
  const flagged = await db
    .select({ flag: sql<string>`f.flag`, children: countDistinct(healthCheck.childId) })
    .from(healthCheck)
    .innerJoin(child, and(eq(child.id, healthCheck.childId), eq(child.countyId, healthCheck.countyId)))
    .innerJoin(sql`unnest(${healthCheck.flags}) as f(flag)`, sql`true`)
    .where(and(...inPeriod))
    .groupBy(sql`f.flag`);
  const [open] = await joined().where(
    and(...base, eq(healthCheck.referralNeeded, true), isNull(healthCheck.followUpDoneOn)),
  );
  const childrenFlagged = Object.fromEntries(healthFlags.map((f) => [f, 0])) as Record<HealthFlag, number>;
  for (const row of flagged) if (row.flag in childrenFlagged) childrenFlagged[row.flag as HealthFlag] = row.children;
  return {
    orgId: unit.id,
    from: query.from ?? null,
    to: query.to ?? null,
    checks: totals?.checks ?? 0,
    childrenChecked: totals?.children ?? 0,
    childrenFlagged,
    openReferrals: open?.checks ?? 0,
  };
}
