import { idNumberCheckChar } from '@shouwang/shared';
import type { Random } from '../demo/random';

/** Small helpers for synthetic people: phone numbers, ID numbers, dates. */

const mobilePrefixes = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '157',
  '158',
  '159',
  '166',
  '177',
  '180',
  '181',
  '182',
  '183',
  '186',
  '187',
  '188',
  '189',
];

/** A plausible mainland mobile number (11 digits). */
export function phoneFor(rng: Random): string {
  return rng.pick(mobilePrefixes) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a UTC day number (days since 1970-01-01). */
export const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
/** The UTC day number of `YYYY-MM-DD`. */
export const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** The calendar date (`YYYY-MM-DD`) in China (UTC+8) of an instant. */
export const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A day drawn evenly between two dates, both included. */
export function dateBetween(rng: Random, from: string, to: string): string {
  return isoDay(rng.int(dayOf(from), dayOf(to)));
}

/**
 * A valid 18-digit ID number (GB 11643: region, birth date, sequence odd for men and even for
 * women, check character), never one in `taken` (the archive refuses a number twice in a county).
 */
export function idNumberFor(
  rng: Random,
  region: string,
  birthDate: string,
  sex: 'male' | 'female',
  taken?: Set<string>,
): string {
  for (;;) {
    const sequence = rng.int(0, 499) * 2 + (sex === 'male' ? 1 : 0);
    const first17 = region + birthDate.replaceAll('-', '') + pad(sequence, 3);
    const id = first17 + idNumberCheckChar(first17);
    if (!taken?.has(id)) {
      taken?.add(id);
      return id;
    }
  }
}

/** A county-level region code (GB/T 2260 shape) in one of the provinces that send most migrant workers. */
export function regionCodeFor(rng: Random): string {
  const province = rng.pick(['43', '42', '36', '51', '52', '41', '34', '45']);
  return `${province}${pad(rng.int(1, 13))}${pad(rng.int(21, 32))}`;
}
