import { bigint, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';

/**
 * Uploaded photos and scans. The file lives under the attachments folder with a server-made name
 * (`storage_key`); the original name is kept only for the download's filename. `owner_type` +
 * `owner_id` say what it belongs to (a child's photo, a guardian's entrustment scan, a care record…).
 */
export const attachment = pgTable(
  'attachment',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    childId: uuid('child_id'),
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id'),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('attachment_child_idx').on(t.countyId, t.childId),
    index('attachment_owner_idx').on(t.ownerType, t.ownerId),
  ],
);
