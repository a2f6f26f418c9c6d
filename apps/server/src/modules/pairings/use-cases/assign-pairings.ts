import {
  type Language,
  labelOf,
  type PairingCreateBody,
  type PairingKind,
  pairingKindLabels,
  todayIso,
  villagePairingKinds,
} from '@shouwang/shared';
import type { Db } from '../../../db/client';
import { recordAudit } from '../../../lib/audit/record-audit';
import type { Actor } from '../../../lib/authz/actor';
import type { RequestContext } from '../../../lib/context';
import { AppError } from '../../../lib/errors';
import { capacityAt } from '../../care-rules/care-rules.service';
import { auditOrgOf, invalidFields } from '../../children/children.access';
import { coversChild } from '../../children/children.policy';
import { type ChildRow, findChild } from '../../children/children.repository';
import { findOrg } from '../../orgs/orgs.repository';
import { canWritePairingFor, helperEligible } from '../pairings.policy';
import { pairingSnapshot } from '../pairings.presenter';
import * as repo from '../pairings.repository';

/** Where a problem with item `index` is reported: `helperUserId`, or `items.2.helperUserId` in bulk. */
export type FieldOf = (index: number, name: string) => string;
export const singleField: FieldOf = (_index, name) => name;
export const bulkField: FieldOf = (index, name) => `items.${index}.${name}`;

interface Prepared {
  index: number;
  child: ChildRow;
  kind: PairingKind;
  helper: { userId: string; displayName: string } | null;
  buddy: { classId: string; className: string; name: string } | null;
  startDate: string;
  endDate: string | null;
  note: string | null;
  capacity: number;
}

const helperRef = (p: Prepared): repo.HelperRef =>
  p.helper ? { helperUserId: p.helper.userId } : { buddyClassId: p.buddy!.classId, buddyName: p.buddy!.name };
const helperName = (p: Prepared) => (p.helper ? p.helper.displayName : `${p.buddy!.name}（${p.buddy!.className}）`);
const lockKey = (p: Prepared) =>
  p.helper ? `pairing:user:${p.helper.userId}` : `pairing:buddy:${p.buddy!.classId}:${p.buddy!.name}`;

/** A child the actor may pair: out of sight is 404, visible but not theirs to pair is 403. */
export async function requireChildForPairing(db: Db, ctx: RequestContext, actor: Actor, childId: string) {
  const row = await findChild(db, childId);
  if (!row || !(coversChild(actor, 'pairing.read', row) || coversChild(actor, 'child.read', row))) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'child', targetId: childId });
    throw new AppError('NOT_FOUND');
  }
  if (!canWritePairingFor(actor, row)) {
    await recordAudit(db, ctx, {
      event: 'access.denied',
      targetType: 'child',
      targetId: childId,
      childId,
      org: auditOrgOf(row),
    });
    throw new AppError('FORBIDDEN');
  }
  return row;
}

function helperInvalid(language: Language, field: string, name: string, kind: PairingKind) {
  const village = villagePairingKinds.includes(kind);
  const message =
    language === 'en'
      ? `${name} holds no role to be this child’s ${labelOf(pairingKindLabels, kind, 'en').toLowerCase()}: give them the mentor role at the child’s school${village ? ' or home village' : ''} first`
      : `${name}不能担任该儿童的${labelOf(pairingKindLabels, kind)}：请先在儿童所在学校${village ? '或所在村' : ''}为其分配“帮扶教师/志愿者”角色（本班班主任、学校管理员${village ? '、本村儿童主任' : ''}可直接结对）`;
  return new AppError('PAIRING_HELPER_INVALID', { details: [{ field, message }] });
}

function capacityExceeded(language: Language, field: string, p: Prepared, load: number) {
  const kindZh = labelOf(pairingKindLabels, p.kind);
  const message =
    language === 'en'
      ? `${helperName(p)} already has ${load} ${load === 1 ? 'child' : 'children'} as ${labelOf(pairingKindLabels, p.kind, 'en').toLowerCase()}; the limit is ${p.capacity}`
      : `${helperName(p)}作为${kindZh}已结对${load}名儿童，已达上限${p.capacity}名`;
  return new AppError('PAIRING_CAPACITY_EXCEEDED', { details: [{ field, message }] });
}

