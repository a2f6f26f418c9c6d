import { z } from 'zod';
import { activityTypes, participantRoles, roomDoings } from '../enums/activities';
import { distinctList } from './archive-fields';
import { abilities, isoDate, multiLine, pageQuery, singleLine, uuid, version } from './common';

/** 活动, 参与 and the activity room (留守儿童之家). */

const optionalLine = (max: number) => singleLine(max).nullish();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time_format' });

export const participantInput = z.strictObject({
  childId: uuid,
  role: z.enum(participantRoles).default('participant'),
  /** 获奖: free text such as 一等奖 or 优秀作品; empty when none. */
  award: optionalLine(50),
});
export type ParticipantInput = z.infer<typeof participantInput>;

const uniqueChildren = (list: { childId: string }[]) => new Set(list.map((p) => p.childId)).size === list.length;

const activityFields = {
  type: z.enum(activityTypes),
  title: singleLine(100),
  /** The organizing unit: a school, class, village or township in the caller's scope. */
  orgId: uuid,
  occurredOn: isoDate,
  place: optionalLine(100),
  organizers: optionalLine(200),
  description: multiLine(4000).nullish(),
  participants: z
    .array(participantInput)
    .max(500)
    .refine(uniqueChildren, { message: 'duplicate_children' })
    .default([]),
  /** Dates more than a year away are refused unless confirmed. */
  confirmDate: z.boolean().optional(),
};

export const activityCreateBody = z.strictObject(activityFields);
export type ActivityCreateBody = z.infer<typeof activityCreateBody>;

export const activityUpdateBody = z.strictObject({
  ...activityFields,
  participants: activityFields.participants,
  version: version.optional(),
});
export type ActivityUpdateBody = z.infer<typeof activityUpdateBody>;

export const activityVersionBody = z.strictObject({ version: version.optional() });

export const activityListQuery = pageQuery.extend({
  termId: uuid.optional(),
  type: z.enum(activityTypes).optional(),
  orgId: uuid.optional(),
  childId: uuid.optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;

export const activityParticipantView = z.object({
  childId: z.string(),
  name: z.string(),
  leftBehind: z.boolean(),
  role: z.enum(participantRoles),
  award: z.string().nullable(),
});
export type ActivityParticipantView = z.infer<typeof activityParticipantView>;

export const activityPhotoView = z.object({ id: z.string(), fileName: z.string(), version: z.number() });

export const activityView = z.object({
  id: z.string(),
  type: z.enum(activityTypes),
  title: z.string(),
  org: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  occurredOn: z.string(),
  place: z.string().nullable(),
  organizers: z.string().nullable(),
  description: z.string().nullable(),
  participants: z.array(activityParticipantView),
  participantCount: z.number().int(),
  leftBehindCount: z.number().int(),
  photos: z.array(activityPhotoView),
  /**
   * Participants whose guardians withdrew photo consent. Organizers (who may delete photos) still
   * see the photos, with these names; everyone else gets no photos and `photosHidden` = how many.
   */
  photoConsentWithdrawn: z
    .object({ names: z.array(z.string()), count: z.number().int(), photosHidden: z.number().int() })
    .optional(),
  createdBy: z.string(),
  version: z.number().int(),
  abilities,
});
export type ActivityView = z.infer<typeof activityView>;

export const activityPhotoParams = z.strictObject({ id: uuid, photoId: uuid });

/** Participation of one school in one term (the work summary quotes it). */
export const participationQuery = z.object({ schoolId: uuid, termId: uuid });
export const participationView = z.object({
  school: z.object({ id: z.string(), name: z.string() }),
  term: z.object({ id: z.string(), startDate: z.string(), endDate: z.string(), label: z.string() }),
  activities: z.number().int(),
  participants: z.number().int(),
  leftBehindParticipants: z.number().int(),
  leftBehindChildren: z.number().int(),
  awarded: z.number().int(),
  leftBehindAwarded: z.number().int(),
  roomVisitors: z.number().int(),
  leftBehindRoomVisitors: z.number().int(),
  notYetParticipated: z.array(
    z.object({ id: z.string(), name: z.string(), className: z.string().nullable(), careLevel: z.string() }),
  ),
});
export type ParticipationView = z.infer<typeof participationView>;

/** 留守儿童之家: weekday slots with a duty teacher, and quick visit entries. */
export const roomSlotCreateBody = z
  .strictObject({
    orgId: uuid,
    weekday: z.number().int().min(1).max(7),
    startTime: hhmm,
    endTime: hhmm,
    dutyUserId: uuid.nullish(),
    dutyName: optionalLine(50),
  })
  .refine((s) => s.startTime < s.endTime, { message: 'end_before_start', path: ['endTime'] });
export type RoomSlotCreateBody = z.infer<typeof roomSlotCreateBody>;

export const roomSlotView = z.object({
  id: z.string(),
  weekday: z.number().int(),
  startTime: z.string(),
  endTime: z.string(),
  dutyUserId: z.string().nullable(),
  dutyName: z.string().nullable(),
  version: z.number().int(),
});

export const roomQuery = z.object({ orgId: uuid, from: isoDate.optional(), to: isoDate.optional() });

export const roomVisitBody = z.strictObject({
  orgId: uuid,
  visitedOn: isoDate,
  childIds: distinctList(uuid, 200).refine((l) => l.length > 0, { message: 'choose_at_least_one' }),
  doings: distinctList(z.enum(roomDoings), roomDoings.length).refine((l) => l.length > 0, {
    message: 'choose_at_least_one',
  }),
  note: optionalLine(200),
});
export type RoomVisitBody = z.infer<typeof roomVisitBody>;

export const roomVisitView = z.object({
  id: z.string(),
  visitedOn: z.string(),
  child: z.object({ id: z.string(), name: z.string() }),
  doings: z.array(z.enum(roomDoings)),
  note: z.string().nullable(),
  version: z.number().int(),
});

export const roomView = z.object({
  org: z.object({ id: z.string(), name: z.string() }),
  slots: z.array(roomSlotView),
  visits: z.array(roomVisitView),
  canManage: z.boolean(),
});
export type RoomView = z.infer<typeof roomView>;
