import { z } from 'zod';
import { pairingKinds } from '../enums/care';
import { childCategories } from '../enums/children';
import { distinctList } from './archive-fields';
import { abilities, isoDate, multiLine, pageQuery, singleLine, uuid, version } from './common';

/** 结对帮扶: one child, one helper (a user, or a classmate by name and class), a start and an end. */

const note = multiLine(500).nullish();

/** A helper who is a user, or — for buddy_student — a classmate recorded by name and class. */
export const pairingCreateBody = z
  .strictObject({
    childId: uuid,
    kind: z.enum(pairingKinds),
    helperUserId: uuid.nullish(),
    buddyName: singleLine(40).nullish(),
    buddyClassId: uuid.nullish(),
    /** Defaults to today. */
    startDate: isoDate.optional(),
    /** Planned end (the first day the pairing no longer holds), e.g. the start of the next term. */
    endDate: isoDate.nullish(),
    note,
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'buddy_student') {
      if (!body.buddyName) ctx.addIssue({ code: 'custom', path: ['buddyName'], message: 'buddy_name_required' });
      if (!body.buddyClassId) ctx.addIssue({ code: 'custom', path: ['buddyClassId'], message: 'buddy_class_required' });
      if (body.helperUserId) ctx.addIssue({ code: 'custom', path: ['helperUserId'], message: 'buddy_has_no_user' });
    } else if (!body.helperUserId) {
      ctx.addIssue({ code: 'custom', path: ['helperUserId'], message: 'helper_required' });
    }
    if (body.startDate && body.endDate && body.endDate < body.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'end_before_start' });
  });
export type PairingCreateBody = z.infer<typeof pairingCreateBody>;

/** Several pairings in one all-or-nothing action (the board's bulk assignment). */
export const pairingBulkBody = z.strictObject({
  items: z.array(pairingCreateBody).min(1).max(200),
});

export const pairingEndBody = z.strictObject({
  version: version.optional(),
  /** The first day the pairing no longer holds; defaults to today. */
  endDate: isoDate.optional(),
  note,
});

/**
 * 假期交接: children handed to a village holiday tutor for the vacation; the pairings end by
 * themselves on `endDate` (default: the first day of the school's next term).
 */
export const holidayHandoverBody = z
  .strictObject({
    helperUserId: uuid,
    childIds: distinctList(uuid, 50).refine((list) => list.length > 0, { message: 'required' }),
    startDate: isoDate,
    endDate: isoDate.optional(),
    note,
  })
  .superRefine((body, ctx) => {
    if (body.endDate && body.endDate <= body.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'end_before_start' });
  });

export const pairingStatuses = ['active', 'planned', 'ended', 'all'] as const;

export const pairingListQuery = pageQuery.extend({
  schoolId: uuid.optional(),
  childId: uuid.optional(),
  helperUserId: uuid.optional(),
  kind: z.enum(pairingKinds).optional(),
  /** active (default): holds today; planned: starts later; ended; all. */
  status: z.enum(pairingStatuses).default('active'),
  /** Only the caller's own pairings as helper. */
  mine: z.enum(['true', 'false']).optional(),
});
export type PairingListQuery = z.infer<typeof pairingListQuery>;

const ref = z.object({ id: z.string(), name: z.string() });

export const pairingView = z.object({
  id: z.string(),
  kind: z.enum(pairingKinds),
  child: ref.extend({ className: z.string().nullable(), schoolId: z.string().nullable() }),
  helper: z.object({ userId: z.string(), displayName: z.string() }).nullable(),
  buddy: z.object({ name: z.string(), classId: z.string(), className: z.string() }).nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  /** Holds today. */
  active: z.boolean(),
  handoverId: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
  abilities,
});
export type PairingView = z.infer<typeof pairingView>;

export const pairingBulkResponse = z.object({ items: z.array(pairingView) });

export const pairingBoardQuery = z.object({ schoolId: uuid });

/** A number per pairing kind (every kind present). */
export const pairingLoad = z.record(z.enum(pairingKinds), z.number().int());
export type PairingLoad = z.infer<typeof pairingLoad>;

export const pairingHelperView = z.object({
  userId: z.string(),
  displayName: z.string(),
  /** Where they hold roles, e.g. 帮扶教师 @ 一年级1班. */
  roles: z.array(z.object({ role: z.string(), orgId: z.string(), orgName: z.string() })),
  load: pairingLoad,
  capacity: pairingLoad,
});
export type PairingHelperView = z.infer<typeof pairingHelperView>;

export const pairingBoardView = z.object({
  schoolId: z.string(),
  capacity: pairingLoad,
  /** Children of the school without an active mentor_teacher or proxy_parent pairing. */
  unpairedChildren: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      classId: z.string().nullable(),
      className: z.string().nullable(),
      villageId: z.string().nullable(),
      careLevel: z.string(),
      categories: z.array(z.enum(childCategories)),
    }),
  ),
  /** Who may pair with the school's children: mentors, class teachers, administrators of the school. */
  helpers: z.array(pairingHelperView),
  /** Holiday tutors and proxy parents at the children's home villages (for a holiday hand-over). */
  villageTutors: z.array(
    z.object({ villageId: z.string(), villageName: z.string(), helpers: z.array(pairingHelperView) }),
  ),
  abilities,
});
export type PairingBoardView = z.infer<typeof pairingBoardView>;
