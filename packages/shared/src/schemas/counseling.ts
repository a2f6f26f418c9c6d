import { z } from 'zod';
import { riskLevels } from '../enums/wellbeing';
import { pastDate } from './archive-fields';
import { abilities, isoDate, multiLine, pageQuery, uuid, version } from './common';

/** 心理辅导: sessions a school counselor records, and each child's risk level with its history. */

const text = (max: number) => multiLine(max).refine((s) => s.trim().length > 0, { message: 'text_required' });

const sessionFields = {
  sessionOn: pastDate,
  /** 来访原因 / 主诉. */
  presentingConcern: text(2000),
  notes: text(8000),
  agreedActions: multiLine(2000).nullish(),
  nextSessionOn: isoDate.nullish(),
};

function checkNextSession(body: { sessionOn?: string; nextSessionOn?: string | null }, ctx: z.RefinementCtx) {
  if (body.nextSessionOn && body.sessionOn && body.nextSessionOn < body.sessionOn)
    ctx.addIssue({ code: 'custom', path: ['nextSessionOn'], message: 'next_session_before_session' });
}

export const counselingSessionCreateBody = z
  .strictObject({ childId: uuid, ...sessionFields })
  .superRefine(checkNextSession);
export type CounselingSessionCreateBody = z.infer<typeof counselingSessionCreateBody>;

export const counselingSessionUpdateBody = z
  .strictObject({ version: version.optional(), ...z.strictObject(sessionFields).partial().shape })
  .superRefine(checkNextSession);
export type CounselingSessionUpdateBody = z.infer<typeof counselingSessionUpdateBody>;

export const counselingSessionVersionBody = z.strictObject({ version: version.optional() });

export const counselingSessionListQuery = pageQuery.extend({ childId: uuid.optional() });
export type CounselingSessionListQuery = z.infer<typeof counselingSessionListQuery>;

export const counselingSessionView = z.object({
  id: z.string(),
  child: z.object({ id: z.string(), name: z.string() }),
  counselor: z.object({ id: z.string(), displayName: z.string() }),
  sessionOn: z.string(),
  presentingConcern: z.string(),
  notes: z.string(),
  agreedActions: z.string().nullable(),
  nextSessionOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  abilities,
});
export type CounselingSessionView = z.infer<typeof counselingSessionView>;

export const riskLevelSetBody = z.strictObject({
  level: z.enum(riskLevels),
  reason: text(1000),
});
export type RiskLevelSetBody = z.infer<typeof riskLevelSetBody>;

const person = z.object({ id: z.string(), displayName: z.string(), phone: z.string().nullable() });

export const riskLevelEntry = z.object({
  id: z.string(),
  level: z.enum(riskLevels),
  /** Only for counselors (counseling.read); null for everyone else. */
  reason: z.string().nullable(),
  setAt: z.string(),
  setBy: z.object({ id: z.string(), displayName: z.string() }),
});
export type RiskLevelEntry = z.infer<typeof riskLevelEntry>;

/** What the child page shows: the current level and whom to ask; the history only to counselors. */
export const riskLevelView = z.object({
  childId: z.string(),
  current: riskLevelEntry.nullable(),
  /** The counselors of the child's school: whom other staff ask about the child. */
  contacts: z.array(person),
  /** Newest first; empty for roles without counseling.read. */
  history: z.array(riskLevelEntry),
  abilities,
});
export type RiskLevelView = z.infer<typeof riskLevelView>;
