import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../modules/audit/audit.table';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type ChildFixture, type CountyTree } from '../../test/factories';
import { guardian } from './guardians.table';
import { parent } from './parents.table';

let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
let countyAdmin: Client;
let teacherA: Client;
let director: Client;
let counselor: Client;
let mentor: Client;
let otherCountyAdmin: Client;
let zhang: ChildFixture;
let a: ChildFixture;
let li: ChildFixture;
let wang: ChildFixture;
let far: ChildFixture;

const ZHANG_ID = '430104201606150030';

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '清水县');
  other = await buildCountyTree(t.db, '远山县');
  zhang = await buildChild(t.db, {
    name: '张羽涵',
    class: tree.classA,
    village: tree.village,
    idNumber: ZHANG_ID,
    birthDate: '2016-06-15',
    categories: ['left_behind_both'],
  });
  a = await buildChild(t.db, { name: '阿明', class: tree.classB, categories: ['orphan'] });
  li = await buildChild(t.db, { name: '李小红', village: tree.village });
  wang = await buildChild(t.db, { name: '王五', class: tree.otherClass });
  far = await buildChild(t.db, { name: '张远', class: other.classA });
  await t.db.insert(parent).values({
    childId: li.id,
    countyId: li.countyId,
    relation: 'father',
    name: '李父',
    status: 'missing',
  });
  await t.db.insert(guardian).values({
    childId: zhang.id,
    countyId: zhang.countyId,
    relation: 'paternal_grandparent',
    name: '张奶奶',
    entrustmentSignedOn: '2024-09-01',
  });
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  director = await loginAs(t, await buildUser(t.db, [{ role: 'child_director', org: tree.village }]));
  counselor = await loginAs(t, await buildUser(t.db, [{ role: 'counselor', org: tree.school }]));
  mentor = await loginAs(t, await buildUser(t.db, [{ role: 'mentor', org: tree.school }]));
  otherCountyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: other.county }]));
});
afterAll(() => t.close());

const names = (res: { json(): { items: { name: string }[] } }) => res.json().items.map((c) => c.name);

describe('GET /api/children', () => {
  it('lists the county in pinyin order (阿 before 张) and nothing of another county', async () => {
    const res = await countyAdmin.get('/api/children');
    expect(res.statusCode).toBe(200);
    expect(names(res)).toEqual(['阿明', '李小红', '王五', '张羽涵']);
    expect(res.json().total).toBe(4);
    expect(names(await otherCountyAdmin.get('/api/children'))).toEqual(['张远']);
  });

  it('shows a class teacher their class only, a village director their village only', async () => {
    expect(names(await teacherA.get('/api/children'))).toEqual(['张羽涵']);
    expect(names(await director.get('/api/children'))).toEqual(['李小红', '张羽涵']);
    expect(names(await counselor.get('/api/children'))).toEqual(['阿明', '张羽涵']);
  });

  it('shows a mentor only paired children (none until pairings exist)', async () => {
    const res = await mentor.get('/api/children');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
    expect((await mentor.get(`/api/children/${zhang.id}`)).statusCode).toBe(404);
  });

  it('finds 张羽涵 by initials, full pinyin, part of the name and the last ID digits', async () => {
    for (const q of ['zyh', 'ZYH', 'zhangyu', 'zhangyuhan', '羽涵', '0030', ZHANG_ID]) {
      expect(names(await countyAdmin.get(`/api/children?q=${encodeURIComponent(q)}`)), q).toEqual(['张羽涵']);
    }
    expect(names(await countyAdmin.get('/api/children?q=z'))).toEqual(['张羽涵']);
    expect(names(await countyAdmin.get('/api/children?q=%25'))).toEqual([]);
  });

  it('filters on the server', async () => {
    const list = async (query: string) => names(await countyAdmin.get(`/api/children?${query}`));
    expect(await list(`schoolId=${tree.school.id}`)).toEqual(['阿明', '张羽涵']);
    expect(await list(`classId=${tree.classB.id}`)).toEqual(['阿明']);
    expect(await list(`villageId=${tree.village.id}`)).toEqual(['李小红', '张羽涵']);
    expect(await list('category=left_behind_both')).toEqual(['张羽涵']);
    expect(await list('category=orphan,left_behind_both')).toEqual(['阿明', '张羽涵']);
    expect(await list('careLevel=special')).toEqual([]);
    expect(await list('incomplete=true')).toHaveLength(4);
    expect(await list('parentUnreachable=true')).toEqual(['李小红']);
    expect(await list('noEntrustment=true')).toEqual(['阿明', '李小红', '王五']);
    expect(await list('pageSize=2&page=2')).toEqual(['王五', '张羽涵']);
  });

  it('masks ID numbers and carries family flags and abilities', async () => {
    const res = await countyAdmin.get('/api/children?q=zyh');
    expect(res.body).not.toContain(ZHANG_ID);
    const [item] = res.json().items;
    expect(item.idNumberMasked).toBe('430***********0030');
    expect(item.categories).toEqual(['left_behind_both']);
    expect(item.hasEntrustment).toBe(true);
    expect(item.abilities).toMatchObject({ update: false, readIdNumber: true });
    const teacherItem = (await teacherA.get('/api/children')).json().items[0];
    expect(teacherItem.abilities).toMatchObject({ update: true, delete: true, readIdNumber: true });
  });

  it('lists the most recently changed first with sort=recent, and counts past the last page', async () => {
    await t.db.execute(sql`update child set updated_at = now() + interval '1 day' where id = ${wang.id}`);
    const recent = await countyAdmin.get('/api/children?sort=recent');
    expect(names(recent)[0]).toBe('王五');
    expect(recent.json().total).toBe(4);
    const past = (await countyAdmin.get('/api/children?pageSize=2&page=9')).json();
    expect([past.items, past.total]).toEqual([[], 4]);
  });

  it('rejects bad filters naming the field, and anonymous callers', async () => {
    const bad = await countyAdmin.get('/api/children?careLevel=urgent');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('querystring.careLevel');
    const cat = await countyAdmin.get('/api/children?category=aliens');
    expect(cat.json().error.details[0].message).toBe('未知的儿童类别');
    const anon = await t.app.inject({ method: 'GET', url: '/api/children' });
    expect(anon.statusCode).toBe(401);
  });
});

