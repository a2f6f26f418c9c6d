import { addDays, healthNotesOf } from '@shouwang/shared';
import { and, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { healthCheck } from '../../health-checks/health-checks.table';
import type { FactSource } from './types';

/** How far back a check still speaks for the child: the last school year. */
const checkValidDays = 365;

/** 体检: what the child's latest check before the term's end says a parent should know. */
export const healthFacts: FactSource = async (db, r) => {
  const rows = await db
    .selectDistinctOn([healthCheck.childId], {
      childId: healthCheck.childId,
      flags: healthCheck.flags,
      teeth: healthCheck.teeth,
      referralNeeded: healthCheck.referralNeeded,
      referralTo: healthCheck.referralTo,
    })
    .from(healthCheck)
    .where(
      and(
        eq(healthCheck.countyId, r.countyId),
        inArray(healthCheck.childId, r.childIds),
        gte(healthCheck.checkedOn, addDays(r.endDate, -checkValidDays)),
        lte(healthCheck.checkedOn, r.endDate),
        isNull(healthCheck.deletedAt),
      ),
    )
    .orderBy(healthCheck.childId, desc(healthCheck.checkedOn), desc(healthCheck.createdAt));
  return new Map(rows.map((row) => [row.childId, { healthNotes: healthNotesOf(row) }]));
};
