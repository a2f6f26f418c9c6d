import { kpiTargetKeys } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { org } from '../orgs/orgs.table';

/**
 * KPI targets (目标值) set for a scope (any org node) and a term, keyed by school year and term number so
 * that a school's own term and the county's term of the same number share them. A scope without its own
 * value inherits the nearest unit above it, then the shared defaults. Stored in basis points (95.5% = 9550).
 */
export const kpiTarget = pgTable(
  'kpi_target',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    schoolYear: text('school_year').notNull(),
    termNo: integer('term_no').notNull(),
    kpi: text('kpi', { enum: kpiTargetKeys }).notNull(),
    targetBp: integer('target_bp').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    uniqueIndex('kpi_target_org_term_uq').on(t.orgId, t.schoolYear, t.termNo, t.kpi).where(sql`${t.deletedAt} is null`),
    index('kpi_target_county_idx').on(t.countyId, t.schoolYear, t.termNo),
    check('kpi_target_range_ck', sql`${t.targetBp} between 0 and 10000`),
  ],
);