describe('GET /api/children/:id', () => {
  it('answers the page with a masked ID, family and completeness', async () => {
    const res = await director.get(`/api/children/${zhang.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(ZHANG_ID);
    const page = res.json();
    expect(page.idNumberMasked).toBe('430***********0030');
    expect(page.school.name).toBe('清水县中心小学');
    expect(page.class.name).toBe('一年级1班');
    expect(page.village.name).toBe('清水县东村');
    expect(page.guardians[0].name).toBe('张奶奶');
    expect(page.completeness.complete).toBe(false);
    expect(res.headers.etag).toBe(`"${page.version}"`);
  });

  it('answers 404 out of scope: another class, a village child elsewhere, another county', async () => {
    expect((await teacherA.get(`/api/children/${a.id}`)).statusCode).toBe(404);
    expect((await director.get(`/api/children/${wang.id}`)).statusCode).toBe(404);
    expect((await countyAdmin.get(`/api/children/${far.id}`)).statusCode).toBe(404);
    expect((await otherCountyAdmin.get(`/api/children/${zhang.id}`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/children/${zhang.id}` })).statusCode).toBe(401);
  });
});

describe('GET /api/children/:id/id-number', () => {
  it('gives the full number to a holder of child.read_id_number and audits the read', async () => {
    const res = await teacherA.get(`/api/children/${zhang.id}/id-number`);
    expect(res.statusCode).toBe(200);
    expect(res.json().idNumber).toBe(ZHANG_ID);
    const rows = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'child.id_number_viewed'), eq(auditEvent.childId, zhang.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actorRole).toBe('class_teacher');
    expect(JSON.stringify(rows[0])).not.toContain(ZHANG_ID);
  });

  it('refuses roles without the permission (403) and children out of scope (404)', async () => {
    expect((await counselor.get(`/api/children/${zhang.id}/id-number`)).statusCode).toBe(403);
    expect((await teacherA.get(`/api/children/${a.id}/id-number`)).statusCode).toBe(404);
  });
});

describe('OpenAPI', () => {
  it('documents the archive routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/children',
        '/api/children/{id}',
        '/api/children/{id}/id-number',
        '/api/children/{id}/parents/{parentId}',
        '/api/children/{id}/guardians/{guardianId}/entrustments',
      ]),
    );
  });
});
