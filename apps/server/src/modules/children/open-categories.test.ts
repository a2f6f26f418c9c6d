import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type CountyTree } from '../../test/factories';
import { anonymizeExpiredChildren } from '../privacy/anonymize';
import { rowsOf } from '../stats/stats.repository';
import { childEnrollment } from './children.table';
import { fullRow, postImport, xlsxOfRecords } from './children-sheet.test-support';

/**
 * `child.open_categories` (migration 0024) is what the lists filter, count and show: it must equal
 * the categories of the child's open `child_category` periods after every kind of write that can
 * change them — filing a child, starting and ending a period, an import (new and updated archives),
 * anonymization, a deleted and restored archive, bulk SQL — in the writing transaction. The check
 * compares every child against child_category itself, and fails when the triggers are gone.
 */
let t: TestApp;
let tree: CountyTree;
let teacherA: Client;
let schoolAdmin: Client;

const q = async <T>(text: SQL, db = t.db) => rowsOf<T>(await db.execute(text));

/** Children whose column differs from their open periods (empty when the column is exact). */
const mismatches = (db = t.db) =>
  q<{ id: string; stored: string[]; live: string[] }>(
    sql`select c.id, c.open_categories as stored, coalesce((select array_agg(cc.category order by cc.category collate "C")
      from child_category cc where cc.child_id = c.id and cc.end_date is null), '{}'::text[]) as live
      from child c where c.open_categories is distinct from coalesce((select array_agg(cc.category
      order by cc.category collate "C") from child_category cc where cc.child_id = c.id and cc.end_date is null),
      '{}'::text[])`,
    db,
  );

const stored = async (id: string) =>
  (await q<{ open_categories: string[] }>(sql`select open_categories from child where id = ${id}`))[0]!.open_categories;

async function expectExact() {
  expect(await mismatches()).toEqual([]);
  // Not vacuous: some children hold categories.
  const [held] = await q<{ n: number }>(sql`select count(*)::int as n from child where open_categories <> '{}'`);
  expect(held!.n).toBeGreaterThan(0);
}

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '导入县');
  teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
});
afterAll(() => t.close());

