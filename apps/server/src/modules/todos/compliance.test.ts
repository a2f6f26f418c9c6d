import { randomUUID } from 'node:crypto';
import {
  addDays,
  type CareLevel,
  type CareRecordKind,
  type ChildCategory,
  type ChildFacts,
  type EnrollmentStatus,
  evaluateSchedule,
  type RecordFact,
  type ScheduleRule,
  todayIso,
} from '@shouwang/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import {
  buildChild,
  buildCountyTree,
  buildTerm,
  buildUser,
  type CountyTree,
  type UserFixture,
} from '../../test/factories';
import { careRecord } from '../care-records/care-records.table';
import { child, childCategory, childEnrollment } from '../children/children.table';

let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
let schoolAdmin: Client;
let countyAdmin: Client;
let otherCountyAdmin: Client;
let teacher: Client;
let author: UserFixture;
const today = todayIso();
const term = { startDate: addDays(today, -75), midDate: addDays(today, -20), endDate: addDays(today, 40) };
const facts: ChildFacts[] = [];
const records: RecordFact[] = [];

interface Spec {
  careLevel?: CareLevel;
  categories: { category: ChildCategory; startDate: string; endDate: string | null }[];
  enrollments?: { status: EnrollmentStatus; date: string }[];
  parentsReturnedOn?: string | null;
}

/** A child filed with exactly these facts, remembered for the engine's side of the comparison. */
async function fileChild(spec: Spec) {
  const row = await buildChild(t.db, { class: tree.classA });
  await t.db
    .update(child)
    .set({ careLevel: spec.careLevel ?? 'general' })
    .where(eq(child.id, row.id));
  for (const c of spec.categories)
    await t.db.insert(childCategory).values({ ...c, childId: row.id, countyId: row.countyId });
  for (const e of spec.enrollments ?? [])
    await t.db.insert(childEnrollment).values({ ...e, childId: row.id, countyId: row.countyId });
  facts.push({
    childId: row.id,
    careLevel: spec.careLevel ?? 'general',
    categories: spec.categories,
    enrollments: spec.enrollments ?? [],
    parentsReturnedOn: spec.parentsReturnedOn ?? null,
  });
  return row;
}

async function record(
  childRow: { id: string; countyId: string },
  kind: CareRecordKind,
  occurredOn: string,
  deleted = false,
) {
  const [row] = await t.db
    .insert(careRecord)
    .values({
      countyId: childRow.countyId,
      childId: childRow.id,
      authorId: author.id,
      kind,
      occurredOn,
      summary: '记录',
      details: {},
      deletedAt: deleted ? new Date() : null,
    })
    .returning();
  if (!deleted) records.push({ id: row!.id, childId: childRow.id, kind, occurredOn });
}

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '完成率县');
  other = await buildCountyTree(t.db, '外县');
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  otherCountyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: other.county }]));
  author = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
  teacher = await loginAs(t, author);
  await buildTerm(t.db, tree.county, term);
  await buildTerm(t.db, other.county, term);

  const since = '2024-09-01';
  const away = { category: 'left_behind_both' as const, startDate: since, endDate: null };
  const home = addDays(today, -30);
  const a = await fileChild({ categories: [away] });
  const b = await fileChild({ categories: [{ ...away, endDate: home }], parentsReturnedOn: home });
  const c = await fileChild({
    categories: [{ category: 'left_behind_single', startDate: since, endDate: null }],
    enrollments: [{ status: 'enrolled', date: addDays(today, -40) }],
  });
  const d = await fileChild({
    careLevel: 'key',
    categories: [{ category: 'orphan', startDate: since, endDate: null }],
  });
  const e = await fileChild({
    categories: [away],
    enrollments: [{ status: 'transferred_out', date: addDays(today, -20) }],
  });
  const f = await fileChild({
    categories: [
      { category: 'difficulty_poverty', startDate: since, endDate: null },
      { category: 'left_behind_single', startDate: since, endDate: addDays(today, -50) },
    ],
    parentsReturnedOn: addDays(today, -50),
  });
  for (const [who, kind, offset] of [
    [a, 'talk', -70],
    [a, 'talk', -10],
    [a, 'home_visit', -74],
    [a, 'home_visit', -50],
    [a, 'family_call', -3],
    [a, 'family_call', -9],
    [b, 'parent_contact', -45],
    [b, 'talk', -5],
    [c, 'talk', -35],
    [c, 'guardian_contact', 0],
    [d, 'talk', -15],
    [d, 'talk', -1],
    [e, 'family_call', -30],
    [f, 'parent_contact', -60],
  ] as const) {
    await record(who, kind, addDays(today, offset));
  }
  await record(a, 'parent_contact', addDays(today, -2), true);
});
afterAll(() => t.close());

