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
  type UserFixture,
} from '../../test/factories';
import { grade } from './learning.table';

let t: TestApp;
let tree: CountyTree;
const c: Record<string, Client> = {};
let kids: ChildFixture[];
let kidB: ChildFixture;
let mentorUser: UserFixture;
const terms: { id: string }[] = [];
let otherTerm: { id: string };

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '学习县');
  const other = await buildCountyTree(t.db, '外学习县');
  c.teacherA = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
  c.teacherB = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classB }]));
  c.counselor = await loginAs(t, await buildUser(t.db, [{ role: 'counselor', org: tree.school }]));
  c.outsider = await loginAs(t, await buildUser(t.db, [{ role: 'school_admin', org: other.school }]));
  mentorUser = await buildUser(t.db, [{ role: 'mentor', org: tree.school }]);
  c.mentor = await loginAs(t, mentorUser);
  kids = [await buildChild(t.db, { class: tree.classA }), await buildChild(t.db, { class: tree.classA })];
  kidB = await buildChild(t.db, { class: tree.classB });
  await buildPairing(t.db, { child: kids[0]!, helper: mentorUser });
  terms.push(
    await buildTerm(
      t.db,
      tree.county,
      { startDate: '2025-02-17', midDate: '2025-04-20', endDate: '2025-07-04' },
      { termNo: 2, schoolYear: '2024-2025' },
    ),
    await buildTerm(
      t.db,
      tree.county,
      { startDate: '2025-09-01', midDate: '2025-11-10', endDate: '2026-01-20' },
      { termNo: 1, schoolYear: '2025-2026' },
    ),
  );
  otherTerm = await buildTerm(t.db, other.county, {
    startDate: '2025-09-01',
    midDate: '2025-11-10',
    endDate: '2026-01-20',
  });
});
afterAll(() => t.close());

const plan = (over: object = {}) => ({
  childId: kids[0]!.id,
  helperUserId: mentorUser.id,
  subjects: ['math', 'chinese'],
  timeSlots: [{ weekday: 2, start: '16:30', end: '17:10' }],
  content: '每周两次辅导数学应用题，检查语文作业',
  phaseGoals: [{ goal: '期中数学及格', dueOn: '2025-11-10' }],
  reviewDates: ['2025-10-15', '2099-12-01'],
  ...over,
});

describe('study plans', () => {
  let id = '';
  it('a class teacher makes a plan with a helper; the mentor (paired) reads and edits it', async () => {
    const res = await c.teacherA!.post('/api/study-plans', plan());
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      helper: { id: mentorUser.id },
      nextReviewOn: '2099-12-01',
      phaseGoals: [{ goal: '期中数学及格', achieved: false }],
    });
    const read = await c.mentor!.get(`/api/study-plans?childId=${kids[0]!.id}`);
    expect(read.json().items).toHaveLength(1);
    const edited = await c.mentor!.patch(`/api/study-plans/${id}`, { version: 1, whatHelped: '每天十分钟口算练习' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().whatHelped).toBe('每天十分钟口算练习');
  });

  it('a mentor reads only paired children (404 for others)', async () => {
    expect((await c.mentor!.get(`/api/study-plans?childId=${kids[1]!.id}`)).statusCode).toBe(404);
    expect(
      (await c.mentor!.post('/api/study-plans', plan({ childId: kids[1]!.id, helperUserId: null }))).statusCode,
    ).toBe(404);
  });

  it('teacher of class B: 404; counselor: reads but 403 on write; another county: 404', async () => {
    expect((await c.teacherB!.get(`/api/study-plans/${id}`)).statusCode).toBe(404);
    expect((await c.teacherB!.patch(`/api/study-plans/${id}`, { version: 2, content: 'x' })).statusCode).toBe(404);
    expect((await c.counselor!.get(`/api/study-plans/${id}`)).statusCode).toBe(200);
    expect((await c.counselor!.patch(`/api/study-plans/${id}`, { version: 2, content: 'x' })).statusCode).toBe(403);
    expect((await c.outsider!.get(`/api/study-plans/${id}`)).statusCode).toBe(404);
  });

  it('refuses bad input naming the field: no subject, a slot ending before it starts, a foreign term', async () => {
    const res = await c.teacherA!.post(
      '/api/study-plans',
      plan({ subjects: [], timeSlots: [{ weekday: 2, start: '17:00', end: '16:00' }] }),
    );
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['subjects', 'timeSlots.0.end']));
    const term = await c.teacherA!.post('/api/study-plans', plan({ termId: otherTerm.id }));
    expect(term.json().error.details).toEqual([{ field: 'termId', message: '所选学期不是该学校的学期' }]);
  });

  it('deletes with the version', async () => {
    const res = await c.teacherA!.post('/api/study-plans', plan({ childId: kids[1]!.id }));
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect((await c.teacherA!.delete(`/api/study-plans/${created.id}`, {})).statusCode).toBe(428);
    expect((await c.teacherA!.delete(`/api/study-plans/${created.id}`, { version: 1 })).statusCode).toBe(200);
    expect((await c.teacherA!.get(`/api/study-plans/${created.id}`)).statusCode).toBe(404);
  });
});

