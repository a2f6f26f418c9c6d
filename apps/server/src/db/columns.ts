import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Columns every editable table carries: identity, timestamps, optimistic version, soft delete. */
export const editableColumns = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
});
