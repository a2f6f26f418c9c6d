import { z } from 'zod';
import { abilities } from './common';

/** What an uploaded file is for: the child's photo, a 委托监护确认书 scan, or another scan. */
export const attachmentPurposes = ['photo', 'entrustment', 'document'] as const;
export type AttachmentPurpose = (typeof attachmentPurposes)[number];

/** The only types accepted, decided from the file's first bytes. */
export const attachmentMimeTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentMimeType = (typeof attachmentMimeTypes)[number];

export const attachmentUploadQuery = z.strictObject({ purpose: z.enum(attachmentPurposes).default('document') });

export const attachmentView = z.object({
  id: z.string(),
  childId: z.string(),
  purpose: z.enum(attachmentPurposes),
  fileName: z.string(),
  mimeType: z.enum(attachmentMimeTypes),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
  version: z.number(),
  abilities,
});
export type AttachmentView = z.infer<typeof attachmentView>;
