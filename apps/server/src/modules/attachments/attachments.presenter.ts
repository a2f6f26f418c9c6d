import type { AttachmentMimeType, AttachmentPurpose, AttachmentView } from '@shouwang/shared';
import type { AttachmentRow } from './attachments.repository';

/** How a purpose is stored in `owner_type` (the owner is the child in each case). */
export const ownerTypeOf: Record<AttachmentPurpose, string> = {
  photo: 'child_photo',
  entrustment: 'entrustment_scan',
  document: 'child_document',
};

const purposeOf = (ownerType: string): AttachmentPurpose =>
  ((Object.entries(ownerTypeOf) as [AttachmentPurpose, string][]).find(([, t]) => t === ownerType)?.[0] ??
    'document') as AttachmentPurpose;

export function presentAttachment(row: AttachmentRow, canWrite: boolean): AttachmentView {
  return {
    id: row.id,
    childId: row.childId!,
    purpose: purposeOf(row.ownerType),
    fileName: row.fileName,
    mimeType: row.mimeType as AttachmentMimeType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    abilities: { delete: canWrite },
  };
}

/** The audit snapshot: what the file was, never where it is stored. */
export const attachmentSnapshot = (row: AttachmentRow) => ({
  purpose: purposeOf(row.ownerType),
  fileName: row.fileName,
  mimeType: row.mimeType,
  sizeBytes: row.sizeBytes,
  sha256: row.sha256,
});
