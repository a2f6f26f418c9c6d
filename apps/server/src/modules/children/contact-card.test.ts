import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type CountyTree } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';
import { pairing } from '../pairings/pairings.table';
import { appUser } from '../users/users.table';
import { fullRow, postImport, xlsxOfRecords } from './children-sheet.test-support';

let t: TestApp;
let tree: CountyTree;
let teacherA: Client;
let teacherB: Client;
let childId: string;

/** The text of a PDF as poppler's pdftotext reads it (what a reader or a screen reader gets). */
function pdfText(bytes: Buffer): string {
  const file = path.join(os.tmpdir(), `sw-card-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '卡片县');
  const teacher = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }], { username: 'kp_teacher' });
  await t.db.update(appUser).set({ displayName: '陈老师', phone: '13512345678' }).where(eq(appUser.id, teacher.id));
  const mentor = await buildUser(t.db, [{ role: 'mentor', org: tree.school }], { username: 'kp_mentor' });
  await t.db.update(appUser).set({ displayName: '周老师', phone: '13687654321' }).where(eq(appUser.id, mentor.id));
  teacherA = await loginAs(t, teacher);
  teacherB = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classB }]));
  const file = await xlsxOfRecords([fullRow({ 学校: tree.school.name, '村(社区)': tree.village.name })]);
  const res = await postImport(teacherA, file, 'mode=commit');
  if (res.statusCode !== 200) throw new Error(res.body);
  childId = (await teacherA.get('/api/children?q=张小明')).json().items[0].id;
  await t.db.insert(pairing).values({
    countyId: tree.county.id,
    childId,
    schoolId: tree.school.id,
    kind: 'mentor_teacher',
    helperUserId: mentor.id,
    startDate: '2024-09-01',
  });
  for (const name of ['王一', '王二', '王三', '王四']) await buildChild(t.db, { name, class: tree.classA });
});
afterAll(() => t.close());

describe('contact cards (联系卡)', () => {
  it('prints a child’s card with Chinese text, teacher, mentor, guardian and parents’ phones; audited', async () => {
    const res = await teacherA.get(`/api/children/${childId}/contact-card.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename=/);
    const text = pdfText(res.rawPayload);
    for (const expected of [
      '联系卡',
      '张小明',
      '一年级1班',
      '陈老师',
      '13512345678',
      '帮扶教师 周老师',
      '13687654321',
      '张奶奶（祖父母，主要）',
      '13900139000',
      '张大山（外出务工 广东省深圳市）',
      '13800138000、0731-84567891',
      '李小花',
      '王主任',
      '0731-84567890',
    ])
      expect(text, expected).toContain(expected);
    const audits = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'child.contact_card_printed'), eq(auditEvent.childId, childId)));
    expect(audits).toHaveLength(1);
    expect((await teacherB.get(`/api/children/${childId}/contact-card.pdf`)).statusCode).toBe(404);
  });

  it('prints a class sheet: every child of the class, several cards per A4 page', async () => {
    const res = await teacherA.get(`/api/orgs/${tree.classA.id}/contact-cards.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain(`${tree.school.name} 一年级1班 联系卡`);
    for (const name of ['张小明', '王一', '王二', '王三', '王四']) expect(text).toContain(`联系卡 · ${name}`);
    const file = path.join(os.tmpdir(), `sw-sheet-${process.pid}.pdf`);
    fs.writeFileSync(file, res.rawPayload);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    fs.rmSync(file);
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeLessThanOrEqual(2);
    const audits = await t.db.select().from(auditEvent).where(eq(auditEvent.event, 'child.contact_card_printed'));
    expect(audits.length).toBeGreaterThanOrEqual(6);
    expect((await teacherB.get(`/api/orgs/${tree.classA.id}/contact-cards.pdf`)).statusCode).toBe(404);
    const school = await teacherA.get(`/api/orgs/${tree.school.id}/contact-cards.pdf`);
    expect(school.statusCode).toBe(422);
    expect(school.json().error.code).toBe('CONTACT_CARDS_ORG_KIND');
  });

  it('answers 503 in Chinese when the CJK font is missing', async () => {
    const other = await buildTestApp({ PDF_FONT: '/nonexistent/NotoSansCJK-Regular.ttc' });
    try {
      const local = await buildCountyTree(other.db, '无字县');
      const client = await loginAs(other, await buildUser(other.db, [{ role: 'class_teacher', org: local.classA }]));
      const child = await buildChild(other.db, { name: '无字', class: local.classA });
      const res = await client.get(`/api/children/${child.id}/contact-card.pdf`);
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toMatchObject({ code: 'PDF_FONT_MISSING' });
      expect(res.json().error.message).toContain('fonts-noto-cjk');
    } finally {
      await other.close();
    }
  });
});
