import type { ErrorCode } from './errors';

/**
 * Passwords people pick first. Short by design: the length rule already removes most of the
 * common lists; these are the ones of 8+ characters seen most often, Chinese habits included.
 */
const commonPasswords = new Set([
  '12345678',
  '123456789',
  '1234567890',
  '87654321',
  '11111111',
  '00000000',
  '88888888',
  '66666666',
  '12341234',
  '11223344',
  '123123123',
  '147258369',
  '123456abc',
  'abc12345',
  'abcd1234',
  '1234abcd',
  'a1234567',
  'a12345678',
  'password',
  'password1',
  'password123',
  'passw0rd',
  'qwertyui',
  'qwerty123',
  '1q2w3e4r',
  '1qaz2wsx',
  'qazwsxedc',
  'iloveyou',
  'woaini520',
  'woaini1314',
  '5201314520',
  'aa123456',
  'zxcvbnm1',
  'admin123',
  'admin888',
  'administrator',
  'shouwang',
  'shouwang123',
  'changeme',
  'welcome1',
  'letmein1',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'superman',
  'trustno1',
  '12qwaszx',
  'asdfghjk',
  'asdf1234',
  'zhang123',
  'wang1234',
  'li123456',
]);

/** Returns the first rule a new password breaks, or null when it is acceptable. */
export function checkPasswordPolicy(password: string, username: string): ErrorCode | null {
  if ([...password].length < 8) return 'PASSWORD_TOO_SHORT';
  const lower = password.toLowerCase();
  if (lower === username.toLowerCase()) return 'PASSWORD_IS_USERNAME';
  if (commonPasswords.has(lower)) return 'PASSWORD_TOO_COMMON';
  if (/^(.)\1+$/.test(password)) return 'PASSWORD_TOO_COMMON';
  return null;
}
