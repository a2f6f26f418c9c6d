import { addDays, hasZeroCount, todayIso } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
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
import { childEnrollment } from '../children/children.table';

let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
let admin: Client;
let teacher: Client;
let countyAdmin: Client;
let otherAdmin: Client;
let teacherUser: UserFixture;
const today = todayIso();
const term = { startDate: addDays(today, -60), midDate: addDays(today, -5), endDate: addDays(today, 60) };

const rowsOf = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];
const count = async (query: ReturnType<typeof sql>) => Number(rowsOf(await t.db.execute(query))[0]!.n);

/** The visible text of a .docx, paragraph by paragraph. */
async function docxParagraphs(payload: Buffer) {
  const zip = await JSZip.loadAsync(payload);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
  return {
    xml,
    texts: paragraphs.map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    paragraphs,
  };
}

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '清水县');
  other = await buildCountyTree(t.db);
  await buildTerm(t.db, tree.county, term);
  await buildTerm(t.db, other.county, term);
  teacherUser = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
  const mentor = await buildUser(t.db, [{ role: 'mentor', org: tree.school }]);
  const kids = [
    await buildChild(t.db, { class: tree.classA, categories: ['left_behind_both'] }),
    await buildChild(t.db, { class: tree.classA, categories: ['left_behind_both'] }),
    await buildChild(t.db, { class: tree.classB, categories: ['left_behind_single'] }),
    await buildChild(t.db, { class: tree.classB, categories: ['orphan'] }),
    await buildChild(t.db, { class: tree.classB }),
  ];
  await buildPairing(t.db, { child: kids[0]!, helper: mentor });
  await buildPairing(t.db, { child: kids[1]!, helper: mentor, kind: 'proxy_parent' });
  for (const [i, kind] of (['talk', 'talk', 'talk', 'home_visit', 'parent_contact'] as const).entries()) {
    const child = kids[i % 3]!;
    await t.db.insert(careRecord).values({
      countyId: child.countyId,
      childId: child.id,
      schoolId: child.schoolId,
      classId: child.classId,
      authorId: teacherUser.id,
      kind,
      occurredOn: addDays(today, -10 - i),
      summary: '了解近况',
      details: {},
    });
  }
  // The third left-behind child left school during the term.
  await t.db.insert(childEnrollment).values([
    { childId: kids[2]!.id, countyId: kids[2]!.countyId, status: 'enrolled', date: addDays(today, -400) },
    { childId: kids[2]!.id, countyId: kids[2]!.countyId, status: 'dropped_out', date: addDays(today, -20) },
  ]);
  admin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  teacher = await loginAs(t, teacherUser);
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  otherAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: other.school }]));
});
afterAll(async () => t?.close());

