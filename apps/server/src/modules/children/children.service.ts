import {
  type ChildCategory,
  type ChildListQuery,
  type ChildUpdateBody,
  childIdentityIssues,
  isPlausibleParentAge,
} from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { isUniqueViolation } from '../../lib/db-errors';
import { AppError } from '../../lib/errors';
import { findOrg } from '../orgs/orgs.repository';
import { findChildPage } from './child-page.repository';
import { resolvePlacement } from './child-placement';
import { auditOrgOf, invalidFields, requireReadableChild, requireWritableChild } from './children.access';
import { canReadChild, childScope, coversChild } from './children.policy';
import { childSnapshot, presentChild, presentChildListItem } from './children.presenter';
import type { ChildInsert, ChildRow } from './children.repository';
import * as repo from './children.repository';
import { listChildItems } from './children-list.repository';
import { idNumberColumns } from './id-number-hash';
import { listParents } from './parents.repository';
import { pinyinKeys } from './pinyin-keys';
import { assertIdNumberFree } from './use-cases/check-duplicates';
import { refreshCompleteness } from './use-cases/refresh-completeness';

export async function listVisibleChildren(db: Db, actor: Actor, query: ChildListQuery) {
  const { page, pageSize, category, incomplete, parentUnreachable, noEntrustment, deleted, ...rest } = query;
  const scope = await childScope(db, actor, deleted === 'true' ? 'child.write' : 'child.read');
  const { rows, total, names } = await listChildItems(
    db,
    scope,
    {
      ...rest,
      categories: category ? (category.split(',') as ChildCategory[]) : undefined,
      incomplete: incomplete === 'true',
      parentUnreachable: parentUnreachable === 'true',
      noEntrustment: noEntrustment === 'true',
      deleted: deleted === 'true',
    },
    { page, pageSize },
  );
  // The categories in force are the child's `open_categories` (in code order, as listed before).
  const items = rows.map((r) => presentChildListItem(actor, r, r.openCategories, names));
  return { items, total, page, pageSize };
}

/** Everything the child page shows, presented for the caller (the row was already authorized). */
export async function loadChildPage(db: Db, actor: Actor, row: ChildRow) {
  const page = await findChildPage(db, row.id, [row.countyId], { includeDeleted: true });
  if (!page) throw new AppError('NOT_FOUND');
  return presentChild(actor, page);
}

/**
 * The child page in one statement (bench findings 7), then the policy: a child the caller may not
 * read is "not found" and audited, exactly as `requireReadableChild` answers. Only the caller's
 * counties are searched (no grant reaches beyond them); pairings are read only when no org grant
 * covers the child.
 */
export async function getChildPage(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const countyIds = [...new Set(actor.assignments.map((a) => a.countyId))];
  const page = countyIds.length > 0 ? await findChildPage(db, id, countyIds) : undefined;
  const row = page?.row;
  const visible =
    row && (coversChild(actor, 'child.read', row) || canReadChild(actor, row, (await childScope(db, actor)).pairedIds));
  if (!page || !visible) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'child', targetId: id });
    throw new AppError('NOT_FOUND');
  }
  return presentChild(actor, page);
}

/** The full ID number, for holders of child.read_id_number over this child; every read is audited. */
export async function readChildIdNumber(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await requireReadableChild(db, ctx, actor, id);
  if (!coversChild(actor, 'child.read_id_number', row)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'child.id_number', targetId: id, childId: id });
    throw new AppError('FORBIDDEN');
  }
  const idNumber = await repo.findChildIdNumber(db, id);
  await recordAudit(db, ctx, {
    event: 'child.id_number_viewed',
    targetType: 'child',
    targetId: id,
    childId: id,
    org: auditOrgOf(row),
  });
  return { idNumber };
}

async function conflict(db: Db, actor: Actor, id: string): Promise<never> {
  const current = await repo.findChild(db, id, { includeDeleted: true });
  if (!current) throw new AppError('NOT_FOUND');
  throw new AppError('VERSION_CONFLICT', { current: await loadChildPage(db, actor, current) });
}

const has = <T extends object>(body: T, key: keyof T) => body[key] !== undefined;

