import { addDays, todayIso } from '@shouwang/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import {
  buildChild,
  buildCountyTree,
  buildPairing,
  buildTerm,
  buildUser,
  type ChildFixture,
  type CountyTree,
} from '../../test/factories';
import { careRecord } from '../care-records/care-records.table';
import { aid } from './aid.table';
import { aidTotals } from './aid-totals';

let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
let teacherA: Client;
let schoolAdmin: Client;
let countyAdmin: Client;
let mentor: Client;
let outsider: Client;
let kidA: ChildFixture;
let kidB: ChildFixture;
let birthdayKid: ChildFixture;
let pairedKid: ChildFixture;
let termId: string;
const today = todayIso();
const term = { startDate: addDays(today, -60), midDate: addDays(today, 10), endDate: addDays(today, 60) };
const lastTerm = { startDate: addDays(today, -240), midDate: addDays(today, -150), endDate: addDays(today, -61) };

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '资助县');
  other = await buildCountyTree(t.db, '他县');
  teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  outsider = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: other.school }]));
  kidA = await buildChild(t.db, { class: tree.classA, categories: ['left_behind_both'], birthDate: '2016-03-01' });
  kidB = await buildChild(t.db, { class: tree.classB, birthDate: '2016-03-01' });
  const [y, m, d] = today.split('-');
  birthdayKid = await buildChild(t.db, {
    name: '寿星',
    class: tree.classA,
    categories: ['left_behind_both'],
    birthDate: `${Number(y) - 9}-${m}-${m === '02' && d === '29' ? '28' : d}`,
  });
  pairedKid = await buildChild(t.db, { class: tree.classB, categories: ['left_behind_both'], birthDate: '2015-01-01' });
  const mentorUser = await buildUser(t.db, [{ role: 'mentor', org: tree.school }]);
  await buildPairing(t.db, { child: pairedKid, helper: mentorUser, startDate: addDays(today, -30) });
  mentor = await loginAs(t, mentorUser);
  termId = (await buildTerm(t.db, tree.county, term, { termNo: 1 })).id;
  await buildTerm(t.db, tree.county, lastTerm, { termNo: 2, schoolYear: '2000-2001' });
});
afterAll(() => t.close());

const gift = (childId: string, over: object = {}) => ({
  childId,
  type: 'festival_gift',
  amountFen: 5000,
  items: '新文具一套、书包一个',
  source: '县妇联',
  givenOn: today,
  deliveredBy: '王老师',
  ...over,
});

describe('aid records', () => {
  it('records aid for a child in scope, amounts in fen', async () => {
    const res = await teacherA.post('/api/aid', gift(kidA.id));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ amountFen: 5000, type: 'festival_gift', child: { id: kidA.id } });
  });

  it('refuses negative, fractional and absurd amounts, and neither amount nor items, naming the field', async () => {
    for (const [amountFen, message] of [
      [-1, '金额不能为负数'],
      [10.5, '金额最多精确到分'],
      [100_000_001, '金额不能超过100万元，请核对'],
    ] as const) {
      const res = await teacherA.post('/api/aid', gift(kidA.id, { amountFen }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toContainEqual({ field: 'amountFen', message });
    }
    const empty = await teacherA.post('/api/aid', gift(kidA.id, { amountFen: null, items: null }));
    expect(empty.json().error.details).toContainEqual({ field: 'amountFen', message: '请填写金额或物品' });
  });

  it('out of scope: another class 403 for a reader-only, another county 404; county admins read only', async () => {
    expect((await teacherA.post('/api/aid', gift(kidB.id))).statusCode).toBe(404);
    expect((await outsider.post('/api/aid', gift(kidA.id))).statusCode).toBe(404);
    expect((await countyAdmin.post('/api/aid', gift(kidA.id))).statusCode).toBe(403);
    const list = await countyAdmin.get('/api/aid');
    expect(list.json().items.map((a: { child: { id: string } }) => a.child.id)).toContain(kidA.id);
    expect((await outsider.get('/api/aid')).json().total).toBe(0);
  });

  it('lists per term and child; the child tab shows activities and aid', async () => {
    const list = await schoolAdmin.get(`/api/aid?termId=${termId}&childId=${kidA.id}`);
    expect(list.json().total).toBe(1);
    const tab = await teacherA.get(`/api/children/${kidA.id}/activities-aid`);
    expect(tab.statusCode).toBe(200);
    expect(tab.json().aid).toHaveLength(1);
    expect((await outsider.get(`/api/children/${kidA.id}/activities-aid`)).statusCode).toBe(404);
  });
});

