import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedPerDb } from '../../db/prepared';
import type { OrgRow } from '../orgs/orgs.repository';
import { org } from '../orgs/orgs.table';
import type { TermWithOrg } from '../terms/terms.repository';
import { term } from '../terms/terms.table';

/**
 * The two reads every statistic starts with, as prepared statements (planned once per connection;
 * built by Drizzle once, not per request): `findOrg` and `listEffectiveTerms` of the orgs and terms
 * modules, the same queries with placeholders (stats-scope.test.ts proves them equal).
 */
const orgQuery = preparedPerDb((db) =>
  db
    .select()
    .from(org)
    .where(and(eq(org.id, sql.placeholder('id')), isNull(org.deletedAt)))
    .limit(1)
    .prepare('stats_scope_org'),
);

const termsQuery = preparedPerDb((db) =>
  db
    .selectDistinctOn([term.schoolYear, term.termNo], {
      term,
      org: { id: org.id, name: org.name, kind: org.kind, path: org.path },
    })
    .from(term)
    .innerJoin(org, eq(org.id, term.orgId))
    .where(and(isNull(term.deletedAt), sql`${term.orgId} = any(${sql.placeholder('definers')}::uuid[])`))
    // A school's own term takes the place of the county's of the same year and number.
    .orderBy(
      desc(term.schoolYear),
      desc(term.termNo),
      sql`(${term.orgId} = ${sql.placeholder('schoolId')}::uuid) desc nulls last`,
    )
    .prepare('stats_scope_terms'),
);

/** `findOrg`: a live org by id. */
export async function scopeOrgById(db: Db, id: string): Promise<OrgRow | undefined> {
  const [row] = await orgQuery(db).execute({ id });
  return row;
}

/** `listEffectiveTerms`: the county's terms, a school's own in their place; newest first. */
export async function effectiveTermsOf(db: Db, countyId: string, schoolId: string | null): Promise<TermWithOrg[]> {
  const definers = schoolId ? [countyId, schoolId] : [countyId];
  const rows = await termsQuery(db).execute({ definers: `{${definers.join(',')}}`, schoolId });
  return rows.map((r) => ({ ...r.term, org: r.org }));
}
