import { z } from 'zod';
import {
  aidTypes,
  fundDirections,
  fundPurposes,
  fundSources,
  MAX_AMOUNT_FEN,
  participantRoles,
} from '../enums/activities';
import { pastDate } from './archive-fields';
import { abilities, multiLine, pageQuery, singleLine, uuid, version } from './common';

/** 资助 records per child, the school's funding ledger, and birthday celebrations. */

const optionalLine = (max: number) => singleLine(max).nullish();
/** Money in fen (分): a whole number, not negative, at most 1,000,000 yuan. */
export const amountFen = z
  .number()
  .int({ message: 'amount_whole_fen' })
  .min(0, { message: 'amount_negative' })
  .max(MAX_AMOUNT_FEN, { message: 'amount_too_large' });

const aidFields = {
  type: z.enum(aidTypes),
  amountFen: amountFen.nullish(),
  items: optionalLine(200),
  source: optionalLine(100),
  givenOn: pastDate,
  deliveredBy: optionalLine(50),
  note: multiLine(1000).nullish(),
};
const amountOrItems = (a: { amountFen?: number | null; items?: string | null }) =>
  (a.amountFen ?? 0) > 0 || Boolean(a.items);

export const aidCreateBody = z
  .strictObject({ childId: uuid, ...aidFields })
  .refine(amountOrItems, { message: 'amount_or_items_required', path: ['amountFen'] });
export type AidCreateBody = z.infer<typeof aidCreateBody>;

export const aidVersionBody = z.strictObject({ version: version.optional() });

export const aidListQuery = pageQuery.extend({
  childId: uuid.optional(),
  schoolId: uuid.optional(),
  type: z.enum(aidTypes).optional(),
  termId: uuid.optional(),
});
export type AidListQuery = z.infer<typeof aidListQuery>;

export const aidView = z.object({
  id: z.string(),
  child: z.object({ id: z.string(), name: z.string() }),
  type: z.enum(aidTypes),
  amountFen: z.number().int().nullable(),
  items: z.string().nullable(),
  source: z.string().nullable(),
  givenOn: z.string(),
  deliveredBy: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  abilities,
});
export type AidView = z.infer<typeof aidView>;

/** One line of a school's funding ledger (收支台账). */
export const fundEntryCreateBody = z
  .strictObject({
    schoolId: uuid,
    direction: z.enum(fundDirections),
    amountFen: amountFen.refine((n) => n > 0, { message: 'amount_positive' }),
    occurredOn: pastDate,
    source: z.enum(fundSources).nullish(),
    donor: optionalLine(100),
    purpose: z.enum(fundPurposes).nullish(),
    activityId: uuid.nullish(),
    note: optionalLine(200),
  })
  .superRefine((e, ctx) => {
    if (e.direction === 'income' && !e.source)
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'fund_source_required' });
    if (e.direction === 'expense' && !e.purpose)
      ctx.addIssue({ code: 'custom', path: ['purpose'], message: 'fund_purpose_required' });
  });
export type FundEntryCreateBody = z.infer<typeof fundEntryCreateBody>;

export const fundEntryView = z.object({
  id: z.string(),
  direction: z.enum(fundDirections),
  amountFen: z.number().int(),
  occurredOn: z.string(),
  source: z.enum(fundSources).nullable(),
  donor: z.string().nullable(),
  purpose: z.enum(fundPurposes).nullable(),
  activity: z.object({ id: z.string(), title: z.string() }).nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});

export const fundLedgerQuery = z.object({ schoolId: uuid, termId: uuid });
export const fundLedgerView = z.object({
  school: z.object({ id: z.string(), name: z.string() }),
  term: z.object({ id: z.string(), startDate: z.string(), endDate: z.string(), label: z.string() }),
  openingFen: z.number().int(),
  incomeFen: z.number().int(),
  expenseFen: z.number().int(),
  closingFen: z.number().int(),
  incomeBySource: z.array(z.object({ source: z.enum(fundSources), amountFen: z.number().int() })),
  expenseByPurpose: z.array(z.object({ purpose: z.enum(fundPurposes), amountFen: z.number().int() })),
  entries: z.array(fundEntryView),
  canManage: z.boolean(),
});
export type FundLedgerView = z.infer<typeof fundLedgerView>;

/** Upcoming birthdays of children in scope (the home page's card). */
export const birthdaysQuery = z.object({ days: z.coerce.number().int().min(1).max(31).default(7) });
export const upcomingBirthdayView = z.object({
  childId: z.string(),
  name: z.string(),
  birthday: z.string(),
  turning: z.number().int(),
  leftBehind: z.boolean(),
  celebrated: z.boolean(),
  canCelebrate: z.boolean(),
});
export const upcomingBirthdaysResponse = z.object({ items: z.array(upcomingBirthdayView) });
export type UpcomingBirthday = z.infer<typeof upcomingBirthdayView>;

/** 过生日: a life-care record, and the gift as an aid record when there was one, together. */
export const birthdayCelebrationBody = z.strictObject({
  celebratedOn: pastDate,
  summary: singleLine(500),
  gift: z
    .strictObject({
      amountFen: amountFen.nullish(),
      items: optionalLine(200),
      source: optionalLine(100),
    })
    .refine(amountOrItems, { message: 'amount_or_items_required', path: ['amountFen'] })
    .nullish(),
  idempotencyKey: uuid.optional(),
});
export type BirthdayCelebrationBody = z.infer<typeof birthdayCelebrationBody>;
export const birthdayCelebrationResponse = z.object({ careRecordId: z.string(), aidId: z.string().nullable() });

/** The child page's 活动与资助 tab. */
export const childActivitiesAidView = z.object({
  activities: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      type: z.string(),
      occurredOn: z.string(),
      role: z.enum(participantRoles),
      award: z.string().nullable(),
    }),
  ),
  aid: z.array(aidView),
  roomVisits: z.number().int(),
});
export type ChildActivitiesAidView = z.infer<typeof childActivitiesAidView>;
