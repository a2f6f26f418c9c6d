import { and, eq, getTableColumns, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { bulkInsert as insertRows } from '../../gen/bulk-insert';
import { diffOf } from '../../lib/audit/diff';
import type { AuditEntry } from '../../lib/audit/record-audit';
import type { RequestContext } from '../../lib/context';
import { auditEvent } from '../audit/audit.table';
import { org } from '../orgs/orgs.table';
import type { ChildCategoryRow } from './child-history.repository';
import type { ChildInsert, ChildRow } from './children.repository';
import { child, childCategory, childEnrollment } from './children.table';
import type { WriteSet } from './children-import-writes';
import { insertAsJson } from './children-json-insert';
import type { EntrustmentRow, GuardianInsert, GuardianRow } from './guardians.repository';
import { guardian, guardianEntrustment } from './guardians.table';
import type { ParentInsert, ParentRow } from './parents.repository';
import { parent } from './parents.table';

/**
 * Set-wise reads and writes of the archive for imports, exports and printed cards: one statement
 * per chunk of ids or rows, never one round trip per child.
 */

const { idNumber: _idNumber, ...childColumns } = getTableColumns(child);
const idChunk = 5_000;

async function chunked<T, R>(items: readonly T[], size: number, run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await run(items.slice(i, i + size))));
  return out;
}

/**
 * Multi-row INSERTs with the statement text built directly (gen/bulk-insert.ts): drizzle's query
 * builder costs tens of µs per row, most of a 10,000-child import.
 */
export async function bulkInsert<T extends PgTable>(db: Db, table: T, rows: T['$inferInsert'][]): Promise<void> {
  await insertRows(db, table, rows);
}

/** Live children holding any of these ID number hashes, in any county (a child is filed once). */
export async function childrenByIdHashes(db: Db, hashes: string[]): Promise<ChildRow[]> {
  return chunked([...new Set(hashes)], idChunk, (chunk) =>
    db
      .select(childColumns)
      .from(child)
      .where(and(inArray(child.idNumberHash, chunk), isNull(child.deletedAt))),
  ) as Promise<ChildRow[]>;
}

/** Live children of these counties with one of these names (for name + birth date + school matching). */
export async function childrenByNames(db: Db, countyIds: string[], names: string[]): Promise<ChildRow[]> {
  if (countyIds.length === 0) return [];
  return chunked([...new Set(names)], idChunk, (chunk) =>
    db
      .select(childColumns)
      .from(child)
      .where(and(inArray(child.countyId, countyIds), inArray(child.name, chunk), isNull(child.deletedAt))),
  ) as Promise<ChildRow[]>;
}

/** Children by id with their stored ID numbers (exports with full numbers only). */
export async function idNumbersOf(db: Db, ids: string[]): Promise<Map<string, string | null>> {
  const rows = await chunked(ids, idChunk, (chunk) =>
    db.select({ id: child.id, idNumber: child.idNumber }).from(child).where(inArray(child.id, chunk)),
  );
  return new Map(rows.map((r) => [r.id, r.idNumber]));
}

export interface Families {
  categories: Map<string, ChildCategoryRow[]>;
  parents: Map<string, ParentRow[]>;
  guardians: Map<string, GuardianRow[]>;
  entrustments: Map<string, EntrustmentRow[]>;
}

const group = <T>(rows: T[], key: (row: T) => string) => {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
};

/** Categories in force, live parents and guardians (primary first) and signings of many children. */
export async function familiesOf(db: Db, childIds: string[]): Promise<Families> {
  const ids = [...new Set(childIds)];
  const categories = await chunked(ids, idChunk, (chunk) =>
    db
      .select()
      .from(childCategory)
      .where(and(inArray(childCategory.childId, chunk), isNull(childCategory.endDate))),
  );
  const parents = await chunked(ids, idChunk, (chunk) =>
    db
      .select()
      .from(parent)
      .where(and(inArray(parent.childId, chunk), isNull(parent.deletedAt)))
      .orderBy(parent.createdAt),
  );
  const guardians = await chunked(ids, idChunk, (chunk) =>
    db
      .select()
      .from(guardian)
      .where(and(inArray(guardian.childId, chunk), isNull(guardian.deletedAt)))
      .orderBy(sql`${guardian.isPrimary} desc`, guardian.createdAt),
  );
  const entrustments = await chunked(ids, idChunk, (chunk) =>
    db.select().from(guardianEntrustment).where(inArray(guardianEntrustment.childId, chunk)),
  );
  return {
    categories: group(categories, (r) => r.childId),
    parents: group(parents, (r) => r.childId),
    guardians: group(guardians, (r) => r.childId),
    entrustments: group(entrustments, (r) => r.guardianId),
  };
}

