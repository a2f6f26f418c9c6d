import { healthFlags, teethStatuses } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { child } from '../children/children.table';
import { appUser } from '../users/users.table';

const decimal1 = (name: string, precision: number) => numeric(name, { precision, scale: 1, mode: 'number' });

/**
 * 体检: one school health check of a child. BMI, age and flags are derived on write by the shared
 * screening functions (WS/T 456-2014, WS/T 586-2018, GB 11533-2011) and stored, so lists and
 * statistics filter on them in SQL. `school_id`/`class_id` copy the child's placement when written.
 */
export const healthCheck = pgTable(
  'health_check',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    schoolId: uuid('school_id'),
    classId: uuid('class_id'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => appUser.id),
    checkedOn: date('checked_on').notNull(),
    ageMonths: integer('age_months'),
    heightCm: decimal1('height_cm', 4),
    weightKg: decimal1('weight_kg', 4),
    bmi: decimal1('bmi', 4),
    visionLeft: decimal1('vision_left', 2),
    visionRight: decimal1('vision_right', 2),
    teeth: text('teeth', { enum: teethStatuses }),
    findings: text('findings'),
    referralNeeded: boolean('referral_needed').notNull().default(false),
    referralTo: text('referral_to'),
    followUpOn: date('follow_up_on'),
    followUpDoneOn: date('follow_up_done_on'),
    flags: text('flags', { enum: healthFlags }).array().notNull().default(sql`'{}'::text[]`),
    growthScreened: boolean('growth_screened').notNull().default(false),
    batchId: uuid('batch_id'),
    idempotencyKey: uuid('idempotency_key'),
    deletedBy: uuid('deleted_by'),
  },
  (t) => [
    // "Has this child a check between these dates" (the care rule) and the child's list.
    index('health_check_child_idx').on(t.countyId, t.childId, t.checkedOn).where(sql`${t.deletedAt} is null`),
    index('health_check_class_idx').on(t.countyId, t.classId, t.checkedOn).where(sql`${t.deletedAt} is null`),
    index('health_check_follow_up_idx')
      .on(t.countyId, t.classId, t.followUpOn)
      .where(sql`${t.referralNeeded} and ${t.followUpDoneOn} is null and ${t.deletedAt} is null`),
    // The author's own open referrals (the to-do list's other branch): without it the OR walked the
    // county's open referrals (3,836 → 22 pages for a class teacher, bench findings 8).
    index('health_check_author_follow_up_idx')
      .on(t.authorId, t.followUpOn)
      .where(sql`${t.referralNeeded} and ${t.followUpDoneOn} is null and ${t.deletedAt} is null`),
    uniqueIndex('health_check_idempotency_uq')
      .on(t.authorId, t.idempotencyKey, t.childId)
      .where(sql`${t.idempotencyKey} is not null`),
  ],
);
