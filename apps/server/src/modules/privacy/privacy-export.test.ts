import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type CountyTree } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';
import { careRecord } from '../care-records/care-records.table';
import { guardian } from '../children/guardians.table';

let t: TestApp;
let tree: CountyTree;
let admin: Client;
let director: Client;
let teacher: Client;
let otherCountyAdmin: Client;
let childId: string;
let adminId: string;

function pdfText(bytes: Buffer): string {
  const file = path.join(os.tmpdir(), `sw-privacy-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '隐私县');
  const other = await buildCountyTree(t.db, '邻县');
  const adminUser = await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]);
  adminId = adminUser.id;
  admin = await loginAs(t, adminUser);
  director = await loginAs(t, await buildUser(t.db, [{ role: 'child_director', org: tree.village }]));
  const teacherUser = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
  teacher = await loginAs(t, teacherUser);
  otherCountyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: other.county }]));
  const child = await buildChild(t.db, {
    name: '李思雨',
    class: tree.classA,
    village: tree.village,
    idNumber: '110101201501010016',
    categories: ['left_behind_both'],
  });
  childId = child.id;
  await t.db.insert(careRecord).values({
    countyId: child.countyId,
    childId,
    schoolId: tree.school.id,
    classId: tree.classA.id,
    authorId: teacherUser.id,
    kind: 'talk',
    occurredOn: '2025-03-04',
    summary: '谈到想念在外打工的妈妈',
    details: { topic: '想念妈妈', mood: 3 },
  });
  await t.db.insert(guardian).values({
    childId,
    countyId: child.countyId,
    name: '李奶奶',
    relation: 'paternal_grandparent',
    phone: '13900001111',
  });
});
afterAll(() => t.close());

describe('export of a child’s record for a guardian’s request', () => {
  it('answers everything the school administrator may see as JSON, no-store, with basis, requester and one audit row', async () => {
    const res = await admin.get(`/api/children/${childId}/privacy-export.json`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const view = res.json();
    expect(view.child.name).toBe('李思雨');
    expect(view.exportedBy.id).toBe(adminId);
    expect(view.exportedBy.role).toBe('school_admin');
    expect(view.legalBasis).toContain('个人信息保护法');
    const section = (key: string) => view.sections.find((s: { key: string }) => s.key === key);
    expect(section('archive').rows[0].name).toBe('李思雨');
    expect(section('care_records').rows.map((r: { summary: string }) => r.summary)).toContain('谈到想念在外打工的妈妈');
    expect(section('guardians').rows[0].name).toBe('李奶奶');
    expect(section('categories').rows[0].category).toBe('left_behind_both');
    expect(section('counseling_sessions')).toBeUndefined();
    expect(view.omitted.map((o: { key: string }) => o.key)).toContain('counseling_notes_and_mailbox');
    // No ciphertext, hash or full ID number leaves.
    expect(res.body).not.toContain('110101201501010016');
    expect(res.body).not.toMatch(/"idNumber"|idNumberHash/);
    const audits = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'privacy.exported'), eq(auditEvent.childId, childId)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorId).toBe(adminId);
  });

  it('prints the same as PDF with the child’s name (pdftotext), audited again', async () => {
    const res = await director.get(`/api/children/${childId}/privacy-export.pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('李思雨');
    expect(text).toContain('个人信息副本');
    expect(text).toContain('谈到想念在外打工的妈妈');
    const audits = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'privacy.exported'), eq(auditEvent.childId, childId)));
    expect(audits).toHaveLength(2);
  });

  it('refuses a class teacher (403) and another county’s administrator (404), and audits no export', async () => {
    expect((await teacher.get(`/api/children/${childId}/privacy-export.json`)).statusCode).toBe(403);
    expect((await teacher.get(`/api/children/${childId}/privacy-export.pdf`)).statusCode).toBe(403);
    const far = await otherCountyAdmin.get(`/api/children/${childId}/privacy-export.json`);
    expect(far.statusCode).toBe(404);
    expect(far.body).not.toContain('李思雨');
    const audits = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.event, 'privacy.exported'), eq(auditEvent.childId, childId)));
    expect(audits).toHaveLength(2);
  });

  it('answers 404 in scope of the permission but not of the child (a sibling school’s administrator)', async () => {
    const sibling = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.otherSchool }]));
    expect((await sibling.get(`/api/children/${childId}/privacy-export.json`)).statusCode).toBe(404);
  });
});
