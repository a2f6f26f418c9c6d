import type { privacyOfficerBody } from '@shouwang/shared';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { countyPrivacyGrant } from './privacy.policy';
import { privacyOfficer } from './privacy.table';

/** 个人信息保护负责人: one per county, set by its county administrator, shown to every user. */

export async function getOfficer(db: Db, actor: Actor) {
  // The county of the user's units (a user's own county field may be empty for accounts made early).
  const countyId = actor.assignments[0]?.countyId ?? actor.countyId;
  if (!countyId) return { officer: null };
  const [row] = await db.select().from(privacyOfficer).where(eq(privacyOfficer.countyId, countyId));
  return { officer: row ? { name: row.name, phone: row.phone, email: row.email } : null };
}

export async function setOfficer(db: Db, ctx: RequestContext, actor: Actor, body: z.infer<typeof privacyOfficerBody>) {
  const grant = countyPrivacyGrant(actor);
  if (!grant) throw new AppError('FORBIDDEN');
  const values = { name: body.name.trim(), phone: body.phone.trim(), email: body.email?.trim() || null };
  await db.transaction(async (tx) => {
    await tx
      .insert(privacyOfficer)
      .values({ countyId: grant.countyId, ...values, updatedBy: actor.userId })
      .onConflictDoUpdate({
        target: privacyOfficer.countyId,
        set: { ...values, updatedAt: new Date(), updatedBy: actor.userId },
      });
    await recordAudit(tx, ctx, {
      event: 'privacy.officer_set',
      targetType: 'county',
      targetId: grant.countyId,
      org: { id: grant.orgId, path: grant.orgPath, countyId: grant.countyId },
      after: { name: values.name },
    });
  });
  return { officer: values };
}
