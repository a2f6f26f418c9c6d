import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { activityRoomVisit } from '../activities/activities.table';
import { aid } from '../aid/aid.table';
import { careRecord } from '../care-records/care-records.table';
import { childCategory, childEnrollment } from '../children/children.table';
import { concern, concernEvent } from '../concerns/concerns.table';
import { childRiskLevel, counselingSession } from '../counseling/counseling.table';
import { sealCounseling } from '../counseling/counseling-cipher';
import { healthCheck } from '../health-checks/health-checks.table';
import { studyPlan } from '../learning/learning.table';
import { mailboxMessage } from '../mailbox/mailbox.table';
import { pairing } from '../pairings/pairings.table';
import { pledge, selfEvaluation } from '../pledges/pledges.table';

/**
 * The free texts staff wrote about an anonymized child in the other modules: they name the child,
 * the family and what happened. Required texts become `marker`, optional ones null; rows, kinds,
 * dates, amounts, flags, levels and links stay, so statistics and compliance figures keep their
 * counts. JSON details keep their shape (only their free-text values change), so the records still
 * pass their zod schemas and read through the API. Runs inside the caller's transaction.
 */
export async function anonymizeRecordTexts(tx: Db, childId: string, marker: string) {
  const text = sql`to_jsonb(${marker}::text)`;
  // 关爱记录: the talk's topic, the home visit's conditions and guardian's view are free text;
  // every other detail (moods, parties present, channels, minutes, subjects) is structured.
  await tx
    .update(careRecord)
    .set({
      summary: marker,
      problems: null,
      details: sql`jsonb_set(jsonb_set(jsonb_set(${careRecord.details}, '{topic}', ${text}, false),
        '{homeConditions}', 'null'::jsonb, false), '{guardianView}', 'null'::jsonb, false)`,
    })
    .where(eq(careRecord.childId, childId));

  // 心理辅导: sealed like every write of the module, so counselors read the marker.
  const sessions = await tx
    .select({ id: counselingSession.id })
    .from(counselingSession)
    .where(eq(counselingSession.childId, childId));
  if (sessions.length > 0)
    await tx
      .update(counselingSession)
      .set({
        presentingConcern: sealCounseling('presenting_concern', marker),
        notes: sealCounseling('notes', marker),
        agreedActions: null,
      })
      .where(eq(counselingSession.childId, childId));
  const risks = await tx
    .select({ id: childRiskLevel.id })
    .from(childRiskLevel)
    .where(eq(childRiskLevel.childId, childId));
  if (risks.length > 0)
    await tx
      .update(childRiskLevel)
      .set({ reason: sealCounseling('risk_reason', marker) })
      .where(eq(childRiskLevel.childId, childId));

  // 强制报告: the account and the steps' notes; categories, severities, deadlines, authorities stay.
  const concerns = await tx
    .update(concern)
    .set({ description: marker, immediateActions: null })
    .where(eq(concern.childId, childId))
    .returning({ id: concern.id });
  if (concerns.length > 0)
    await tx
      .update(concernEvent)
      .set({ note: null })
      .where(
        and(
          inArray(
            concernEvent.concernId,
            concerns.map((c) => c.id),
          ),
          isNotNull(concernEvent.note),
        ),
      );

  await tx
    .update(pledge)
    .set({ shortcomings: marker, commitments: marker, measures: marker, reviewNote: null })
    .where(eq(pledge.childId, childId));
  await tx.update(selfEvaluation).set({ content: marker, gaps: null }).where(eq(selfEvaluation.childId, childId));

  // 学习帮扶: the goals' texts go, their due dates and "achieved" stay (in order).
  await tx
    .update(studyPlan)
    .set({
      content: marker,
      whatHelped: null,
      phaseGoals: sql`(select coalesce(jsonb_agg(jsonb_set(g.value, '{goal}', ${text}) order by g.n), '[]'::jsonb)
        from jsonb_array_elements(${studyPlan.phaseGoals}) with ordinality as g(value, n))`,
    })
    .where(eq(studyPlan.childId, childId));

  await tx.update(healthCheck).set({ findings: null, referralTo: null }).where(eq(healthCheck.childId, childId));
  // 资助: what was given (type, amount, items) stays; the note goes.
  await tx.update(aid).set({ note: null }).where(eq(aid.childId, childId));
  await tx.update(activityRoomVisit).set({ note: null }).where(eq(activityRoomVisit.childId, childId));
  await tx.update(pairing).set({ note: null }).where(eq(pairing.childId, childId));
  // The archive's history notes (categories, enrolment); categories, dates, statuses and the
  // destination school (counted by the statistics) stay.
  await tx.update(childCategory).set({ note: null }).where(eq(childCategory.childId, childId));
  await tx.update(childEnrollment).set({ note: null }).where(eq(childEnrollment.childId, childId));
  // 悄悄话信箱: the message (encrypted, kept by the mailbox's own retention) no longer names the child.
  await tx.update(mailboxMessage).set({ childId: null }).where(eq(mailboxMessage.childId, childId));
}
