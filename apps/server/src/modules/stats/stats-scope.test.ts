import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { createTestDatabase } from '../../test/db';
import { buildCountyTree, buildTerm, type CountyTree } from '../../test/factories';
import { findOrg } from '../orgs/orgs.repository';
import { org } from '../orgs/orgs.table';
import { listEffectiveTerms } from '../terms/terms.repository';
import { effectiveTermsOf, scopeOrgById } from './stats-scope.repository';

/** The prepared reads every statistic starts with answer what the orgs and terms modules' own reads answer. */
let database: Database;
let tree: CountyTree;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  tree = await buildCountyTree(db);
  const dates = (year: number, no: 1 | 2) =>
    no === 1
      ? { startDate: `${year}-09-01`, midDate: `${year}-11-10`, endDate: `${year + 1}-01-20` }
      : { startDate: `${year + 1}-02-24`, midDate: `${year + 1}-04-20`, endDate: `${year + 1}-07-05` };
  for (const year of [2024, 2025])
    for (const no of [1, 2] as const)
      await buildTerm(db, tree.county, dates(year, no), { termNo: no, schoolYear: `${year}-${year + 1}` });
  // The school's own first term of 2025 (a week later) takes the county's place; the other school keeps the county's.
  await buildTerm(
    db,
    tree.school,
    { startDate: '2025-09-08', midDate: '2025-11-10', endDate: '2026-01-23' },
    { termNo: 1 },
  );
  await buildTerm(
    db,
    tree.otherSchool,
    { startDate: '2024-09-08', midDate: '2024-11-10', endDate: '2025-01-23' },
    { termNo: 1 },
  );
}, 60_000);
afterAll(() => database.close());

describe('the prepared scope reads of the statistics', () => {
  it('find the same org as findOrg, and no deleted one', async () => {
    const db = database.db;
    for (const unit of Object.values(tree)) expect(await scopeOrgById(db, unit.id)).toEqual(await findOrg(db, unit.id));
    await db.update(org).set({ deletedAt: new Date() }).where(eq(org.id, tree.classB.id));
    expect(await scopeOrgById(db, tree.classB.id)).toBeUndefined();
    expect(await findOrg(db, tree.classB.id)).toBeUndefined();
  });

  it('list the same effective terms as listEffectiveTerms, a school’s own in the county’s place', async () => {
    const db = database.db;
    const cases: [string, string | null][] = [
      [tree.county.countyId, null],
      [tree.county.countyId, tree.school.id],
      [tree.county.countyId, tree.otherSchool.id],
    ];
    for (const [countyId, schoolId] of cases)
      expect(await effectiveTermsOf(db, countyId, schoolId)).toEqual(await listEffectiveTerms(db, countyId, schoolId));
    const ofSchool = await effectiveTermsOf(db, tree.county.countyId, tree.school.id);
    expect(ofSchool.map((t) => [t.schoolYear, t.termNo, t.org.id === tree.school.id])).toEqual([
      ['2025-2026', 2, false],
      ['2025-2026', 1, true],
      ['2024-2025', 2, false],
      ['2024-2025', 1, false],
    ]);
  });
});
