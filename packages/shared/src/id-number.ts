import { todayIso } from './dates';

/**
 * 18-digit citizen ID numbers (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit
 * sequence (odd = male, even = female), and an ISO 7064 MOD 11-2 check character (0–9 or X).
 */

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** Province-level codes in use (GB/T 2260), plus 83 of residence permits for Taiwan residents. */
const provinceCodes = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

/** The check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return checkChars[sum % 11]!;
}

/** Trims, drops inner spaces and turns a lower-case x (and full-width forms) into the canonical form. */
export function normalizeIdNumber(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[xｘＸ]/g, 'X')
    .replace(/\s+/g, '');
}

export type IdNumberProblem = 'format' | 'region' | 'birth_date' | 'checksum';

export type IdNumberInfo =
  | { valid: true; idNumber: string; birthDate: string; sex: 'male' | 'female'; regionCode: string }
  | { valid: false; problem: IdNumberProblem };

/** `YYYYMMDD` → `YYYY-MM-DD` when it is a real calendar date, else undefined. */
function calendarDate(digits: string): string | undefined {
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

/**
 * Checks an ID number and extracts its birth date and sex. `today` (YYYY-MM-DD) bounds the
 * birth date; the earliest accepted year is 1900.
 */
export function parseIdNumber(input: string, today: string = todayIso()): IdNumberInfo {
  const id = normalizeIdNumber(input);
  if (!/^\d{17}[\dX]$/.test(id)) return { valid: false, problem: 'format' };
  if (!provinceCodes.has(id.slice(0, 2))) return { valid: false, problem: 'region' };
  const birthDate = calendarDate(id.slice(6, 14));
  if (!birthDate || birthDate < '1900-01-01' || birthDate > today) return { valid: false, problem: 'birth_date' };
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return { valid: false, problem: 'checksum' };
  return {
    valid: true,
    idNumber: id,
    birthDate,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: id.slice(0, 6),
  };
}

export const isValidIdNumber = (input: string, today?: string) => parseIdNumber(input, today).valid;

/** What lists and pages show: `110***********1234`. */
export function maskIdNumber(idNumber: string): string {
  const id = normalizeIdNumber(idNumber);
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}
