import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import type { AttachmentStorage } from '../attachments/attachment-storage';
import * as attachments from '../attachments/attachments.repository';
import { safeFileName } from '../attachments/content-disposition';
import { extensionOf, isImage, sniffFileType } from '../attachments/file-type';
import { participantsForConsent, requireConsent, withdrawnPhotoConsents } from '../privacy/consent-gate';
import { auditOrgOfActivity, requireActivity } from './activities.access';
import { canWriteActivity } from './activities.policy';
import { PHOTO_OWNER, touchActivity } from './activities.repository';

/**
 * Activity photos are attachments owned by the activity (owner_type `activity_photo`, no child):
 * the activity's write rights upload and delete them, its read rights view them. The type is read
 * from the content, and only JPEG and PNG are taken.
 */
export async function addActivityPhoto(
  db: Db,
  storage: AttachmentStorage,
  ctx: RequestContext,
  actor: Actor,
  activityId: string,
  upload: { bytes: Buffer; fileName: string | undefined },
) {
  const row = await requireActivity(db, ctx, actor, activityId, 'write');
  const mimeType = sniffFileType(upload.bytes);
  if (!mimeType || !isImage(mimeType)) throw new AppError('ACTIVITY_PHOTO_NOT_IMAGE');
  // Every participant needs photo consent (or a legal basis): the photo may show any of them.
  await requireConsent(db, ctx, await participantsForConsent(db, actor, activityId), 'photos');
  const stored = await storage.save(upload.bytes);
  try {
    return await db.transaction(async (tx) => {
      const photo = await attachments.insertAttachment(tx, {
        countyId: row.activity.countyId,
        childId: null,
        ownerType: PHOTO_OWNER,
        ownerId: activityId,
        fileName: safeFileName(upload.fileName, extensionOf[mimeType]),
        mimeType,
        sizeBytes: upload.bytes.length,
        sha256: stored.sha256,
        storageKey: stored.storageKey,
        createdBy: actor.userId,
      });
      await touchActivity(tx, activityId);
      await recordAudit(tx, ctx, {
        event: 'activity.photo_added',
        targetType: 'attachment',
        targetId: photo.id,
        org: auditOrgOfActivity(row),
        after: { activityId, fileName: photo.fileName, mimeType, sizeBytes: photo.sizeBytes },
      });
      return { id: photo.id, fileName: photo.fileName, version: photo.version };
    });
  } catch (error) {
    await storage.discard(stored.storageKey);
    throw error;
  }
}

async function requirePhoto(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  activityId: string,
  photoId: string,
  need: 'read' | 'write',
) {
  const row = await requireActivity(db, ctx, actor, activityId, need);
  const photo = await attachments.findAttachment(db, photoId);
  if (!photo || photo.ownerType !== PHOTO_OWNER || photo.ownerId !== activityId) throw new AppError('NOT_FOUND');
  return { row, photo };
}

export async function openActivityPhoto(
  db: Db,
  storage: AttachmentStorage,
  ctx: RequestContext,
  actor: Actor,
  activityId: string,
  photoId: string,
) {
  const { row, photo } = await requirePhoto(db, ctx, actor, activityId, photoId, 'read');
  // A participant withdrew photo consent: only the activity's organizers still open its photos.
  if (!canWriteActivity(actor, row.activity.orgPath) && (await withdrawnPhotoConsents(db, [activityId])).size > 0)
    throw new AppError('NOT_FOUND');
  const file = await storage.open(photo.storageKey);
  if (!file) throw new AppError('NOT_FOUND');
  return { photo, file };
}

export async function deleteActivityPhoto(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  activityId: string,
  photoId: string,
  version: number,
) {
  const { row, photo } = await requirePhoto(db, ctx, actor, activityId, photoId, 'write');
  await db.transaction(async (tx) => {
    const deleted = await attachments.softDeleteAttachment(tx, photoId, version);
    if (!deleted) throw new AppError('VERSION_CONFLICT', { current: { id: photo.id, version: photo.version } });
    await touchActivity(tx, activityId);
    await recordAudit(tx, ctx, {
      event: 'activity.photo_deleted',
      targetType: 'attachment',
      targetId: photoId,
      org: auditOrgOfActivity(row),
      diff: { fileName: { from: photo.fileName, to: null } },
    });
  });
}
