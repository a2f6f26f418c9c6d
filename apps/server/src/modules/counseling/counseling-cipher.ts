import { dataProtection } from '../../lib/crypto/data-keys';
import { FieldCipher } from '../../lib/crypto/field-cipher';

/**
 * Counseling text at rest: every confidential column is AES-256-GCM ciphertext bound to its column
 * (the purpose is authenticated), so a value copied into another column does not decrypt.
 */
export type CounselingField = 'presenting_concern' | 'notes' | 'agreed_actions' | 'risk_reason';

const purpose = (field: CounselingField) => `counseling.${field}`;

export function sealCounseling(field: CounselingField, plain: string): string;
export function sealCounseling(field: CounselingField, plain: string | null | undefined): string | null;
export function sealCounseling(field: CounselingField, plain: string | null | undefined): string | null {
  if (plain === null || plain === undefined) return null;
  return dataProtection().cipher.encrypt(plain, purpose(field));
}

/** The plain text; only presenters of counselor-only answers call this. */
export function openCounseling(field: CounselingField, stored: string): string;
export function openCounseling(field: CounselingField, stored: string | null): string | null;
export function openCounseling(field: CounselingField, stored: string | null): string | null {
  if (stored === null) return null;
  if (!FieldCipher.isCiphertext(stored)) return stored;
  return dataProtection().cipher.decrypt(stored, purpose(field));
}
