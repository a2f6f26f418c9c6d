import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { dataProtection } from '../../lib/crypto/data-keys';

/** RFC 6238 as every authenticator app speaks it: SHA-1, 6 digits, 30 s. */
const period = 30;
export const totpSecretPurpose = 'app_user.totp_secret';
export const recoveryCodeCount = 10;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpFor(secretBase32: string, label = '', issuer = '') {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period, secret: Secret.fromBase32(secretBase32) });
}

/** The otpauth:// URI and its QR code as a PNG data URL (allowed by the CSP's `img-src data:`). */
export async function enrolmentOf(secretBase32: string, label: string, issuer: string) {
  const otpauthUri = totpFor(secretBase32, label, issuer).toString();
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  return { otpauthUri, qrDataUrl, secret: secretBase32 };
}

/**
 * The time step a 6-digit code belongs to, if it is valid now (±1 step for clock drift), else null.
 * Callers refuse a step at or below the last one used (TotpReplayGuard).
 */
export function matchingStep(secretBase32: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / period) + delta;
}

export const encryptTotpSecret = (secret: string) => dataProtection().cipher.encrypt(secret, totpSecretPurpose);
export const decryptTotpSecret = (stored: string) => dataProtection().cipher.decrypt(stored, totpSecretPurpose);

// Lower case without look-alikes (0/o, 1/l/i): read off paper, typed on a phone.
const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** `xxxx-xxxx-xxxx`: 12 symbols of 31, about 59 bits each. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    let raw = '';
    for (let i = 0; i < 12; i++) raw += recoveryAlphabet[randomInt(recoveryAlphabet.length)];
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  });
}

export const normalizeRecoveryCode = (code: string) => code.trim().toLowerCase().replace(/[\s-]/g, '');
export const looksLikeRecoveryCode = (code: string) => /^[a-z0-9]{12}$/.test(normalizeRecoveryCode(code));

/**
 * Recovery codes are stored as HMAC-SHA256 with DATA_HASH_KEY, not argon2: each code carries about
 * 59 random bits, so a slow hash adds nothing against guessing, and the key (kept outside the
 * database) makes a stolen dump useless for offline guessing. Online guessing meets the lockout.
 * The user id is mixed in so equal codes of two users never share a hash.
 */
export function hashRecoveryCode(userId: string, code: string): string {
  return dataProtection().hash(`recovery:${userId}:${normalizeRecoveryCode(code)}`);
}
