import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { child } from '../children/children.table';
import { attachment } from './attachments.table';

export type AttachmentRow = typeof attachment.$inferSelect;
export type AttachmentInsert = typeof attachment.$inferInsert;

export async function insertAttachment(db: Db, values: AttachmentInsert): Promise<AttachmentRow> {
  const [row] = await db.insert(attachment).values(values).returning();
  return row!;
}

export async function findAttachment(db: Db, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(attachment)
    .where(and(eq(attachment.id, id), isNull(attachment.deletedAt)))
    .limit(1);
  return row;
}

export async function listChildAttachments(db: Db, childId: string): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(attachment)
    .where(and(eq(attachment.childId, childId), isNull(attachment.deletedAt)))
    .orderBy(desc(attachment.createdAt));
}

export async function softDeleteAttachment(db: Db, id: string, expectedVersion: number) {
  const [row] = await db
    .update(attachment)
    .set({ deletedAt: new Date(), updatedAt: new Date(), version: sql`${attachment.version} + 1` })
    .where(and(eq(attachment.id, id), eq(attachment.version, expectedVersion), isNull(attachment.deletedAt)))
    .returning();
  return row;
}

/** A deleted photo stops being the child's photo (a version bump: the archive visibly changed). */
export async function clearChildPhoto(db: Db, childId: string, attachmentId: string): Promise<boolean> {
  const rows = await db
    .update(child)
    .set({ photoAttachmentId: null, updatedAt: new Date(), version: sql`${child.version} + 1` })
    .where(and(eq(child.id, childId), eq(child.photoAttachmentId, attachmentId)))
    .returning({ id: child.id });
  return rows.length > 0;
}
