import { activityTypes, participantRoles, type RoomDoing } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { child } from '../children/children.table';
import { org } from '../orgs/orgs.table';
import { appUser } from '../users/users.table';

/**
 * 活动: organized by a township, village, school or class (`org_path` copies the unit's path for
 * scope filters). Photos are attachments with owner_type `activity_photo` and owner_id = the activity.
 */
export const activity = pgTable(
  'activity',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    orgPath: text('org_path').notNull(),
    type: text('type', { enum: activityTypes }).notNull(),
    title: text('title').notNull(),
    occurredOn: date('occurred_on').notNull(),
    place: text('place'),
    organizers: text('organizers'),
    description: text('description'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => appUser.id),
    deletedBy: uuid('deleted_by'),
  },
  (t) => [
    index('activity_scope_idx').on(t.countyId, t.orgPath.op('text_pattern_ops'), t.occurredOn),
    index('activity_date_idx').on(t.countyId, t.occurredOn),
  ],
);

/**
 * 参与: a child in an activity with role and award. `school_id` copies the child's school when
 * written, so per-school participation counts need no join through the child's later moves.
 */
export const activityParticipation = pgTable(
  'activity_participation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyId: uuid('county_id').notNull(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activity.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    schoolId: uuid('school_id'),
    role: text('role', { enum: participantRoles }).notNull().default('participant'),
    award: text('award'),
  },
  (t) => [
    uniqueIndex('activity_participation_uq').on(t.activityId, t.childId),
    index('activity_participation_child_idx').on(t.countyId, t.childId),
    index('activity_participation_school_idx').on(t.countyId, t.schoolId),
  ],
);

/** 留守儿童之家 opening schedule: weekday slots of a school's or village's room, with the duty teacher. */
export const activityRoomSlot = pgTable(
  'activity_room_slot',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    weekday: integer('weekday').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    dutyUserId: uuid('duty_user_id').references(() => appUser.id),
    dutyName: text('duty_name'),
  },
  (t) => [index('activity_room_slot_org_idx').on(t.orgId).where(sql`${t.deletedAt} is null`)],
);

/** One child's visit to the activity room and what they did there. */
export const activityRoomVisit = pgTable(
  'activity_room_visit',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    schoolId: uuid('school_id'),
    visitedOn: date('visited_on').notNull(),
    doings: text('doings').array().notNull().$type<RoomDoing[]>(),
    note: text('note'),
    batchId: uuid('batch_id').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => appUser.id),
  },
  (t) => [
    index('activity_room_visit_org_idx').on(t.orgId, t.visitedOn),
    index('activity_room_visit_child_idx').on(t.countyId, t.childId, t.visitedOn),
  ],
);
