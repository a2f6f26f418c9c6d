import { and, count, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { careRecord } from '../../care-records/care-records.table';
import type { FactSource } from './types';

/** 谈心: the child's talk records dated within the term. */
export const talkFacts: FactSource = async (db, r) => {
  const rows = await db
    .select({ childId: careRecord.childId, n: count() })
    .from(careRecord)
    .where(
      and(
        eq(careRecord.countyId, r.countyId),
        inArray(careRecord.childId, r.childIds),
        eq(careRecord.kind, 'talk'),
        gte(careRecord.occurredOn, r.startDate),
        lte(careRecord.occurredOn, r.endDate),
        isNull(careRecord.deletedAt),
      ),
    )
    .groupBy(careRecord.childId);
  return new Map(rows.map((row) => [row.childId, { talkCount: row.n }]));
};
