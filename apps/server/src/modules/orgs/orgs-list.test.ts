import { randomUUID } from 'node:crypto';
import { orgWholeTreeLimit } from '@shouwang/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildCountyTree, buildUser, type CountyTree } from '../../test/factories';
import { appUser } from '../users/users.table';
import { org } from './orgs.table';
import { orgStamp } from './orgs-list.repository';

let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
let countyAdmin: Client;
let schoolAdmin: Client;
let teacher: Client;

interface Item {
  id: string;
  name: string;
  childCount: number | null;
  abilities?: Record<string, boolean>;
}
const names = (res: { json: () => { items: Item[] } }) => res.json().items.map((o) => o.name);
const ids = (res: { json: () => { items: Item[] } }) =>
  res
    .json()
    .items.map((o) => o.id)
    .sort();

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '青石县');
  other = await buildCountyTree(t.db, '白沙县');
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
});
afterAll(() => t.close());

describe('GET /api/orgs/tree: the first screen', () => {
  it('gives the administrator of a small county all of it at once', async () => {
    const res = await countyAdmin.get('/api/orgs/tree');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(9);
    const county = res.json().items.find((o: Item) => o.id === tree.county.id);
    expect(county.childCount).toBe(2);
    expect(county.abilities.createChild).toBe(true);
    expect(res.json().truncated).toBe(false);
  });

  it('gives the administrator of a large county the county and its townships, not the whole county', async () => {
    const big = await buildCountyTree(t.db, '大岭县');
    const classes = Array.from({ length: orgWholeTreeLimit }, (_, i) => {
      const id = randomUUID();
      return {
        id,
        parentId: big.school.id,
        countyId: big.county.id,
        kind: 'class' as const,
        name: `${i + 1}班`,
        path: `${big.school.path}${id}/`,
      };
    });
    await t.db.insert(org).values(classes);
    const admin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: big.county }]));
    const res = await admin.get('/api/orgs/tree');
    expect(ids(res)).toEqual([big.county.id, big.township.id, big.otherTownship.id].sort());
    const township = res.json().items.find((o: Item) => o.id === big.township.id);
    expect(township.childCount).toBe(2);
    const school = await admin.get(`/api/orgs/tree?parentId=${big.school.id}`);
    expect(school.json().items).toHaveLength(orgWholeTreeLimit + 2);
  });

  it('gives a school administrator the units above the school, the school and its classes', async () => {
    const res = await schoolAdmin.get('/api/orgs/tree');
    expect(ids(res)).toEqual([tree.county.id, tree.township.id, tree.school.id, tree.classA.id, tree.classB.id].sort());
    // Above their school they see only their own branch: no count of the county's other units.
    const county = res.json().items.find((o: Item) => o.id === tree.county.id);
    expect(county.childCount).toBeNull();
    expect(county.abilities.update).toBe(false);
    const cls = res.json().items.find((o: Item) => o.id === tree.classA.id);
    expect(cls.childCount).toBe(0);
    expect(cls.abilities.update).toBe(true);
  });

  it('gives a class teacher their class and the units above it only', async () => {
    const res = await teacher.get('/api/orgs/tree');
    expect(ids(res)).toEqual([tree.county.id, tree.township.id, tree.school.id, tree.classA.id].sort());
  });
});

describe('GET /api/orgs/tree?parentId=', () => {
  it("loads one unit's sub-units, with the caller's abilities", async () => {
    const res = await countyAdmin.get(`/api/orgs/tree?parentId=${tree.school.id}`);
    expect(res.statusCode).toBe(200);
    expect(names(res).sort()).toEqual(['一年级1班', '一年级2班']);
    expect(res.json().items[0].abilities.update).toBe(true);
  });

  it('shows a teacher only their own branch below the county', async () => {
    const county = await teacher.get(`/api/orgs/tree?parentId=${tree.county.id}`);
    expect(ids(county)).toEqual([tree.township.id]);
    const school = await teacher.get(`/api/orgs/tree?parentId=${tree.school.id}`);
    expect(ids(school)).toEqual([tree.classA.id]);
  });

  it('answers 404 for a unit outside the scope, in both lists', async () => {
    for (const url of [`/api/orgs/tree?parentId=${other.county.id}`, `/api/orgs?parentId=${other.school.id}`]) {
      const res = await countyAdmin.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect(res.headers.etag).toBeUndefined();
    }
    expect((await teacher.get(`/api/orgs/tree?parentId=${tree.classB.id}`)).statusCode).toBe(404);
    expect((await schoolAdmin.get(`/api/orgs/tree?parentId=${tree.otherSchool.id}`)).statusCode).toBe(404);
    expect((await schoolAdmin.get(`/api/orgs/tree?parentId=${tree.otherTownship.id}`)).statusCode).toBe(404);
  });
});

