import type {
  CounselingSessionCreateBody,
  CounselingSessionListQuery,
  CounselingSessionUpdateBody,
  RiskLevelSetBody,
  RiskLevelView,
} from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import { scopePrefixes } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { auditOrgOf, invalidFields } from '../children/children.access';
import type { ChildRow } from '../children/children.repository';
import {
  requireChildForCounseling,
  requireChildForRisk,
  requireReadableSession,
  requireWritableSession,
} from './counseling.access';
import { canReadCounseling, counselingAbilities } from './counseling.policy';
import { presentRiskEntry, presentSession } from './counseling.presenter';
import * as repo from './counseling.repository';
import { sealCounseling } from './counseling-cipher';

/**
 * 心理辅导. Confidential text is sealed before it reaches the database, and nothing of it enters an
 * audit row: audits name the fields that changed, never their content. Every read of a session is
 * an audit row (`counseling.session_viewed`).
 */

type SessionRow = repo.SessionWithChild;

async function auditViews(db: Db, ctx: RequestContext, rows: SessionRow[]) {
  for (const row of rows)
    await recordAudit(db, ctx, {
      event: 'counseling.session_viewed',
      targetType: 'counseling_session',
      targetId: row.session.id,
      childId: row.child.id,
      org: auditOrgOf(row.child),
    });
}

export async function listSessions(db: Db, ctx: RequestContext, actor: Actor, query: CounselingSessionListQuery) {
  const { page, pageSize, childId } = query;
  if (childId) await requireChildForCounseling(db, ctx, actor, childId, 'read');
  const { rows, total } = await repo.listSessions(
    db,
    scopePrefixes(actor, 'counseling.read'),
    { childId },
    { page, pageSize },
  );
  await auditViews(db, ctx, rows);
  return { items: rows.map((r) => presentSession(actor, r)), total, page, pageSize };
}

export async function getSession(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await requireReadableSession(db, ctx, actor, id);
  await auditViews(db, ctx, [row]);
  return presentSession(actor, row);
}

/** What an audit row may say about a session: dates and which confidential fields are filled. */
const sessionFacts = (s: { sessionOn: string; nextSessionOn: string | null; agreedActions: string | null }) => ({
  sessionOn: s.sessionOn,
  nextSessionOn: s.nextSessionOn,
  hasAgreedActions: s.agreedActions !== null,
});

export async function createSession(db: Db, ctx: RequestContext, actor: Actor, body: CounselingSessionCreateBody) {
  const child = await requireChildForCounseling(db, ctx, actor, body.childId, 'write');
  return db.transaction(async (tx) => {
    const row = await repo.insertSession(tx, {
      countyId: child.countyId,
      childId: child.id,
      schoolId: child.schoolId,
      counselorId: actor.userId,
      sessionOn: body.sessionOn,
      presentingConcern: sealCounseling('presenting_concern', body.presentingConcern),
      notes: sealCounseling('notes', body.notes),
      agreedActions: sealCounseling('agreed_actions', body.agreedActions || null),
      nextSessionOn: body.nextSessionOn ?? null,
    });
    await recordAudit(tx, ctx, {
      event: 'counseling.session_created',
      targetType: 'counseling_session',
      targetId: row.id,
      childId: child.id,
      org: auditOrgOf(child),
      diff: sessionFacts(row),
    });
    return presentSession(actor, (await repo.findSession(tx, row.id))!);
  });
}

async function conflict(db: Db, actor: Actor, id: string): Promise<never> {
  const current = await repo.findSession(db, id);
  if (!current) throw new AppError('NOT_FOUND');
  throw new AppError('VERSION_CONFLICT', { current: presentSession(actor, current) });
}

