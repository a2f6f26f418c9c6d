import { randomUUID } from 'node:crypto';
import { addDays, type CareRecordKind, todayIso } from '@shouwang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildTerm, buildUser, type CountyTree } from '../../test/factories';
import { careRecord } from '../care-records/care-records.table';
import { childCategory } from '../children/children.table';

let t: TestApp;
let tree: CountyTree;
let other: CountyTree;
let schoolAdmin: Client;
let countyAdmin: Client;
let otherCountyAdmin: Client;
let teacher: Client;
let authorId: string;
const today = todayIso();
const term = { startDate: addDays(today, -75), midDate: addDays(today, -20), endDate: addDays(today, 40) };
const kids: { id: string; countyId: string; name: string }[] = [];

async function record(kid: { id: string; countyId: string }, kind: CareRecordKind, offset: number) {
  await t.db.insert(careRecord).values({
    countyId: kid.countyId,
    childId: kid.id,
    authorId,
    kind,
    occurredOn: addDays(today, offset),
    summary: '记录',
    details: {},
  });
}

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '名单县');
  other = await buildCountyTree(t.db, '外县');
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  countyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: tree.county }]));
  otherCountyAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'county_admin', org: other.county }]));
  const author = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
  authorId = author.id;
  teacher = await loginAs(t, author);
  await buildTerm(t.db, tree.county, term);
  for (const name of ['王小芳', '李明', '赵强']) {
    const kid = await buildChild(t.db, { name, class: tree.classA });
    await t.db.insert(childCategory).values({
      childId: kid.id,
      countyId: kid.countyId,
      category: 'left_behind_both',
      startDate: '2024-09-01',
      endDate: null,
    });
    kids.push({ id: kid.id, countyId: kid.countyId, name });
  }
  // 王小芳 was talked with in every month so far; 李明 only in the first month; 赵强 never.
  for (let offset = -70; offset <= 0; offset += 10) await record(kids[0]!, 'talk', offset);
  await record(kids[1]!, 'talk', -74);
});
afterAll(() => t.close());

interface RuleChildren {
  ruleId: string;
  children: { id: string; name: string; className: string | null; missed: { start: string; end: string }[] }[];
}

describe('GET /api/stats/compliance/children', () => {
  it('names the children behind each rule’s 完成率, exactly its due minus done', async () => {
    const res = await countyAdmin.get(`/api/stats/compliance/children?orgId=${tree.school.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { rules: RuleChildren[]; asOf: string };
    expect(body.asOf).toBe(today);
    const tallies = (await countyAdmin.get(`/api/stats/compliance?orgId=${tree.school.id}`)).json().rules as {
      ruleId: string;
      ended: { due: number; done: number };
    }[];
    expect(body.rules.map((r) => r.ruleId).sort()).toEqual(tallies.map((r) => r.ruleId).sort());
    for (const rule of body.rules) {
      const tally = tallies.find((x) => x.ruleId === rule.ruleId)!;
      const missed = rule.children.reduce((n, c) => n + c.missed.length, 0);
      expect(missed, rule.ruleId).toBe(tally.ended.due - tally.ended.done);
      for (const c of rule.children) for (const p of c.missed) expect(p.end < today).toBe(true);
    }
    const rules = (await schoolAdmin.get(`/api/care-rules?schoolId=${tree.school.id}`)).json().items as {
      id: string;
      kind: string;
    }[];
    const talk = body.rules.find((r) => r.ruleId === rules.find((x) => x.kind === 'talk')!.id)!;
    const names = talk.children.map((c) => c.name);
    expect(names).not.toContain('王小芳');
    expect(names).toContain('赵强');
    const li = talk.children.find((c) => c.name === '李明')!;
    const zhao = talk.children.find((c) => c.name === '赵强')!;
    expect(li.className).toBe('一年级1班');
    // 李明's first month was done: one period fewer than 赵强.
    expect(li.missed.length).toBe(zhao.missed.length - 1);
  });

  it('narrows to one rule, and refuses what the caller may not see', async () => {
    const rules = (await schoolAdmin.get(`/api/care-rules?schoolId=${tree.school.id}`)).json().items as {
      id: string;
      kind: string;
    }[];
    const talkRule = rules.find((r) => r.kind === 'talk')!;
    const one = await schoolAdmin.get(`/api/stats/compliance/children?orgId=${tree.school.id}&ruleId=${talkRule.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().rules.map((r: RuleChildren) => r.ruleId)).toEqual([talkRule.id]);
    expect(
      (await schoolAdmin.get(`/api/stats/compliance/children?orgId=${tree.school.id}&ruleId=${randomUUID()}`))
        .statusCode,
    ).toBe(404);
    expect((await otherCountyAdmin.get(`/api/stats/compliance/children?orgId=${tree.school.id}`)).statusCode).toBe(404);
    expect((await schoolAdmin.get(`/api/stats/compliance/children?orgId=${tree.classA.id}`)).statusCode).toBe(404);
    // A class teacher's statistics cover the class, not the school.
    expect((await teacher.get(`/api/stats/compliance/children?orgId=${tree.school.id}`)).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/stats/compliance/children?orgId=${tree.school.id}` })).statusCode).toBe(
      401,
    );
    const bad = await schoolAdmin.get('/api/stats/compliance/children?orgId=x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('querystring.orgId');
    expect(bad.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