describe('GET /api/orgs/tree?q=', () => {
  it('finds a unit anywhere in the scope, with the units above it', async () => {
    const res = await countyAdmin.get(`/api/orgs/tree?q=${encodeURIComponent('三年级')}`);
    expect(res.statusCode).toBe(200);
    expect(ids(res)).toEqual([tree.county.id, tree.otherTownship.id, tree.otherSchool.id, tree.otherClass.id].sort());
  });

  it('never finds units outside the scope', async () => {
    const county = await countyAdmin.get(`/api/orgs/tree?q=${encodeURIComponent('白沙县')}`);
    expect(county.json().items).toEqual([]);
    const mine = await teacher.get(`/api/orgs/tree?q=${encodeURIComponent('一年级')}`);
    expect(ids(mine)).toEqual([tree.county.id, tree.township.id, tree.school.id, tree.classA.id].sort());
    const elsewhere = await teacher.get(`/api/orgs/tree?q=${encodeURIComponent('三年级')}`);
    expect(elsewhere.json().items).toEqual([]);
  });

  it('treats % and _ as plain characters', async () => {
    const res = await countyAdmin.get(`/api/orgs/tree?q=${encodeURIComponent('%')}`);
    expect(res.json().items).toEqual([]);
  });
});

describe('GET /api/orgs (flat, for pickers)', () => {
  it('filters by kind and parent, without abilities', async () => {
    const schools = await countyAdmin.get('/api/orgs?kind=school');
    expect(ids(schools)).toEqual([tree.school.id, tree.otherSchool.id].sort());
    expect(schools.json().items[0].abilities).toBeUndefined();
    const both = await countyAdmin.get('/api/orgs?kind=school,village');
    expect(both.json().items).toHaveLength(3);
    const classes = await countyAdmin.get(`/api/orgs?kind=class&parentId=${tree.school.id}`);
    expect(names(classes).sort()).toEqual(['一年级1班', '一年级2班']);
    const found = await countyAdmin.get(`/api/orgs?q=${encodeURIComponent('东村')}`);
    expect(ids(found)).toEqual([tree.village.id]);
  });

  it('keeps a school administrator to their school', async () => {
    const res = await schoolAdmin.get('/api/orgs?kind=class');
    expect(ids(res)).toEqual([tree.classA.id, tree.classB.id].sort());
  });

  it('names the units of an id list, only those in scope', async () => {
    const list = [tree.classA.id, tree.otherClass.id, other.classA.id].join(',');
    const county = await countyAdmin.get(`/api/orgs?ids=${list}`);
    expect(ids(county)).toEqual([tree.classA.id, tree.otherClass.id].sort());
    const school = await schoolAdmin.get(`/api/orgs?ids=${list}`);
    expect(ids(school)).toEqual([tree.classA.id]);
    const bad = await countyAdmin.get(`/api/orgs?ids=${tree.classA.id},nope`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('querystring.ids');
    expect(bad.json().error.details[0].message).toContain('逗号分隔的单位编号');
  });
});

describe('GET /api/orgs/summary', () => {
  it("counts the units of the caller's grants by kind, not the units above them", async () => {
    const county = (await countyAdmin.get('/api/orgs/summary')).json().kinds;
    expect(county.map((k: { kind: string; count: number }) => [k.kind, k.count])).toEqual([
      ['county', 1],
      ['township', 2],
      ['village', 1],
      ['school', 2],
      ['class', 3],
    ]);
    const school = (await schoolAdmin.get('/api/orgs/summary')).json().kinds;
    expect(school.map((k: { kind: string; count: number }) => [k.kind, k.count])).toEqual([
      ['school', 1],
      ['class', 2],
    ]);
  });
});

describe('query validation', () => {
  it('names the field in Chinese, and in English when asked', async () => {
    const kind = await countyAdmin.get('/api/orgs?kind=school,farm');
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details[0].field).toBe('querystring.kind');
    expect(kind.json().error.details[0].message).toContain('单位类型');
    const english = await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]);
    await t.db.update(appUser).set({ language: 'en' }).where(eq(appUser.id, english.id));
    const en = await (await loginAs(t, english)).get('/api/orgs?kind=farm');
    expect(en.json().error.details[0].message).toContain('unit kinds are');
    const parent = await countyAdmin.get('/api/orgs/tree?parentId=42');
    expect(parent.statusCode).toBe(400);
    expect(parent.json().error.details[0].field).toBe('querystring.parentId');
    const long = await countyAdmin.get(`/api/orgs/tree?q=${'村'.repeat(61)}`);
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0].field).toBe('querystring.q');
    const ctrl = await countyAdmin.get('/api/orgs/tree?q=a%07b');
    expect(ctrl.statusCode).toBe(400);
    expect(ctrl.json().error.details[0].message).toContain('控制字符');
  });

  it('refuses anonymous callers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/orgs/tree' });
    expect(res.statusCode).toBe(401);
  });
});

