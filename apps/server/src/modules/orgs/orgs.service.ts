import { randomUUID } from 'node:crypto';
import { allowedParentKinds, errorMessage, type OrgKind } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import { inScope } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { isUniqueViolation } from '../../lib/db-errors';
import { AppError } from '../../lib/errors';
import { rewriteChildOrgPaths } from '../children/children.repository';
import { childPath } from './org-path';
import { canReadOrg } from './orgs.policy';
import { orgSnapshot } from './orgs.presenter';
import type { OrgRow } from './orgs.repository';
import * as repo from './orgs.repository';

const auditOrg = (row: OrgRow) => ({ id: row.id, path: row.path, countyId: row.countyId });

/** Loads an org the actor may read, or answers not found (never "forbidden": that would leak it). */
export async function requireReadableOrg(db: Db, ctx: RequestContext, actor: Actor, id: string): Promise<OrgRow> {
  const row = await repo.findOrg(db, id);
  if (!row || !canReadOrg(actor, row)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: id });
    throw new AppError('NOT_FOUND');
  }
  return row;
}

/** Loads an org the actor may manage: out of read scope is 404, readable but not manageable is 403. */
async function requireManageableOrg(db: Db, ctx: RequestContext, actor: Actor, id: string): Promise<OrgRow> {
  const row = await requireReadableOrg(db, ctx, actor, id);
  if (!inScope(actor, 'org.manage', row.path)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: id, org: auditOrg(row) });
    throw new AppError('FORBIDDEN');
  }
  return row;
}

function checkParentKind(kind: OrgKind, parent: OrgRow) {
  if (!allowedParentKinds[kind].includes(parent.kind)) throw new AppError('ORG_INVALID_PARENT');
  if (!parent.active) throw new AppError('ORG_INACTIVE');
}

async function withNameCheck<T>(ctx: RequestContext, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('DUPLICATE_NAME', {
        details: [{ field: 'name', message: errorMessage('DUPLICATE_NAME', ctx.language) }],
      });
    throw error;
  }
}

async function conflict(db: Db, actor: Actor, id: string, present: (row: OrgRow) => unknown): Promise<never> {
  const current = await repo.findOrg(db, id);
  if (!current || !canReadOrg(actor, current)) throw new AppError('NOT_FOUND');
  throw new AppError('VERSION_CONFLICT', { current: present(current) });
}

export interface OrgCreateInput {
  parentId: string | null;
  kind: OrgKind;
  name: string;
  code?: string | null;
  studentCount?: number | null;
}

export async function createOrg(db: Db, ctx: RequestContext, actor: Actor, input: OrgCreateInput) {
  if (!input.parentId) throw new AppError('ORG_INVALID_PARENT');
  const parent = await requireReadableOrg(db, ctx, actor, input.parentId);
  const id = randomUUID();
  const path = childPath(parent.path, id);
  if (!inScope(actor, 'org.manage', path)) throw new AppError('FORBIDDEN');
  checkParentKind(input.kind, parent);
  return withNameCheck(ctx, () =>
    db.transaction(async (tx) => {
      const row = await repo.insertOrg(tx, {
        id,
        parentId: parent.id,
        countyId: parent.countyId,
        kind: input.kind,
        name: input.name,
        code: input.code ?? null,
        studentCount: input.studentCount ?? null,
        path,
      });
      await recordAudit(tx, ctx, {
        event: 'org.created',
        targetType: 'org',
        targetId: id,
        org: auditOrg(row),
        after: orgSnapshot(row),
      });
      return row;
    }),
  );
}

export async function updateOrgDetails(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  changes: { name?: string; code?: string | null; studentCount?: number | null },
  present: (row: OrgRow) => unknown,
) {
  await requireManageableOrg(db, ctx, actor, id);
  return withNameCheck(ctx, () =>
    db.transaction(async (tx) => {
      const before = await repo.findOrg(tx, id);
      const row = await repo.updateOrg(tx, id, version, changes);
      if (!row || !before) return conflict(tx, actor, id, present);
      await recordAudit(tx, ctx, {
        event: 'org.updated',
        targetType: 'org',
        targetId: id,
        org: auditOrg(row),
        before: orgSnapshot(before),
        after: orgSnapshot(row),
      });
      return row;
    }),
  );
}

