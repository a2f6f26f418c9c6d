import { z } from 'zod';
import {
  mailboxCodeLength,
  mailboxMessageMaxLength,
  mailboxReplyMaxLength,
  mailboxStatuses,
  pickupCodeAlphabet,
  pickupCodeLength,
} from '../enums/wellbeing';
import { distinctList } from './archive-fields';
import { abilities, multiLine, pageQuery, singleLine, uuid, version } from './common';

/** 悄悄话信箱: the public page a child writes on, the counselor's inbox, the school's settings. */

const codeChars = `[${pickupCodeAlphabet}]`;
/** Codes are typed by children: case, spaces and dashes do not matter. */
const normalizedCode = (length: number, message: string) =>
  z
    .string()
    .max(40)
    .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
    .pipe(z.string().regex(new RegExp(`^${codeChars}{${length}}$`), { message }));

const text = (max: number) => multiLine(max).refine((s) => s.trim().length > 0, { message: 'text_required' });
/** A one-line optional field; an empty string counts as left out. */
const optionalLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s || null)
    .pipe(singleLine(max).nullable())
    .nullish();

// ── Public (no sign-in) ───────────────────────────────────────────────────────────────────────

export const mailboxCodeParams = z.strictObject({ code: normalizedCode(mailboxCodeLength, 'mailbox_code_format') });

export const publicMailboxView = z.object({ schoolName: z.string(), enabled: z.boolean() });
export type PublicMailboxView = z.infer<typeof publicMailboxView>;

export const mailboxMessageCreateBody = z.strictObject({
  body: z
    .string()
    .max(mailboxMessageMaxLength, { message: 'mailbox_text_too_long' })
    .pipe(text(mailboxMessageMaxLength)),
  name: optionalLine(20),
  className: optionalLine(30),
});
export type MailboxMessageCreateBody = z.infer<typeof mailboxMessageCreateBody>;

export const mailboxMessageCreated = z.object({ pickupCode: z.string() });

export const mailboxPickupBody = z.strictObject({ code: normalizedCode(pickupCodeLength, 'pickup_code_format') });

export const mailboxPickupView = z.object({
  status: z.enum(['waiting', 'replied', 'closed']),
  message: z.string(),
  sentAt: z.string(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
});
export type MailboxPickupView = z.infer<typeof mailboxPickupView>;

// ── Inbox (counselors of the school) ──────────────────────────────────────────────────────────

const person = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const mailboxMessageView = z.object({
  id: z.string(),
  school: z.object({ id: z.string(), name: z.string() }),
  receivedAt: z.string(),
  urgent: z.boolean(),
  status: z.enum(mailboxStatuses),
  body: z.string(),
  senderName: z.string().nullable(),
  senderClass: z.string().nullable(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  repliedBy: person,
  handler: person,
  child: z.object({ id: z.string(), name: z.string() }).nullable(),
  closedAt: z.string().nullable(),
  version: z.number(),
  abilities,
});
export type MailboxMessageView = z.infer<typeof mailboxMessageView>;

export const mailboxListQuery = pageQuery.extend({
  schoolId: uuid.optional(),
  status: z.enum([...mailboxStatuses, 'open']).optional(),
  urgent: z.enum(['true', 'false']).optional(),
});
export type MailboxListQuery = z.infer<typeof mailboxListQuery>;

/** Triage: take the message on (in progress), put it back, or mark it urgent by hand. */
export const mailboxTriageBody = z
  .strictObject({
    status: z.enum(['new', 'in_progress']).optional(),
    urgent: z.boolean().optional(),
    version: version.optional(),
  })
  .refine((b) => b.status !== undefined || b.urgent !== undefined, { message: 'choose_at_least_one' });
export type MailboxTriageBody = z.infer<typeof mailboxTriageBody>;

export const mailboxReplyBody = z.strictObject({
  reply: z.string().max(mailboxReplyMaxLength, { message: 'mailbox_reply_too_long' }).pipe(text(mailboxReplyMaxLength)),
  version: version.optional(),
});

export const mailboxLinkChildBody = z.strictObject({ childId: uuid.nullable(), version: version.optional() });
export const mailboxVersionBody = z.strictObject({ version: version.optional() });

/** What a school administrator sees of an urgent message: that it came and who handles it, never its text. */
export const mailboxAlertView = z.object({
  id: z.string(),
  school: z.object({ id: z.string(), name: z.string() }),
  receivedAt: z.string(),
  status: z.enum(mailboxStatuses),
  handler: person,
});
export type MailboxAlertView = z.infer<typeof mailboxAlertView>;
export const mailboxAlertList = z.object({ items: z.array(mailboxAlertView) });

// ── The school's mailbox settings ─────────────────────────────────────────────────────────────

export const mailboxBoxView = z.object({
  code: z.string(),
  enabled: z.boolean(),
  dangerWords: z.array(z.string()),
  /** The public page, relative to the site: `/m/<code>`. */
  publicPath: z.string(),
  version: z.number(),
});
export type MailboxBoxView = z.infer<typeof mailboxBoxView>;

export const mailboxSchoolView = z.object({
  school: z.object({ id: z.string(), name: z.string() }),
  box: mailboxBoxView.nullable(),
  abilities,
});
export type MailboxSchoolView = z.infer<typeof mailboxSchoolView>;
export const mailboxSchoolList = z.object({ items: z.array(mailboxSchoolView) });

export const mailboxSchoolParams = z.strictObject({ schoolId: uuid });

/** Opens the school's mailbox (no version) or changes its settings (version of the box). */
export const mailboxBoxBody = z.strictObject({
  enabled: z.boolean(),
  dangerWords: distinctList(singleLine(20), 200),
  version: version.optional(),
});
export type MailboxBoxBody = z.infer<typeof mailboxBoxBody>;