async function prepare(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  item: PairingCreateBody,
  index: number,
  field: FieldOf,
  today: string,
): Promise<Prepared> {
  const child = await requireChildForPairing(db, ctx, actor, item.childId);
  const startDate = item.startDate ?? today;
  const endDate = item.endDate ?? null;
  if (endDate !== null && endDate < startDate)
    throw invalidFields(ctx.language, [{ field: field(index, 'endDate'), key: 'end_before_start' }]);
  let helper: Prepared['helper'] = null;
  let buddy: Prepared['buddy'] = null;
  if (item.kind === 'buddy_student') {
    const cls = await findOrg(db, item.buddyClassId!);
    if (cls?.kind !== 'class' || cls.parentId !== child.schoolId)
      throw invalidFields(ctx.language, [{ field: field(index, 'buddyClassId'), key: 'buddy_class_invalid' }]);
    buddy = { classId: cls.id, className: cls.name, name: item.buddyName! };
  } else {
    const user = await repo.helperWithAssignments(db, item.helperUserId!);
    if (!user || !helperEligible(item.kind, user.assignments, child))
      throw helperInvalid(ctx.language, field(index, 'helperUserId'), user?.displayName ?? '', item.kind);
    helper = { userId: user.userId, displayName: user.displayName };
  }
  const capacity = (await capacityAt(db, ctx, child.schoolId))[item.kind];
  return { index, child, kind: item.kind, helper, buddy, startDate, endDate, note: item.note ?? null, capacity };
}

/**
 * Makes pairings all-or-nothing in one transaction. Each helper is locked first (in a fixed order, so
 * two bulk requests cannot deadlock), then each pairing is checked against the helper's pairings of
 * that kind overlapping its dates — including the ones this request has just added — and the capacity
 * of the child's school.
 */
export async function assignPairings(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  items: PairingCreateBody[],
  options: { field: FieldOf; handoverId?: string; inTransaction?: (tx: Db, rows: repo.PairingRow[]) => Promise<void> },
) {
  const today = todayIso();
  const prepared: Prepared[] = [];
  for (const [index, item] of items.entries()) {
    prepared.push(await prepare(db, ctx, actor, item, index, options.field, today));
  }
  return db.transaction(async (tx) => {
    for (const key of [...new Set(prepared.map(lockKey))].sort()) await repo.lockHelper(tx, key);
    const rows: repo.PairingRow[] = [];
    for (const p of prepared) {
      const field = options.field(p.index, p.helper ? 'helperUserId' : 'buddyName');
      if (await repo.hasOverlappingPair(tx, p.child.id, helperRef(p), p.kind, p.startDate, p.endDate))
        throw new AppError('PAIRING_DUPLICATE', { details: [{ field, message: `${p.child.name}：${helperName(p)}` }] });
      const load = await repo.countOverlapping(tx, helperRef(p), p.kind, p.startDate, p.endDate);
      if (load >= p.capacity) throw capacityExceeded(ctx.language, field, p, load);
      const row = await repo.insertPairing(tx, {
        countyId: p.child.countyId,
        childId: p.child.id,
        schoolId: p.child.schoolId,
        kind: p.kind,
        helperUserId: p.helper?.userId ?? null,
        buddyName: p.buddy?.name ?? null,
        buddyClassId: p.buddy?.classId ?? null,
        startDate: p.startDate,
        endDate: p.endDate,
        handoverId: options.handoverId ?? null,
        note: p.note,
        createdBy: actor.userId,
      });
      await recordAudit(tx, ctx, {
        event: 'pairing.created',
        targetType: 'pairing',
        targetId: row.id,
        childId: p.child.id,
        org: auditOrgOf(p.child),
        after: pairingSnapshot(row),
      });
      rows.push(row);
    }
    await options.inTransaction?.(tx, rows);
    return rows;
  });
}
