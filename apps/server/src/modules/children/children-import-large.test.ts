import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildCountyTree, buildUser, type CountyTree } from '../../test/factories';
import { child } from './children.table';
import { idFor, largeImportRow, postImport, xlsxOfRecords } from './children-sheet.test-support';
import { parent } from './parents.table';

let t: TestApp;
let tree: CountyTree;
let schoolAdmin: Client;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '万行县');
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
});
afterAll(() => t.close());

const rowOf = (i: number) => largeImportRow(tree, i);

const count = async (table: typeof child | typeof parent) =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

describe('importing 10,000 children', () => {
  it('checks, commits and re-imports a 10,000-row file', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => rowOf(i));
    const file = await xlsxOfRecords(rows);
    const timed = async (label: string, run: () => Promise<Awaited<ReturnType<typeof postImport>>>) => {
      const start = performance.now();
      const cpu = process.cpuUsage();
      const res = await run();
      const used = process.cpuUsage(cpu);
      const cpuMs = Math.round((used.user + used.system) / 1000);
      console.info(`[timing] ${label}: ${Math.round(performance.now() - start)} ms wall, ${cpuMs} ms CPU`);
      return res;
    };

    const dry = await timed('10k dry run', () => postImport(schoolAdmin, file));
    expect(dry.statusCode, dry.body.slice(0, 500)).toBe(200);
    expect(dry.json()).toMatchObject({ rows: 10_000, created: 10_000, problems: [] });
    expect(await count(child)).toBe(0);

    const commit = await timed('10k commit', () => postImport(schoolAdmin, file, 'mode=commit'));
    expect(commit.json()).toMatchObject({ created: 10_000, committed: true });
    expect(await count(child)).toBe(10_000);
    expect(await count(parent)).toBe(20_000);
    const page = (
      await schoolAdmin.get(`/api/children?q=${encodeURIComponent(idFor('20110101', 1, '430000'))}`)
    ).json();
    expect(page.items).toHaveLength(1);
    const full = (await schoolAdmin.get(`/api/children/${page.items[0].id}`)).json();
    expect(full).toMatchObject({
      class: { id: tree.classA.id },
      archiveComplete: true,
      categories: ['left_behind_both'],
    });
    expect(full.parents[0].phones).toEqual(['13800000000']);
    expect(full.guardians[0].entrustment.signedOn).toBe('2024-09-01');

    const again = await timed('10k re-import (commit, all unchanged)', () =>
      postImport(schoolAdmin, file, 'mode=commit'),
    );
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 10_000 });
    expect(await count(child)).toBe(10_000);

    const start = performance.now();
    const cpu = process.cpuUsage();
    const exported = await schoolAdmin.get('/api/children/export.xlsx');
    const used = process.cpuUsage(cpu);
    console.info(
      `[timing] export of 10k: ${Math.round(performance.now() - start)} ms wall, ${Math.round((used.user + used.system) / 1000)} ms CPU`,
    );
    if (exported.statusCode === 200) {
      const reimport = await timed('10k re-import of the export (dry run)', () =>
        postImport(schoolAdmin, exported.rawPayload),
      );
      expect(reimport.json()).toMatchObject({ created: 0, updated: 0, unchanged: 10_000, problems: [] });
    }
  }, 300_000);
});
