import { addDays, todayIso } from '@shouwang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import {
  buildChild,
  buildCountyTree,
  buildTerm,
  buildUser,
  type ChildFixture,
  type CountyTree,
} from '../../test/factories';

/** The letter rule (期初、期末) joins the care rules: a missing letter is overdue until it is marked sent. */
let t: TestApp;
let tree: CountyTree;
let admin: Client;
let teacher: Client;
let kid: ChildFixture;
let termId: string;
const today = todayIso();
// Started 30 days ago: the start window (14 days) is over, the end window still ahead.
const term = { startDate: addDays(today, -30), midDate: addDays(today, 10), endDate: addDays(today, 60) };

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '规范县');
  admin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  kid = await buildChild(t.db, { name: '盼信', class: tree.classA, categories: ['left_behind_both'] });
  termId = (await buildTerm(t.db, tree.county, term)).id;
});
afterAll(() => t.close());

describe('the letter rule', () => {
  it('owes each left-behind child the term-start letter; marking it sent clears the to-do and counts', async () => {
    const rule = await admin.post('/api/care-rules', {
      schoolId: tree.school.id,
      kind: 'letter',
      frequency: 'term_start_end',
      responsibleRole: 'class_teacher',
      categories: ['left_behind_both', 'left_behind_single'],
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const letterTodos = async () =>
      (await teacher.get('/api/todos')).json().items.filter((i: { kind: string }) => i.kind === 'letter');
    expect(await letterTodos()).toMatchObject([
      { section: 'overdue', child: { id: kid.id }, period: { key: 'start' }, href: '/letters' },
    ]);
    const compliance = async () =>
      (await admin.get(`/api/stats/compliance?orgId=${tree.school.id}`))
        .json()
        .rules.find((r: { kind: string }) => r.kind === 'letter');
    expect((await compliance()).ended).toMatchObject({ due: 1, done: 0 });

    const sent = await teacher.post('/api/letters/deliveries', {
      termId,
      letterKind: 'term_start',
      channel: 'mail',
      sentOn: addDays(term.startDate, 3),
      childIds: [kid.id],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(await letterTodos()).toEqual([]);
    expect((await compliance()).ended).toMatchObject({ due: 1, done: 1 });
  });
});
