import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The four child KPIs, the dashboard's breakdowns and its activity and health panels, pre-aggregated
 * per term window (first day, as-of day) and per group of left-behind children sharing a school,
 * class and the townships of their school and home village. A county dashboard adds up these rows
 * (a few thousand) instead of rebuilding the county's left-behind children three times per request;
 * a township filters them by either township, a school by its id (kpi-cache.repository.ts).
 *
 * A group belongs to one bucket: the children's school, else their village, else the county. A
 * write that can change a figure appends the bucket to `kpi_dirty` (triggers of migration 0018);
 * a read first recomputes the dirty buckets, so the figures are always those of the committed data.
 */
export const kpiTally = pgTable(
  'kpi_tally',
  {
    countyId: uuid('county_id').notNull(),
    windowStart: date('window_start').notNull(),
    asOf: date('as_of').notNull(),
    bucketId: uuid('bucket_id').notNull(),
    schoolId: uuid('school_id'),
    classId: uuid('class_id'),
    /** Second id of the school's path (its township, or the school itself when it sits under the county). */
    schoolTop: text('school_top'),
    /** Second id of the home village's path (its township). */
    villageTop: text('village_top'),
    children: integer('children').notNull(),
    archiveMet: integer('archive_met').notNull(),
    enrollmentIn: integer('enrollment_in').notNull(),
    enrollmentMet: integer('enrollment_met').notNull(),
    retentionIn: integer('retention_in').notNull(),
    retentionMet: integer('retention_met').notNull(),
    paired: integer('paired').notNull(),
  },
  (t) => [
    index('kpi_tally_window_idx').on(t.countyId, t.windowStart, t.asOf, t.schoolId),
    index('kpi_tally_bucket_idx').on(t.countyId, t.bucketId),
  ],
);

/**
 * The breakdowns and panels of the same groups, a row per measure, at school level (the dashboard
 * shows them for the whole scope only): children by `category:…`, `care_level:…`, `activity:…`,
 * `activity_any`, `health:…`, `health_checked`.
 */
export const kpiTallyExtra = pgTable(
  'kpi_tally_extra',
  {
    countyId: uuid('county_id').notNull(),
    windowStart: date('window_start').notNull(),
    asOf: date('as_of').notNull(),
    bucketId: uuid('bucket_id').notNull(),
    schoolId: uuid('school_id'),
    schoolTop: text('school_top'),
    villageTop: text('village_top'),
    measure: text('measure').notNull(),
    children: integer('children').notNull(),
  },
  (t) => [
    index('kpi_tally_extra_window_idx').on(t.countyId, t.windowStart, t.asOf, t.schoolId),
    index('kpi_tally_extra_bucket_idx').on(t.countyId, t.bucketId),
  ],
);

/** A window whose tallies cover every bucket of the county (missing: compute the whole county). */
export const kpiWindow = pgTable(
  'kpi_window',
  {
    countyId: uuid('county_id').notNull(),
    windowStart: date('window_start').notNull(),
    asOf: date('as_of').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.windowStart, t.asOf] })],
);

/**
 * Buckets a committed write has touched since their tallies were computed. Append-only for writers
 * (no row locks between teachers), consumed by the refresh, which deletes what it recomputes.
 */
export const kpiDirty = pgTable(
  'kpi_dirty',
  {
    countyId: uuid('county_id').notNull(),
    bucketId: uuid('bucket_id').notNull(),
  },
  (t) => [index('kpi_dirty_county_idx').on(t.countyId)],
);