describe('child.open_categories', () => {
  it('follows filing a child, starting and ending periods, and shows in the list as before', async () => {
    const res = await teacherA.post('/api/children', {
      name: '周小雨',
      schoolId: tree.school.id,
      classId: tree.classA.id,
      categories: [
        { category: 'left_behind_single', startDate: '2023-02-01' },
        { category: 'difficulty_poverty', startDate: '2023-02-01' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect(await stored(id)).toEqual(['difficulty_poverty', 'left_behind_single']);
    await expectExact();

    const page = (await teacherA.get(`/api/children/${id}`)).json();
    const period = page.categoryHistory.find((c: { category: string }) => c.category === 'left_behind_single');
    const end = await teacherA.post(`/api/children/${id}/categories/${period.id}/end`, { endDate: '2025-03-01' });
    expect(end.statusCode, end.body).toBe(200);
    expect(await stored(id)).toEqual(['difficulty_poverty']);
    const start = await teacherA.post(`/api/children/${id}/categories`, {
      category: 'orphan',
      startDate: '2025-03-02',
    });
    expect(start.statusCode, start.body).toBe(201);
    expect(await stored(id)).toEqual(['difficulty_poverty', 'orphan']);
    await expectExact();

    const list = (await teacherA.get('/api/children?category=orphan')).json();
    expect(list.total).toBe(1);
    expect(list.items.map((i: { id: string; categories: string[] }) => [i.id, i.categories])).toEqual([
      [id, ['difficulty_poverty', 'orphan']],
    ]);
    expect((await teacherA.get('/api/children?category=left_behind_single')).json().total).toBe(0);
  });

  it('follows an import: new archives and a category added to an existing one', async () => {
    const file = await xlsxOfRecords([
      fullRow(),
      fullRow({ 姓名: '李四', 公民身份号码: undefined, 出生日期: '2015-03-02' }),
    ]);
    const commit = await postImport(schoolAdmin, file, 'mode=commit');
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json()).toMatchObject({ created: 2, committed: true });
    await expectExact();
    const changed = await xlsxOfRecords([
      fullRow({ 儿童类别: '留守儿童（父母双方外出）、困境儿童（家庭贫困）' }),
      fullRow({ 姓名: '李四', 公民身份号码: undefined, 出生日期: '2015-03-02' }),
    ]);
    const update = await postImport(schoolAdmin, changed, 'mode=commit');
    expect(update.statusCode, update.body).toBe(200);
    const [zhang] = (await schoolAdmin.get('/api/children?q=张小明')).json().items;
    expect(zhang.categories).toEqual(['difficulty_poverty', 'left_behind_both']);
    expect(await stored(zhang.id)).toEqual(['difficulty_poverty', 'left_behind_both']);
    await expectExact();
  });

  it('stays right through anonymization and a deleted and restored archive', async () => {
    const gone = await buildChild(t.db, { name: '吴晓峰', class: tree.classA, categories: ['left_behind_both'] });
    const now = new Date();
    const yearsAgo = (n: number) => `${now.getUTCFullYear() - n}-06-30`;
    await t.db.insert(childEnrollment).values([
      { childId: gone.id, countyId: gone.countyId, status: 'enrolled', date: yearsAgo(10) },
      { childId: gone.id, countyId: gone.countyId, status: 'graduated', date: yearsAgo(5) },
    ]);
    expect(await anonymizeExpiredChildren(t.db, now, { years: 3 })).toEqual([gone.id]);
    expect(await stored(gone.id)).toEqual(['left_behind_both']);
    await expectExact();

    const kept = await buildChild(t.db, { name: '郑小川', class: tree.classA, categories: ['orphan'] });
    const version = (await schoolAdmin.get(`/api/children/${kept.id}`)).json().version;
    expect((await schoolAdmin.delete(`/api/children/${kept.id}`, { version })).statusCode).toBe(200);
    const deleted = (await schoolAdmin.get('/api/children?deleted=true')).json().items;
    expect(deleted.find((i: { id: string }) => i.id === kept.id).categories).toEqual(['orphan']);
    const restored = await schoolAdmin.post(`/api/children/${kept.id}/restore`, { version: version + 1 });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(await stored(kept.id)).toEqual(['orphan']);
    await expectExact();
  });

  it('follows bulk SQL: periods inserted, ended, moved to another child and deleted in one statement', async () => {
    const a = await buildChild(t.db, { name: '钱一', class: tree.classA });
    const b = await buildChild(t.db, { name: '钱二', class: tree.classA, categories: ['difficulty_illness'] });
    await t.db.execute(sql`insert into child_category (child_id, county_id, category, start_date)
      values (${a.id}, ${a.countyId}, 'orphan', '2024-01-01'), (${a.id}, ${a.countyId}, 'difficulty_other', '2024-01-01'),
      (${b.id}, ${b.countyId}, 'difficulty_other', '2024-01-01')`);
    expect(await stored(a.id)).toEqual(['difficulty_other', 'orphan']);
    await t.db.execute(sql`update child_category set end_date = '2024-06-01'
      where child_id in (${a.id}, ${b.id}) and category = 'difficulty_other'`);
    await t.db.execute(
      sql`update child_category set child_id = ${b.id} where child_id = ${a.id} and category = 'orphan'`,
    );
    expect([await stored(a.id), await stored(b.id)]).toEqual([[], ['difficulty_illness', 'orphan']]);
    await t.db.execute(
      sql`delete from child_category where child_id = ${b.id} and end_date is null and category = 'orphan'`,
    );
    expect(await stored(b.id)).toEqual(['difficulty_illness']);
    await expectExact();
  });

  it('is kept by the triggers: without them the check above fails', async () => {
    const kid = await buildChild(t.db, { name: '孙三', class: tree.classA });
    class Rollback extends Error {}
    let found: unknown[] = [];
    await t.db
      .transaction(async (tx) => {
        for (const name of ['child_category_open_ins', 'child_category_open_upd', 'child_category_open_del'])
          await tx.execute(sql.raw(`drop trigger ${name} on child_category`));
        await tx.execute(sql`insert into child_category (child_id, county_id, category, start_date)
          values (${kid.id}, ${kid.countyId}, 'orphan', '2024-01-01')`);
        found = await mismatches(tx as unknown as typeof t.db);
        throw new Rollback();
      })
      .catch((error) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect(found).toEqual([{ id: kid.id, stored: [], live: ['orphan'] }]);
    const triggers = await q<{ name: string }>(
      sql`select trigger_name as name from information_schema.triggers where event_object_table = 'child_category'
        and trigger_name like 'child_category_open_%'`,
    );
    expect(triggers.map((r) => r.name).sort()).toEqual([
      'child_category_open_del',
      'child_category_open_ins',
      'child_category_open_upd',
    ]);
    await expectExact();
  });
});
