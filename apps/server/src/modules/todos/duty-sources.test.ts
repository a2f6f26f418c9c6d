import { addDays, todayIso } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
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
import { dutySources } from './duty-sources';
import { taskItem, todoTaskSources } from './todo-task-sources';

/**
 * Rules whose records live in another module's table (体检, letters) and other modules' tasks on the
 * to-do list. A stand-in table plays the letters' delivery table here, so the mechanism is proved on
 * its own, before and apart from the modules that plug into it.
 */
let t: TestApp;
let tree: CountyTree;
let admin: Client;
let teacher: Client;
let counselor: Client;
let kid: ChildFixture;
const today = todayIso();
// A term that started 30 days ago: its start window (14 days) has ended, its end window not yet.
const term = { startDate: addDays(today, -30), midDate: addDays(today, 10), endDate: addDays(today, 60) };

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '来源县');
  admin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  counselor = await loginAs(t, await buildUser(t.db, [{ role: 'counselor', org: tree.school }]));
  kid = await buildChild(t.db, { name: '来信同学', class: tree.classA, categories: ['left_behind_both'] });
  await buildTerm(t.db, tree.county, term);
  await t.db.execute(sql`create table stand_in_letter (
    id uuid primary key default gen_random_uuid(), county_id uuid not null, child_id uuid not null,
    sent_on date not null, deleted_at timestamptz)`);
  // Like every registered source, it tells the pre-aggregated 完成率 when its records change (migration 0016).
  await t.db.execute(sql`create trigger stand_in_letter_compliance after insert on stand_in_letter
    referencing new table as compliance_new for each statement execute function compliance_stale_by_record('sent_on')`);
});
afterAll(async () => {
  dutySources.letter = null;
  todoTaskSources.length = 0;
  await t.close();
});

const letterRule = (client: Client) =>
  client.post('/api/care-rules', {
    schoolId: tree.school.id,
    kind: 'letter',
    frequency: 'term_start_end',
    responsibleRole: 'class_teacher',
    categories: ['left_behind_both', 'left_behind_single'],
  });

describe('rules fulfilled by another module’s records', () => {
  it('refuses a rule of a kind nothing can record yet, in the caller’s language', async () => {
    dutySources.letter = null;
    const res = await letterRule(admin);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('CARE_RULE_KIND_UNAVAILABLE');
    expect(res.json().error.message).toContain('关爱规范');
  });

  it('owes the letter once registered, sends the teacher to the letters page, and counts it when sent', async () => {
    dutySources.letter = { table: 'stand_in_letter', dateColumn: 'sent_on' };
    const created = await letterRule(admin);
    expect(created.statusCode).toBe(201);
    const before = (await teacher.get('/api/todos')).json();
    const owed = before.items.find((i: { kind: string }) => i.kind === 'letter');
    expect(owed).toMatchObject({
      section: 'overdue',
      child: { id: kid.id },
      period: { key: 'start' },
      record: null,
      href: '/letters',
      task: null,
    });
    const compliance = async () =>
      (await admin.get(`/api/stats/compliance?orgId=${tree.school.id}`))
        .json()
        .rules.find((r: { kind: string }) => r.kind === 'letter');
    expect((await compliance()).ended).toMatchObject({ due: 1, done: 0 });

    await t.db.execute(
      sql`insert into stand_in_letter (county_id, child_id, sent_on) values (${kid.countyId}, ${kid.id}, ${addDays(term.startDate, 3)})`,
    );
    const after = (await teacher.get('/api/todos')).json();
    expect(after.items.some((i: { kind: string }) => i.kind === 'letter')).toBe(false);
    expect((await compliance()).ended).toMatchObject({ due: 1, done: 1 });
  });
});

describe('other modules’ tasks', () => {
  it('lists a source’s tasks for the caller only, urgent ones first, with counts', async () => {
    todoTaskSources.push({
      name: 'probe',
      async tasksFor(_db, ctx, actor, asOf) {
        if (!actor.assignments.some((a) => a.role === 'counselor')) return [];
        return [
          taskItem({
            source: 'probe',
            id: 'later',
            section: 'task',
            title: `复查 ${ctx.language}`,
            dueDate: addDays(asOf, 3),
            href: '/children',
            asOf,
          }),
          taskItem({
            source: 'probe',
            id: 'now',
            section: 'urgent',
            title: '紧急来信',
            dueDate: asOf,
            href: '/mailbox',
            asOf,
          }),
        ];
      },
    });
    const list = (await counselor.get('/api/todos')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual(['probe:now', 'probe:later']);
    expect(list.items[0]).toMatchObject({ section: 'urgent', child: null, record: null, href: '/mailbox' });
    expect(list.items[1].task).toEqual({ source: 'probe', title: '复查 zh-CN', detail: null });
    expect(list.counts).toMatchObject({ urgent: 1, tasks: 1, total: 2 });
    expect((await counselor.get('/api/todos/counts')).json()).toMatchObject({ urgent: 1, tasks: 1 });
    const teachers = (await teacher.get('/api/todos')).json();
    expect(teachers.items.some((i: { id: string }) => i.id.startsWith('probe:'))).toBe(false);
  });
});
