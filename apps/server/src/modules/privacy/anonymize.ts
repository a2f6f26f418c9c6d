import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { RequestContext } from '../../lib/context';
import type { AttachmentStorage } from '../attachments/attachment-storage';
import { attachment } from '../attachments/attachments.table';
import { child } from '../children/children.table';
import { guardian, guardianEntrustment } from '../children/guardians.table';
import { parent } from '../children/parents.table';
import { pinyinKeys } from '../children/pinyin-keys';
import { anonymizeRecordTexts } from './anonymize-texts';
import { correctionRequest } from './correction-requests.table';
import { childAnonymization, childConsent } from './privacy.table';

/**
 * Anonymization after retention (儿童个人信息网络保护规定 Art. 20): a child who left school
 * (graduated, transferred out or dropped out, with no later enrolment entry) more than
 * RETENTION_YEARS_AFTER_LEAVING years ago (default 3) keeps their rows, categories, dates and
 * org links — so statistics keep their counts — but loses name, ID number, phones, addresses and
 * free-text notes, of the child, parents and guardians; the child's attachments are removed. The
 * free texts staff wrote about the child elsewhere (care records, counseling, concerns, pledges,
 * study plans, health checks, aid …) become the marker too (`anonymizeRecordTexts`), and mailbox
 * messages are unlinked; the child's audit rows keep who did what and when but their snapshots
 * lose the texts (`audit_redact`, migration 0017) — all in the child's one transaction, so a
 * failure leaves nothing half-done.
 */

export const anonymizedName = '已匿名';
const leavingStatuses = ['graduated', 'transferred_out', 'dropped_out'];

export function retentionYears(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.RETENTION_YEARS_AFTER_LEAVING;
  const years = raw === undefined || raw === '' ? 3 : Number(raw);
  if (!Number.isFinite(years) || years < 0 || years > 100)
    throw new Error(`RETENTION_YEARS_AFTER_LEAVING must be a number of years (0–100), not "${raw}"`);
  return years;
}

const cutoffOf = (now: Date, years: number) => {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
};

/** Children due: the newest enrolment entry is a leaving one, dated on or before the cut-off. */
export async function childrenDue(db: Db, now: Date, years: number, countyId?: string) {
  const cutoff = cutoffOf(now, years);
  const result = await db.execute<{ id: string; county_id: string; left_on: string }>(sql`
    select c.id, c.county_id, e.date::text as left_on
    from child c
    join lateral (
      select status, date from child_enrollment where child_id = c.id order by date desc, created_at desc limit 1
    ) e on true
    where e.status in (${sql.join(
      leavingStatuses.map((s) => sql`${s}`),
      sql`, `,
    )})
      and e.date <= ${cutoff}
      and not exists (select 1 from child_anonymization a where a.child_id = c.id)
      ${countyId ? sql`and c.county_id = ${countyId}` : sql``}
    order by c.id`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    id: string;
    county_id: string;
    left_on: string;
  }[];
  return rows.map((r) => ({ id: r.id, countyId: r.county_id, leftOn: r.left_on }));
}

async function anonymizeOne(db: Db, ctx: RequestContext, due: { id: string; countyId: string; leftOn: string }) {
  const files = await db.transaction(async (tx) => {
    await tx
      .update(child)
      .set({
        name: anonymizedName,
        ...pinyinKeys(anonymizedName),
        idNumber: null,
        idNumberHash: null,
        idNumberLast4: null,
        idNumberMasked: null,
        hukouLocation: null,
        currentAddress: null,
        familyNote: null,
        personality: null,
        interests: null,
        study: null,
        thinking: null,
        psychology: null,
        character: null,
        healthNote: null,
        villageContactName: null,
        villageContactPhone: null,
        photoAttachmentId: null,
        note: null,
        updatedAt: new Date(),
      })
      .where(eq(child.id, due.id));
    await tx
      .update(parent)
      .set({ name: anonymizedName, idNumber: null, idNumberMasked: null, phones: [], employer: null, note: null })
      .where(eq(parent.childId, due.id));
    await tx
      .update(guardian)
      .set({
        name: anonymizedName,
        phone: null,
        address: null,
        idNumber: null,
        idNumberMasked: null,
        note: null,
        entrustmentAttachmentId: null,
      })
      .where(eq(guardian.childId, due.id));
    await tx.update(guardianEntrustment).set({ note: null }).where(eq(guardianEntrustment.childId, due.id));
    // The privacy records name the family too.
    await tx
      .update(childConsent)
      .set({ consenterName: anonymizedName, scopeNote: null, withdrawalReason: null })
      .where(eq(childConsent.childId, due.id));
    await tx
      .update(correctionRequest)
      .set({ requesterName: anonymizedName, request: anonymizedName, resolutionNote: null })
      .where(eq(correctionRequest.childId, due.id));
    await anonymizeRecordTexts(tx, due.id, anonymizedName);
    // The audit rows about the child keep who did what and when; their snapshots lose the texts
    // (audit_redact, migration 0017: the one change the append-only trigger lets through).
    await tx.execute(sql`select set_config('shouwang.audit_redact', 'on', true)`);
    await tx.execute(sql`update audit_event set diff = audit_redact(diff)
      where (child_id = ${due.id} or (target_type = 'child' and target_id = ${due.id})) and diff is not null`);
    await tx.execute(sql`select set_config('shouwang.audit_redact', 'off', true)`);
    const removed = await tx
      .delete(attachment)
      .where(eq(attachment.childId, due.id))
      .returning({ storageKey: attachment.storageKey });
    await tx.insert(childAnonymization).values({ childId: due.id, countyId: due.countyId, leftOn: due.leftOn });
    await recordAudit(tx, ctx, {
      event: 'privacy.anonymized',
      targetType: 'child',
      targetId: due.id,
      childId: due.id,
      countyId: due.countyId,
      diff: { leftOn: due.leftOn, attachmentsRemoved: removed.length },
    });
    return removed.map((r) => r.storageKey);
  });
  return files;
}

/**
 * Anonymizes every child due at `now` (of one county, when given); answers the ids. Each child in
 * its own transaction, so an interrupted run leaves whole children and can simply run again.
 */
export async function anonymizeExpiredChildren(
  db: Db,
  now: Date,
  options: { years?: number; countyId?: string; ctx?: RequestContext; storage?: AttachmentStorage } = {},
): Promise<string[]> {
  const years = options.years ?? retentionYears();
  const ctx: RequestContext = options.ctx ?? { actor: null, ip: 'script', requestId: 'anonymize', language: 'zh-CN' };
  const due = await childrenDue(db, now, years, options.countyId);
  for (const d of due) {
    const files = await anonymizeOne(db, ctx, d);
    if (options.storage) for (const key of files) await options.storage.discard(key);
  }
  return due.map((d) => d.id);
}
