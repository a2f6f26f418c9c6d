import type { ConsentCreateBody, ConsentView } from '@shouwang/shared';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { auditOrgOf, requireReadableChild } from '../children/children.access';
import { appUser } from '../users/users.table';
import { canManagePrivacyOf } from './privacy.policy';
import { childConsent } from './privacy.table';
import { requirePrivacyManager } from './privacy-export.service';

/** 同意与法律依据: per child and data category, who consented (or on which duty), and withdrawal. */

type ConsentRow = typeof childConsent.$inferSelect;

async function present(db: Db, rows: ConsentRow[]): Promise<ConsentView[]> {
  const ids = [...new Set(rows.map((r) => r.recordedBy).filter((id): id is string => id !== null))];
  const users = ids.length
    ? await db.select({ id: appUser.id, name: appUser.displayName }).from(appUser).where(inArray(appUser.id, ids))
    : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    childId: r.childId,
    category: r.category,
    basis: r.basis,
    consenterName: r.consenterName,
    consenterRelation: r.consenterRelation,
    consentedOn: r.consentedOn,
    scopeNote: r.scopeNote,
    recordedByName: r.recordedBy ? (names.get(r.recordedBy) ?? null) : null,
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
    withdrawalReason: r.withdrawalReason,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Everyone who reads the child sees the consents (what may be done with the data); managers change them. */
export async function listConsents(db: Db, ctx: RequestContext, actor: Actor, childId: string) {
  const child = await requireReadableChild(db, ctx, actor, childId);
  const rows = await db
    .select()
    .from(childConsent)
    .where(and(eq(childConsent.childId, childId), isNull(childConsent.deletedAt)))
    .orderBy(asc(childConsent.category), asc(childConsent.createdAt));
  return { items: await present(db, rows), canManage: canManagePrivacyOf(actor, child) };
}

export async function recordConsent(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  body: ConsentCreateBody,
) {
  // Checked before the transaction, so a refusal's audit row is not rolled back with it.
  const child = await requirePrivacyManager(db, ctx, actor, childId);
  return db.transaction(async (tx) => {
    const guardianBasis = body.basis === 'guardian_consent';
    const [row] = await tx
      .insert(childConsent)
      .values({
        countyId: child.countyId,
        childId,
        category: body.category,
        basis: body.basis,
        consenterName: guardianBasis || body.consenterName ? (body.consenterName?.trim() ?? null) : null,
        consenterRelation: body.consenterRelation?.trim() || null,
        consentedOn: body.consentedOn,
        scopeNote: body.scopeNote?.trim() || null,
        recordedBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      event: 'consent.recorded',
      targetType: 'child_consent',
      targetId: row!.id,
      childId,
      org: auditOrgOf(child),
      after: { category: row!.category, basis: row!.basis, consentedOn: row!.consentedOn },
    });
    return (await present(tx, [row!]))[0]!;
  });
}

export async function withdrawConsent(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  consentId: string,
  version: number,
  reason: string,
) {
  // Checked before the transaction, so a refusal's audit row is not rolled back with it.
  const child = await requirePrivacyManager(db, ctx, actor, childId);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(childConsent)
      .where(and(eq(childConsent.id, consentId), eq(childConsent.childId, childId), isNull(childConsent.deletedAt)));
    if (!current) throw new AppError('NOT_FOUND');
    if (current.withdrawnAt) throw new AppError('CONSENT_ALREADY_WITHDRAWN');
    if (current.version !== version)
      throw new AppError('VERSION_CONFLICT', { current: (await present(tx, [current]))[0] });
    const now = new Date();
    const [row] = await tx
      .update(childConsent)
      .set({
        withdrawnAt: now,
        withdrawalReason: reason.trim(),
        withdrawnBy: actor.userId,
        updatedAt: now,
        version: current.version + 1,
      })
      .where(and(eq(childConsent.id, consentId), eq(childConsent.version, version)))
      .returning();
    if (!row) throw new AppError('VERSION_CONFLICT', { current: (await present(tx, [current]))[0] });
    await recordAudit(tx, ctx, {
      event: 'consent.withdrawn',
      targetType: 'child_consent',
      targetId: consentId,
      childId,
      org: auditOrgOf(child),
      after: { category: row.category, withdrawnAt: now.toISOString() },
    });
    return (await present(tx, [row]))[0]!;
  });
}
