import path from 'node:path';
import type { AuditEvent } from '@shouwang/shared';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { recordAudit } from '../lib/audit/record-audit';
import type { RequestContext } from '../lib/context';
import { isUniqueViolation } from '../lib/db-errors';
import { auditEvent } from '../modules/audit/audit.table';
import { generateOneTimePassword, hashPassword, verifyPassword } from '../modules/auth/password';
import { org } from '../modules/orgs/orgs.table';
import { term } from '../modules/terms/terms.table';
import { appUser, roleAssignment } from '../modules/users/users.table';
import { addDemoChildren } from './demo-children';
import {
  type DemoLogin,
  demoLoginsDir,
  LOGINS_FILE_NAME,
  printDemoLogins,
  readDemoPassword,
  roleOrder,
  writeDemoLogins,
} from './demo-logins';
import { buildDemoPlan, DEMO_COUNTY_NAME, type DemoPlan, SEED_SCHOOL } from './demo-plan';

export interface LoadDemoResult {
  /** False when the demo was already there. */
  created: boolean;
  /** True when the demo was there but its password was unknown, so its accounts got a new one. */
  passwordReset: boolean;
  countyId: string;
  password: string;
  loginsFile: string;
  logins: DemoLogin[];
}

const systemContext: RequestContext = { actor: null, ip: 'local', requestId: 'demo', language: 'zh-CN' };

/**
 * `--demo`: creates the demo county 青山县 (units, terms, staff in every role, one shared password)
 * on first start, in one transaction; on later starts only prints the logins again.
 */
export async function loadDemoIfNeeded(
  db: Db,
  dataDir: string,
  options: { now?: Date; log?: (line: string) => void } = {},
): Promise<LoadDemoResult> {
  const log = options.log ?? console.log;
  const started = performance.now();
  const loginsFile = path.join(demoLoginsDir(dataDir), LOGINS_FILE_NAME);
  const plan = buildDemoPlan({ now: options.now });

  const [existing] = await db
    .select({ id: org.id })
    .from(org)
    .where(and(eq(org.kind, 'county'), eq(org.name, DEMO_COUNTY_NAME), isNull(org.parentId), isNull(org.deletedAt)))
    .limit(1);

  let result: LoadDemoResult;
  let headline: string;
  if (existing) {
    result = await reuseDemo(db, existing.id, plan, loginsFile);
    headline = result.passwordReset
      ? '演示县已存在；密码文件缺失或不符，已为演示账号设置新密码。The demo exists; its password was unknown, so the demo accounts got a new one.'
      : '演示县已存在，登录信息如下。The demo county is already loaded; its logins:';
  } else {
    result = await createDemo(db, plan, loginsFile);
    const ms = Math.round(performance.now() - started);
    headline = `已创建演示县 (${ms} ms)。Demo county created in ${ms} ms.`;
  }
  printDemoLogins({
    log,
    countyName: DEMO_COUNTY_NAME,
    password: result.password,
    logins: result.logins,
    featuredSchool: SEED_SCHOOL.name,
    file: loginsFile,
    headline,
  });
  return result;
}

