import { z } from 'zod';
import { todayIso, yearsBetween } from '../dates';
import { normalizeIdNumber, parseIdNumber } from '../id-number';
import { normalizePhone, phoneKind } from '../phone';
import { isoDate } from './common';

/** Field schemas shared by the child, parent and guardian forms. */

/** An 18-digit ID number; the message names the exact problem. Normalized (upper-case X). */
export const idNumberField = z
  .string()
  .max(40)
  .superRefine((value, ctx) => {
    const info = parseIdNumber(value);
    if (!info.valid) ctx.addIssue({ code: 'custom', message: `id_number_${info.problem}` });
  })
  .transform(normalizeIdNumber);

/** A Chinese mobile or landline number, normalized (`0731-84567890-12`). */
export const phoneField = z
  .string()
  .max(40)
  .refine((value) => phoneKind(value) !== null, { message: 'phone_format' })
  .transform(normalizePhone);

/** A date that has already happened (today included). */
export const pastDate = isoDate.refine((d) => d <= todayIso(), { message: 'date_in_future' });

/** A child's birth date: not in the future, and the child is under 18 today. */
export const childBirthDate = pastDate.refine((d) => yearsBetween(d, todayIso()) < 18, { message: 'child_too_old' });

/** A multi-select list without repeats. */
export const distinctList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, { message: 'duplicate_values' });