describe('funding ledger', () => {
  it('keeps the balance per term: carried in, income by source, spending by purpose', async () => {
    const entry = (over: object) =>
      schoolAdmin.post('/api/fund-ledger/entries', { schoolId: tree.school.id, occurredOn: today, ...over });
    // Last term: 1000 yuan in, 300 out → 700 carried in.
    expect(
      (await entry({ direction: 'income', amountFen: 100_000, source: 'government', occurredOn: lastTerm.startDate }))
        .statusCode,
    ).toBe(201);
    await entry({ direction: 'expense', amountFen: 30_000, purpose: 'activity', occurredOn: lastTerm.midDate });
    // This term: 500 donated, 200 school funds; 120 activities, 80 aid.
    await entry({ direction: 'income', amountFen: 50_000, source: 'donation', donor: '爱心企业' });
    await entry({ direction: 'income', amountFen: 20_000, source: 'school' });
    await entry({ direction: 'expense', amountFen: 12_000, purpose: 'activity', note: '中秋月饼' });
    await entry({ direction: 'expense', amountFen: 8_000, purpose: 'aid' });
    const res = await schoolAdmin.get(`/api/fund-ledger?schoolId=${tree.school.id}&termId=${termId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      openingFen: 70_000,
      incomeFen: 70_000,
      expenseFen: 20_000,
      closingFen: 120_000,
      incomeBySource: [
        { source: 'donation', amountFen: 50_000 },
        { source: 'school', amountFen: 20_000 },
      ],
      expenseByPurpose: [
        { purpose: 'activity', amountFen: 12_000 },
        { purpose: 'aid', amountFen: 8_000 },
      ],
      canManage: true,
    });
    expect(res.json().entries).toHaveLength(4);
  });

  it('needs a source for income and a purpose for spending; only the school’s leaders write', async () => {
    const bad = await schoolAdmin.post('/api/fund-ledger/entries', {
      schoolId: tree.school.id,
      direction: 'income',
      amountFen: 0,
      occurredOn: today,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['amountFen', 'source']);
    const teacher = await teacherA.post('/api/fund-ledger/entries', {
      schoolId: tree.school.id,
      direction: 'income',
      amountFen: 100,
      source: 'other',
      occurredOn: today,
    });
    expect(teacher.statusCode).toBe(403);
    expect((await teacherA.get(`/api/fund-ledger?schoolId=${tree.school.id}&termId=${termId}`)).statusCode).toBe(403);
    expect((await outsider.get(`/api/fund-ledger?schoolId=${tree.school.id}&termId=${termId}`)).statusCode).toBe(404);
  });

  it('aidTotals gives the work summary aid and fund figures of the term', async () => {
    const totals = await aidTotals(t.db, { countyId: tree.county.id, orgPath: tree.school.path }, term);
    expect(totals).toMatchObject({
      records: 1,
      children: 1,
      amountFen: 5000,
      byType: [{ type: 'festival_gift', records: 1, children: 1, leftBehindChildren: 1, amountFen: 5000 }],
      fund: { incomeFen: 70_000, expenseFen: 20_000 },
    });
  });
});

describe('birthdays', () => {
  it('lists upcoming birthdays of children in scope', async () => {
    const res = await teacherA.get('/api/birthdays/upcoming?days=7');
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((b: { childId: string }) => b.childId === birthdayKid.id);
    expect(item).toMatchObject({ name: '寿星', birthday: today, turning: 9, leftBehind: true, celebrated: false });
    expect(res.json().items.map((b: { childId: string }) => b.childId)).not.toContain(kidB.id);
    expect((await outsider.get('/api/birthdays/upcoming')).json().items).toEqual([]);
  });

  it('one click writes the life-care record and the gift together', async () => {
    const res = await teacherA.post(`/api/children/${birthdayKid.id}/birthday-celebrations`, {
      celebratedOn: today,
      summary: '给寿星买了生日蛋糕，全班同学一起唱生日歌',
      gift: { amountFen: 6800, items: '生日蛋糕', source: '班主任' },
    });
    expect(res.statusCode).toBe(201);
    const { careRecordId, aidId } = res.json();
    const [record] = await t.db.select().from(careRecord).where(eq(careRecord.id, careRecordId));
    expect(record).toMatchObject({ kind: 'life_care', details: { type: 'birthday' }, childId: birthdayKid.id });
    const [given] = await t.db.select().from(aid).where(eq(aid.id, aidId));
    expect(given).toMatchObject({ type: 'birthday', amountFen: 6800, careRecordId });
    const list = await teacherA.get('/api/birthdays/upcoming?days=7');
    expect(list.json().items.find((b: { childId: string }) => b.childId === birthdayKid.id).celebrated).toBe(true);
  });

  it('writes neither record when the gift cannot be recorded (a mentor may write care, not aid)', async () => {
    const before = await t.db.select().from(careRecord).where(eq(careRecord.childId, pairedKid.id));
    const res = await mentor.post(`/api/children/${pairedKid.id}/birthday-celebrations`, {
      celebratedOn: today,
      summary: '生日祝福',
      gift: { items: '一本书' },
    });
    expect(res.statusCode).toBe(403);
    expect(await t.db.select().from(careRecord).where(eq(careRecord.childId, pairedKid.id))).toHaveLength(
      before.length,
    );
    expect(await t.db.select().from(aid).where(eq(aid.childId, pairedKid.id))).toHaveLength(0);
    // Without a gift the mentor's celebration is one care record.
    const plain = await mentor.post(`/api/children/${pairedKid.id}/birthday-celebrations`, {
      celebratedOn: today,
      summary: '生日祝福',
    });
    expect(plain.statusCode).toBe(201);
    expect(plain.json().aidId).toBeNull();
  });

  it('out of scope is not found; a bad gift amount is refused before anything is written', async () => {
    expect(
      (
        await outsider.post(`/api/children/${birthdayKid.id}/birthday-celebrations`, {
          celebratedOn: today,
          summary: 'x',
        })
      ).statusCode,
    ).toBe(404);
    const bad = await teacherA.post(`/api/children/${kidA.id}/birthday-celebrations`, {
      celebratedOn: today,
      summary: '生日',
      gift: { amountFen: -5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('gift.amountFen');
  });
});