const gradeCount = async () => (await t.db.select().from(grade)).length;

describe('term grades in a class batch', () => {
  const batch = (termIndex: number, scores: [number | null, number | null]) => ({
    classId: tree.classA.id,
    termId: terms[termIndex]!.id,
    subjects: [
      { subject: 'chinese', fullMark: 100 },
      { subject: 'math', fullMark: 120 },
    ],
    rows: [
      { childId: kids[0]!.id, scores: { chinese: scores[0], math: scores[1] } },
      { childId: kids[1]!.id, scores: { chinese: 88, math: 101 } },
    ],
  });

  it('writes a class’s scores for two subjects, and replaces them when entered again', async () => {
    const res = await c.teacherA!.post('/api/grades/batch', batch(0, [60, 72]));
    expect(res.statusCode).toBe(200);
    expect(res.json().written).toBe(4);
    const again = await c.teacherA!.post('/api/grades/batch', batch(0, [62, null]));
    expect(again.json().written).toBe(3);
    const list = await c.teacherA!.get(`/api/grades?classId=${tree.classA.id}&termId=${terms[0]!.id}`);
    const mine = list.json().items.filter((g: { child: { id: string } }) => g.child.id === kids[0]!.id);
    expect(mine.map((g: { subject: string; score: number }) => [g.subject, g.score])).toEqual([
      ['chinese', 62],
      ['math', 72],
    ]);
  });

  it('refuses the whole batch when one score is above the full mark, naming the row; nothing written', async () => {
    const before = await gradeCount();
    const res = await c.teacherA!.post('/api/grades/batch', batch(1, [80, 130]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'rows.0.scores.math', message: '成绩不能超过该科满分' }]);
    const negative = await c.teacherA!.post('/api/grades/batch', batch(1, [-1, 90]));
    expect(negative.json().error.details[0].field).toBe('rows.0.scores.chinese');
    expect(await gradeCount()).toBe(before);
  });

  it('teacher of class B cannot enter or read class A’s grades; another county 404', async () => {
    const before = await gradeCount();
    const res = await c.teacherB!.post('/api/grades/batch', batch(1, [80, 90]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toEqual({ field: 'rows.0.childId', message: '该儿童不在所选班级' });
    expect(await gradeCount()).toBe(before);
    expect((await c.teacherB!.get(`/api/grades?classId=${tree.classA.id}`)).statusCode).toBe(404);
    expect((await c.teacherB!.get(`/api/grades?childId=${kids[0]!.id}`)).statusCode).toBe(404);
    expect((await c.outsider!.get(`/api/children/${kids[0]!.id}/progress`)).statusCode).toBe(404);
  });

  it('a mixed batch (one child of class B) is refused as a whole', async () => {
    const before = await gradeCount();
    const body = batch(1, [80, 90]);
    body.rows.push({ childId: kidB.id, scores: { chinese: 70, math: 70 } });
    const res = await c.teacherA!.post('/api/grades/batch', body);
    expect(res.json().error.details).toEqual([{ field: 'rows.2.childId', message: '该儿童不在所选班级' }]);
    expect(await gradeCount()).toBe(before);
  });

  it('the progress archive shows both terms as percentages, oldest first, with what helped', async () => {
    await c.teacherA!.post('/api/grades/batch', batch(1, [81, 108]));
    const res = await c.mentor!.get(`/api/children/${kids[0]!.id}/progress`);
    expect(res.statusCode).toBe(200);
    const { terms: rows, notes } = res.json();
    expect(rows.map((r: { termId: string }) => r.termId)).toEqual([terms[0]!.id, terms[1]!.id]);
    expect(rows[0].scores).toEqual([
      { subject: 'chinese', score: 62, fullMark: 100, percent: 62 },
      { subject: 'math', score: 72, fullMark: 120, percent: 60 },
    ]);
    expect(rows[0].averagePercent).toBe(61);
    expect(rows[1].averagePercent).toBe(85.5);
    expect(notes.map((n: { whatHelped: string }) => n.whatHelped)).toEqual(['每天十分钟口算练习']);
    expect((await c.mentor!.get(`/api/children/${kids[1]!.id}/progress`)).statusCode).toBe(404);
  });

  it('refuses a term of another county', async () => {
    const body = { ...batch(1, [80, 90]), termId: otherTerm.id };
    const res = await c.teacherA!.post('/api/grades/batch', body);
    expect(res.json().error.details).toEqual([{ field: 'termId', message: '所选学期不是该学校的学期' }]);
  });
});
