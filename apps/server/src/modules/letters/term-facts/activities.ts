import { and, asc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { activity, activityParticipation } from '../../activities/activities.table';
import type { FactSource } from './types';

/** 活动 the child took part in during the term, and the awards won there (「校书画展二等奖」). */
export const activityFacts: FactSource = async (db, r) => {
  const rows = await db
    .select({ childId: activityParticipation.childId, title: activity.title, award: activityParticipation.award })
    .from(activityParticipation)
    .innerJoin(activity, eq(activity.id, activityParticipation.activityId))
    .where(
      and(
        eq(activityParticipation.countyId, r.countyId),
        inArray(activityParticipation.childId, r.childIds),
        gte(activity.occurredOn, r.startDate),
        lte(activity.occurredOn, r.endDate),
        isNull(activity.deletedAt),
      ),
    )
    .orderBy(asc(activity.occurredOn), asc(activity.title));
  const facts = new Map<string, { activities: string[]; awards: string[] }>();
  for (const row of rows) {
    const f = facts.get(row.childId) ?? { activities: [], awards: [] };
    f.activities.push(row.title);
    const award = row.award?.trim();
    if (award) f.awards.push(award.startsWith(row.title) ? award : `${row.title}${award}`);
    facts.set(row.childId, f);
  }
  return facts;
};
