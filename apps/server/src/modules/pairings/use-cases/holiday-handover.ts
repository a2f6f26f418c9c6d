import { randomUUID } from 'node:crypto';
import type { holidayHandoverBody } from '@shouwang/shared';
import type { z } from 'zod';
import type { Db } from '../../../db/client';
import { recordAudit } from '../../../lib/audit/record-audit';
import type { Actor } from '../../../lib/authz/actor';
import type { RequestContext } from '../../../lib/context';
import { invalidFields } from '../../children/children.access';
import { listEffectiveTerms } from '../../terms/terms.repository';
import { assignPairings, type FieldOf, requireChildForPairing } from './assign-pairings';

/** The first day of the next term after `date` at the child's school (or in the county). */
async function nextTermStart(db: Db, countyId: string, schoolId: string | null, date: string) {
  const terms = await listEffectiveTerms(db, countyId, schoolId);
  const next = terms.map((t) => t.startDate).filter((d) => d > date);
  return next.sort()[0] ?? null;
}

const childField: FieldOf = (index, name) => (name === 'endDate' ? 'endDate' : `childIds.${index}`);

/**
 * 假期交接: the children are paired with a village holiday tutor from `startDate`; each pairing ends
 * by itself on `endDate`, by default the first day of the child's next term, when the children are
 * back with their teachers. All or nothing, as one action in the audit log.
 */
export async function holidayHandover(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  body: z.infer<typeof holidayHandoverBody>,
) {
  const items = [];
  for (const childId of body.childIds) {
    const child = await requireChildForPairing(db, ctx, actor, childId);
    const endDate = body.endDate ?? (await nextTermStart(db, child.countyId, child.schoolId, body.startDate));
    if (!endDate) throw invalidFields(ctx.language, [{ field: 'endDate', key: 'handover_end_required' }]);
    items.push({
      childId,
      kind: 'holiday_tutor' as const,
      helperUserId: body.helperUserId,
      startDate: body.startDate,
      endDate,
      note: body.note,
    });
  }
  const handoverId = randomUUID();
  return assignPairings(db, ctx, actor, items, {
    field: childField,
    handoverId,
    inTransaction: (tx, rows) =>
      recordAudit(tx, ctx, {
        event: 'pairing.holiday_handover',
        targetType: 'pairing_handover',
        targetId: handoverId,
        diff: {
          helperUserId: body.helperUserId,
          childIds: body.childIds,
          startDate: body.startDate,
          endDates: [...new Set(rows.map((r) => r.endDate))],
        },
      }),
  });
}
