import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type CountyTree } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';
import { childEnrollment } from '../children/children.table';
import { guardian } from '../children/guardians.table';
import { parent } from '../children/parents.table';
import { anonymizeExpiredChildren } from './anonymize';
import { dumpDatabase, figuresOf, recordTexts, seedRecords } from './anonymize-records.test-support';
import { correctionRequest } from './correction-requests.table';
import { childConsent } from './privacy.table';

let t: TestApp;
let tree: CountyTree;
let countyAdmin: Client;
let schoolAdmin: Client;
let counselor: Client;
let figuresBefore: Record<string, unknown>[];
let expiredId: string;
let recentId: string;
let stayingId: string;
const now = new Date();
const yearsAgo = (n: number) => {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - n);
  return d.toISOString().slice(0, 10);
};

async function leave(
  childId: string,
  countyId: string,
  status: 'graduated' | 'transferred_out' | 'enrolled',
  date: string,
) {
  await t.db.insert(childEnrollment).values({ childId, countyId, status, date });
}

/** Every text of the child's rows (child, parents, guardians), as a database dump would show them. */
async function dumpOf(childId: string) {
  const result = await t.db.execute(sql`
    select row_to_json(c)::text as j from child c where c.id = ${childId}
    union all select row_to_json(p)::text from parent p where p.child_id = ${childId}
    union all select row_to_json(g)::text from guardian g where g.child_id = ${childId}
    union all select row_to_json(k)::text from child_consent k where k.child_id = ${childId}
    union all select row_to_json(r)::text from correction_request r where r.child_id = ${childId}`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { j: string }[];
  return rows.map((r) => r.j).join('\n');
}

const perSchool = async () => {
  const result = await t.db.execute(sql`select school_id, count(*)::int as n from child group by school_id order by 1`);
  return Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
};

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '留存县');
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  const schoolAdminUser = await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]);
  schoolAdmin = await loginAs(t, schoolAdminUser);
  const counselorUser = await buildUser(t.db, [{ role: 'counselor', org: tree.school }]);
  counselor = await loginAs(t, counselorUser);
  const make = async (name: string, idNumber: string) => {
    const c = await buildChild(t.db, { name, class: tree.classA, village: tree.village, idNumber });
    await t.db.insert(parent).values({
      childId: c.id,
      countyId: c.countyId,
      relation: 'mother',
      name: `${name}妈妈`,
      status: 'migrant_work',
      phones: ['13800001234'],
      note: '在东莞电子厂上班',
    });
    await t.db.insert(guardian).values({
      childId: c.id,
      countyId: c.countyId,
      relation: 'paternal_grandparent',
      name: `${name}奶奶`,
      phone: '13900005678',
      address: '东村三组12号',
    });
    await t.db.insert(childConsent).values({
      childId: c.id,
      countyId: c.countyId,
      category: 'photos',
      basis: 'guardian_consent',
      consenterName: `${name}奶奶`,
      consenterRelation: '祖母',
      consentedOn: '2019-09-01',
      scopeNote: `${name}的照片仅校内展示`,
    });
    await t.db.insert(correctionRequest).values({
      childId: c.id,
      countyId: c.countyId,
      requesterName: `${name}妈妈`,
      requesterRelation: '母亲',
      requestedOn: '2019-10-01',
      request: `住址应为东村三组12号`,
    });
    return c;
  };
  const expired = await make('周晓峰', '110101201001010013');
  const recent = await make('吴小兰', '110101201101010018');
  const staying = await make('郑小川', '110101201201010012');
  expiredId = expired.id;
  await seedRecords(t.db, expired, { teacherId: schoolAdminUser.id, counselorId: counselorUser.id });
  recentId = recent.id;
  stayingId = staying.id;
  await leave(expiredId, expired.countyId, 'enrolled', yearsAgo(10));
  await leave(expiredId, expired.countyId, 'graduated', yearsAgo(5));
  await leave(recentId, recent.countyId, 'transferred_out', yearsAgo(1));
  // Left, then enrolled again: not due.
  await leave(stayingId, staying.countyId, 'transferred_out', yearsAgo(6));
  await leave(stayingId, staying.countyId, 'enrolled', yearsAgo(5));
  figuresBefore = await figuresOf(t.db, expiredId);
  // Audit snapshots of edits, as recordAudit writes them: they name the child and quote the texts.
  await t.db.insert(auditEvent).values([
    {
      event: 'child.updated',
      targetType: 'child',
      targetId: expiredId,
      childId: expiredId,
      countyId: expired.countyId,
      diff: {
        before: { name: '周晓峰', careLevel: 'key', classId: tree.classA.id },
        after: { name: '周晓峰', note: '周晓峰的奶奶住院了', updatedOn: '2019-05-06' },
      },
    },
    {
      event: 'care_record.updated',
      targetType: 'care_record',
      targetId: 'a-record',
      childId: expiredId,
      countyId: expired.countyId,
      diff: { before: { summary: Object.values(recordTexts)[0] }, after: { summary: '谈心：周晓峰' } },
    },
  ]);
});
afterAll(() => t.close());

