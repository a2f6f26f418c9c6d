import type { MailboxStatus } from '@shouwang/shared';
import { and, asc, count, desc, eq, isNull, like, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { child } from '../children/children.table';
import { escapeLike } from '../orgs/orgs.repository';
import { org } from '../orgs/orgs.table';
import { appUser } from '../users/users.table';
import { mailboxBox, mailboxMessage } from './mailbox.table';

export type MailboxBoxRow = typeof mailboxBox.$inferSelect;
export type MailboxMessageRow = typeof mailboxMessage.$inferSelect;
export type MailboxMessageInsert = typeof mailboxMessage.$inferInsert;

const liveOrg = and(isNull(org.deletedAt), eq(org.kind, 'school'));
const inPrefixes = (prefixes: string[]) => or(...prefixes.map((p) => like(org.path, `${escapeLike(p)}%`)))!;

// ── Boxes ─────────────────────────────────────────────────────────────────────────────────────

/** The box behind a public link, with the school's name; unknown codes give undefined. */
export async function findBoxByCode(db: Db, code: string) {
  const [row] = await db
    .select({ box: mailboxBox, schoolName: org.name, schoolPath: org.path, schoolActive: org.active })
    .from(mailboxBox)
    .innerJoin(org, and(eq(org.id, mailboxBox.schoolId), liveOrg))
    .where(eq(mailboxBox.code, code))
    .limit(1);
  return row;
}

export async function findSchool(db: Db, schoolId: string) {
  const [row] = await db
    .select({ id: org.id, name: org.name, path: org.path, countyId: org.countyId, box: mailboxBox })
    .from(org)
    .leftJoin(mailboxBox, eq(mailboxBox.schoolId, org.id))
    .where(and(eq(org.id, schoolId), liveOrg))
    .limit(1);
  return row;
}
export type SchoolWithBox = NonNullable<Awaited<ReturnType<typeof findSchool>>>;

/** Schools under the given path prefixes, with their mailbox if opened, by name. */
export async function listSchools(db: Db, prefixes: string[]): Promise<SchoolWithBox[]> {
  if (prefixes.length === 0) return [];
  return db
    .select({ id: org.id, name: org.name, path: org.path, countyId: org.countyId, box: mailboxBox })
    .from(org)
    .leftJoin(mailboxBox, eq(mailboxBox.schoolId, org.id))
    .where(and(liveOrg, eq(org.active, true), inPrefixes(prefixes)))
    .orderBy(asc(org.name))
    .limit(500);
}

export async function insertBox(db: Db, values: typeof mailboxBox.$inferInsert) {
  const [row] = await db.insert(mailboxBox).values(values).returning();
  return row!;
}

export async function updateBox(
  db: Db,
  id: string,
  version: number,
  changes: Pick<MailboxBoxRow, 'enabled' | 'dangerWords'>,
) {
  const [row] = await db
    .update(mailboxBox)
    .set({ ...changes, version: sql`${mailboxBox.version} + 1`, updatedAt: new Date() })
    .where(and(eq(mailboxBox.id, id), eq(mailboxBox.version, version)))
    .returning();
  return row;
}

// ── Messages ──────────────────────────────────────────────────────────────────────────────────

export async function insertMessage(db: Db, values: MailboxMessageInsert) {
  const [row] = await db.insert(mailboxMessage).values(values).returning();
  return row!;
}

export async function findByPickupHash(db: Db, hash: string) {
  const [row] = await db
    .select()
    .from(mailboxMessage)
    .where(and(eq(mailboxMessage.pickupCodeHash, hash), isNull(mailboxMessage.deletedAt)))
    .limit(1);
  return row;
}

const handler = alias(appUser, 'handler');
const replier = alias(appUser, 'replier');

const withNames = {
  message: mailboxMessage,
  school: { id: org.id, name: org.name, path: org.path, countyId: org.countyId },
  handlerName: handler.displayName,
  replierName: replier.displayName,
  childName: child.name,
};

function selectWithNames(db: Db) {
  return db
    .select(withNames)
    .from(mailboxMessage)
    .innerJoin(org, eq(org.id, mailboxMessage.schoolId))
    .leftJoin(handler, eq(handler.id, mailboxMessage.handlerId))
    .leftJoin(replier, eq(replier.id, mailboxMessage.repliedBy))
    .leftJoin(child, and(eq(child.id, mailboxMessage.childId), eq(child.countyId, mailboxMessage.countyId)));
}
export type MessageWithNames = NonNullable<Awaited<ReturnType<typeof findMessage>>>;

export async function findMessage(db: Db, id: string) {
  const [row] = await selectWithNames(db)
    .where(and(eq(mailboxMessage.id, id), isNull(mailboxMessage.deletedAt)))
    .limit(1);
  return row;
}

export interface MessageFilters {
  schoolId?: string;
  status?: MailboxStatus | 'open';
  urgent?: boolean;
}

/** Open urgent messages first, then unanswered ones, each newest first (the inbox order). */
const inboxOrder = [
  desc(sql`(${mailboxMessage.urgent} and ${mailboxMessage.status} <> 'closed')`),
  desc(sql`(${mailboxMessage.status} in ('new', 'in_progress'))`),
  desc(mailboxMessage.createdAt),
  desc(mailboxMessage.id),
];

export async function listMessages(
  db: Db,
  prefixes: string[],
  f: MessageFilters,
  page: { page: number; pageSize: number },
) {
  if (prefixes.length === 0) return { rows: [], total: 0 };
  const conditions: SQL[] = [isNull(mailboxMessage.deletedAt), inPrefixes(prefixes)];
  if (f.schoolId) conditions.push(eq(mailboxMessage.schoolId, f.schoolId));
  if (f.status === 'open') conditions.push(ne(mailboxMessage.status, 'closed'));
  else if (f.status) conditions.push(eq(mailboxMessage.status, f.status));
  if (f.urgent !== undefined) conditions.push(eq(mailboxMessage.urgent, f.urgent));
  const where = and(...conditions);
  const rows = await selectWithNames(db)
    .where(where)
    .orderBy(...inboxOrder)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await db
    .select({ n: count() })
    .from(mailboxMessage)
    .innerJoin(org, eq(org.id, mailboxMessage.schoolId))
    .where(where);
  return { rows, total: total!.n };
}

/** Urgent messages not yet closed, for the administrators' alert list (no texts selected). */
export async function listUrgentOpen(db: Db, prefixes: string[]) {
  if (prefixes.length === 0) return [];
  return db
    .select({
      id: mailboxMessage.id,
      createdAt: mailboxMessage.createdAt,
      status: mailboxMessage.status,
      school: { id: org.id, name: org.name },
      handlerId: mailboxMessage.handlerId,
      handlerName: handler.displayName,
    })
    .from(mailboxMessage)
    .innerJoin(org, eq(org.id, mailboxMessage.schoolId))
    .leftJoin(handler, eq(handler.id, mailboxMessage.handlerId))
    .where(
      and(
        isNull(mailboxMessage.deletedAt),
        eq(mailboxMessage.urgent, true),
        ne(mailboxMessage.status, 'closed'),
        inPrefixes(prefixes),
      ),
    )
    .orderBy(desc(mailboxMessage.createdAt))
    .limit(200);
}

export async function updateMessage(
  db: Db,
  id: string,
  version: number,
  changes: Partial<Omit<MailboxMessageInsert, 'id' | 'version'>>,
) {
  const [row] = await db
    .update(mailboxMessage)
    .set({ ...changes, version: sql`${mailboxMessage.version} + 1`, updatedAt: new Date() })
    .where(and(eq(mailboxMessage.id, id), eq(mailboxMessage.version, version), isNull(mailboxMessage.deletedAt)))
    .returning();
  return row;
}