async function createDemo(db: Db, plan: DemoPlan, loginsFile: string): Promise<LoadDemoResult> {
  const password = generateOneTimePassword();
  // One argon2 hash for every account: hashing 60 passwords would take seconds.
  const passwordHash = await hashPassword(password);
  const now = new Date();
  const countyId = plan.county.id;
  try {
    return await db.transaction(async (tx) => {
      await tx.insert(org).values(plan.orgs);
      await tx.insert(appUser).values(
        plan.users.map((u) => ({
          id: u.id,
          username: u.username,
          displayName: u.displayName,
          passwordHash,
          mustChangePassword: false,
          passwordChangedAt: now,
          countyId,
        })),
      );
      await tx
        .insert(roleAssignment)
        .values(
          plan.users.flatMap((u) => u.roles.map((r) => ({ userId: u.id, role: r.role, orgId: r.orgId, countyId }))),
        );
      await tx.insert(term).values(plan.terms.map((t) => ({ ...t, countyId })));
      await addDemoChildren(tx, plan);
      await recordAudit(tx, systemContext, {
        event: 'system.demo_loaded',
        targetType: 'org',
        targetId: countyId,
        org: { id: countyId, path: plan.county.path, countyId },
        diff: {
          county: DEMO_COUNTY_NAME,
          orgs: plan.orgs.length,
          users: plan.users.length,
          terms: plan.terms.length,
          schoolYear: plan.schoolYear,
        },
      });
      const logins = await queryDemoLogins(tx, countyId, plan);
      // Written inside the transaction: if the file cannot be written, nothing is created.
      writeDemoLogins(loginsFile, DEMO_COUNTY_NAME, password, logins);
      return { created: true, passwordReset: false, countyId, password, loginsFile, logins };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new Error(
        `Cannot load the demo: a demo username (${plan.users.map((u) => u.username).join(', ')}) ` +
          'is already taken in this database. Use an empty data folder for the demo (DATA_DIR=./data-demo).',
        { cause: error },
      );
    throw error;
  }
}

/**
 * The demo is there: read its password from the logins file. If the file is gone or no longer
 * matches (say, the data folder was copied without it), give the demo accounts a new password
 * rather than print logins that do not work.
 */
async function reuseDemo(db: Db, countyId: string, plan: DemoPlan, loginsFile: string): Promise<LoadDemoResult> {
  const usernames = plan.users.map((u) => u.username);
  const accounts = await db
    .select({ id: appUser.id, username: appUser.username, passwordHash: appUser.passwordHash })
    .from(appUser)
    .where(and(eq(appUser.countyId, countyId), inArray(appUser.username, usernames), isNull(appUser.deletedAt)));
  const known = readDemoPassword(loginsFile);
  const probe = accounts.find((a) => a.username === 'xian.admin') ?? accounts[0];
  if (known && (!probe || (await verifyPassword(probe.passwordHash, known)))) {
    const logins = await queryDemoLogins(db, countyId, plan);
    return { created: false, passwordReset: false, countyId, password: known, loginsFile, logins };
  }

  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    if (accounts.length > 0) {
      await tx
        .update(appUser)
        .set({
          passwordHash,
          mustChangePassword: false,
          failedLogins: 0,
          lockedUntil: null,
          passwordChangedAt: new Date(),
          updatedAt: new Date(),
          version: sql`${appUser.version} + 1`,
        })
        .where(
          inArray(
            appUser.id,
            accounts.map((a) => a.id),
          ),
        );
      const event: AuditEvent = 'user.password_reset';
      await tx.insert(auditEvent).values(
        accounts.map((a) => ({
          event,
          ip: systemContext.ip,
          requestId: systemContext.requestId,
          orgId: countyId,
          orgPath: `${countyId}/`,
          countyId,
          targetType: 'user',
          targetId: a.id,
          diff: { reason: 'demo_password_file_missing' },
        })),
      );
    }
    const logins = await queryDemoLogins(tx, countyId, plan);
    writeDemoLogins(loginsFile, DEMO_COUNTY_NAME, password, logins);
    return { created: false, passwordReset: true, countyId, password, loginsFile, logins };
  });
}

const parentOrg = alias(org, 'parent_org');

/** The demo accounts as they are in the database, in role order then plan order. */
async function queryDemoLogins(db: Db, countyId: string, plan: DemoPlan): Promise<DemoLogin[]> {
  const planned = new Map(plan.users.map((u, i) => [u.username, { index: i, title: u.title }]));
  const rows = await db
    .select({
      username: appUser.username,
      displayName: appUser.displayName,
      role: roleAssignment.role,
      orgKind: org.kind,
      orgName: org.name,
      parentName: parentOrg.name,
    })
    .from(roleAssignment)
    .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
    .innerJoin(org, eq(org.id, roleAssignment.orgId))
    .leftJoin(parentOrg, eq(parentOrg.id, org.parentId))
    .where(
      and(
        eq(roleAssignment.countyId, countyId),
        isNull(roleAssignment.deletedAt),
        isNull(appUser.deletedAt),
        inArray(appUser.username, [...planned.keys()]),
      ),
    );
  return rows
    .map((r) => ({
      role: r.role,
      title: planned.get(r.username)?.title ?? '',
      unit: r.orgKind === 'class' && r.parentName ? `${r.parentName} ${r.orgName}` : r.orgName,
      displayName: r.displayName,
      username: r.username,
      order: planned.get(r.username)?.index ?? 0,
    }))
    .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || a.order - b.order)
    .map(({ order: _order, ...login }) => login);
}