describe('anonymization after the retention period', () => {
  it('counts the children due in a dry run (county administrators only), changing nothing', async () => {
    expect((await schoolAdmin.post('/api/privacy/anonymize-due', { dryRun: true })).statusCode).toBe(403);
    const dry = await countyAdmin.post('/api/privacy/anonymize-due', { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, retentionYears: 3, count: 1 });
    expect(await dumpOf(expiredId)).toContain('周晓峰');
  });

  it('replaces the expired leaver’s personal data, keeps the recent leaver and the counts per school; audited', async () => {
    const before = await perSchool();
    expect(await dumpOf(expiredId)).toContain('周晓峰妈妈');
    const ids = await anonymizeExpiredChildren(t.db, now, { years: 3 });
    expect(ids).toEqual([expiredId]);
    const dump = await dumpOf(expiredId);
    for (const secret of [
      '周晓峰',
      '110101201001010013',
      '13800001234',
      '13900005678',
      '东村三组12号',
      '在东莞电子厂上班',
      '0013',
    ])
      expect(dump, secret).not.toContain(secret);
    expect(dump).toContain('已匿名');
    expect(await dumpOf(recentId)).toContain('吴小兰');
    expect(await dumpOf(stayingId)).toContain('郑小川');
    expect(await perSchool()).toEqual(before);
    const audits = await t.db.select().from(auditEvent).where(eq(auditEvent.event, 'privacy.anonymized'));
    expect(audits.map((a) => a.childId)).toEqual([expiredId]);
    // Running again finds nothing new.
    expect(await anonymizeExpiredChildren(t.db, now, { years: 3 })).toEqual([]);
    // The archive still opens, with the placeholder.
    const page = await schoolAdmin.get(`/api/children/${expiredId}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().name).toBe('已匿名');
  });

  it('replaces the free texts staff wrote about the child in every module; counts, kinds and dates stay', async () => {
    // Runs after the anonymization above.
    const dump = await dumpDatabase(t.db);
    for (const secret of ['周晓峰', ...Object.values(recordTexts)]) expect(dump, secret).not.toContain(secret);
    expect(await figuresOf(t.db, expiredId)).toEqual(figuresBefore);
    expect(figuresBefore.every((f) => Number(f.n) > 0)).toBe(true);
    // The audit rows stay — event, target, ids, codes and dates — with their texts replaced.
    const edit = (await t.db.select().from(auditEvent).where(eq(auditEvent.event, 'child.updated'))).find(
      (a) => a.childId === expiredId,
    );
    expect(edit?.diff).toEqual({
      before: { name: '已匿名', careLevel: 'key', classId: tree.classA.id },
      after: { name: '已匿名', note: '已匿名', updatedOn: '2019-05-06' },
    });

    const timeline = await schoolAdmin.get(`/api/children/${expiredId}/timeline`);
    expect(timeline.statusCode, timeline.body).toBe(200);
    const records = await schoolAdmin.get(`/api/care-records?childId=${expiredId}`);
    expect(records.statusCode, records.body).toBe(200);
    const talk = records.json().items.find((r: { kind: string }) => r.kind === 'talk');
    expect(talk).toMatchObject({ summary: '已匿名', problems: null, details: { topic: '已匿名', mood: 2 } });
    const visit = records.json().items.find((r: { kind: string }) => r.kind === 'home_visit');
    expect(visit.details).toEqual({
      termWindow: 'middle',
      present: ['child', 'grandparent'],
      homeConditions: null,
      guardianView: null,
    });

    const sessions = await counselor.get(`/api/counseling-sessions?childId=${expiredId}`);
    expect(sessions.statusCode, sessions.body).toBe(200);
    expect(sessions.json().items[0]).toMatchObject({
      presentingConcern: '已匿名',
      notes: '已匿名',
      agreedActions: null,
    });
    const risk = await counselor.get(`/api/children/${expiredId}/risk-level`);
    expect(risk.statusCode, risk.body).toBe(200);
    expect(JSON.stringify(risk.json())).toContain('已匿名');

    const pledges = await schoolAdmin.get(`/api/children/${expiredId}/pledges`);
    expect(pledges.statusCode, pledges.body).toBe(200);
    const plans = await schoolAdmin.get(`/api/study-plans?childId=${expiredId}`);
    expect(plans.statusCode, plans.body).toBe(200);
    expect(JSON.stringify(plans.json())).toContain('已匿名');
    const checks = await schoolAdmin.get(`/api/health-checks?childId=${expiredId}`);
    expect(checks.statusCode, checks.body).toBe(200);
    // The mailbox message stays (its own retention) but no longer points at the child.
    const linked = await t.db.execute(
      sql`select count(*) filter (where child_id is null)::int as unlinked, count(*)::int as n from mailbox_message`,
    );
    const [mail] = (Array.isArray(linked) ? linked : (linked as { rows: unknown[] }).rows) as {
      unlinked: number;
      n: number;
    }[];
    expect(mail).toEqual({ unlinked: 1, n: 1 });
  });
});
