import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { dataProtection } from '../../lib/crypto/data-keys';
import { childRiskLevel, counselingSession } from './counseling.table';
import { type CounselingField, openCounseling, sealCounseling } from './counseling-cipher';

const batchSize = 500;

/**
 * Key rotation for counseling text (`npm run rotate-keys`): re-encrypts every session's presenting
 * concern, notes and agreed actions and every risk reason under the first key, in batches of 500
 * rows, one transaction each (safe to interrupt and run again).
 */
export async function reprotectCounseling(db: Db): Promise<Record<string, number>> {
  const counts = { counseling_session: 0, child_risk_level: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select()
      .from(counselingSession)
      .where(gt(counselingSession.id, after))
      .orderBy(asc(counselingSession.id))
      .limit(batchSize);
    if (rows.length === 0) break;
    await db.transaction(async (tx) => {
      for (const r of rows) {
        const again = (field: CounselingField, value: string) => sealCounseling(field, openCounseling(field, value));
        await tx
          .update(counselingSession)
          .set({
            presentingConcern: again('presenting_concern', r.presentingConcern),
            notes: again('notes', r.notes),
            agreedActions: r.agreedActions === null ? null : again('agreed_actions', r.agreedActions),
          })
          .where(eq(counselingSession.id, r.id));
      }
    });
    counts.counseling_session += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select({ id: childRiskLevel.id, reason: childRiskLevel.reason })
      .from(childRiskLevel)
      .where(gt(childRiskLevel.id, after))
      .orderBy(asc(childRiskLevel.id))
      .limit(batchSize);
    if (rows.length === 0) break;
    await db.transaction(async (tx) => {
      for (const r of rows)
        await tx
          .update(childRiskLevel)
          .set({ reason: sealCounseling('risk_reason', openCounseling('risk_reason', r.reason)) })
          .where(eq(childRiskLevel.id, r.id));
    });
    counts.child_risk_level += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  return counts;
}

/** Key ids in stored counseling ciphertexts that the configured keys cannot decrypt (startup refuses them). */
export async function unknownCounselingKeyIds(db: Db): Promise<string[]> {
  const known = new Set(dataProtection().cipher.keyIds);
  const keyOf = (column: unknown) => sql<string>`split_part(${column}, ':', 2)`;
  const found = new Set<string>();
  const sessions = await db
    .selectDistinct({ keyId: keyOf(counselingSession.notes) })
    .from(counselingSession)
    .where(sql`${counselingSession.notes} like 'v1:%'`);
  const reasons = await db
    .selectDistinct({ keyId: keyOf(childRiskLevel.reason) })
    .from(childRiskLevel)
    .where(sql`${childRiskLevel.reason} like 'v1:%'`);
  for (const r of [...sessions, ...reasons]) found.add(r.keyId);
  return [...found].filter((id) => !known.has(id));
}
