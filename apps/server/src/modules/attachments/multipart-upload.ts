import type { FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors';

/** Room for the multipart envelope (boundaries, part headers) beyond the file itself. */
const envelopeBytes = 64 * 1024;

/**
 * Reads the one file of a multipart request into memory, at most `maxBytes`. A declared length
 * over the limit is refused before reading; a longer stream stops at the limit (413 either way).
 * Needs @fastify/multipart registered in the route's plugin.
 */
export async function readSingleUpload(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ bytes: Buffer; fileName: string | undefined }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes + envelopeBytes) throw tooLarge(maxBytes);
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12 } });
  } catch (error) {
    throw translate(error, maxBytes);
  }
  if (!part) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'file', message: noFile(request) }] });
  try {
    return { bytes: await part.toBuffer(), fileName: part.filename || undefined };
  } catch (error) {
    throw translate(error, maxBytes);
  }
}

const noFile = (request: FastifyRequest) => (request.language === 'en' ? 'choose a file' : '请选择要上传的文件');

function tooLarge(maxBytes: number) {
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  return new AppError('PAYLOAD_TOO_LARGE', { details: [{ field: 'file', message: `≤ ${mb} MB` }] });
}

function translate(error: unknown, maxBytes: number): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
    return tooLarge(maxBytes);
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (error instanceof Error && /multipart|boundary|Unexpected end/i.test(error.message))
    return new AppError('MALFORMED_REQUEST');
  return error;
}