describe('GET /api/stats/compliance', () => {
  it('agrees with the schedule engine for every rule, ended and running periods apart', async () => {
    const created = await schoolAdmin.post('/api/care-rules', {
      schoolId: tree.school.id,
      kind: 'talk',
      frequency: 'weekly',
      careLevels: ['key'],
      responsibleRole: 'class_teacher',
    });
    expect(created.statusCode).toBe(201);
    const res = await schoolAdmin.get(`/api/stats/compliance?orgId=${tree.school.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.term).toMatchObject(term);
    const rules: ScheduleRule[] = (await schoolAdmin.get(`/api/care-rules?schoolId=${tree.school.id}`)).json().items;
    expect(body.rules).toHaveLength(6);
    const duties = evaluateSchedule({ rules, term, children: facts, pairings: [], records, asOf: today });
    for (const rule of body.rules) {
      const own = duties.filter((d) => d.ruleId === rule.ruleId && d.status !== 'not_applicable');
      const ended = own.filter((d) => d.period.end < today);
      const running = own.filter((d) => d.period.start <= today && today <= d.period.end);
      const tally = (list: typeof own) => {
        const done = list.filter((d) => d.status === 'done').length;
        return {
          due: list.length,
          done,
          rate: list.length ? Math.round((done / list.length) * 10_000) / 10_000 : null,
        };
      };
      expect(rule.ended, `${rule.kind} ${rule.frequency}`).toEqual(tally(ended));
      expect(rule.current, `${rule.kind} ${rule.frequency}`).toEqual(tally(running));
    }
    const talk = body.rules.find(
      (r: { kind: string; frequency: string }) => r.kind === 'talk' && r.frequency === 'monthly',
    );
    expect(talk.ended.due).toBeGreaterThan(0);
    expect(talk.ended.done).toBeGreaterThan(0);
  });

  it('takes a term by id and refuses what the caller may not see', async () => {
    const terms = (await schoolAdmin.get(`/api/terms?orgId=${tree.school.id}`)).json().items;
    const byId = await countyAdmin.get(`/api/stats/compliance?orgId=${tree.school.id}&termId=${terms[0].id}`);
    expect(byId.statusCode).toBe(200);
    const foreignTerm = (await otherCountyAdmin.get(`/api/terms?orgId=${other.school.id}`)).json().items[0].id;
    expect(
      (await schoolAdmin.get(`/api/stats/compliance?orgId=${tree.school.id}&termId=${foreignTerm}`)).statusCode,
    ).toBe(404);
    expect(
      (await schoolAdmin.get(`/api/stats/compliance?orgId=${tree.school.id}&termId=${randomUUID()}`)).statusCode,
    ).toBe(404);
    expect((await otherCountyAdmin.get(`/api/stats/compliance?orgId=${tree.school.id}`)).statusCode).toBe(404);
    expect((await schoolAdmin.get(`/api/stats/compliance?orgId=${tree.classA.id}`)).statusCode).toBe(404);
    // A class teacher reads their class's statistics, not the school's.
    expect((await teacher.get(`/api/stats/compliance?orgId=${tree.school.id}`)).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/stats/compliance?orgId=${tree.school.id}` })).statusCode).toBe(401);
    const bad = await schoolAdmin.get('/api/stats/compliance?orgId=x');
    expect(bad.json().error.details[0].field).toBe('querystring.orgId');
  });

  it('says so when the school has no term', async () => {
    const lone = await buildCountyTree(t.db, '无学期县');
    const admin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: lone.school }]));
    const res = await admin.get(`/api/stats/compliance?orgId=${lone.school.id}`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('TERM_NOT_SET');
  });
});
