import { and, asc, desc, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { escapeLike } from '../orgs/orgs.repository';
import { org } from '../orgs/orgs.table';
import { term } from './terms.table';

export type TermRow = typeof term.$inferSelect;
/** A term with the unit that defines it. */
export type TermWithOrg = TermRow & { org: { id: string; name: string; kind: TermOrgKind; path: string } };
type TermOrgKind = (typeof org.$inferSelect)['kind'];

const live = isNull(term.deletedAt);

const withOrg = {
  term,
  org: { id: org.id, name: org.name, kind: org.kind, path: org.path },
};

const flatten = (r: { term: TermRow; org: TermWithOrg['org'] }): TermWithOrg => ({ ...r.term, org: r.org });

export async function findTerm(db: Db, id: string): Promise<TermWithOrg | undefined> {
  const [row] = await db
    .select(withOrg)
    .from(term)
    .innerJoin(org, eq(org.id, term.orgId))
    .where(and(eq(term.id, id), live))
    .limit(1);
  return row && flatten(row);
}

/** Terms defined by units whose path starts with one of `prefixes`, or by the given unit ids (ancestors). */
export async function listTermsOfUnits(db: Db, prefixes: string[], unitIds: string[]): Promise<TermWithOrg[]> {
  const scope: SQL[] = prefixes.map((p) => like(org.path, `${escapeLike(p)}%`));
  if (unitIds.length > 0) scope.push(inArray(org.id, unitIds));
  if (scope.length === 0) return [];
  const rows = await db
    .select(withOrg)
    .from(term)
    .innerJoin(org, eq(org.id, term.orgId))
    .where(and(live, isNull(org.deletedAt), or(...scope)))
    .orderBy(desc(term.schoolYear), desc(term.termNo), asc(sql`length(${org.path})`), asc(org.name));
  return rows.map(flatten);
}

/**
 * The terms in force for a unit: the county's, with the school's own term of the same school year
 * and number taking its place. One row per (school year, term number), newest first.
 */
export async function listEffectiveTerms(db: Db, countyId: string, schoolId: string | null): Promise<TermWithOrg[]> {
  const definers = schoolId ? [countyId, schoolId] : [countyId];
  const rows = await db
    .selectDistinctOn([term.schoolYear, term.termNo], withOrg)
    .from(term)
    .innerJoin(org, eq(org.id, term.orgId))
    .where(and(live, inArray(term.orgId, definers)))
    .orderBy(
      desc(term.schoolYear),
      desc(term.termNo),
      schoolId ? sql`(${term.orgId} = ${schoolId}) desc` : asc(term.orgId),
    );
  return rows.map(flatten);
}

export async function insertTerm(db: Db, values: typeof term.$inferInsert): Promise<TermRow> {
  const [row] = await db.insert(term).values(values).returning();
  return row!;
}

/** Updates when the version matches; returns undefined when someone else wrote first. */
export async function updateTerm(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<Pick<TermRow, 'startDate' | 'midDate' | 'endDate'>>,
): Promise<TermRow | undefined> {
  const [row] = await db
    .update(term)
    .set({ ...changes, updatedAt: new Date(), version: sql`${term.version} + 1` })
    .where(and(eq(term.id, id), eq(term.version, expectedVersion), live))
    .returning();
  return row;
}

export async function softDeleteTerm(db: Db, id: string, expectedVersion: number): Promise<TermRow | undefined> {
  const [row] = await db
    .update(term)
    .set({ deletedAt: new Date(), updatedAt: new Date(), version: sql`${term.version} + 1` })
    .where(and(eq(term.id, id), eq(term.version, expectedVersion), live))
    .returning();
  return row;
}
