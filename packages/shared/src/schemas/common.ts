import { z } from 'zod';

/** C0/C1 control characters other than tab and newlines have no place in user text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this regex exists to find them
const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const lineBreaks = /[\r\n\u2028\u2029]/;

/** A one-line name or label: trimmed, no control characters or line breaks. */
export const singleLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !controlChars.test(s) && !lineBreaks.test(s), { message: 'invalid_characters' });

/** Free text over several lines: no control characters except tab and line breaks. */
export const multiLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !controlChars.test(s), { message: 'invalid_characters' });

/** A search box's text: trimmed, may be empty, no control characters (PostgreSQL refuses NUL). */
export const searchText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !controlChars.test(s) && !lineBreaks.test(s), { message: 'invalid_characters' });

export const uuid = z.uuid();
export const idParams = z.strictObject({ id: uuid });

/** YYYY-MM-DD, a real calendar date. */
export const isoDate = z.iso.date();

export const version = z.number().int().min(1).max(2_147_483_647);

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const listResponse = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** What the caller may do with a record; computed by the server's policies. */
export const abilities = z.record(z.string(), z.boolean());

export const okResponse = z.object({ ok: z.literal(true) });
export const language = z.enum(['zh-CN', 'en']);
