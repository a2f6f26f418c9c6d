import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type CountyTree } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';
import { hashToken, loadSessionActor } from '../auth/session.repository';
import { pairing } from '../pairings/pairings.table';
import { listCategories, listEnrollments } from './child-history.repository';
import { presentChild } from './children.presenter';
import * as repo from './children.repository';
import * as list from './children-list.repository';
import { entrustmentsOf, listGuardians } from './guardians.repository';
import { listParents } from './parents.repository';

// The child page is one statement (bench findings 7). Its answer must equal what the tab reads
// of the family and history routes give, row for row and in the same order.
let t: TestApp;
let tree: CountyTree;
let teacher: Client;
let childId: string;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '一页县');
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  const created = await teacher.post('/api/children', {
    name: '周一页',
    sex: 'male',
    birthDate: '2015-03-02',
    schoolId: tree.school.id,
    classId: tree.classA.id,
    villageId: tree.village.id,
    categories: [
      { category: 'left_behind_both', startDate: '2023-02-01' },
      { category: 'difficulty_poverty', startDate: '2023-02-01' },
    ],
    enrollmentStatus: 'enrolled',
    enrollmentDate: '2021-09-01',
  });
  expect(created.statusCode, created.body).toBe(201);
  childId = created.json().id;
  const url = `/api/children/${childId}`;
  const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBeLessThan(300);
  ok(
    await teacher.post(`${url}/parents`, {
      relation: 'mother',
      name: '周母',
      status: 'missing',
      phones: ['13800000001'],
    }),
  );
  ok(
    await teacher.post(`${url}/parents`, {
      relation: 'father',
      name: '周父',
      status: 'migrant_work',
      workCity: '东莞市',
    }),
  );
  const gone = (await teacher.post(`${url}/parents`, { relation: 'other', name: '继父' })).json();
  ok(await teacher.delete(`${url}/parents/${gone.id}`, { version: gone.version }));
  const grandma = await teacher.post(`${url}/guardians`, {
    relation: 'paternal_grandparent',
    name: '周奶奶',
    birthYear: 1956,
    address: '东村2组',
    entrustment: { signedOn: '2023-02-10', validUntil: '2024-02-09' },
  });
  ok(grandma);
  ok(
    await teacher.post(`${url}/guardians/${grandma.json().id}/entrustments`, { signedOn: '2024-02-05', note: '续签' }),
  );
  ok(await teacher.post(`${url}/guardians`, { relation: 'relative', name: '周姑', isPrimary: true }));
  const left = (await teacher.post(`${url}/guardians`, { relation: 'other', name: '邻居' })).json();
  ok(await teacher.delete(`${url}/guardians/${left.id}`, { version: left.version }));
  const period = (await teacher.get(url))
    .json()
    .categoryHistory.find((c: { category: string }) => c.category === 'difficulty_poverty');
  ok(await teacher.post(`${url}/categories/${period.id}/end`, { endDate: '2024-06-30' }));
  ok(await teacher.post(`${url}/enrollments`, { status: 'suspended', date: '2024-03-01', note: '病休' }));
});
afterAll(() => t.close());

/** The page as the separate reads made it before (one statement per tab). */
async function pageFromTabReads(client: Client) {
  const session = await loadSessionActor(t.db, hashToken(client.cookie.replace(/^sw_session=/, '')));
  const actor = session!.actor!;
  const row = (await repo.findChild(t.db, childId))!;
  const guardians = await listGuardians(t.db, childId);
  const view = presentChild(actor, {
    row: { ...row, ...(await list.childFlags(t.db, childId)) },
    names: await repo.orgNames(t.db, [row.schoolId, row.classId, row.villageId]),
    categories: await listCategories(t.db, childId),
    enrollments: await listEnrollments(t.db, childId),
    parents: await listParents(t.db, childId),
    guardians,
    entrustments: await entrustmentsOf(
      t.db,
      guardians.map((g) => g.id),
    ),
  });
  return JSON.parse(JSON.stringify(view));
}

describe('GET /api/children/:id in one statement', () => {
  it('answers exactly what the tab reads give, in their order', async () => {
    const res = await teacher.get(`/api/children/${childId}`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toEqual(await pageFromTabReads(teacher));
    // The fixture exercises every part: ordered and nested rows, deleted rows left out, both flags.
    expect(page.parents.map((p: { name: string }) => p.name)).toEqual(['周父', '周母']);
    expect(page.guardians.map((g: { name: string }) => g.name)).toEqual(['周姑', '周奶奶']);
    expect(page.guardians[1].entrustmentHistory.map((e: { signedOn: string }) => e.signedOn)).toEqual([
      '2024-02-05',
      '2023-02-10',
    ]);
    expect(page.categoryHistory).toHaveLength(2);
    expect(page.enrollmentHistory.map((e: { status: string }) => e.status)).toEqual(['suspended', 'enrolled']);
    expect(page).toMatchObject({ parentUnreachable: true, hasEntrustment: true, categories: ['left_behind_both'] });
    expect(page.school.name).toBe(tree.school.name);
    expect(page.village.name).toBe(tree.village.name);
  });

  it('keeps to the policy: out of scope or another county is 404 and audited; a paired mentor reads it', async () => {
    const other = await buildCountyTree(t.db, '别县');
    const outsiders = [
      await buildUser(t.db, [{ role: 'class_teacher', org: tree.classB }]),
      await buildUser(t.db, [{ role: 'county_admin', org: other.county }]),
      await buildUser(t.db, [{ role: 'mentor', org: tree.school }]),
    ];
    for (const user of outsiders) {
      const res = await (await loginAs(t, user)).get(`/api/children/${childId}`);
      expect(res.statusCode).toBe(404);
      const denied = await t.db
        .select()
        .from(auditEvent)
        .where(and(eq(auditEvent.actorId, user.id), eq(auditEvent.event, 'access.denied')));
      expect(denied.map((d) => d.targetId)).toEqual([childId]);
    }
    const mentor = outsiders[2]!;
    await t.db.insert(pairing).values({
      countyId: tree.county.countyId,
      childId,
      schoolId: tree.school.id,
      kind: 'mentor_teacher',
      helperUserId: mentor.id,
      startDate: '2024-01-01',
    });
    const paired = await loginAs(t, mentor);
    const res = await paired.get(`/api/children/${childId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(await pageFromTabReads(paired));
    expect(res.json().abilities.update).toBe(false);
  });

  it('answers 404 for a deleted child', async () => {
    const child = await buildChild(t.db, { name: '删一页', class: tree.classA });
    const page = (await teacher.get(`/api/children/${child.id}`)).json();
    expect((await teacher.delete(`/api/children/${child.id}`, { version: page.version })).statusCode).toBe(200);
    expect((await teacher.get(`/api/children/${child.id}`)).statusCode).toBe(404);
  });
});
