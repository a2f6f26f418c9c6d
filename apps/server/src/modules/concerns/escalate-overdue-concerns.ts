import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { RequestContext } from '../../lib/context';
import { auditOrgOfConcern } from './concerns.access';
import * as repo from './concerns.repository';

const batchSize = 200;

/**
 * Escalates every open concern whose step is past its deadline to the township supervisor: writes an
 * `escalated` event (at `now`) and marks the concern, which then shows on the supervisor's list as
 * needing attention. Each step escalates once; a concern that moves on may escalate again at its
 * next step. One transaction per concern. A server interval calls this every few minutes; tests
 * call it with a chosen `now`.
 */
export async function escalateOverdueConcerns(db: Db, now: Date): Promise<number> {
  const ctx: RequestContext = { actor: null, ip: 'server', requestId: randomUUID(), language: 'zh-CN' };
  let escalated = 0;
  for (;;) {
    const rows = await repo.overdueConcerns(db, now, batchSize);
    if (rows.length === 0) return escalated;
    let moved = 0;
    for (const row of rows) {
      const done = await db.transaction(async (tx) => {
        const updated = await repo.markEscalated(tx, row.concern, now);
        if (!updated) return false;
        await repo.insertEvent(tx, {
          countyId: row.concern.countyId,
          concernId: row.concern.id,
          kind: 'escalated',
          actorId: null,
          at: now,
          status: row.concern.status,
        });
        await recordAudit(tx, ctx, {
          event: 'concern.escalated',
          targetType: 'concern',
          targetId: row.concern.id,
          childId: row.concern.childId,
          org: auditOrgOfConcern(row),
          role: null,
          diff: { status: row.concern.status, dueAt: row.concern.dueAt?.toISOString() ?? null },
        });
        return true;
      });
      if (done) moved++;
    }
    escalated += moved;
    // Rows that changed under us are skipped; stop rather than loop on them.
    if (moved === 0 || rows.length < batchSize) return escalated;
  }
}