/** Live units of these counties below the county (townships, villages, schools, classes). */
export async function orgsOfCounties(db: Db, countyIds: string[]) {
  if (countyIds.length === 0) return [];
  return db
    .select()
    .from(org)
    .where(and(inArray(org.countyId, countyIds), isNull(org.deletedAt), ne(org.kind, 'county')));
}

export async function updateChildFields(db: Db, id: string, changes: Partial<ChildInsert>, bumpVersion: boolean) {
  await db
    .update(child)
    .set(bumpVersion ? { ...changes, updatedAt: new Date(), version: sql`${child.version} + 1` } : changes)
    .where(eq(child.id, id));
}

export async function updateParentFields(db: Db, id: string, changes: Partial<ParentInsert>) {
  await db
    .update(parent)
    .set({ ...changes, updatedAt: new Date(), version: sql`${parent.version} + 1` })
    .where(eq(parent.id, id));
}

export async function updateGuardianFields(db: Db, id: string, changes: Partial<GuardianInsert>) {
  await db
    .update(guardian)
    .set({ ...changes, updatedAt: new Date(), version: sql`${guardian.version} + 1` })
    .where(eq(guardian.id, id));
}

/** The role written with an audit row: the actor's role that covers the row's org (as recordAudit). */
function roleFor(ctx: RequestContext, entry: AuditEntry): string | null {
  const path = entry.org?.path;
  const assignments = ctx.actor?.assignments ?? [];
  return (assignments.find((a) => path?.startsWith(a.orgPath)) ?? assignments[0])?.role ?? null;
}

/** Many audit rows in a few statements, each as `recordAudit` would write it. */
export async function bulkAudit(db: Db, ctx: RequestContext, entries: AuditEntry[]): Promise<void> {
  const rows = entries.map((entry) => ({
    event: entry.event,
    actorId: ctx.actor?.userId ?? null,
    actorRole: roleFor(ctx, entry),
    orgId: entry.org?.id ?? null,
    orgPath: entry.org?.path ?? null,
    countyId: entry.org?.countyId ?? ctx.actor?.countyId ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    childId: entry.childId ?? null,
    diff: entry.diff ?? (entry.before || entry.after ? diffOf(entry.before ?? null, entry.after ?? null) : null),
  }));
  await insertAsJson(db, auditEvent, rows);
}

/** Writes an import's rows in dependency order: children, then their history and family. */
export async function applyImportWrites(db: Db, writes: WriteSet): Promise<void> {
  await insertAsJson(db, child, writes.childInserts);
  await insertAsJson(db, childCategory, writes.categoryInserts);
  await insertAsJson(db, childEnrollment, writes.enrollmentInserts);
  await insertAsJson(db, parent, writes.parentInserts);
  await insertAsJson(db, guardian, writes.guardianInserts);
  await insertAsJson(db, guardianEntrustment, writes.entrustmentInserts);
  for (const u of writes.childUpdates) await updateChildFields(db, u.id, u.changes, u.bumpVersion);
  for (const u of writes.parentUpdates) await updateParentFields(db, u.id, u.changes);
  for (const u of writes.guardianUpdates) await updateGuardianFields(db, u.id, u.changes);
}

/** One imported row's name at a school, for the similar-name check. */
export interface NameProbe {
  row: number;
  name: string;
  namePinyin: string;
  schoolId: string;
}

/**
 * Live children whose name is very similar (characters or pinyin, the create path's test and
 * threshold) to an imported row's at the same school: one statement per chunk of rows.
 */
export async function similarNamesAtSchools(db: Db, probes: NameProbe[], threshold: number) {
  return chunked(probes, 2_000, async (chunk) => {
    const values = sql.join(
      chunk.map((p) => sql`(${p.row}::int, ${p.name}::text, ${p.namePinyin}::text, ${p.schoolId}::uuid)`),
      sql`, `,
    );
    const result = await db.execute<Record<string, unknown>>(sql`
      with n(row_no, name, pinyin, school_id) as (values ${values})
      select n.row_no as "row", c.id, c.name, c.birth_date as "birthDate", c.school_id as "schoolId",
        c.village_id as "villageId", c.school_path as "schoolPath", c.village_path as "villagePath"
      from n join child c on c.school_id = n.school_id and c.deleted_at is null
      where greatest(similarity(c.name, n.name), similarity(c.name_pinyin, n.pinyin)) > ${threshold}
      order by n.row_no, c.name_pinyin collate "C"
    `);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
    return rows.map((r) => ({
      row: Number(r.row),
      id: String(r.id),
      name: String(r.name),
      birthDate: r.birthDate == null ? null : String(r.birthDate).slice(0, 10),
      schoolId: r.schoolId as string | null,
      villageId: r.villageId as string | null,
      schoolPath: r.schoolPath as string | null,
      villagePath: r.villagePath as string | null,
    }));
  });
}
