import { aidTypes, fundDirections, fundPurposes, fundSources } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { activity } from '../activities/activities.table';
import { child } from '../children/children.table';
import { org } from '../orgs/orgs.table';
import { appUser } from '../users/users.table';

/**
 * 资助: money or goods given to one child. Amounts are whole fen (分); the check keeps absurd
 * amounts out even if a caller bypasses the shared schema. `school_id` copies the child's school.
 */
export const aid = pgTable(
  'aid',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    schoolId: uuid('school_id'),
    type: text('type', { enum: aidTypes }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    items: text('items'),
    source: text('source'),
    givenOn: date('given_on').notNull(),
    deliveredBy: text('delivered_by'),
    note: text('note'),
    /** The life-care record of the birthday celebration this gift belongs to. */
    careRecordId: uuid('care_record_id'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => appUser.id),
  },
  (t) => [
    index('aid_child_idx').on(t.countyId, t.childId, t.givenOn),
    index('aid_school_idx').on(t.countyId, t.schoolId, t.givenOn),
    check('aid_amount_range', sql`${t.amountFen} is null or (${t.amountFen} >= 0 and ${t.amountFen} <= 100000000)`),
  ],
);

/** A school's care-fund ledger (收支台账): income by source, spending by purpose. */
export const fundLedgerEntry = pgTable(
  'fund_ledger_entry',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => org.id),
    direction: text('direction', { enum: fundDirections }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    occurredOn: date('occurred_on').notNull(),
    source: text('source', { enum: fundSources }),
    donor: text('donor'),
    purpose: text('purpose', { enum: fundPurposes }),
    activityId: uuid('activity_id').references(() => activity.id),
    note: text('note'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => appUser.id),
  },
  (t) => [
    index('fund_ledger_school_idx').on(t.schoolId, t.occurredOn),
    check('fund_amount_range', sql`${t.amountFen} > 0 and ${t.amountFen} <= 100000000`),
  ],
);
