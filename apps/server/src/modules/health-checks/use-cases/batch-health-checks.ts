import { randomUUID } from 'node:crypto';
import type { HealthCheckBatchBody } from '@shouwang/shared';
import type { Db } from '../../../db/client';
import { recordAudit } from '../../../lib/audit/record-audit';
import type { Actor } from '../../../lib/authz/actor';
import type { RequestContext } from '../../../lib/context';
import { isUniqueViolation } from '../../../lib/db-errors';
import { AppError } from '../../../lib/errors';
import { auditOrgOf, invalidFields } from '../../children/children.access';
import { type ChildRow, findChild } from '../../children/children.repository';
import { findOrg } from '../../orgs/orgs.repository';
import { canReadHealthOf, canWriteHealthOf } from '../health-checks.policy';
import { healthCheckSnapshot } from '../health-checks.presenter';
import { findByIdempotencyKey, type HealthCheckInsert, insertChecks } from '../health-checks.repository';
import { screenedColumns } from './screen-values';

/**
 * 班级体检录入: one check per row for children of one class, on one day. Every child must be in the
 * class and the caller's to record for; one bad row refuses the whole batch (naming the row) and
 * nothing is written. A repeated `idempotencyKey` answers the checks already written.
 */
export async function batchHealthChecks(db: Db, ctx: RequestContext, actor: Actor, body: HealthCheckBatchBody) {
  const cls = await findOrg(db, body.classId);
  if (cls?.kind !== 'class') throw invalidFields(ctx.language, [{ field: 'classId', key: 'child_not_in_class' }]);
  const key = body.idempotencyKey;
  const replay = async () => {
    if (!key) return null;
    const rows = await findByIdempotencyKey(db, actor.userId, key);
    const order = body.rows.map((r) => r.childId);
    rows.sort((a, b) => order.indexOf(a.childId) - order.indexOf(b.childId));
    return rows.length > 0 ? { ids: rows.map((r) => r.id), replayed: true } : null;
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const issues: { field: string; key: string }[] = [];
  const children: ChildRow[] = [];
  const seen = new Set<string>();
  for (const [i, row] of body.rows.entries()) {
    const field = `rows.${i}.childId`;
    if (seen.has(row.childId)) {
      issues.push({ field, key: 'duplicate_children' });
      continue;
    }
    seen.add(row.childId);
    const child = await findChild(db, row.childId);
    // A child outside the caller's sight reads as "not in this class": nothing about them leaks.
    if (child?.classId !== cls.id || !canReadHealthOf(actor, child)) {
      issues.push({ field, key: 'child_not_in_class' });
      continue;
    }
    if (!canWriteHealthOf(actor, child)) {
      await recordAudit(db, ctx, {
        event: 'access.denied',
        targetType: 'child',
        targetId: child.id,
        childId: child.id,
        org: auditOrgOf(child),
      });
      throw new AppError('FORBIDDEN');
    }
    children.push(child);
  }
  if (issues.length > 0) throw invalidFields(ctx.language, issues);

  const batchId = randomUUID();
  const values: HealthCheckInsert[] = body.rows.map((row, i) => {
    const child = children[i]!;
    return {
      countyId: child.countyId,
      childId: child.id,
      schoolId: child.schoolId,
      classId: child.classId,
      authorId: actor.userId,
      checkedOn: body.checkedOn,
      heightCm: row.heightCm ?? null,
      weightKg: row.weightKg ?? null,
      visionLeft: row.visionLeft ?? null,
      visionRight: row.visionRight ?? null,
      teeth: row.teeth ?? null,
      findings: row.findings ?? null,
      referralNeeded: row.referralNeeded ?? false,
      referralTo: row.referralTo ?? null,
      followUpOn: row.followUpOn ?? null,
      ...screenedColumns(child, body.checkedOn, row),
      batchId,
      idempotencyKey: key ?? null,
    };
  });
  try {
    const rows = await db.transaction(async (tx) => {
      const inserted = await insertChecks(tx, values);
      for (const [i, row] of inserted.entries())
        await recordAudit(tx, ctx, {
          event: 'health_check.created',
          targetType: 'health_check',
          targetId: row.id,
          childId: row.childId,
          org: auditOrgOf(children[i]!),
          after: healthCheckSnapshot(row),
        });
      return inserted;
    });
    return { ids: rows.map((r) => r.id), replayed: false };
  } catch (error) {
    if (isUniqueViolation(error)) {
      const raced = await replay();
      if (raced) return raced;
    }
    throw error;
  }
}
