import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import {
  buildChild,
  buildCountyTree,
  buildPairing,
  buildTerm,
  buildUser,
  type CountyTree,
  type UserFixture,
} from '../../test/factories';
import { careRecord } from '../care-records/care-records.table';

let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
let teacherUser: UserFixture;
let colleagueUser: UserFixture;
let admin: Client;
let teacher: Client;
let countyAdmin: Client;
let otherAdmin: Client;
let termId: string;
// A finished autumn term of three months: three monthly talks and three home-visit windows per child.
const term = { startDate: '2025-09-01', midDate: '2025-10-15', endDate: '2025-11-30' };

async function record(
  author: UserFixture,
  childRow: { id: string; countyId: string; schoolId: string | null; classId: string | null },
  kind: 'talk' | 'home_visit',
  on: string,
  followUp?: { done: boolean },
) {
  await t.db.insert(careRecord).values({
    countyId: childRow.countyId,
    childId: childRow.id,
    schoolId: childRow.schoolId,
    classId: childRow.classId,
    authorId: author.id,
    kind,
    occurredOn: on,
    summary: '谈心，了解学习和生活情况',
    details: {},
    followUpNeeded: followUp !== undefined,
    followUpOn: followUp ? '2025-11-10' : null,
    followUpDoneOn: followUp?.done ? '2025-11-12' : null,
  });
}

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db);
  other = await buildCountyTree(t.db);
  termId = (await buildTerm(t.db, tree.county, term)).id;
  teacherUser = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
  colleagueUser = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classB }]);
  const adminUser = await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]);
  // One left-behind child in the teacher's class: 3 talks due (Sept, Oct, Nov), 2 done; 3 visits due, 1 done.
  const own = await buildChild(t.db, { class: tree.classA, categories: ['left_behind_both'] });
  await record(teacherUser, own, 'talk', '2025-09-12');
  await record(teacherUser, own, 'talk', '2025-10-20', { done: true });
  await record(teacherUser, own, 'home_visit', '2025-09-03', { done: false });
  // Two children of the other class paired with the teacher as mentor.
  for (const name of ['王小明', '李小红']) {
    const paired = await buildChild(t.db, { name, class: tree.classB, categories: ['left_behind_single'] });
    await buildPairing(t.db, { child: paired, helper: teacherUser });
  }
  admin = await loginAs(t, adminUser);
  teacher = await loginAs(t, teacherUser);
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  otherAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: other.school }]));
});
afterAll(async () => t?.close());

const q = () => `schoolId=${tree.school.id}&termId=${termId}`;

