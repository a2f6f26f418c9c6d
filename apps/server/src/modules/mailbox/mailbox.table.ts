import { mailboxStatuses } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { child } from '../children/children.table';
import { org } from '../orgs/orgs.table';
import { appUser } from '../users/users.table';

/**
 * 悄悄话信箱 of one school: the short code of its public link `/m/<code>`, whether it takes
 * messages, and the danger words that make a message urgent (the school's own list).
 */
export const mailboxBox = pgTable(
  'mailbox_box',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => org.id),
    code: text('code').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    dangerWords: text('danger_words').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [uniqueIndex('mailbox_box_school_uq').on(t.schoolId), uniqueIndex('mailbox_box_code_uq').on(t.code)],
);

/**
 * A message a child left in the mailbox. Every text (the message, the name and class the child
 * chose to give, the reply) is encrypted with the field cipher; the pickup code is kept only as a
 * keyed hash. Nothing about the sender's network or device is stored.
 */
export const mailboxMessage = pgTable(
  'mailbox_message',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => org.id),
    boxId: uuid('box_id')
      .notNull()
      .references(() => mailboxBox.id),
    bodyCipher: text('body_cipher').notNull(),
    senderNameCipher: text('sender_name_cipher'),
    senderClassCipher: text('sender_class_cipher'),
    pickupCodeHash: text('pickup_code_hash').notNull(),
    /** A danger word matched (or a counselor marked it): first in the inbox, alerts raised. */
    urgent: boolean('urgent').notNull().default(false),
    status: text('status', { enum: mailboxStatuses }).notNull().default('new'),
    handlerId: uuid('handler_id').references(() => appUser.id),
    replyCipher: text('reply_cipher'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    repliedBy: uuid('replied_by').references(() => appUser.id),
    childId: uuid('child_id').references(() => child.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('mailbox_message_pickup_uq').on(t.pickupCodeHash),
    // The inbox: urgent first, then newest, per school.
    index('mailbox_message_inbox_idx').on(t.schoolId, t.urgent, t.createdAt).where(sql`${t.deletedAt} is null`),
  ],
);
