import {
  type ChildKpiFacts,
  childKpis,
  computeKpis,
  coveragePairingKinds,
  type EnrollmentStatus,
  leftBehindCategories,
} from '@shouwang/shared';
import { asc, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../gen/generate';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { child, childCategory, childEnrollment } from '../children/children.table';
import { org } from '../orgs/orgs.table';
import { pairing } from '../pairings/pairings.table';
import { term } from '../terms/terms.table';

/** The SQL of modules/stats and the shared pure KPI functions agree on the generator's county. */
let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await buildTestApp();
  await generate(t.database, { scale: 'small', now: new Date('2026-11-28T10:00:00+08:00') });
  const [county] = (await t.db.select().from(org)).filter((o) => o.kind === 'county');
  admin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: county! }]));
}, 300_000);
afterAll(() => t.close());

async function pureKpis(startDate: string, asOf: string) {
  const kids = await t.db.select().from(child).where(isNull(child.deletedAt));
  const categories = await t.db.select().from(childCategory);
  const enrollments = await t.db
    .select()
    .from(childEnrollment)
    .orderBy(asc(childEnrollment.date), asc(childEnrollment.createdAt));
  const pairings = await t.db.select().from(pairing).where(isNull(pairing.deletedAt));
  const leftBehind = (id: string) =>
    categories.some(
      (c) =>
        c.childId === id &&
        leftBehindCategories.includes(c.category) &&
        c.startDate <= asOf &&
        (c.endDate === null || c.endDate > asOf),
    );
  const facts: ChildKpiFacts[] = kids
    .filter((k) => leftBehind(k.id))
    .map((k) => ({
      id: k.id,
      archiveComplete: k.archiveComplete,
      birthDate: k.birthDate,
      atSchool: k.schoolId !== null,
      enrollments: enrollments
        .filter((e) => e.childId === k.id)
        .map((e) => ({ status: e.status as EnrollmentStatus, date: e.date, destination: e.destination })),
      paired: pairings.some(
        (p) =>
          p.childId === k.id &&
          coveragePairingKinds.includes(p.kind) &&
          p.startDate <= asOf &&
          (p.endDate === null || p.endDate > asOf),
      ),
    }));
  return { count: facts.length, kpis: computeKpis(facts, { startDate }, asOf) };
}

describe('SQL and the pure KPI functions', () => {
  it('give the same numerators and denominators in every term of the generated county', async () => {
    const terms = await t.db.select().from(term).where(isNull(term.deletedAt));
    expect(terms.length).toBeGreaterThan(0);
    let compared = 0;
    for (const row of terms) {
      const res = await admin.get(`/api/stats/dashboard?termId=${row.id}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      if (!body.term || body.term.id !== row.id) continue;
      const pure = await pureKpis(body.term.startDate, body.asOf);
      expect(body.children).toBe(pure.count);
      for (const key of childKpis) {
        const tile = body.kpis.find((k: { key: string }) => k.key === key);
        expect({ key, numerator: tile.numerator, denominator: tile.denominator }).toEqual({
          key,
          numerator: pure.kpis[key].numerator,
          denominator: pure.kpis[key].denominator,
        });
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('finds the seed’s 12 left-behind children in the generated school', async () => {
    const body = (await admin.get('/api/stats/dashboard')).json();
    expect(body.children).toBe(12);
  });
});