describe('考核 metrics', () => {
  it('computes done against due, pairings, follow-ups and records per staff member', async () => {
    const res = await admin.get(`/api/assessments?${q()}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const sheet = body.items.find((s: { userId: string }) => s.userId === teacherUser.id);
    expect(sheet.metrics).toMatchObject({
      childrenPaired: 2,
      talksDue: 3,
      talksDone: 2,
      visitsDue: 3,
      visitsDone: 1,
      otherDone: 0,
      followUpsClosed: 1,
      followUpsOpen: 1,
      records: 3,
    });
    expect(sheet.metrics.otherDue).toBeGreaterThan(0);
    const due = sheet.metrics.talksDue + sheet.metrics.visitsDue + sheet.metrics.otherDue;
    expect(sheet.metrics.completion).toBeCloseTo(3 / due, 4);
    // The colleague's class has only the paired children: their talks are due to the colleague, none done.
    const colleague = body.items.find((s: { userId: string }) => s.userId === colleagueUser.id);
    expect(colleague.metrics).toMatchObject({ childrenPaired: 0, talksDue: 6, talksDone: 0, records: 0 });
    expect(sheet.metricPoints).toBeGreaterThan(colleague.metricPoints);
    expect(sheet.abilities.score).toBe(true);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('rubric scoring', () => {
  it('refuses a score above the item’s maximum, naming the field, in Chinese', async () => {
    const res = await admin.put(`/api/assessments/staff/${teacherUser.id}`, {
      schoolId: tree.school.id,
      termId,
      scores: { attitude: 25 },
    });
    expect(res.statusCode).toBe(400);
    const detail = res.json().error.details[0];
    expect(detail.path ?? detail.field).toMatch(/attitude/);
    expect(JSON.stringify(res.json())).toMatch(/20/);
  });

  it('refuses negative, quarter points and unknown items', async () => {
    for (const scores of [{ care_effect: -1 }, { care_effect: 10.25 }, { charm: 5 }]) {
      const res = await admin.put(`/api/assessments/staff/${teacherUser.id}`, {
        schoolId: tree.school.id,
        termId,
        scores,
      });
      expect(res.statusCode, JSON.stringify(scores)).toBe(400);
    }
  });

  it('scores, ranks, keeps versions and audits', async () => {
    const first = await admin.put(`/api/assessments/staff/${teacherUser.id}`, {
      schoolId: tree.school.id,
      termId,
      scores: { attitude: 18, archive: 17.5, care_effect: 26, home_school: 12, innovation: 10 },
      comment: '谈心记录详实',
    });
    expect(first.statusCode).toBe(200);
    const sheet = first.json().sheet;
    expect(sheet.rubricTotal).toBe(83.5);
    expect(sheet.total).toBeCloseTo((sheet.metricPoints + 83.5) / 2, 1);
    expect(sheet.rank).toBe(1);
    const stale = await admin.put(`/api/assessments/staff/${teacherUser.id}`, {
      schoolId: tree.school.id,
      termId,
      scores: { innovation: 11 },
    });
    expect(stale.statusCode).toBe(428);
    const second = await admin.put(`/api/assessments/staff/${teacherUser.id}`, {
      schoolId: tree.school.id,
      termId,
      scores: { innovation: 11 },
      version: sheet.version,
    });
    expect(second.json().sheet.rubricTotal).toBe(84.5);
    const conflict = await admin.put(`/api/assessments/staff/${teacherUser.id}`, {
      schoolId: tree.school.id,
      termId,
      scores: { innovation: 12 },
      version: sheet.version,
    });
    expect(conflict.statusCode).toBe(409);
  });

  it('lets only the school’s administrators score', async () => {
    const body = { schoolId: tree.school.id, termId, scores: { attitude: 10 } };
    expect((await countyAdmin.put(`/api/assessments/staff/${colleagueUser.id}`, body)).statusCode).toBe(403);
    expect((await teacher.put(`/api/assessments/staff/${colleagueUser.id}`, body)).statusCode).toBe(403);
    expect((await otherAdmin.put(`/api/assessments/staff/${colleagueUser.id}`, body)).statusCode).toBe(404);
  });
});

describe('who sees which sheet', () => {
  it('shows staff their own sheet and hides colleagues’ (404)', async () => {
    const own = await teacher.get(`/api/assessments/staff/${teacherUser.id}?${q()}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().sheet.metrics.talksDone).toBe(2);
    expect(own.json().sheet.abilities.score).toBe(false);
    expect((await teacher.get(`/api/assessments/staff/${colleagueUser.id}?${q()}`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/assessments?${q()}`)).statusCode).toBe(403);
  });

  it('lets the county read, and hides the school from another county (404)', async () => {
    expect((await countyAdmin.get(`/api/assessments?${q()}`)).statusCode).toBe(200);
    expect((await countyAdmin.get(`/api/assessments/staff/${colleagueUser.id}?${q()}`)).statusCode).toBe(200);
    expect((await otherAdmin.get(`/api/assessments?${q()}`)).statusCode).toBe(404);
    expect((await otherAdmin.get(`/api/assessments/staff/${teacherUser.id}?${q()}`)).statusCode).toBe(404);
  });
});

describe('xlsx export', () => {
  it('writes the ranked sheets that exceljs reads back', async () => {
    const res = await admin.get(`/api/assessments/export.xlsx?${q()}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet('考核表')!;
    expect(String(ws.getCell(1, 1).value)).toContain('关爱留守儿童工作考核表');
    const header = (ws.getRow(2).values as unknown[]).slice(1).map(String);
    const row = (ws.getRow(3).values as unknown[]).slice(1);
    expect(row[header.indexOf('名次')]).toBe(1);
    expect(row[header.indexOf('姓名')]).toBe(`测试${teacherUser.username}`);
    expect(row[header.indexOf('结对儿童')]).toBe(2);
    expect(row[header.indexOf('谈心（完成/应完成）')]).toBe('2/3');
    expect(row[header.indexOf('家访（完成/应完成）')]).toBe('1/3');
    expect(row[header.indexOf('评分合计')]).toBe(84.5);
    expect(ws.rowCount).toBeGreaterThanOrEqual(4);
    expect((await teacher.get(`/api/assessments/export.xlsx?${q()}`)).statusCode).toBe(403);
    const audited = await t.db.execute(sql`select event, count(*)::int as n from audit_event
      where event in ('assessment.scored', 'assessment.exported') group by event order by event`);
    const rows = (Array.isArray(audited) ? audited : (audited as { rows: unknown[] }).rows) as {
      event: string;
      n: number;
    }[];
    expect(rows.map((r) => [r.event, Number(r.n)])).toEqual([
      ['assessment.exported', 1],
      ['assessment.scored', 2],
    ]);
  });
});
