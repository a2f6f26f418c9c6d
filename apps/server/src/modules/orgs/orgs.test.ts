import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildCountyTree, buildUser, type CountyTree } from '../../test/factories';

let t: TestApp;
let tree: CountyTree;
let countyAdmin: Client;
let schoolAdmin: Client;
let teacher: Client;
let otherCountyAdmin: Client;
let other: CountyTree;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '清水县');
  other = await buildCountyTree(t.db, '远山县');
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  otherCountyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: other.county }]));
});
afterAll(() => t.close());

describe('GET /api/orgs', () => {
  it('lists the whole county for its administrator and nothing of another county', async () => {
    const res = await countyAdmin.get('/api/orgs');
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((o: { name: string }) => o.name);
    expect(names).toContain('清水县中心小学');
    expect(names).toContain('清水县乙镇小学');
    expect(names).not.toContain('远山县中心小学');
  });

  it('shows a class teacher their class and its ancestors only', async () => {
    const res = await teacher.get('/api/orgs');
    const ids = res
      .json()
      .items.map((o: { id: string }) => o.id)
      .sort();
    expect(ids).toEqual([tree.county.id, tree.township.id, tree.school.id, tree.classA.id].sort());
    // The flat list is for pickers: what the caller may do is on the tree and on each unit.
    for (const item of res.json().items) expect(item.abilities).toBeUndefined();
  });

  it('refuses anonymous callers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/orgs' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    expect(res.json().error.message).toBe('请先登录');
  });
});

describe('GET /api/orgs/:id', () => {
  it('answers 404 for a unit in another county', async () => {
    const res = await countyAdmin.get(`/api/orgs/${other.school.id}`);
    expect(res.statusCode).toBe(404);
  });
  it('answers 404 for a sibling class to a class teacher', async () => {
    expect((await teacher.get(`/api/orgs/${tree.classB.id}`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/orgs/${tree.classA.id}`)).statusCode).toBe(200);
  });
  it('rejects a malformed id with a named field', async () => {
    const res = await countyAdmin.get('/api/orgs/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('params.id');
  });
});

describe('POST /api/orgs', () => {
  it('lets a school administrator add a class to their school, audited', async () => {
    const res = await schoolAdmin.post('/api/orgs', { parentId: tree.school.id, kind: 'class', name: '二年级1班' });
    expect(res.statusCode).toBe(201);
    expect(res.json().path).toEqual([tree.county.id, tree.township.id, tree.school.id, res.json().id]);
    const audit = await countyAdmin.get(`/api/audit-events?targetId=${res.json().id}`);
    if (audit.statusCode === 200) expect(audit.json().items[0].event).toBe('org.created');
  });

  it('refuses a school administrator adding to another school (404) and a teacher adding anything (403)', async () => {
    const res = await schoolAdmin.post('/api/orgs', { parentId: other.school.id, kind: 'class', name: '外校班' });
    expect(res.statusCode).toBe(404);
    const res2 = await teacher.post('/api/orgs', { parentId: tree.school.id, kind: 'class', name: '偷建班' });
    expect(res2.statusCode).toBe(403);
  });

  it('rejects duplicate sibling names, unknown fields, control characters and wrong parents', async () => {
    const dup = await countyAdmin.post('/api/orgs', { parentId: tree.school.id, kind: 'class', name: '一年级1班' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DUPLICATE_NAME');
    const extra = await countyAdmin.post('/api/orgs', {
      parentId: tree.school.id,
      kind: 'class',
      name: 'x',
      admin: true,
    });
    expect(extra.statusCode).toBe(400);
    const ctrl = await countyAdmin.post('/api/orgs', { parentId: tree.school.id, kind: 'class', name: 'a\u0007b' });
    expect(ctrl.statusCode).toBe(400);
    expect(ctrl.json().error.details[0].message).toContain('控制字符');
    const wrongKind = await countyAdmin.post('/api/orgs', {
      parentId: tree.village.id,
      kind: 'class',
      name: '村里的班',
    });
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json().error.code).toBe('ORG_INVALID_PARENT');
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const res = await countyAdmin.request('POST', '/api/orgs', '{"parentId":', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('at ');
    expect(res.json().error.code).toBe('MALFORMED_REQUEST');
  });

  it('requires the CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: countyAdmin.cookie },
      payload: { parentId: tree.school.id, kind: 'class', name: '无令牌班' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REJECTED');
  });
});

describe('PATCH, move, deactivate and delete', () => {
  it('renames with the current version and refuses a stale one with the newer record', async () => {
    const created = (
      await countyAdmin.post('/api/orgs', { parentId: tree.township.id, kind: 'village', name: '西村' })
    ).json();
    const ok = await countyAdmin.patch(`/api/orgs/${created.id}`, { version: created.version, name: '西山村' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(created.version + 1);
    const stale = await countyAdmin.patch(`/api/orgs/${created.id}`, { version: created.version, name: '西河村' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.name).toBe('西山村');
    const missing = await countyAdmin.patch(`/api/orgs/${created.id}`, { name: '无版本村' });
    expect(missing.statusCode).toBe(428);
  });

  it('refuses moving a unit under its own descendant, and moves a subtree', async () => {
    const res = await countyAdmin.post(`/api/orgs/${tree.township.id}/move`, { version: 1, parentId: tree.school.id });
    expect(res.statusCode).toBe(422);
    const school = (await countyAdmin.get(`/api/orgs/${tree.school.id}`)).json();
    const moved = await countyAdmin.post(`/api/orgs/${tree.school.id}/move`, {
      version: school.version,
      parentId: tree.otherTownship.id,
    });
    expect(moved.statusCode).toBe(200);
    const cls = (await countyAdmin.get(`/api/orgs/${tree.classA.id}`)).json();
    expect(cls.path).toEqual([tree.county.id, tree.otherTownship.id, tree.school.id, tree.classA.id]);
    const back = await countyAdmin.post(`/api/orgs/${tree.school.id}/move`, {
      version: moved.json().version,
      parentId: tree.township.id,
    });
    expect(back.statusCode).toBe(200);
  });

  it('refuses deleting a unit with sub-units and deletes an empty one', async () => {
    const school = (await countyAdmin.get(`/api/orgs/${tree.school.id}`)).json();
    const busy = await countyAdmin.delete(`/api/orgs/${tree.school.id}`, { version: school.version });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.code).toBe('ORG_NOT_EMPTY');
    const empty = (
      await countyAdmin.post('/api/orgs', { parentId: tree.school.id, kind: 'class', name: '待删班' })
    ).json();
    const del = await countyAdmin.delete(`/api/orgs/${empty.id}`, { version: empty.version });
    expect(del.statusCode).toBe(200);
    expect((await countyAdmin.get(`/api/orgs/${empty.id}`)).statusCode).toBe(404);
  });

  it('deactivates a subtree and reactivates it', async () => {
    const cls = (
      await countyAdmin.post('/api/orgs', { parentId: tree.school.id, kind: 'class', name: '停用班' })
    ).json();
    const off = await schoolAdmin.post(`/api/orgs/${cls.id}/deactivate`, { version: cls.version });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    const list = (await countyAdmin.get('/api/orgs')).json().items.map((o: { id: string }) => o.id);
    expect(list).not.toContain(cls.id);
    const on = await schoolAdmin.post(`/api/orgs/${cls.id}/reactivate`, { version: off.json().version });
    expect(on.json().active).toBe(true);
  });

  it('does not let another county touch this one', async () => {
    const res = await otherCountyAdmin.patch(`/api/orgs/${tree.school.id}`, { version: 1, name: '夺走' });
    expect(res.statusCode).toBe(404);
  });
});
