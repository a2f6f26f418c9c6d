import {
  type CareLevel,
  type ChildCategory,
  careFrequencies,
  careResponsibleRoles,
  careRuleKinds,
  defaultPairingCapacity,
  pairingKinds,
} from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { org } from '../orgs/orgs.table';

const textArray = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

/** 关爱规范 of one school: kind, frequency, who owes it, which children it applies to. */
export const careRule = pgTable(
  'care_rule',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => org.id),
    kind: text('kind', { enum: careRuleKinds }).notNull(),
    frequency: text('frequency', { enum: careFrequencies }).notNull(),
    windowDays: integer('window_days').notNull().default(14),
    categories: textArray('categories').$type<ChildCategory[]>(),
    careLevels: textArray('care_levels').$type<CareLevel[]>(),
    responsibleRole: text('responsible_role', { enum: careResponsibleRoles }),
    responsiblePairingKind: text('responsible_pairing_kind', { enum: pairingKinds }),
    active: boolean('active').notNull().default(true),
    note: text('note'),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('care_rule_school_idx').on(t.schoolId).where(sql`${t.deletedAt} is null`),
    check('care_rule_responsible_ck', sql`(${t.responsibleRole} is null) <> (${t.responsiblePairingKind} is null)`),
  ],
);

/**
 * A school's care settings: pairing capacity per kind and how long authors may edit their records.
 * The row is created with the school's default rules the first time anyone needs them.
 */
export const careSetting = pgTable(
  'care_setting',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => org.id),
    mentorTeacherCapacity: integer('mentor_teacher_capacity').notNull().default(defaultPairingCapacity.mentor_teacher),
    proxyParentCapacity: integer('proxy_parent_capacity').notNull().default(defaultPairingCapacity.proxy_parent),
    holidayTutorCapacity: integer('holiday_tutor_capacity').notNull().default(defaultPairingCapacity.holiday_tutor),
    buddyStudentCapacity: integer('buddy_student_capacity').notNull().default(defaultPairingCapacity.buddy_student),
    recordEditDays: integer('record_edit_days').notNull().default(7),
  },
  (t) => [uniqueIndex('care_setting_school_uq').on(t.schoolId)],
);
