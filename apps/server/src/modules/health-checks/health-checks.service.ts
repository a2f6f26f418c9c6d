import {
  type HealthCheckCreateBody,
  type HealthCheckListQuery,
  type HealthCheckUpdateBody,
  todayIso,
} from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import { grantsFor, inScope, scopePrefixes } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { isUniqueViolation } from '../../lib/db-errors';
import { AppError } from '../../lib/errors';
import { auditOrgOf, invalidFields } from '../children/children.access';
import { findOrg } from '../orgs/orgs.repository';
import {
  presentChecks,
  requireChildForHealth,
  requireReadableCheck,
  requireWritableCheck,
} from './health-checks.access';
import { healthCheckSnapshot } from './health-checks.presenter';
import * as repo from './health-checks.repository';
import { screenedColumns } from './use-cases/screen-values';

/** 体检 use cases. Reads of health details are audited (`health_check.viewed`). */

export async function listChecks(db: Db, ctx: RequestContext, actor: Actor, query: HealthCheckListQuery) {
  const { page, pageSize, followUpOpen, ...filters } = query;
  if (filters.childId) await requireChildForHealth(db, ctx, actor, filters.childId, 'read');
  for (const unitId of [filters.classId, filters.schoolId].filter((u): u is string => u !== undefined)) {
    const unit = await findOrg(db, unitId);
    if (!unit || !inScope(actor, 'health_check.read', unit.path)) throw new AppError('NOT_FOUND');
  }
  const scope = {
    prefixes: scopePrefixes(actor, 'health_check.read'),
    countyIds: [...new Set(grantsFor(actor, 'health_check.read').map((g) => g.countyId))],
  };
  const { rows, total } = await repo.listChecks(
    db,
    scope,
    { ...filters, followUpOpen: followUpOpen === 'true' },
    {
      page,
      pageSize,
    },
  );
  if (rows.length > 0)
    await recordAudit(db, ctx, {
      event: 'health_check.viewed',
      targetType: filters.childId ? 'child' : 'health_check',
      targetId: filters.childId ?? null,
      childId: filters.childId ?? null,
      org: filters.childId ? auditOrgOf(rows[0]!.child) : null,
      diff: { count: rows.length, classId: filters.classId ?? null },
    });
  return { items: presentChecks(actor, rows), total, page, pageSize };
}

export async function getCheck(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await requireReadableCheck(db, ctx, actor, id);
  await recordAudit(db, ctx, {
    event: 'health_check.viewed',
    targetType: 'health_check',
    targetId: id,
    childId: row.child.id,
    org: auditOrgOf(row.child),
  });
  return presentChecks(actor, [row])[0]!;
}

export async function createCheck(db: Db, ctx: RequestContext, actor: Actor, body: HealthCheckCreateBody) {
  const child = await requireChildForHealth(db, ctx, actor, body.childId, 'write');
  const key = body.idempotencyKey;
  const earlier = key
    ? (await repo.findByIdempotencyKey(db, actor.userId, key)).find((r) => r.childId === child.id)
    : undefined;
  if (earlier) return { id: earlier.id, replayed: true };
  const { childId: _c, idempotencyKey: _k, ...fields } = body;
  try {
    const row = await db.transaction(async (tx) => {
      const [inserted] = await repo.insertChecks(tx, [
        {
          ...fields,
          referralNeeded: fields.referralNeeded ?? false,
          countyId: child.countyId,
          childId: child.id,
          schoolId: child.schoolId,
          classId: child.classId,
          authorId: actor.userId,
          ...screenedColumns(child, body.checkedOn, body),
          idempotencyKey: key ?? null,
        },
      ]);
      await recordAudit(tx, ctx, {
        event: 'health_check.created',
        targetType: 'health_check',
        targetId: inserted!.id,
        childId: child.id,
        org: auditOrgOf(child),
        after: healthCheckSnapshot(inserted!),
      });
      return inserted!;
    });
    return { id: row.id, replayed: false };
  } catch (error) {
    if (key && isUniqueViolation(error)) {
      const raced = (await repo.findByIdempotencyKey(db, actor.userId, key)).find((r) => r.childId === child.id);
      if (raced) return { id: raced.id, replayed: true };
    }
    throw error;
  }
}

async function conflict(db: Db, actor: Actor, id: string): Promise<never> {
  const current = await repo.findCheck(db, id);
  if (!current) throw new AppError('NOT_FOUND');
  throw new AppError('VERSION_CONFLICT', { current: presentChecks(actor, [current])[0] });
}

export async function updateCheck(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  body: Omit<HealthCheckUpdateBody, 'version'>,
) {
  const before = await requireWritableCheck(db, ctx, actor, id);
  const changes = Object.fromEntries(
    Object.entries(body).filter(([, v]) => v !== undefined),
  ) as Partial<repo.HealthCheckInsert>;
  const merged = { ...before.record, ...changes };
  const measured = [merged.heightCm, merged.weightKg, merged.visionLeft, merged.visionRight, merged.teeth];
  const issues: { field: string; key: string }[] = [];
  if (measured.every((v) => v === null || v === undefined))
    issues.push({ field: 'heightCm', key: 'measurement_required' });
  if (merged.referralNeeded && !merged.followUpOn) issues.push({ field: 'followUpOn', key: 'follow_up_date_required' });
  if (merged.followUpOn && merged.followUpOn < merged.checkedOn)
    issues.push({ field: 'followUpOn', key: 'follow_up_before_record' });
  if (issues.length > 0) throw invalidFields(ctx.language, issues);
  const child = await requireChildForHealth(db, ctx, actor, before.child.id, 'write');
  Object.assign(changes, screenedColumns(child, merged.checkedOn, merged));
  return db.transaction(async (tx) => {
    const row = await repo.updateCheck(tx, id, version, changes);
    if (!row) return conflict(tx, actor, id);
    await recordAudit(tx, ctx, {
      event: 'health_check.updated',
      targetType: 'health_check',
      targetId: id,
      childId: row.childId,
      org: auditOrgOf(before.child),
      before: healthCheckSnapshot(before.record),
      after: healthCheckSnapshot(row),
    });
    return presentChecks(actor, [(await repo.findCheck(tx, id))!])[0]!;
  });
}

/** Marks a referral's follow-up done today (the to-do disappears); no version needed, it only closes. */
export async function closeFollowUp(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const before = await requireWritableCheck(db, ctx, actor, id);
  if (!before.record.referralNeeded || before.record.followUpDoneOn !== null) throw new AppError('FOLLOW_UP_NOT_OPEN');
  return updateCheck(db, ctx, actor, id, before.record.version, { followUpDoneOn: todayIso() });
}

export async function deleteCheck(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  const before = await requireWritableCheck(db, ctx, actor, id);
  await db.transaction(async (tx) => {
    const row = await repo.softDeleteCheck(tx, id, version, actor.userId);
    if (!row) return conflict(tx, actor, id);
    await recordAudit(tx, ctx, {
      event: 'health_check.deleted',
      targetType: 'health_check',
      targetId: id,
      childId: row.childId,
      org: auditOrgOf(before.child),
      before: healthCheckSnapshot(before.record),
    });
  });
}
