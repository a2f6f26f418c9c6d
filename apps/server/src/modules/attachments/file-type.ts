import type { AttachmentMimeType } from '@shouwang/shared';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const jpeg = [0xff, 0xd8, 0xff];
const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pdf = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/**
 * The type of a file from its first bytes (magic numbers), never from its name or the type the
 * browser declared: an HTML page renamed `photo.jpg` is refused. PDF must start at byte 0 (readers
 * tolerate junk before `%PDF-`, which is how HTML/PDF polyglots are made).
 */
export function sniffFileType(bytes: Uint8Array): AttachmentMimeType | null {
  if (startsWith(bytes, jpeg)) return 'image/jpeg';
  if (startsWith(bytes, png)) return 'image/png';
  if (startsWith(bytes, pdf)) return 'application/pdf';
  return null;
}

export const extensionOf: Record<AttachmentMimeType, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'application/pdf': '.pdf',
};

export const isImage = (mimeType: string) => mimeType === 'image/jpeg' || mimeType === 'image/png';
