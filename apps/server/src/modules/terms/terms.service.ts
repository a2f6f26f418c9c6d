import { currentTermOf, termDatesProblem } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import { scopePrefixes } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { isUniqueViolation } from '../../lib/db-errors';
import { AppError } from '../../lib/errors';
import { pathIds } from '../orgs/org-path';
import { findOrg, type OrgRow } from '../orgs/orgs.repository';
import { canManageTermsAt, canReadTermsOf, termOrgKinds } from './terms.policy';
import { termSnapshot } from './terms.presenter';
import type { TermWithOrg } from './terms.repository';
import * as repo from './terms.repository';

const auditOrg = (row: TermWithOrg) => ({ id: row.org.id, path: row.org.path, countyId: row.countyId });

/** Today's date where the schools are (terms are calendar dates in China time). */
export const todayInChina = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Loads a unit whose terms the actor may read, or answers not found. */
async function requireReadableUnit(db: Db, ctx: RequestContext, actor: Actor, id: string): Promise<OrgRow> {
  const unit = await findOrg(db, id);
  if (!unit || !canReadTermsOf(actor, unit)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: id });
    throw new AppError('NOT_FOUND');
  }
  return unit;
}

export async function requireReadableTerm(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await repo.findTerm(db, id);
  if (!row || !canReadTermsOf(actor, row.org)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'term', targetId: id });
    throw new AppError('NOT_FOUND');
  }
  return row;
}

/** Out of read scope is 404; readable but defined by a unit the actor does not manage is 403. */
async function requireManageableTerm(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await requireReadableTerm(db, ctx, actor, id);
  if (!canManageTermsAt(actor, row.org)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'term', targetId: id, org: auditOrg(row) });
    throw new AppError('FORBIDDEN');
  }
  return row;
}

/** Every term defined by a county or school the actor can see. */
export async function listVisibleTerms(db: Db, actor: Actor) {
  const ancestors = [...new Set(actor.assignments.flatMap((a) => pathIds(a.orgPath)))];
  return repo.listTermsOfUnits(db, scopePrefixes(actor, 'term.read'), ancestors);
}

/** The school whose override applies to a unit: the school itself, or the school of a class. */
function schoolOf(unit: OrgRow): string | null {
  if (unit.kind === 'school') return unit.id;
  if (unit.kind === 'class') return unit.parentId;
  return null;
}

/** The terms in force for a unit: the county's, replaced by its school's override where one exists. */
export async function listEffectiveTerms(db: Db, ctx: RequestContext, actor: Actor, orgId: string) {
  const unit = await requireReadableUnit(db, ctx, actor, orgId);
  return repo.listEffectiveTerms(db, unit.countyId, schoolOf(unit));
}

/**
 * The effective term running today, else the next one; for the caller's top unit when no unit is named.
 * Not found when no term covers or follows today.
 */
export async function findCurrentTerm(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  orgId: string | undefined,
  today: string,
) {
  const unitId = orgId ?? actor.assignments[0]?.orgId;
  if (!unitId) throw new AppError('NOT_FOUND');
  const current = currentTermOf(await listEffectiveTerms(db, ctx, actor, unitId), today);
  if (!current) throw new AppError('NOT_FOUND');
  return current;
}

function checkDates(dates: Parameters<typeof termDatesProblem>[0]) {
  const problem = termDatesProblem(dates);
  if (problem) throw new AppError(problem);
}

async function conflict(db: Db, actor: Actor, id: string, present: (row: TermWithOrg) => unknown): Promise<never> {
  const current = await repo.findTerm(db, id);
  if (!current || !canReadTermsOf(actor, current.org)) throw new AppError('NOT_FOUND');
  throw new AppError('VERSION_CONFLICT', { current: present(current) });
}

export interface TermCreateInput {
  orgId: string;
  schoolYear: string;
  termNo: 1 | 2;
  startDate: string;
  midDate: string;
  endDate: string;
}

export async function createTerm(db: Db, ctx: RequestContext, actor: Actor, input: TermCreateInput) {
  const unit = await requireReadableUnit(db, ctx, actor, input.orgId);
  if (!termOrgKinds.includes(unit.kind)) throw new AppError('TERM_ORG_KIND_INVALID');
  if (!canManageTermsAt(actor, unit)) {
    const org = { id: unit.id, path: unit.path, countyId: unit.countyId };
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: unit.id, org });
    throw new AppError('FORBIDDEN');
  }
  checkDates(input);
  try {
    return await db.transaction(async (tx) => {
      const row = await repo.insertTerm(tx, { ...input, countyId: unit.countyId });
      const created: TermWithOrg = { ...row, org: { id: unit.id, name: unit.name, kind: unit.kind, path: unit.path } };
      await recordAudit(tx, ctx, {
        event: 'term.created',
        targetType: 'term',
        targetId: row.id,
        org: auditOrg(created),
        after: termSnapshot(row),
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('TERM_DUPLICATE');
    throw error;
  }
}

export async function updateTermDates(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  changes: { startDate?: string; midDate?: string; endDate?: string },
  present: (row: TermWithOrg) => unknown,
) {
  await requireManageableTerm(db, ctx, actor, id);
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as typeof changes;
  return db.transaction(async (tx) => {
    const before = await repo.findTerm(tx, id);
    if (!before || before.version !== version) return conflict(tx, actor, id, present);
    checkDates({ ...before, ...defined });
    const row = await repo.updateTerm(tx, id, version, defined);
    if (!row) return conflict(tx, actor, id, present);
    const updated: TermWithOrg = { ...row, org: before.org };
    await recordAudit(tx, ctx, {
      event: 'term.updated',
      targetType: 'term',
      targetId: id,
      org: auditOrg(updated),
      before: termSnapshot(before),
      after: termSnapshot(row),
    });
    return updated;
  });
}

export async function deleteTerm(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  present: (row: TermWithOrg) => unknown,
) {
  const row = await requireManageableTerm(db, ctx, actor, id);
  await db.transaction(async (tx) => {
    const deleted = await repo.softDeleteTerm(tx, id, version);
    if (!deleted) return conflict(tx, actor, id, present);
    await recordAudit(tx, ctx, {
      event: 'term.deleted',
      targetType: 'term',
      targetId: id,
      org: auditOrg(row),
      before: termSnapshot(row),
    });
  });
}
