import { describe, expect, it } from 'vitest';
import { generate } from '../../gen/generate';
import { buildTestApp, loginAs } from '../../test/app';
import { buildUser } from '../../test/factories';
import { org } from '../orgs/orgs.table';

/**
 * The work summary of a whole county (the generator's county scale, ~50,000 children) drafts within
 * 5 s: every figure is a set-based statement. Slow to set up, so it runs when SUMMARY_BENCH=1.
 */
describe.runIf(process.env.SUMMARY_BENCH === '1')('work summary at county scale', () => {
  it('drafts the county’s summary within 5 s', async () => {
    const t = await buildTestApp();
    try {
      await generate(t.database, { scale: 'county', now: new Date() });
      const all = await t.db.select().from(org);
      const county = all.find((o) => o.kind === 'county')!;
      const admin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: county }]));
      const children = Number(
        ((await t.db.execute('select count(*) as n from child')) as unknown as { rows: { n: unknown }[] }).rows?.[0]
          ?.n ?? 0,
      );
      const timings: number[] = [];
      for (let i = 0; i < 2; i++) {
        const started = Date.now();
        const res = await admin.post('/api/reports/work-summary', { orgId: county.id });
        timings.push(Date.now() - started);
        expect(res.statusCode, res.body).toBe(200);
      }
      console.log(`work summary, county of ${children} children: ${timings.join(' ms, ')} ms`);
      expect(Math.min(...timings)).toBeLessThanOrEqual(5_000);
    } finally {
      await t.close();
    }
  }, 1_800_000);
});
