import { type Language, validationMessage } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { canReadChild, canWriteChild, childScope } from './children.policy';
import type { ChildRow } from './children.repository';
import * as repo from './children.repository';

/**
 * The loaders every archive use case starts with (the `requireAccess` step): what the caller may
 * not see is "not found"; what they may see but not change is "forbidden". Both are audited.
 */

/** The org an audit row about the child belongs to: its class/school, else its home village. */
export const auditOrgOf = (
  row: Pick<ChildRow, 'classId' | 'schoolId' | 'villageId' | 'schoolPath' | 'villagePath' | 'countyId'>,
) => {
  const id = row.classId ?? row.schoolId ?? row.villageId;
  const path = row.schoolPath ?? row.villagePath;
  return id && path ? { id, path, countyId: row.countyId } : null;
};

export async function requireReadableChild(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  options: { includeDeleted?: boolean } = {},
): Promise<ChildRow> {
  const row = await repo.findChild(db, id, options);
  const visible = row && canReadChild(actor, row, (await childScope(db, actor)).pairedIds);
  if (!row || !visible) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'child', targetId: id });
    throw new AppError('NOT_FOUND');
  }
  return row;
}

export async function requireWritableChild(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  options: { includeDeleted?: boolean } = {},
): Promise<ChildRow> {
  const row = await requireReadableChild(db, ctx, actor, id, options);
  if (!canWriteChild(actor, row)) {
    await recordAudit(db, ctx, {
      event: 'access.denied',
      targetType: 'child',
      targetId: id,
      childId: id,
      org: auditOrgOf(row),
    });
    throw new AppError('FORBIDDEN');
  }
  return row;
}

/** A 400 naming fields, with messages from the shared catalogue in the caller's language. */
export function invalidFields(language: Language, issues: { field: string; key: string }[]): AppError {
  return new AppError('VALIDATION_FAILED', {
    details: issues.map((i) => ({ field: i.field, message: validationMessage(i.key, language) ?? i.key })),
  });
}
