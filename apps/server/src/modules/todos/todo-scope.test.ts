import { todayIso } from '@shouwang/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import type { Actor, ActorAssignment } from '../../lib/authz/actor';
import { createTestDatabase } from '../../test/db';
import { buildChild, buildCountyTree, buildPairing, buildUser, type CountyTree } from '../../test/factories';
import { child } from '../children/children.table';
import { dutyChildrenOf } from './duty-scope';
import { todoChildrenOf } from './todo-scope';

let database: Database;
let tree: CountyTree;
let helperId: string;
let loneId: string;
const today = todayIso();

const actor = (userId: string, roles: [ActorAssignment['role'], { id: string; kind: string }][]): Actor => ({
  userId,
  username: 'u',
  displayName: 'u',
  language: 'zh-CN',
  mustChangePassword: false,
  countyId: tree.county.id,
  sessionId: 's',
  csrfToken: 'c',
  assignments: roles.map(([role, o], i) => ({
    id: `a${i}`,
    role,
    orgId: o.id,
    orgKind: o.kind as ActorAssignment['orgKind'],
    orgName: 'x',
    orgPath: '',
    countyId: tree.county.id,
  })),
});

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  tree = await buildCountyTree(db, '范围县');
  const helper = await buildUser(db, [{ role: 'mentor', org: tree.school }]);
  helperId = helper.id;
  await buildChild(db, { name: '甲', class: tree.classA, categories: ['left_behind_both'] });
  await buildChild(db, { name: '乙', class: tree.classA, village: tree.village });
  const b = await buildChild(db, { name: '丙', class: tree.classB, categories: ['orphan'] });
  await buildChild(db, { name: '丁', village: tree.village, categories: ['left_behind_single'] });
  const other = await buildChild(db, { name: '戊', class: tree.otherClass });
  const gone = await buildChild(db, { name: '己', class: tree.classA });
  await db.update(child).set({ deletedAt: new Date() }).where(eq(child.id, gone.id));
  await buildPairing(db, { child: b, helper });
  await buildPairing(db, { child: other, helper });
  // Paired only with a removed child: still "paired" (its pairing rules stay in play), no child listed.
  const lone = await buildUser(db, [{ role: 'mentor', org: tree.school }]);
  loneId = lone.id;
  await buildPairing(db, { child: gone, helper: lone });
  await buildPairing(db, { child: other, helper: lone, startDate: '2020-01-01', endDate: '2021-01-01' });
});
afterAll(() => database.close());

describe('todoChildrenOf', () => {
  it('selects the same children, facts, class names and roles as dutyChildrenOf, for every shape of roles', async () => {
    const db = database.db;
    const cases: [Actor, string[]][] = [
      [actor('00000000-0000-4000-8000-000000000001', [['class_teacher', { id: tree.classA.id, kind: 'class' }]]), []],
      [
        actor(helperId, [
          ['class_teacher', { id: tree.classA.id, kind: 'class' }],
          ['class_teacher', { id: tree.classB.id, kind: 'class' }],
        ]),
        [],
      ],
      [actor(helperId, [['child_director', { id: tree.village.id, kind: 'village' }]]), []],
      [actor(helperId, [['school_admin', { id: tree.school.id, kind: 'school' }]]), [tree.school.id]],
      [
        actor(helperId, [['school_admin', { id: tree.school.id, kind: 'school' }]]),
        [tree.school.id, tree.otherSchool.id],
      ],
      [actor(helperId, [['mentor', { id: tree.school.id, kind: 'school' }]]), []],
    ];
    for (const [who, schools] of cases) {
      const live = await dutyChildrenOf(db, who, { schoolAdminSchools: schools });
      const fast = await todoChildrenOf(db, who, schools, today);
      expect(fast.children).toEqual(live.children);
      expect(fast.facts).toEqual(live.facts);
      expect(fast.classNames).toEqual(live.classNames);
      expect(fast.rolesOver).toEqual(live.rolesOver);
      expect(fast.paired).toBe(live.pairedIds.size > 0);
    }
    expect((await todoChildrenOf(db, actor(helperId, []), [], today)).children.map((c) => c.name).sort()).toEqual(
      ['丙', '戊'].sort(),
    );
  });

  it('lists no child for a user paired only with a removed child or no longer paired', async () => {
    // (dutyChildrenOf counts the removed child's pairing; with no child listed nothing can be owed.)
    const scope = await todoChildrenOf(database.db, actor(loneId, []), [], today);
    expect(scope.children).toEqual([]);
    expect((await dutyChildrenOf(database.db, actor(loneId, []))).children).toEqual([]);
  });
});
