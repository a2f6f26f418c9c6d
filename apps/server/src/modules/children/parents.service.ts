import { isPlausibleParentAge, type ParentCreateBody, type ParentUpdateBody, type ParentView } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { auditOrgOf, invalidFields, requireReadableChild, requireWritableChild } from './children.access';
import { childAbilities } from './children.policy';
import type { ChildRow } from './children.repository';
import { parentSnapshot, presentParent } from './family.presenter';
import { idNumberColumns } from './id-number-hash';
import * as repo from './parents.repository';
import { refreshCompleteness } from './use-cases/refresh-completeness';

/** 家长 of a child: every write re-derives the archive's completeness and is audited with the child. */

const present = (actor: Actor, child: ChildRow, row: repo.ParentRow): ParentView =>
  presentParent(childAbilities(actor, child), row);

function checkAge(ctx: RequestContext, child: ChildRow, birthDate: string | null | undefined) {
  if (birthDate && child.birthDate && !isPlausibleParentAge(birthDate, child.birthDate))
    throw invalidFields(ctx.language, [{ field: 'birthDate', key: 'parent_too_young' }]);
}

/** The parent columns of an ID number: the number and its mask (parents need no duplicate check). */
function idColumns(idNumber: string | null | undefined) {
  if (idNumber === undefined) return {};
  const { idNumber: normalized, idNumberMasked } = idNumberColumns(idNumber);
  return { idNumber: normalized, idNumberMasked };
}

export async function listChildParents(db: Db, ctx: RequestContext, actor: Actor, childId: string) {
  const child = await requireReadableChild(db, ctx, actor, childId);
  return (await repo.listParents(db, childId)).map((p) => present(actor, child, p));
}

export async function createParent(db: Db, ctx: RequestContext, actor: Actor, childId: string, body: ParentCreateBody) {
  const child = await requireWritableChild(db, ctx, actor, childId);
  checkAge(ctx, child, body.birthDate);
  return db.transaction(async (tx) => {
    const row = await repo.insertParent(tx, {
      ...body,
      ...idColumns(body.idNumber),
      childId,
      countyId: child.countyId,
    });
    await refreshCompleteness(tx, childId);
    await recordAudit(tx, ctx, {
      event: 'parent.created',
      targetType: 'parent',
      targetId: row.id,
      childId,
      org: auditOrgOf(child),
      after: parentSnapshot(row),
    });
    return present(actor, child, row);
  });
}

async function requireParent(db: Db, childId: string, parentId: string) {
  const row = await repo.findParent(db, childId, parentId);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function updateParent(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  parentId: string,
  version: number,
  body: Omit<ParentUpdateBody, 'version'>,
) {
  const child = await requireWritableChild(db, ctx, actor, childId);
  const before = await requireParent(db, childId, parentId);
  if (body.birthDate !== undefined) checkAge(ctx, child, body.birthDate);
  return db.transaction(async (tx) => {
    const row = await repo.updateParent(tx, parentId, version, { ...body, ...idColumns(body.idNumber) });
    if (!row) {
      const current = await requireParent(tx, childId, parentId);
      throw new AppError('VERSION_CONFLICT', { current: present(actor, child, current) });
    }
    await refreshCompleteness(tx, childId);
    await recordAudit(tx, ctx, {
      event: 'parent.updated',
      targetType: 'parent',
      targetId: parentId,
      childId,
      org: auditOrgOf(child),
      before: parentSnapshot(before),
      after: parentSnapshot(row),
    });
    return present(actor, child, row);
  });
}

export async function deleteParent(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  parentId: string,
  version: number,
) {
  const child = await requireWritableChild(db, ctx, actor, childId);
  const before = await requireParent(db, childId, parentId);
  await db.transaction(async (tx) => {
    const row = await repo.softDeleteParent(tx, parentId, version);
    if (!row) throw new AppError('VERSION_CONFLICT', { current: present(actor, child, before) });
    await refreshCompleteness(tx, childId);
    await recordAudit(tx, ctx, {
      event: 'parent.deleted',
      targetType: 'parent',
      targetId: parentId,
      childId,
      org: auditOrgOf(child),
      before: parentSnapshot(before),
    });
  });
}