describe('ETag', () => {
  it('answers 304 while nothing changed, and the new tree after a change', async () => {
    const first = await countyAdmin.get(`/api/orgs/tree?parentId=${tree.school.id}`);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await countyAdmin.request('GET', `/api/orgs/tree?parentId=${tree.school.id}`, undefined, {
      'if-none-match': etag,
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // Another caller, or another question, never shares the tag.
    const school = await schoolAdmin.get(`/api/orgs/tree?parentId=${tree.school.id}`);
    expect(school.headers.etag).not.toBe(etag);
    const flat = await countyAdmin.get(`/api/orgs?parentId=${tree.school.id}`);
    expect(flat.headers.etag).not.toBe(etag);

    const created = await countyAdmin.post('/api/orgs', { parentId: tree.school.id, kind: 'class', name: '二年级1班' });
    expect(created.statusCode).toBe(201);
    const changed = await countyAdmin.request('GET', `/api/orgs/tree?parentId=${tree.school.id}`, undefined, {
      'if-none-match': etag,
    });
    expect(changed.statusCode).toBe(200);
    expect(names(changed)).toContain('二年级1班');
    const renamed = await countyAdmin.patch(`/api/orgs/${created.json().id}`, { version: 1, name: '二年级3班' });
    expect(renamed.statusCode).toBe(200);
    const afterRename = await countyAdmin.request('GET', `/api/orgs/tree?parentId=${tree.school.id}`, undefined, {
      'if-none-match': changed.headers.etag as string,
    });
    expect(afterRename.statusCode).toBe(200);
    expect(names(afterRename)).toContain('二年级3班');
  });
});

describe('orgStamp (the list ETag’s unit stamp, prepared for one county and for several)', () => {
  it('counts the units of each county asked for, and changes with a write', async () => {
    const one = await orgStamp(t.db, [tree.county.id]);
    const two = await orgStamp(t.db, [tree.county.id, other.county.id]);
    const count = (stamp: string) => Number(stamp.split(':')[0]);
    expect(count(two)).toBe(count(one) + count(await orgStamp(t.db, [other.county.id])));
    expect(count(one)).toBeGreaterThan(0);
    await t.db
      .update(org)
      .set({ updatedAt: new Date(Date.now() + 60_000) })
      .where(eq(org.id, tree.classB.id));
    expect(await orgStamp(t.db, [tree.county.id])).not.toBe(one);
    expect(await orgStamp(t.db, [tree.county.id, other.county.id])).not.toBe(two);
  });
});
