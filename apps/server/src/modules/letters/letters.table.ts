import { letterChannels, letterKinds } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { child } from '../children/children.table';
import { org } from '../orgs/orgs.table';
import { term } from '../terms/terms.table';
import { appUser } from '../users/users.table';

/**
 * 致家长的一封信 templates of a school: the term-start and term-end letters (one each, created on
 * first use) and any number of the school's own. Text with `{{字段}}` merge fields.
 */
export const letterTemplate = pgTable(
  'letter_template',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => org.id),
    kind: text('kind', { enum: letterKinds }).notNull(),
    name: text('name').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    signature: text('signature').notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('letter_template_school_idx').on(t.schoolId).where(sql`${t.deletedAt} is null`),
    // One term-start and one term-end letter per school: racing first uses cannot both add them.
    uniqueIndex('letter_template_term_kind_uq')
      .on(t.schoolId, t.kind)
      .where(sql`${t.kind} <> 'custom' and ${t.deletedAt} is null`),
  ],
);

/** A letter that reached a child's family: which term's letter, how, when and by whom. */
export const letterDelivery = pgTable(
  'letter_delivery',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    schoolId: uuid('school_id'),
    classId: uuid('class_id'),
    termId: uuid('term_id')
      .notNull()
      .references(() => term.id),
    letterKind: text('letter_kind', { enum: letterKinds }).notNull(),
    channel: text('channel', { enum: letterChannels }).notNull(),
    sentOn: date('sent_on').notNull(),
    sentBy: uuid('sent_by')
      .notNull()
      .references(() => appUser.id),
    deletedBy: uuid('deleted_by'),
  },
  (t) => [
    uniqueIndex('letter_delivery_child_term_kind_uq')
      .on(t.countyId, t.childId, t.termId, t.letterKind)
      .where(sql`${t.deletedAt} is null`),
    // The schedule: "has this child had a letter between these dates" is one index probe.
    index('letter_delivery_schedule_idx').on(t.countyId, t.childId, t.sentOn).where(sql`${t.deletedAt} is null`),
  ],
);