export async function moveOrg(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  parentId: string,
  present: (row: OrgRow) => unknown,
) {
  const row = await requireManageableOrg(db, ctx, actor, id);
  const parent = await requireReadableOrg(db, ctx, actor, parentId);
  if (parent.path.startsWith(row.path)) throw new AppError('ORG_MOVE_INTO_DESCENDANT');
  checkParentKind(row.kind, parent);
  if (parent.countyId !== row.countyId) throw new AppError('ORG_INVALID_PARENT');
  const newPath = childPath(parent.path, row.id);
  if (!inScope(actor, 'org.manage', newPath)) throw new AppError('FORBIDDEN');
  return withNameCheck(ctx, () =>
    db.transaction(async (tx) => {
      const moved = await repo.updateOrg(tx, id, version, { parentId: parent.id, path: newPath });
      if (!moved) return conflict(tx, actor, id, present);
      await repo.rewriteSubtreePaths(tx, row.path, newPath);
      // Children keep denormalized copies of their school/class and village paths for scoped lists.
      await rewriteChildOrgPaths(tx, row.path, newPath);
      await recordAudit(tx, ctx, {
        event: 'org.moved',
        targetType: 'org',
        targetId: id,
        org: auditOrg(moved),
        before: { parentId: row.parentId, path: row.path },
        after: { parentId: moved.parentId, path: moved.path },
      });
      return moved;
    }),
  );
}

/** Deactivating a unit deactivates its subtree; roles held there stop granting access. */
export async function setOrgActive(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  active: boolean,
  present: (row: OrgRow) => unknown,
) {
  const row = await requireManageableOrg(db, ctx, actor, id);
  return db.transaction(async (tx) => {
    const current = await repo.findOrg(tx, id);
    if (!current || current.version !== version) return conflict(tx, actor, id, present);
    if (active && row.parentId) {
      const parent = await repo.findOrg(tx, row.parentId);
      if (parent && !parent.active) throw new AppError('ORG_INACTIVE');
    }
    await repo.setSubtreeActive(tx, row.path, active);
    const updated = (await repo.findOrg(tx, id))!;
    await recordAudit(tx, ctx, {
      event: active ? 'org.reactivated' : 'org.deactivated',
      targetType: 'org',
      targetId: id,
      org: auditOrg(updated),
      before: { active: row.active },
      after: { active },
    });
    return updated;
  });
}

export async function deleteOrg(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  present: (row: OrgRow) => unknown,
) {
  const row = await requireManageableOrg(db, ctx, actor, id);
  if (row.kind === 'county') throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const refs = await repo.countOrgReferences(tx, id);
    if (Object.values(refs).some((n) => n > 0))
      throw new AppError('ORG_NOT_EMPTY', { details: [{ message: describeReferences(refs, ctx.language) }] });
    const deleted = await repo.softDeleteOrg(tx, id, version);
    if (!deleted) return conflict(tx, actor, id, present);
    await recordAudit(tx, ctx, {
      event: 'org.deleted',
      targetType: 'org',
      targetId: id,
      org: auditOrg(row),
      before: orgSnapshot(row),
    });
  });
}

const referenceLabels: Record<string, { zh: string; en: string }> = {
  children: { zh: '个下级单位', en: 'sub-unit(s)' },
  roles: { zh: '个用户角色', en: 'role assignment(s)' },
  terms: { zh: '个学期设置', en: 'term(s)' },
  childArchives: { zh: '份儿童档案', en: 'child archive(s)' },
  pairings: { zh: '条结对记录', en: 'pairing(s)' },
};

/** "还有 2 个下级单位、3 份儿童档案" — what still hangs on a unit, in the caller's language. */
function describeReferences(refs: Record<string, number>, language: RequestContext['language']): string {
  const parts = Object.entries(refs)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => {
      const label = referenceLabels[key] ?? { zh: key, en: key };
      return language === 'en' ? `${n} ${label.en}` : `${n} ${label.zh}`;
    });
  return language === 'en' ? `Still holds ${parts.join(', ')}` : `还有${parts.join('、')}`;
}
