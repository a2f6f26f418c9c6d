import path from 'node:path';

/**
 * A Content-Disposition header with the original name in both forms: an ASCII fallback in
 * `filename` (quotes, backslashes, controls and non-ASCII replaced) and the UTF-8 name in
 * `filename*` (RFC 5987/6266), so 张羽涵照片.jpg arrives intact in every current browser.
 */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A safe download name: the client's base name without folders or control characters, cut to
 * 100 characters, with the extension of the type found in the content (a PNG uploaded as
 * `x.html` downloads as `x.png`).
 */
export function safeFileName(original: string | undefined, extension: string): string {
  const base = path.posix
    .basename((original ?? '').replaceAll('\\', '/'))
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim();
  const stem = (base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base).slice(0, 100) || 'file';
  return `${stem}${extension}`;
}
