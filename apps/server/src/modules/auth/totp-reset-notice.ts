import { and, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import { auditEvent } from '../audit/audit.table';
import { appUser } from '../users/users.table';

/** How long a sign-in keeps saying who reset the user's two-step sign-in (unless set up again). */
const noticeDays = 30;

/**
 * Who reset this user's two-step sign-in, and when: read from the audit row of the reset, so
 * the notice needs no column of its own. Only while TOTP is off (enrolling again ends it).
 */
export async function totpResetNotice(db: Db, actor: Actor): Promise<{ at: string; byName: string } | null> {
  if (actor.totpEnabled) return null;
  const since = new Date(Date.now() - noticeDays * 86_400_000);
  const [row] = await db
    .select({ at: auditEvent.occurredAt, byName: appUser.displayName })
    .from(auditEvent)
    .innerJoin(appUser, eq(appUser.id, auditEvent.actorId))
    .where(
      and(
        eq(auditEvent.targetId, actor.userId),
        eq(auditEvent.event, 'user.totp_reset'),
        eq(auditEvent.targetType, 'user'),
        gt(auditEvent.occurredAt, since),
      ),
    )
    .orderBy(desc(auditEvent.id))
    .limit(1);
  return row ? { at: row.at.toISOString(), byName: row.byName } : null;
}
