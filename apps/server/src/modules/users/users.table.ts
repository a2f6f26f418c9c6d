import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { org } from '../orgs/orgs.table';

export const appUser = pgTable(
  'app_user',
  {
    ...editableColumns(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    phone: text('phone'),
    language: text('language', { enum: ['zh-CN', 'en'] })
      .notNull()
      .default('zh-CN'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** TOTP secret (base32), encrypted at rest; set once enrolment is confirmed. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** Keyed HMACs (DATA_HASH_KEY) of the unused recovery codes; each is removed when used. */
    recoveryCodeHashes: text('recovery_code_hashes').array(),
    /** County the account belongs to; null only for accounts created before any county existed. */
    countyId: uuid('county_id'),
  },
  (t) => [
    uniqueIndex('app_user_username_uq').on(sql`lower(${t.username})`),
    index('app_user_county_idx').on(t.countyId),
  ],
);

export const roleAssignment = pgTable(
  'role_assignment',
  {
    ...editableColumns(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    role: text('role', {
      enum: ['county_admin', 'supervisor', 'child_director', 'school_admin', 'class_teacher', 'mentor', 'counselor'],
    }).notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    countyId: uuid('county_id').notNull(),
  },
  (t) => [
    index('role_assignment_user_idx').on(t.userId),
    index('role_assignment_org_idx').on(t.orgId),
    uniqueIndex('role_assignment_uq').on(t.userId, t.role, t.orgId).where(sql`${t.deletedAt} is null`),
  ],
);

/** Sessions: the cookie holds a random token; only its SHA-256 is stored. */
export const session = pgTable(
  'session',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);
