import { addDays, todayIso } from '@shouwang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../test/app';
import { buildChild, buildCountyTree, buildUser, type ChildFixture, type CountyTree } from '../test/factories';

/**
 * Several people save the same record at the same moment (issue #9, concurrency). Each round, two to
 * ten clients send a change based on the same version: exactly one wins, every other gets 409 with a
 * message in the caller's language and the current record; the stored record is the winner's (no
 * lost update) and its version went up by one. `SHOUWANG_LONG=1` runs ten times as many rounds.
 */
const rounds = process.env.SHOUWANG_LONG ? 1000 : 100;

let t: TestApp;
let tree: CountyTree;
let clients: Client[];
let kid: ChildFixture;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '并发县');
  const teacher = await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]);
  const admin = await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]);
  // Ten sessions: the class teacher on five devices, the school administrator on five.
  clients = [];
  for (let i = 0; i < 5; i++) clients.push(await loginAs(t, teacher), await loginAs(t, admin));
  kid = await buildChild(t.db, { name: '并发同学', class: tree.classA, categories: ['left_behind_both'] });
}, 120_000);
afterAll(() => t.close());

interface Outcome {
  winners: number;
  values: string[];
}

/** One round: `n` clients send `body(i)` at once, all based on `version`. */
async function race(n: number, send: (client: Client, i: number) => ReturnType<Client['patch']>): Promise<Outcome> {
  const answers = await Promise.all(clients.slice(0, n).map((c, i) => send(c, i)));
  let winners = 0;
  const values: string[] = [];
  answers.forEach((res, i) => {
    if (res.statusCode === 200) {
      winners++;
      values.push(String(i));
    } else {
      expect(res.statusCode, res.body).toBe(409);
      const error = res.json().error;
      expect(error.code).toBe('VERSION_CONFLICT');
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(error.current).toBeTruthy();
    }
  });
  return { winners, values };
}

const clientsIn = (round: number) => 2 + (round % 9);

describe(`${rounds} rounds of simultaneous saves`, () => {
  it('child archive: exactly one save wins each round, none is lost; no version → 428', async () => {
    const stale = await clients[0]!.patch(`/api/children/${kid.id}`, { interests: '没有版本号' });
    expect(stale.statusCode).toBe(428);
    expect(stale.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    for (let round = 0; round < rounds; round++) {
      const current = (await clients[0]!.get(`/api/children/${kid.id}`)).json();
      const { winners, values } = await race(clientsIn(round), (c, i) =>
        c.patch(`/api/children/${kid.id}`, { version: current.version, interests: `第${round}轮-${i}` }),
      );
      expect(winners, `round ${round}`).toBe(1);
      const after = (await clients[1]!.get(`/api/children/${kid.id}`)).json();
      expect(after.version).toBe(current.version + 1);
      expect(after.interests).toBe(`第${round}轮-${values[0]}`);
    }
  }, 600_000);

  it('care record: exactly one edit wins each round, none is lost', async () => {
    const created = await clients[0]!.post('/api/care-records', {
      childId: kid.id,
      kind: 'talk',
      occurredOn: todayIso(),
      summary: '开始',
      details: { topic: '学习', mood: 3 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await clients[0]!.patch(`/api/care-records/${id}`, { kind: 'talk', summary: 'x' })).statusCode).toBe(428);
    for (let round = 0; round < rounds; round++) {
      const current = (await clients[0]!.get(`/api/care-records/${id}`)).json();
      const { winners, values } = await race(clientsIn(round), (c, i) =>
        c.patch(`/api/care-records/${id}`, { version: current.version, kind: 'talk', summary: `第${round}轮-${i}` }),
      );
      expect(winners, `round ${round}`).toBe(1);
      const after = (await clients[1]!.get(`/api/care-records/${id}`)).json();
      expect(after.version).toBe(current.version + 1);
      expect(after.summary).toBe(`第${round}轮-${values[0]}`);
    }
  }, 600_000);

  it('pairing: of everyone ending the same pairing at once, exactly one does', async () => {
    const admin = clients[1]!;
    for (let round = 0; round < rounds; round++) {
      const helper = await buildUser(t.db, [{ role: 'mentor', org: tree.school }]);
      const created = await admin.post('/api/pairings', {
        childId: kid.id,
        kind: 'mentor_teacher',
        helperUserId: helper.id,
        startDate: addDays(todayIso(), -1),
      });
      expect(created.statusCode, created.body).toBe(201);
      const { id, version } = created.json();
      const n = clientsIn(round);
      // Only the administrator sessions (odd indexes) may end pairings; use as many as the round needs.
      const admins = clients.filter((_, i) => i % 2 === 1);
      const answers = await Promise.all(
        Array.from({ length: n }, (_, i) => admins[i % admins.length]!.post(`/api/pairings/${id}/end`, { version })),
      );
      const ok = answers.filter((r) => r.statusCode === 200);
      expect(ok, `round ${round}`).toHaveLength(1);
      for (const r of answers.filter((a) => a.statusCode !== 200)) {
        expect(r.statusCode, r.body).toBe(409);
        expect(['VERSION_CONFLICT', 'PAIRING_ALREADY_ENDED']).toContain(r.json().error.code);
      }
      const ended = (await admin.get(`/api/pairings/${id}`)).json();
      expect(ended.version).toBe(version + 1);
      expect(ended.endDate).not.toBeNull();
    }
  }, 600_000);
});