describe('drafting the work summary', () => {
  it('answers null before the first draft, then drafts the four sections from the records', async () => {
    const before = await admin.get(`/api/reports/work-summary?orgId=${tree.school.id}`);
    expect(before.statusCode).toBe(200);
    expect(before.json().summary).toBeNull();
    const res = await admin.post('/api/reports/work-summary', { orgId: tree.school.id });
    expect(res.statusCode).toBe(200);
    const draft = res.json();
    expect(draft.title).toMatch(/^清水县中心小学\d{4}年(秋|春)季学期关爱留守儿童工作总结$/);
    expect(new Set(draft.paragraphs.map((p: { section: string }) => p.section))).toEqual(
      new Set(['basic', 'measures', 'results', 'problems']),
    );
    const all = draft.paragraphs.map((p: { text: string }) => p.text).join('');
    expect(hasZeroCount(all)).toBe(false);
    expect(all).toContain('本学期有1名学生辍学');
    const people = draft.paragraphs.find((p: { key: string }) => p.key === 'basic.children');
    const lb = people.figures.find((f: { key: string }) => f.key === 'leftBehind');
    expect(lb).toMatchObject({ text: '3名', link: { path: '/children', query: { schoolId: tree.school.id } } });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('writes a .docx whose figures match the database, with headings, indent and CJK font', async () => {
    const { summary } = (await admin.get(`/api/reports/work-summary?orgId=${tree.school.id}`)).json();
    const res = await admin.get(`/api/reports/work-summary/${summary.id}/export?format=docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=.*docx/);
    expect(res.headers['cache-control']).toBe('no-store');
    const { xml, texts } = await docxParagraphs(res.rawPayload);
    expect(texts[0]).toBe(summary.title);
    for (const heading of ['一、基本情况', '二、主要工作措施', '三、取得成效', '四、存在问题与下一步打算'])
      expect(texts).toContain(heading);
    expect(xml).toContain('w:firstLineChars="200"');
    expect(xml).toContain('w:eastAsia="宋体"');
    const text = texts.join('\n');
    const school = `%${tree.school.id}/%`;
    const students = await count(
      sql`select count(*) as n from child where school_path like ${school} and deleted_at is null`,
    );
    const leftBehind =
      await count(sql`select count(distinct c.id) as n from child c join child_category cc on cc.child_id = c.id
      where c.school_path like ${school} and cc.category in ('left_behind_both', 'left_behind_single') and cc.end_date is null`);
    const talks = await count(
      sql`select count(*) as n from care_record where school_id = ${tree.school.id} and kind = 'talk' and deleted_at is null`,
    );
    const paired = await count(sql`select count(distinct child_id) as n from pairing where school_id = ${tree.school.id}
      and kind in ('mentor_teacher', 'proxy_parent') and end_date is null`);
    expect([students, leftBehind, talks, paired]).toEqual([5, 3, 3, 2]);
    expect(text).toContain(`在校学生${students}名，其中留守儿童${leftBehind}名`);
    expect(text).toContain(`共谈心${talks}次`);
    expect(text).toContain(`与${paired}名留守儿童结成帮扶对子，结对覆盖率为66.6%`);
    expect(text).toContain('孤儿1名');
    // The dashboard counts the same: both read the stats service.
    const dashboard = (await admin.get(`/api/stats/dashboard?scopeOrgId=${tree.school.id}`)).json();
    const coverage = dashboard.kpis.find((k: { key: string }) => k.key === 'pairingCoverage');
    expect([coverage.numerator, coverage.denominator]).toEqual([paired, leftBehind]);
    expect(dashboard.children).toBe(leftBehind);
  });

  it('keeps a paragraph edited in the browser, in the export and across a redraft', async () => {
    const { summary } = (await admin.get(`/api/reports/work-summary?orgId=${tree.school.id}`)).json();
    const edited = '学校成立了以王校长为组长的关爱留守儿童工作领导小组，每月召开一次专题会议。';
    const res = await admin.patch(`/api/reports/work-summary/${summary.id}`, {
      version: summary.version,
      paragraphs: [{ key: 'measures.organization', text: edited }],
    });
    expect(res.statusCode).toBe(200);
    const stale = await admin.patch(`/api/reports/work-summary/${summary.id}`, {
      version: summary.version,
      paragraphs: [{ key: 'measures.organization', text: '旧版本' }],
    });
    expect(stale.statusCode).toBe(409);
    const redraft = (await admin.post('/api/reports/work-summary', { orgId: tree.school.id })).json();
    const org = redraft.paragraphs.find((p: { key: string }) => p.key === 'measures.organization');
    expect(org).toMatchObject({ text: edited, edited: true });
    const docx = await docxParagraphs((await admin.get(`/api/reports/work-summary/${summary.id}/export`)).rawPayload);
    expect(docx.texts).toContain(edited);
    const pdf = await admin.get(`/api/reports/work-summary/${summary.id}/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await count(
      sql`select count(*) as n from audit_event where event = 'work_summary.exported' and target_id = ${summary.id}`,
    );
    expect(audit).toBe(3);
  });

  it('drafts a useful summary for a unit without any records', async () => {
    const res = await otherAdmin.post('/api/reports/work-summary', { orgId: other.school.id });
    expect(res.statusCode).toBe(200);
    const all = res
      .json()
      .paragraphs.map((p: { text: string }) => p.text)
      .join('');
    expect(all).toContain('尚未登记儿童档案');
    expect(all).toContain('本学期无一名学生辍学');
    expect(hasZeroCount(all)).toBe(false);
  });
});

describe('who may draft', () => {
  it('lets the county draft for the county and a school, and hides other counties (404)', async () => {
    expect((await countyAdmin.post('/api/reports/work-summary', { orgId: tree.county.id })).statusCode).toBe(200);
    expect((await countyAdmin.get(`/api/reports/work-summary?orgId=${tree.school.id}`)).statusCode).toBe(200);
    expect((await otherAdmin.get(`/api/reports/work-summary?orgId=${tree.school.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.post('/api/reports/work-summary', { orgId: tree.school.id })).statusCode).toBe(404);
    const { summary } = (await admin.get(`/api/reports/work-summary?orgId=${tree.school.id}`)).json();
    expect((await otherAdmin.get(`/api/reports/work-summary/${summary.id}/export`)).statusCode).toBe(404);
    const patch = await otherAdmin.patch(`/api/reports/work-summary/${summary.id}`, { version: 1, paragraphs: [] });
    expect(patch.statusCode).toBe(404);
    // A school's administrator cannot draft for the other school of the county either.
    expect((await admin.post('/api/reports/work-summary', { orgId: tree.otherSchool.id })).statusCode).toBe(404);
  });

  it('refuses class teachers (403) and bad input with the field named', async () => {
    expect((await teacher.post('/api/reports/work-summary', { orgId: tree.school.id })).statusCode).toBe(403);
    const bad = await admin.post('/api/reports/work-summary', { orgId: 'not-a-uuid' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('orgId');
  });
});
