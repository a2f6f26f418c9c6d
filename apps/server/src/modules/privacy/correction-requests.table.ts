import { correctionOutcomes } from '@shouwang/shared';
import { bigint, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { child } from '../children/children.table';

/**
 * 更正申请 (PIPL Art. 46): a guardian asks for a correction of the child's data; the school
 * administrator (or child director) corrects the archive and closes the request, which then links
 * to the audit row of the change it made.
 */
export const correctionRequest = pgTable(
  'correction_request',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    requesterName: text('requester_name').notNull(),
    requesterRelation: text('requester_relation').notNull(),
    requestedOn: date('requested_on').notNull(),
    request: text('request').notNull(),
    recordedBy: uuid('recorded_by'),
    outcome: text('outcome', { enum: correctionOutcomes }),
    resolutionNote: text('resolution_note'),
    handledBy: uuid('handled_by'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    /** The audit row of the archive change that carried out the correction. */
    changeAuditId: bigint('change_audit_id', { mode: 'number' }),
  },
  (t) => [index('correction_request_child_idx').on(t.countyId, t.childId)],
);
