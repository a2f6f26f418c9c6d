import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { recordAudit } from '../../../lib/audit/record-audit';
import { generateOneTimePassword, hashPassword } from '../../auth/password';
import { org } from '../../orgs/orgs.table';
import { appUser, roleAssignment } from '../users.table';

/**
 * On the very first start (no users at all) create a county and its first administrator with a
 * one-time password, which must be changed at first login. There is never a default password.
 */
export async function createFirstAdminIfNeeded(db: Db, countyName = '本县') {
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(appUser)) as [{ n: number }];
  if (n > 0) return null;
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const countyId = randomUUID();
    await tx.insert(org).values({ id: countyId, countyId, kind: 'county', name: countyName, path: `${countyId}/` });
    const [user] = await tx
      .insert(appUser)
      .values({ username: 'admin', displayName: '县级管理员', passwordHash, mustChangePassword: true, countyId })
      .returning();
    await tx.insert(roleAssignment).values({ userId: user!.id, role: 'county_admin', orgId: countyId, countyId });
    await recordAudit(
      tx,
      { actor: null, ip: 'local', requestId: 'first-start', language: 'zh-CN' },
      {
        event: 'system.first_admin_created',
        targetType: 'user',
        targetId: user!.id,
        org: { id: countyId, path: `${countyId}/`, countyId },
      },
    );
    return { username: 'admin', password };
  });
}