export async function updateChild(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  body: Omit<ChildUpdateBody, 'version'>,
) {
  const before = await requireWritableChild(db, ctx, actor, id);
  const changes: Partial<ChildInsert> = { ...body };
  if (has(body, 'schoolId') || has(body, 'classId') || has(body, 'villageId')) {
    const pick = (key: 'schoolId' | 'classId' | 'villageId') => (has(body, key) ? (body[key] ?? null) : before[key]);
    const placement = await resolvePlacement(
      db,
      actor,
      { schoolId: pick('schoolId'), classId: pick('classId'), villageId: pick('villageId') },
      ctx.language,
    );
    if (placement.countyId !== before.countyId)
      throw invalidFields(ctx.language, [{ field: 'schoolId', key: 'school_invalid' }]);
    Object.assign(changes, placement);
  }
  if (body.name !== undefined) Object.assign(changes, pinyinKeys(body.name));
  if (body.idNumber !== undefined) {
    Object.assign(changes, idNumberColumns(body.idNumber));
    await assertIdNumberFree(db, actor, ctx.language, changes.idNumberHash ?? null, id);
  }
  await checkMergedRecord(db, ctx, before, body);

  try {
    return await db.transaction(async (tx) => {
      const row = await repo.updateChild(tx, id, version, changes);
      if (!row) return conflict(tx, actor, id);
      await refreshCompleteness(tx, id);
      await recordAudit(tx, ctx, {
        event: 'child.updated',
        targetType: 'child',
        targetId: id,
        childId: id,
        org: auditOrgOf(row),
        before: childSnapshot(before),
        after: childSnapshot(row),
      });
      return loadChildPage(tx, actor, (await repo.findChild(tx, id))!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) await assertIdNumberFree(db, actor, ctx.language, changes.idNumberHash ?? null, id);
    throw error;
  }
}

/** Cross-field rules on the record as it will be: ID vs birth date and sex, parents' ages. */
async function checkMergedRecord(
  db: Db,
  ctx: RequestContext,
  before: ChildRow,
  body: Omit<ChildUpdateBody, 'version'>,
) {
  const touchesIdentity = has(body, 'idNumber') || has(body, 'birthDate') || has(body, 'sex');
  if (!touchesIdentity) return;
  const merged = {
    idNumber: has(body, 'idNumber') ? body.idNumber : await repo.findChildIdNumber(db, before.id),
    birthDate: has(body, 'birthDate') ? body.birthDate : before.birthDate,
    sex: has(body, 'sex') ? body.sex : before.sex,
  };
  const issues = childIdentityIssues(merged);
  if (merged.birthDate && has(body, 'birthDate')) {
    const parents = await listParents(db, before.id);
    if (parents.some((p) => p.birthDate && !isPlausibleParentAge(p.birthDate, merged.birthDate!)))
      issues.push({ field: 'birthDate', key: 'parent_too_young' });
  }
  if (issues.length > 0) throw invalidFields(ctx.language, issues);
}

export async function deleteChild(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  const before = await requireWritableChild(db, ctx, actor, id);
  await db.transaction(async (tx) => {
    const row = await repo.setChildDeleted(tx, id, version, true);
    if (!row) return conflict(tx, actor, id);
    await recordAudit(tx, ctx, {
      event: 'child.deleted',
      targetType: 'child',
      targetId: id,
      childId: id,
      org: auditOrgOf(row),
      before: childSnapshot(before),
    });
  });
}

export async function restoreChild(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  const before = await requireWritableChild(db, ctx, actor, id, { includeDeleted: true });
  if (!before.deletedAt) throw new AppError('NOT_DELETED');
  await assertIdNumberFree(db, actor, ctx.language, before.idNumberHash, id);
  for (const [field, orgId] of [
    ['schoolId', before.schoolId],
    ['classId', before.classId],
    ['villageId', before.villageId],
  ] as const) {
    if (orgId && !(await findOrg(db, orgId)))
      throw invalidFields(ctx.language, [{ field, key: field === 'villageId' ? 'village_invalid' : 'school_invalid' }]);
  }
  return db.transaction(async (tx) => {
    const row = await repo.setChildDeleted(tx, id, version, false);
    if (!row) return conflict(tx, actor, id);
    await recordAudit(tx, ctx, {
      event: 'child.restored',
      targetType: 'child',
      targetId: id,
      childId: id,
      org: auditOrgOf(row),
      after: childSnapshot(row),
    });
    return loadChildPage(tx, actor, row);
  });
}
