import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type CountyTree } from '../../test/factories';
import { child } from './children.table';
import { fullRow, idFor, postImport, xlsxOfRecords } from './children-sheet.test-support';

let t: TestApp;
let tree: CountyTree;
let schoolAdmin: Client;
let teacherA: Client;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '导入县');
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  await buildChild(t.db, { name: '张羽涵', school: tree.school, class: tree.classA, birthDate: '2016-03-01' });
  // In class B: the class teacher of class A may not see this child.
  await buildChild(t.db, { name: '王思远', school: tree.school, class: tree.classB, birthDate: '2015-09-09' });
  await buildChild(t.db, { name: '刘晓宇', school: tree.otherSchool, birthDate: '2016-01-01' });
});
afterAll(() => t.close());

interface Problem {
  row: number;
  column: string | null;
  message: string;
}

const rows = [
  // Row 2: a homophone of 张羽涵 at the same school.
  fullRow({ 姓名: '张雨涵', 公民身份号码: idFor('20160301', 21) }),
  // Row 3: a similar name in class B, which the class teacher of class A may not see.
  fullRow({ 姓名: '王思源', 公民身份号码: idFor('20150909', 23) }),
  // Row 4: 刘晓宇 studies at another school: no warning.
  fullRow({ 姓名: '刘晓宇', 公民身份号码: idFor('20160101', 25) }),
  // Rows 5 and 6: two rows of the file that sound the same.
  fullRow({ 姓名: '陈子涵', 公民身份号码: idFor('20160505', 27) }),
  fullRow({ 姓名: '陈紫涵', 公民身份号码: idFor('20160506', 29) }),
];

describe('Excel import: very similar names at the same school', () => {
  it('warns per row in the dry run, without refusing the row', async () => {
    const res = await postImport(schoolAdmin, await xlsxOfRecords(rows));
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as { problems: Problem[]; warnings: Problem[]; created: number };
    expect(report.problems).toEqual([]);
    expect(report.created).toBe(5);
    const at = (row: number) => report.warnings.filter((w) => w.row === row).map((w) => w.message);
    expect(at(2)).toEqual(['本校已有姓名相近的儿童“张羽涵”（出生于 2016-03-01），请确认不是同一人（仍会导入）']);
    expect(at(3)).toEqual(['本校已有姓名相近的儿童“王思远”（出生于 2015-09-09），请确认不是同一人（仍会导入）']);
    expect(at(4)).toEqual([]);
    expect(at(5)).toEqual([]);
    expect(at(6)).toEqual(['与第5行“陈子涵”读音相同，请确认不是同一人（仍会导入）']);
    expect(report.warnings.every((w) => w.column === '姓名')).toBe(true);
  });

  it('hides the name of a child the importer may not see, as the create form does', async () => {
    const res = await postImport(teacherA, await xlsxOfRecords(rows.slice(1, 2)));
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as { warnings: Problem[] };
    expect(report.warnings.map((w) => w.message)).toEqual([
      '本校已有姓名相近的儿童“王**”，请确认不是同一人（仍会导入）',
    ]);
  });

  it('commits rows that only carry warnings', async () => {
    const res = await postImport(schoolAdmin, await xlsxOfRecords(rows.slice(0, 1)), 'mode=commit');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, created: 1 });
    expect(res.json().warnings).toHaveLength(1);
    expect(await t.db.select({ id: child.id }).from(child).where(eq(child.name, '张雨涵'))).toHaveLength(1);
  });
});
