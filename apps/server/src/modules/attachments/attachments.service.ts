import type { AttachmentPurpose } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { auditOrgOf, invalidFields, requireReadableChild, requireWritableChild } from '../children/children.access';
import { canWriteChild } from '../children/children.policy';
import { requireConsent } from '../privacy/consent-gate';
import type { AttachmentStorage } from './attachment-storage';
import { attachmentSnapshot, ownerTypeOf, presentAttachment } from './attachments.presenter';
import * as repo from './attachments.repository';
import { safeFileName } from './content-disposition';
import { extensionOf, isImage, sniffFileType } from './file-type';

/** Photos and scans of a child: the child's write rights upload and delete, its read rights download. */

export interface Upload {
  bytes: Buffer;
  fileName: string | undefined;
}

export async function uploadAttachment(
  db: Db,
  storage: AttachmentStorage,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  purpose: AttachmentPurpose,
  upload: Upload,
) {
  const child = await requireWritableChild(db, ctx, actor, childId);
  const mimeType = sniffFileType(upload.bytes);
  if (!mimeType) throw new AppError('ATTACHMENT_TYPE_UNSUPPORTED');
  if (purpose === 'photo' && !isImage(mimeType)) throw new AppError('ATTACHMENT_TYPE_UNSUPPORTED');
  if (purpose === 'photo') await requireConsent(db, ctx, [{ id: child.id, name: child.name }], 'photos');
  const stored = await storage.save(upload.bytes);
  try {
    return await db.transaction(async (tx) => {
      const row = await repo.insertAttachment(tx, {
        countyId: child.countyId,
        childId,
        ownerType: ownerTypeOf[purpose],
        ownerId: childId,
        fileName: safeFileName(upload.fileName, extensionOf[mimeType]),
        mimeType,
        sizeBytes: upload.bytes.length,
        sha256: stored.sha256,
        storageKey: stored.storageKey,
        createdBy: actor.userId,
      });
      await recordAudit(tx, ctx, {
        event: 'attachment.uploaded',
        targetType: 'attachment',
        targetId: row.id,
        childId,
        org: auditOrgOf(child),
        after: attachmentSnapshot(row),
      });
      return presentAttachment(row, true);
    });
  } catch (error) {
    await storage.discard(stored.storageKey);
    throw error;
  }
}

export async function listAttachments(db: Db, ctx: RequestContext, actor: Actor, childId: string) {
  const child = await requireReadableChild(db, ctx, actor, childId);
  const canWrite = canWriteChild(actor, child);
  return (await repo.listChildAttachments(db, childId)).map((row) => presentAttachment(row, canWrite));
}

/** The attachment and its child, after the child's read (or write) check; "not found" otherwise. */
async function requireAttachment(db: Db, ctx: RequestContext, actor: Actor, id: string, write: boolean) {
  const row = await repo.findAttachment(db, id);
  if (!row?.childId) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'attachment', targetId: id });
    throw new AppError('NOT_FOUND');
  }
  const child = write
    ? await requireWritableChild(db, ctx, actor, row.childId)
    : await requireReadableChild(db, ctx, actor, row.childId);
  return { row, child };
}

/** Opens the stored file for download; every download is audited with the child. */
export async function openAttachment(
  db: Db,
  storage: AttachmentStorage,
  ctx: RequestContext,
  actor: Actor,
  id: string,
) {
  const { row, child } = await requireAttachment(db, ctx, actor, id, false);
  const file = await storage.open(row.storageKey);
  if (!file) throw new AppError('NOT_FOUND');
  await recordAudit(db, ctx, {
    event: 'attachment.downloaded',
    targetType: 'attachment',
    targetId: id,
    childId: row.childId,
    org: auditOrgOf(child),
  });
  return { row, file };
}

/** Soft delete (the file stays on disk for restore by an operator); a deleted photo is unset. */
export async function deleteAttachment(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  const { row: before, child } = await requireAttachment(db, ctx, actor, id, true);
  await db.transaction(async (tx) => {
    const row = await repo.softDeleteAttachment(tx, id, version);
    if (!row) throw new AppError('VERSION_CONFLICT', { current: presentAttachment(before, true) });
    const photoCleared = await repo.clearChildPhoto(tx, child.id, id);
    await recordAudit(tx, ctx, {
      event: 'attachment.deleted',
      targetType: 'attachment',
      targetId: id,
      childId: child.id,
      org: auditOrgOf(child),
      diff: {
        ...Object.fromEntries(Object.entries(attachmentSnapshot(before)).map(([k, v]) => [k, { from: v, to: null }])),
        ...(photoCleared ? { photoAttachmentId: { from: id, to: null } } : {}),
      },
    });
  });
}

/**
 * The check behind every reference to an attachment (the child's photo, a 委托监护确认书 scan):
 * it must be a live attachment of the same child, and a photo must be an image. Runs after the
 * child's write check, so it tells nothing about children the caller may not change.
 */
export async function assertChildAttachment(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  attachmentId: string | null | undefined,
  field: string,
  options: { imageOnly?: boolean } = {},
): Promise<void> {
  if (!attachmentId) return;
  const child = await requireWritableChild(db, ctx, actor, childId);
  const row = await repo.findAttachment(db, attachmentId);
  if (!row || row.childId !== childId) throw invalidFields(ctx.language, [{ field, key: 'attachment_not_of_child' }]);
  if (options.imageOnly && !isImage(row.mimeType))
    throw invalidFields(ctx.language, [{ field, key: 'attachment_not_image' }]);
  // A scan uploaded as a document cannot become the child's portrait without photo consent.
  if (options.imageOnly) await requireConsent(db, ctx, [{ id: child.id, name: child.name }], 'photos');
}
