import { randomUUID } from 'node:crypto';
import type { EntrustmentBody, GuardianCreateBody, GuardianUpdateBody, GuardianView } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { auditOrgOf, requireReadableChild, requireWritableChild } from './children.access';
import { childAbilities } from './children.policy';
import type { ChildRow } from './children.repository';
import { guardianSnapshot, presentGuardian } from './family.presenter';
import * as repo from './guardians.repository';
import { idNumberColumns } from './id-number-hash';
import { refreshCompleteness } from './use-cases/refresh-completeness';

/** 监护人 of a child and their 委托监护确认书 signings; one primary guardian per child. */

async function present(db: Db, actor: Actor, child: ChildRow, row: repo.GuardianRow): Promise<GuardianView> {
  const history = (await repo.entrustmentsOf(db, [row.id])).get(row.id) ?? [];
  return presentGuardian(childAbilities(actor, child), row, history);
}

function idColumns(idNumber: string | null | undefined) {
  if (idNumber === undefined) return {};
  const { idNumber: normalized, idNumberMasked } = idNumberColumns(idNumber);
  return { idNumber: normalized, idNumberMasked };
}

async function requireGuardian(db: Db, childId: string, guardianId: string) {
  const row = await repo.findGuardian(db, childId, guardianId);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Appends a signing; it becomes the one in force unless an already newer one is on file. */
async function sign(db: Db, actor: Actor, row: repo.GuardianRow, body: EntrustmentBody) {
  const entry = await repo.insertEntrustment(db, {
    guardianId: row.id,
    childId: row.childId,
    countyId: row.countyId,
    signedOn: body.signedOn,
    validUntil: body.validUntil ?? null,
    attachmentId: body.attachmentId ?? null,
    note: body.note ?? null,
    createdBy: actor.userId,
  });
  if (!row.entrustmentSignedOn || body.signedOn >= row.entrustmentSignedOn)
    await repo.setCurrentEntrustment(db, row.id, entry);
  return entry;
}

export async function listChildGuardians(db: Db, ctx: RequestContext, actor: Actor, childId: string) {
  const child = await requireReadableChild(db, ctx, actor, childId);
  const rows = await repo.listGuardians(db, childId);
  const history = await repo.entrustmentsOf(
    db,
    rows.map((r) => r.id),
  );
  const abilities = childAbilities(actor, child);
  return rows.map((r) => presentGuardian(abilities, r, history.get(r.id) ?? []));
}

export async function createGuardian(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  body: GuardianCreateBody,
) {
  const child = await requireWritableChild(db, ctx, actor, childId);
  const { entrustment, ...fields } = body;
  return db.transaction(async (tx) => {
    const id = randomUUID();
    if (fields.isPrimary) await repo.clearOtherPrimary(tx, childId, id);
    let row = await repo.insertGuardian(tx, {
      ...fields,
      ...idColumns(fields.idNumber),
      id,
      childId,
      countyId: child.countyId,
    });
    if (entrustment) {
      await sign(tx, actor, row, entrustment);
      row = (await repo.findGuardian(tx, childId, id))!;
    }
    await refreshCompleteness(tx, childId);
    await recordAudit(tx, ctx, {
      event: 'guardian.created',
      targetType: 'guardian',
      targetId: row.id,
      childId,
      org: auditOrgOf(child),
      after: guardianSnapshot(row),
    });
    return present(tx, actor, child, row);
  });
}

export async function updateGuardian(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  guardianId: string,
  version: number,
  body: Omit<GuardianUpdateBody, 'version'>,
) {
  const child = await requireWritableChild(db, ctx, actor, childId);
  const before = await requireGuardian(db, childId, guardianId);
  return db.transaction(async (tx) => {
    if (body.isPrimary) await repo.clearOtherPrimary(tx, childId, guardianId);
    const row = await repo.updateGuardian(tx, guardianId, version, { ...body, ...idColumns(body.idNumber) });
    if (!row) {
      const current = await requireGuardian(tx, childId, guardianId);
      throw new AppError('VERSION_CONFLICT', { current: await present(tx, actor, child, current) });
    }
    await refreshCompleteness(tx, childId);
    await recordAudit(tx, ctx, {
      event: 'guardian.updated',
      targetType: 'guardian',
      targetId: guardianId,
      childId,
      org: auditOrgOf(child),
      before: guardianSnapshot(before),
      after: guardianSnapshot(row),
    });
    return present(tx, actor, child, row);
  });
}

export async function deleteGuardian(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  guardianId: string,
  version: number,
) {
  const child = await requireWritableChild(db, ctx, actor, childId);
  const before = await requireGuardian(db, childId, guardianId);
  await db.transaction(async (tx) => {
    const row = await repo.softDeleteGuardian(tx, guardianId, version);
    if (!row) throw new AppError('VERSION_CONFLICT', { current: await present(tx, actor, child, before) });
    await refreshCompleteness(tx, childId);
    await recordAudit(tx, ctx, {
      event: 'guardian.deleted',
      targetType: 'guardian',
      targetId: guardianId,
      childId,
      org: auditOrgOf(child),
      before: guardianSnapshot(before),
    });
  });
}

/** Records a signing or renewal of the 委托监护确认书 (e.g. after the family situation changed). */
export async function signEntrustment(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  guardianId: string,
  body: EntrustmentBody,
) {
  const child = await requireWritableChild(db, ctx, actor, childId);
  const guardian = await requireGuardian(db, childId, guardianId);
  return db.transaction(async (tx) => {
    const entry = await sign(tx, actor, guardian, body);
    await refreshCompleteness(tx, childId);
    await recordAudit(tx, ctx, {
      event: 'guardian.entrustment_signed',
      targetType: 'guardian',
      targetId: guardianId,
      childId,
      org: auditOrgOf(child),
      before: { signedOn: guardian.entrustmentSignedOn, validUntil: guardian.entrustmentValidUntil },
      after: { signedOn: entry.signedOn, validUntil: entry.validUntil, attachmentId: entry.attachmentId },
    });
    return present(tx, actor, child, await requireGuardian(tx, childId, guardianId));
  });
}
