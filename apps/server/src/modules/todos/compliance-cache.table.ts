import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * 完成率 pre-aggregated: for one care rule's period, how many children of the school owed it and
 * how many had a record in it (one row per period; a period nobody owes keeps a zero row). A cache of the compliance statement
 * (compliance-cache.repository.ts), keyed by the period's exact dates, so a county dashboard adds up
 * rows instead of probing every (child × period). Rows go stale only through writes, which the
 * triggers of migration 0016 mark on `compliance_state`; stale rows are recomputed before a read.
 */
export const complianceTally = pgTable(
  'compliance_tally',
  {
    countyId: uuid('county_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    ruleId: uuid('rule_id').notNull(),
    kind: text('kind').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    due: integer('due').notNull(),
    done: integer('done').notNull(),
  },
  (t) => [
    index('compliance_tally_period_idx').on(t.ruleId, t.periodStart, t.periodEnd),
    index('compliance_tally_school_idx').on(t.countyId, t.schoolId, t.periodEnd),
    // A county's read of one term's periods: its rows only, not every past term's.
    index('compliance_tally_county_period_idx').on(t.countyId, t.periodStart),
  ],
);

/**
 * Per school: from which day its cached tallies are stale (null: all fresh). Set by triggers on
 * care records, the other duty sources, children, their categories and enrollments, and care rules.
 */
export const complianceState = pgTable('compliance_state', {
  schoolId: uuid('school_id').primaryKey(),
  countyId: uuid('county_id').notNull(),
  dirtyFrom: date('dirty_from'),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }),
});

/**
 * Per county: sets of rule periods (by fingerprint) whose tallies were all computed. Rows of a computed
 * period only go when a write makes their school stale, and a refresh computes them again unless their
 * rule is no longer active; such a refresh deletes the county's markers. So while a marker stands, a
 * read of that set need not look for missing periods (a set difference over all the county's tallies)
 * and only asks which of its schools are stale.
 */
export const complianceWindow = pgTable(
  'compliance_window',
  {
    countyId: uuid('county_id').notNull(),
    fingerprint: text('fingerprint').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.fingerprint] })],
);