export async function updateSession(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  body: Omit<CounselingSessionUpdateBody, 'version'>,
) {
  const before = await requireWritableSession(db, ctx, actor, id);
  const changes: Partial<repo.CounselingSessionInsert> = {};
  if (body.sessionOn !== undefined) changes.sessionOn = body.sessionOn;
  if (body.nextSessionOn !== undefined) changes.nextSessionOn = body.nextSessionOn;
  if (body.presentingConcern !== undefined)
    changes.presentingConcern = sealCounseling('presenting_concern', body.presentingConcern);
  if (body.notes !== undefined) changes.notes = sealCounseling('notes', body.notes);
  if (body.agreedActions !== undefined)
    changes.agreedActions = sealCounseling('agreed_actions', body.agreedActions || null);
  const next = changes.nextSessionOn === undefined ? before.session.nextSessionOn : changes.nextSessionOn;
  const on = changes.sessionOn ?? before.session.sessionOn;
  if (next && next < on)
    throw invalidFields(ctx.language, [{ field: 'nextSessionOn', key: 'next_session_before_session' }]);
  return db.transaction(async (tx) => {
    const row = await repo.updateSession(tx, id, version, changes);
    if (!row) return conflict(tx, actor, id);
    await recordAudit(tx, ctx, {
      event: 'counseling.session_updated',
      targetType: 'counseling_session',
      targetId: id,
      childId: row.childId,
      org: auditOrgOf(before.child),
      diff: { changedFields: Object.keys(changes), from: sessionFacts(before.session), to: sessionFacts(row) },
    });
    return presentSession(actor, (await repo.findSession(tx, id))!);
  });
}

export async function deleteSession(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  const before = await requireWritableSession(db, ctx, actor, id);
  await db.transaction(async (tx) => {
    const row = await repo.softDeleteSession(tx, id, version, actor.userId);
    if (!row) return conflict(tx, actor, id);
    await recordAudit(tx, ctx, {
      event: 'counseling.session_deleted',
      targetType: 'counseling_session',
      targetId: id,
      childId: row.childId,
      org: auditOrgOf(before.child),
      diff: sessionFacts(before.session),
    });
  });
}

// ── Risk levels ───────────────────────────────────────────────────────────────────────────────

async function riskView(db: Db, ctx: RequestContext, actor: Actor, child: ChildRow): Promise<RiskLevelView> {
  const counselor = canReadCounseling(actor, child);
  const rows = await repo.riskHistory(db, child, counselor ? 50 : 1);
  if (counselor && rows.length > 0)
    await recordAudit(db, ctx, {
      event: 'counseling.risk_history_viewed',
      targetType: 'child',
      targetId: child.id,
      childId: child.id,
      org: auditOrgOf(child),
    });
  const history = counselor ? rows.map((r) => presentRiskEntry(r, true)) : [];
  return {
    childId: child.id,
    current: rows[0] ? presentRiskEntry(rows[0], counselor) : null,
    contacts: child.schoolId ? await repo.schoolCounselors(db, child.schoolId) : [],
    history,
    abilities: counselingAbilities(actor, child),
  };
}

export async function getRiskLevel(db: Db, ctx: RequestContext, actor: Actor, childId: string) {
  return riskView(db, ctx, actor, await requireChildForRisk(db, ctx, actor, childId));
}

export async function setRiskLevel(db: Db, ctx: RequestContext, actor: Actor, childId: string, body: RiskLevelSetBody) {
  const child = await requireChildForCounseling(db, ctx, actor, childId, 'write');
  return db.transaction(async (tx) => {
    const [previous] = await repo.riskHistory(tx, child, 1);
    await repo.insertRiskLevel(tx, {
      countyId: child.countyId,
      childId: child.id,
      level: body.level,
      reason: sealCounseling('risk_reason', body.reason),
      setBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      event: 'counseling.risk_level_set',
      targetType: 'child',
      targetId: child.id,
      childId: child.id,
      org: auditOrgOf(child),
      diff: { level: { from: previous?.entry.level ?? null, to: body.level } },
    });
    return riskView(tx, ctx, actor, child);
  });
}
