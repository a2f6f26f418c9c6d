import {
  type LetterDeliveryCreateBody,
  type LetterRosterQuery,
  labelOf,
  letterChannelLabels,
  todayIso,
} from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { isUniqueViolation } from '../../lib/db-errors';
import { AppError } from '../../lib/errors';
import { auditOrgOf, invalidFields } from '../children/children.access';
import { coversChild } from '../children/children.policy';
import { bulkAudit } from '../children/children-bulk.repository';
import { findOrg } from '../orgs/orgs.repository';
import { listEffectiveTerms } from '../terms/terms.repository';
import { letterTerm } from './letter-terms';
import { requireLetterUnit } from './letters.access';
import { canSendLettersOf } from './letters.policy';
import { deliverySnapshot, presentDelivery, presentTerm } from './letters.presenter';
import * as repo from './letters.repository';

/** A class's children with whether this term's letter of the kind has reached their families. */
export async function letterRoster(db: Db, ctx: RequestContext, actor: Actor, query: LetterRosterQuery) {
  const { unit, school } = await requireLetterUnit(db, ctx, actor, query.classId, 'read');
  if (unit.kind !== 'class') throw new AppError('LETTER_ORG_KIND');
  const { term, terms } = await letterTerm(db, school, query.termId);
  const children = await repo.childrenOfUnit(db, unit);
  const deliveries = await repo.deliveriesOf(
    db,
    school.countyId,
    children.map((c) => c.id),
    term.id,
    query.kind,
  );
  const byChild = new Map(deliveries.map((d) => [d.delivery.childId, d]));
  const send = canSendLettersOf(actor, unit);
  return {
    term: presentTerm(term),
    terms: terms.map(presentTerm),
    kind: query.kind,
    schoolId: school.id,
    items: children.map((c) => {
      const d = byChild.get(c.id);
      return {
        child: { id: c.id, name: c.name },
        delivery: d ? presentDelivery(d.delivery, d.sentByName) : null,
        abilities: { markSent: send && !d, undo: send && !!d },
      };
    }),
  };
}

const schoolSide = (c: { schoolPath: string | null }) => ({ schoolPath: c.schoolPath, villagePath: null });

/** Children the caller may mark letters sent for: unseen ones are "not found", seen but not theirs "forbidden". */
async function requireChildrenForSending(db: Db, ctx: RequestContext, actor: Actor, ids: string[]) {
  const rows = await repo.childrenByIds(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of ids) {
    const row = byId.get(id);
    if (!row || !coversChild(actor, 'letter.read', schoolSide(row))) {
      await recordAudit(db, ctx, { event: 'access.denied', targetType: 'child', targetId: id });
      throw new AppError('NOT_FOUND');
    }
    if (!coversChild(actor, 'letter.send', schoolSide(row))) {
      await recordAudit(db, ctx, {
        event: 'access.denied',
        targetType: 'child',
        targetId: id,
        childId: id,
        org: auditOrgOf(row),
      });
      throw new AppError('FORBIDDEN');
    }
  }
  return ids.map((id) => byId.get(id)!);
}

/** Marks the term's letter sent for several children of one school, all or none. */
export async function markLettersSent(db: Db, ctx: RequestContext, actor: Actor, body: LetterDeliveryCreateBody) {
  const ids = [...new Set(body.childIds)];
  const children = await requireChildrenForSending(db, ctx, actor, ids);
  if (body.sentOn > todayIso()) throw invalidFields(ctx.language, [{ field: 'sentOn', key: 'date_in_future' }]);
  const schoolIds = new Set(children.map((c) => c.schoolId));
  const schoolId = children[0]!.schoolId;
  const school = schoolId ? await findOrg(db, schoolId) : undefined;
  if (schoolIds.size !== 1 || !school) throw new AppError('LETTER_CHILDREN_SCHOOL');
  const terms = await listEffectiveTerms(db, school.countyId, school.id);
  if (!terms.some((t) => t.id === body.termId)) throw new AppError('LETTER_CHILDREN_SCHOOL');
  const existing = await repo.deliveriesOf(db, school.countyId, ids, body.termId, body.letterKind);
  if (existing.length > 0) {
    const names = new Map(children.map((c) => [c.id, c.name]));
    throw new AppError('LETTER_ALREADY_SENT', {
      details: existing.map(({ delivery: d }) => ({
        field: 'childIds',
        message:
          ctx.language === 'en'
            ? `${names.get(d.childId)}: marked sent on ${d.sentOn} (${labelOf(letterChannelLabels, d.channel, 'en')})`
            : `${names.get(d.childId)}：已于${d.sentOn}登记发出（${labelOf(letterChannelLabels, d.channel)}）`,
      })),
    });
  }
  try {
    return await db.transaction(async (tx) => {
      const rows = await repo.insertDeliveries(
        tx,
        children.map((c) => ({
          countyId: c.countyId,
          childId: c.id,
          schoolId: c.schoolId,
          classId: c.classId,
          termId: body.termId,
          letterKind: body.letterKind,
          channel: body.channel,
          sentOn: body.sentOn,
          sentBy: actor.userId,
        })),
      );
      const childOf = new Map(children.map((c) => [c.id, c]));
      await bulkAudit(
        tx,
        ctx,
        rows.map((r) => ({
          event: 'letter.marked_sent' as const,
          targetType: 'letter_delivery',
          targetId: r.id,
          childId: r.childId,
          org: auditOrgOf(childOf.get(r.childId)!),
          after: deliverySnapshot(r),
        })),
      );
      return { items: rows.map((r) => ({ ...presentDelivery(r, actor.displayName), childId: r.childId })) };
    });
  } catch (error) {
    // Someone marked one of them in the meantime.
    if (isUniqueViolation(error)) throw new AppError('LETTER_ALREADY_SENT');
    throw error;
  }
}

/** Takes back a mark made by mistake (soft delete, audited). */
export async function undoLetterSent(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  const delivery = await repo.findDelivery(db, id);
  if (!delivery) throw new AppError('NOT_FOUND');
  const [child] = await requireChildrenForSending(db, ctx, actor, [delivery.childId]);
  await db.transaction(async (tx) => {
    const row = await repo.softDeleteDelivery(tx, id, version, actor.userId);
    if (!row) {
      const current = await repo.findDelivery(tx, id);
      if (!current) throw new AppError('NOT_FOUND');
      throw new AppError('VERSION_CONFLICT', { current: presentDelivery(current, '') });
    }
    await recordAudit(tx, ctx, {
      event: 'letter.sent_undone',
      targetType: 'letter_delivery',
      targetId: id,
      childId: delivery.childId,
      org: auditOrgOf(child!),
      before: deliverySnapshot(delivery),
    });
  });
}
