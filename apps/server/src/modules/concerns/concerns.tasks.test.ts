import { addDays, todayIso } from '@shouwang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser, type ChildFixture } from '../../test/factories';
import { escalateOverdueConcerns } from './escalate-overdue-concerns';

let t: TestApp;
let teacher: Client;
let schoolAdmin: Client;
let supervisor: Client;
let counselor: Client;
let kid: ChildFixture;

beforeAll(async () => {
  t = await buildTestApp();
  const tree = await buildCountyTree(t.db, '待办县');
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  schoolAdmin = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]));
  supervisor = await loginAs(t, await buildUser(t.db, [{ role: 'supervisor', org: tree.township }]));
  counselor = await loginAs(t, await buildUser(t.db, [{ role: 'counselor', org: tree.school }]));
  kid = await buildChild(t.db, { name: '吴小北', class: tree.classA });
});
afterAll(() => t.close());

const tasks = async (client: Client, source: string) => {
  const res = await client.get('/api/todos');
  expect(res.statusCode, res.body).toBe(200);
  return (
    res.json().items as { id: string; section: string; href: string; task: { source: string; title: string } | null }[]
  ).filter((i) => i.task?.source === source);
};

describe('to-do list', () => {
  it('an unacknowledged concern is on the handler’s list; on the supervisor’s once escalated', async () => {
    const raised = await teacher.post('/api/concerns', {
      childId: kid.id,
      category: 'missing',
      severity: 'urgent',
      description: '放学后没有回家，家人联系不上',
    });
    expect(raised.statusCode).toBe(201);
    const { id, createdAt } = raised.json();
    const [task] = await tasks(schoolAdmin, 'concern');
    expect(task).toMatchObject({ id: `concern:${id}`, section: 'urgent', href: `/concerns?id=${id}` });
    expect(task!.task!.title).toContain('确认');
    expect(await tasks(teacher, 'concern')).toEqual([]);
    expect(await tasks(supervisor, 'concern')).toEqual([]);
    await escalateOverdueConcerns(t.db, new Date(Date.parse(createdAt) + 25 * 3_600_000));
    expect((await tasks(supervisor, 'concern')).map((i) => i.id)).toEqual([`concern:${id}`]);
  });

  it('a counselor’s planned next session is on their list, without the notes', async () => {
    const res = await counselor.post('/api/counseling-sessions', {
      childId: kid.id,
      sessionOn: todayIso(),
      presentingConcern: '想爸爸妈妈',
      notes: '不应出现在待办里的内容',
      nextSessionOn: addDays(todayIso(), 3),
    });
    expect(res.statusCode).toBe(201);
    const list = await counselor.get('/api/todos');
    expect(list.body).not.toContain('不应出现在待办里的内容');
    const mine = await tasks(counselor, 'counseling_session');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.href).toBe(`/children/${kid.id}?tab=wellbeing`);
    expect(await tasks(schoolAdmin, 'counseling_session')).toEqual([]);
  });
});
