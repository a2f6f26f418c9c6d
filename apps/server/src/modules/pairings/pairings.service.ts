import { type PairingListQuery, todayIso } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { auditOrgOf, invalidFields } from '../children/children.access';
import { childScope } from '../children/children.policy';
import { orgNames } from '../children/children.repository';
import { canReadPairing, canWritePairingFor } from './pairings.policy';
import { orgIdsOf, type PairingWithChild, pairingSnapshot, presentPairing } from './pairings.presenter';
import * as repo from './pairings.repository';

/** Presents pairings with the org names they need (one query for all). */
export async function presentPairings(db: Db, actor: Actor, rows: PairingWithChild[]) {
  const names = await orgNames(db, orgIdsOf(rows));
  const today = todayIso();
  return rows.map((r) => presentPairing(actor, r, names, today));
}

export async function listVisiblePairings(db: Db, actor: Actor, query: PairingListQuery) {
  const { page, pageSize, mine, ...filters } = query;
  const scope = await childScope(db, actor, 'pairing.read');
  const { rows, total } = await repo.listPairings(
    db,
    { ...scope, userId: actor.userId },
    { ...filters, mine: mine === 'true' },
    { page, pageSize },
    todayIso(),
  );
  return { items: await presentPairings(db, actor, rows), total, page, pageSize };
}

export async function requireReadablePairing(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await repo.findPairing(db, id);
  const pairedIds = row ? (await childScope(db, actor, 'pairing.read')).pairedIds : [];
  if (!row || !canReadPairing(actor, row.pairing, { id: row.pairing.childId, ...row.child }, pairedIds)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'pairing', targetId: id });
    throw new AppError('NOT_FOUND');
  }
  return row;
}

const auditOrg = (row: PairingWithChild) =>
  auditOrgOf({ ...row.child, countyId: row.pairing.countyId, villageId: null });

/** Ends a pairing on `endDate` (default today): from that day the helper no longer holds it. */
export async function endPairing(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  body: { endDate?: string; note?: string | null },
) {
  const row = await requireReadablePairing(db, ctx, actor, id);
  if (!canWritePairingFor(actor, row.child)) {
    await recordAudit(db, ctx, {
      event: 'access.denied',
      targetType: 'pairing',
      targetId: id,
      childId: row.pairing.childId,
      org: auditOrg(row),
    });
    throw new AppError('FORBIDDEN');
  }
  const today = todayIso();
  const endDate = body.endDate ?? today;
  if (row.pairing.endDate !== null && row.pairing.endDate <= today) throw new AppError('PAIRING_ALREADY_ENDED');
  if (endDate < row.pairing.startDate)
    throw invalidFields(ctx.language, [{ field: 'endDate', key: 'end_before_start' }]);
  return db.transaction(async (tx) => {
    const ended = await repo.endPairing(tx, id, version, {
      endDate,
      endedBy: actor.userId,
      ...(body.note !== undefined ? { note: body.note } : {}),
    });
    if (!ended) {
      const current = await repo.findPairing(tx, id);
      throw new AppError('VERSION_CONFLICT', { current: current && (await presentPairings(tx, actor, [current]))[0] });
    }
    await recordAudit(tx, ctx, {
      event: 'pairing.ended',
      targetType: 'pairing',
      targetId: id,
      childId: row.pairing.childId,
      org: auditOrg(row),
      before: pairingSnapshot(row.pairing),
      after: pairingSnapshot(ended),
    });
    return (await repo.findPairing(tx, id))!;
  });
}
