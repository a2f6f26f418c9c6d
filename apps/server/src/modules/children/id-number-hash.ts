import { createHash } from 'node:crypto';
import { maskIdNumber, normalizeIdNumber } from '@shouwang/shared';

/**
 * The columns stored beside an ID number. Queries use only these, never the number itself, so
 * issue 9 can encrypt `id_number` (and switch this hash to a keyed HMAC, rehashing once: a plain
 * SHA-256 of a number with so little entropy can be reversed by enumeration).
 */
export function idNumberColumns(idNumber: string | null | undefined) {
  if (!idNumber) return { idNumber: null, idNumberHash: null, idNumberLast4: null, idNumberMasked: null };
  const normalized = normalizeIdNumber(idNumber);
  return {
    idNumber: normalized,
    idNumberHash: hashIdNumber(normalized),
    idNumberLast4: normalized.slice(-4),
    idNumberMasked: maskIdNumber(normalized),
  };
}

export function hashIdNumber(idNumber: string): string {
  return createHash('sha256').update(normalizeIdNumber(idNumber)).digest('hex');
}
