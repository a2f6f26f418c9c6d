import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, type CountyTree } from '../../test/factories';
import { rowsOf } from '../stats/stats.repository';
import type { ChildScope } from './children.policy';
import { listChildItems, listChildren, listPreparation } from './children-list.repository';
import { listParams, listShape } from './children-list.shape';

/** The list's statement is prepared once per shape; the scope and filters are its parameters (findings 18b). */

let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
const page = { page: 1, pageSize: 20 };
const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();
const orgScope = (...orgs: { path: string; countyId: string }[]): ChildScope => ({
  prefixes: orgs.map((o) => o.path),
  countyIds: [...new Set(orgs.map((o) => o.countyId))],
  pairedIds: [],
});

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '明水县');
  other = await buildCountyTree(t.db, '远河县');
  await buildChild(t.db, { name: '甲一', class: tree.classA, categories: ['left_behind_both'] });
  await buildChild(t.db, { name: '甲二', class: tree.classA });
  await buildChild(t.db, { name: '乙一', class: tree.classB, categories: ['left_behind_single'] });
  await buildChild(t.db, { name: '丙一', class: tree.otherClass });
  await buildChild(t.db, { name: '村一', village: tree.village });
  await buildChild(t.db, { name: '远一', class: other.classA, categories: ['left_behind_both'] });
});

afterAll(async () => {
  listPreparation.maxShapes = 256;
  await t?.close();
});

describe('children list, prepared per shape', () => {
  it('keeps each caller to their own scope when callers of one shape share the statement', async () => {
    // A class, another class, a school, a county, a village: the same statement for the first two.
    expect(listShape(orgScope(tree.classA), { sort: 'name' })).toEqual(
      listShape(orgScope(tree.classB), { sort: 'name' }),
    );
    for (let round = 0; round < 2; round++) {
      expect(names((await listChildItems(t.db, orgScope(tree.classA), { sort: 'name' }, page)).rows)).toEqual([
        '甲一',
        '甲二',
      ]);
      expect(names((await listChildItems(t.db, orgScope(tree.classB), { sort: 'name' }, page)).rows)).toEqual(['乙一']);
      expect(names((await listChildItems(t.db, orgScope(other.classA), { sort: 'name' }, page)).rows)).toEqual([
        '远一',
      ]);
      expect(names((await listChildItems(t.db, orgScope(tree.county), { sort: 'name' }, page)).rows)).toEqual(
        ['丙一', '村一', '甲二', '甲一', '乙一'].sort(),
      );
      expect(names((await listChildItems(t.db, orgScope(other.county), { sort: 'name' }, page)).rows)).toEqual([
        '远一',
      ]);
      const both = await listChildItems(t.db, orgScope(tree.classB, tree.village), { sort: 'name' }, page);
      expect(names(both.rows)).toEqual(['乙一', '村一'].sort());
      expect(both.total).toBe(2);
    }
  });

  it('reads a class grant by its class_id as well as its path: the same children', async () => {
    for (const cls of [tree.classA, tree.classB, other.classA, tree.otherClass]) {
      const byPath = await listChildItems(t.db, orgScope(cls), { sort: 'name' }, page);
      const byClass = { ...orgScope(cls), classIds: [cls.id] };
      expect(listShape(byClass, { sort: 'name' })?.prefixes).toBe('k');
      expect(await listChildItems(t.db, byClass, { sort: 'name' }, page)).toEqual(byPath);
    }
    // A class grant next to a village grant: each prefix keeps its own kind.
    const mixed = { ...orgScope(tree.classB, tree.village), classIds: [tree.classB.id, null] };
    expect(listShape(mixed, { sort: 'name' })?.prefixes).toBe('kr');
    expect(names((await listChildItems(t.db, mixed, { sort: 'name' }, page)).rows)).toEqual(['乙一', '村一'].sort());
  });

  it('fills the filters from the request, not from the caller before', async () => {
    const lb = { sort: 'name' as const, categories: ['left_behind_both' as const] };
    expect(names((await listChildItems(t.db, orgScope(tree.school), lb, page)).rows)).toEqual(['甲一']);
    const single = { ...lb, categories: ['left_behind_single' as const] };
    expect(names((await listChildItems(t.db, orgScope(tree.school), single, page)).rows)).toEqual(['乙一']);
    const past = await listChildItems(t.db, orgScope(tree.county), { sort: 'name' }, { page: 9, pageSize: 20 });
    expect(past).toMatchObject({ rows: [], total: 5 });
    const paired: ChildScope = { prefixes: [], countyIds: [], pairedIds: [] };
    expect(await listChildItems(t.db, paired, { sort: 'name' }, page)).toMatchObject({ rows: [], total: 0 });
  });

  it('answers the same past the cap of prepared shapes (built for one request)', async () => {
    const filters = { sort: 'recent' as const, incomplete: true };
    listPreparation.maxShapes = 0;
    const built = await listChildren(t.db, orgScope(tree.county), filters, page);
    listPreparation.maxShapes = 256;
    const prepared = await listChildren(t.db, orgScope(tree.county), filters, page);
    expect(built.rows.length).toBeGreaterThan(0);
    expect(prepared).toEqual(built);
  });

  it('bounds a path prefix as a byte range that matches exactly what LIKE matched', async () => {
    const prefixes = ['a/b/', 'a/b_/', 'a/%/', 'a/b/c/', 'a/b/中/'];
    const paths = [
      'a/b/',
      'a/b/c/',
      'a/b0',
      'a/b',
      'a/b./',
      'a/bc/',
      'a/b_/',
      'a/bx/',
      'a/%/',
      'a/x/',
      'a/b/中/',
      'A/b/',
    ];
    for (const prefix of prefixes) {
      const scope: ChildScope = { prefixes: ['c/', prefix], countyIds: [], pairedIds: [] };
      const params = listParams(scope, { sort: 'name' }, '2026-01-01');
      expect(listShape(scope, { sort: 'name' })?.prefixes).toBe('cr');
      for (const path of paths) {
        const [row] = rowsOf<{ range: boolean; like: boolean }>(
          await t.db.execute(sql`select (${path}::text ~>=~ ${params.p1 as string} and ${path}::text ~<~ ${params.p1end as string}) as range,
            ${path}::text like ${`${prefix.replace(/[\\%_]/g, '\\$&')}%`} as like`),
        );
        expect({ prefix, path, range: row!.range }).toEqual({ prefix, path, range: row!.like });
      }
    }
  });
});
