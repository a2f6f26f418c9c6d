import { maskIdNumber, normalizeIdNumber } from '@shouwang/shared';
import { dataProtection } from '../../lib/crypto/data-keys';
import { FieldCipher } from '../../lib/crypto/field-cipher';

/** The associated data of every ID number ciphertext (children, parents, guardians). */
export const idNumberPurpose = 'id_number';

/**
 * The columns stored beside an ID number. `id_number` holds AES-256-GCM ciphertext
 * (lib/crypto/field-cipher.ts) and `id_number_hash` a keyed HMAC for duplicate checks; lists,
 * search and duplicate checks use only the hash, mask and last 4 digits, never the number.
 */
export function idNumberColumns(idNumber: string | null | undefined) {
  if (!idNumber) return { idNumber: null, idNumberHash: null, idNumberLast4: null, idNumberMasked: null };
  const normalized = normalizeIdNumber(idNumber);
  return {
    idNumber: encryptIdNumber(normalized),
    idNumberHash: hashIdNumber(normalized),
    idNumberLast4: normalized.slice(-4),
    idNumberMasked: maskIdNumber(normalized),
  };
}

/**
 * HMAC-SHA256 with DATA_HASH_KEY (it was a plain SHA-256 before issue 9: an ID number has so little
 * entropy that an unkeyed hash is reversed by enumeration). Existing rows are rehashed at startup
 * (id-number-protection.ts).
 */
export function hashIdNumber(idNumber: string): string {
  return dataProtection().hash(`${idNumberPurpose}:${normalizeIdNumber(idNumber)}`);
}

export function encryptIdNumber(normalized: string): string {
  return dataProtection().cipher.encrypt(normalized, idNumberPurpose);
}

/**
 * The full number from its stored form. Only code that serves the full number (the audited read,
 * exports with the grant) and cross-field checks call this. A value stored before encryption was
 * introduced is returned as it is until the startup upgrade rewrites it.
 */
export function revealIdNumber(stored: string | null | undefined): string | null {
  if (!stored) return null;
  if (!FieldCipher.isCiphertext(stored)) return stored;
  return dataProtection().cipher.decrypt(stored, idNumberPurpose);
}
