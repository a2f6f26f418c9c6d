import { createHmac } from 'node:crypto';

/**
 * HMAC-SHA256 (hex) for lookups of encrypted values, such as finding a child by ID number. A plain
 * SHA-256 of a value with little entropy (an ID number is a region, a birth date and 4 digits) is
 * reversed by enumeration; with a secret key kept outside the database it is not.
 */
export function keyedHash(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}
