import type { HealthCheckView } from '@shouwang/shared';
import { healthCheckAbilities } from './health-checks.policy';
import type { HealthCheckRow, HealthCheckWithChild } from './health-checks.repository';

export function presentHealthCheck(
  { record: r, child, authorName }: HealthCheckWithChild,
  canWrite: boolean,
): HealthCheckView {
  return {
    id: r.id,
    child: { id: child.id, name: child.name },
    author: { id: r.authorId, displayName: authorName },
    checkedOn: r.checkedOn,
    ageMonths: r.ageMonths,
    heightCm: r.heightCm,
    weightKg: r.weightKg,
    bmi: r.bmi,
    visionLeft: r.visionLeft,
    visionRight: r.visionRight,
    teeth: r.teeth,
    findings: r.findings,
    referralNeeded: r.referralNeeded,
    referralTo: r.referralTo,
    followUpOn: r.followUpOn,
    followUpDoneOn: r.followUpDoneOn,
    flags: r.flags,
    growthScreened: r.growthScreened,
    batchId: r.batchId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    abilities: healthCheckAbilities(canWrite, r),
  };
}

/** The audit snapshot of a check. */
export function healthCheckSnapshot(row: HealthCheckRow): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, countyId: _county, idempotencyKey: _key, ...rest } = row;
  return rest;
}
