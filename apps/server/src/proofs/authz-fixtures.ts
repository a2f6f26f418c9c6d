import {
  addDays,
  type Permission,
  pairedOnlyPermissions,
  type Role,
  rolePermissions,
  todayIso,
} from '@shouwang/shared';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { multipartFile } from '../modules/attachments/multipart.test-support';
import { careRecord } from '../modules/care-records/care-records.table';
import { healthCheck } from '../modules/health-checks/health-checks.table';
import { routeAccessTable } from '../plugins/route-guard';
import { buildTestApp, type Client, loginAs, type TestApp } from '../test/app';
import {
  buildChild,
  buildCountyTree,
  buildPairing,
  buildTerm,
  buildUser,
  type ChildFixture,
  type CountyTree,
} from '../test/factories';

/**
 * The fixture world of the authorization matrix (issue #9), shared by authz-matrix*.test.ts: the
 * seven roles of DESIGN.md, each held at its natural unit of one county, and a child in each
 * position relative to those units, with records of every kind filed for each child.
 */
export const roles: Role[] = [
  'county_admin',
  'supervisor',
  'child_director',
  'school_admin',
  'class_teacher',
  'mentor',
  'counselor',
];

/**
 * Where a child stands relative to the roles' units: own class (paired with the mentor, home in the
 * village), own class unpaired, sibling class, registered at the school without a class (the class
 * teacher's parent unit), another school whose child lives in the village, that other school's child
 * from no village (another township), another county.
 */
export const positions = [
  'own_class',
  'unpaired',
  'sibling_class',
  'school_only',
  'village_child_elsewhere',
  'other_township',
  'other_county',
] as const;
export type Position = (typeof positions)[number];

/** Which positions each role's subtree covers (a mentor's paired-only rights cover own_class only). */
export const sees: Record<Role, Position[]> = {
  county_admin: ['own_class', 'unpaired', 'sibling_class', 'school_only', 'village_child_elsewhere', 'other_township'],
  supervisor: ['own_class', 'unpaired', 'sibling_class', 'school_only', 'village_child_elsewhere'],
  child_director: ['own_class', 'village_child_elsewhere'],
  school_admin: ['own_class', 'unpaired', 'sibling_class', 'school_only'],
  counselor: ['own_class', 'unpaired', 'sibling_class', 'school_only'],
  class_teacher: ['own_class', 'unpaired'],
  mentor: ['own_class', 'unpaired', 'sibling_class', 'school_only'],
};

export type Answer = 'ok' | 403 | 404;

/**
 * CI runs a Latin-square slice of an expensive route's 7 × 7 (role, position) pairs: every position
 * with two roles and every role with two positions, rotating with `routeNo` so that a family of
 * routes as a whole covers every pair. SHOUWANG_LONG=1 runs all 49 pairs for every route.
 */
export const longMatrix = process.env.SHOUWANG_LONG === '1';
export function inSlice(routeNo: number, role: Role, p: Position): boolean {
  if (longMatrix) return true;
  const k = (((roles.indexOf(role) - positions.indexOf(p) - routeNo) % 7) + 7) % 7;
  return k === 0 || k === 3;
}

/** What roles.ts and the scope rule of DESIGN.md say a role gets for a child in `position`. */
export function expected(role: Role, permission: Permission | 'authenticated', position: Position): Answer {
  if (permission !== 'authenticated' && !rolePermissions[role].includes(permission)) return 403;
  const pairedOnly = pairedOnlyPermissions[role]?.includes(permission as Permission);
  if (pairedOnly) return position === 'own_class' ? 'ok' : 404;
  return sees[role].includes(position) ? 'ok' : 404;
}

/** Whether the role may see children in `position` under `permission` (for lists and exports). */
export const visible = (role: Role, permission: Permission, position: Position) =>
  expected(role, permission, position) === 'ok';

export const can = (role: Role, permission: Permission) => rolePermissions[role].includes(permission);

export const secrets = {
  fullId: '430104201606150030',
  counselingNote: '机密谈话笔记只给心理老师看',
  mailboxText: '悄悄话信箱里的秘密只给心理老师看',
  healthFinding: '右眼视力需复查（体检细节）',
};

/** Distinct names, so a leaked child is found by name in any list, document or spreadsheet. */
export const childNames: Record<Position, string> = {
  own_class: '甲本班',
  unpaired: '乙本班',
  sibling_class: '丙邻班',
  school_only: '丁校属',
  village_child_elsewhere: '戊村童',
  other_township: '己邻镇',
  other_county: '庚外县',
};

type Ids = Record<Position, string>;
const ids = () => ({}) as Ids;

export async function buildWorld() {
  const t = await buildTestApp();
  const tree = await buildCountyTree(t.db, '矩阵县');
  const other = await buildCountyTree(t.db, '外县');
  const term = await buildTerm(t.db, tree.county, {
    startDate: addDays(todayIso(), -30),
    midDate: addDays(todayIso(), 30),
    endDate: addDays(todayIso(), 90),
  });
  const otherTerm = await buildTerm(t.db, other.county, {
    startDate: addDays(todayIso(), -30),
    midDate: addDays(todayIso(), 30),
    endDate: addDays(todayIso(), 90),
  });
  const units: Record<Role, keyof CountyTree> = {
    county_admin: 'county',
    supervisor: 'township',
    child_director: 'village',
    school_admin: 'school',
    class_teacher: 'classA',
    mentor: 'school',
    counselor: 'school',
  };
  const clients = new Map<Role, Client>();
  const users = new Map<Role, { id: string }>();
  for (const role of roles) {
    const user = await buildUser(t.db, [{ role, org: tree[units[role]] }]);
    users.set(role, user);
    clients.set(role, await loginAs(t, user));
  }
  const lb = ['left_behind_both' as const];
  const kids = {} as Record<Position, ChildFixture>;
  const child = (position: Position, o: Parameters<typeof buildChild>[1]) =>
    buildChild(t.db, { name: childNames[position], categories: lb, ...o });
  kids.own_class = await child('own_class', { class: tree.classA, village: tree.village, idNumber: secrets.fullId });
  kids.unpaired = await child('unpaired', { class: tree.classA });
  kids.sibling_class = await child('sibling_class', { class: tree.classB });
  kids.school_only = await child('school_only', { school: tree.school });
  kids.village_child_elsewhere = await child('village_child_elsewhere', {
    class: tree.otherClass,
    village: tree.village,
  });
  kids.other_township = await child('other_township', { class: tree.otherClass });
  kids.other_county = await child('other_county', { class: other.classA });

  // Per school, an administrator and a counselor who file records through the API.
  type Staff = { admin: Client; adminId: string; counselor: Client };
  const staffAt = async (school: CountyTree['school']): Promise<Staff> => {
    const adminUser = await buildUser(t.db, [{ role: 'school_admin', org: school }]);
    const counselorUser = await buildUser(t.db, [{ role: 'counselor', org: school }]);
    return { admin: await loginAs(t, adminUser), adminId: adminUser.id, counselor: await loginAs(t, counselorUser) };
  };
  const home: Staff = {
    admin: clients.get('school_admin')!,
    adminId: users.get('school_admin')!.id,
    counselor: clients.get('counselor')!,
  };
  const elsewhereStaff = await staffAt(tree.otherSchool);
  const abroadStaff = await staffAt(other.school);
  const writers = {} as Record<Position, Staff>;
  for (const p of positions) {
    writers[p] =
      p === 'village_child_elsewhere' || p === 'other_township'
        ? elsewhereStaff
        : p === 'other_county'
          ? abroadStaff
          : home;
  }

  const records = {
    care: ids(),
    health: ids(),
    counseling: ids(),
    pairing: ids(),
    pledge: ids(),
    plan: ids(),
    concern: ids(),
    aid: ids(),
    consent: ids(),
    attachment: ids(),
    delivery: ids(),
  };
  const author = users.get('county_admin')!.id;
  const today = todayIso();
  const created = (res: LightMyRequestResponse, what: string) => {
    expect(res.statusCode, `${what}: ${res.body}`).toBe(201);
    return res.json().id as string;
  };
  for (const position of positions) {
    const kid = kids[position];
    const { admin, counselor } = writers[position];
    const [care] = await t.db
      .insert(careRecord)
      .values({
        countyId: kid.countyId,
        childId: kid.id,
        authorId: author,
        kind: 'talk',
        occurredOn: today,
        summary: '谈心',
        details: { topic: '学习', mood: 3 },
      })
      .returning();
    records.care[position] = care!.id;
    const [check] = await t.db
      .insert(healthCheck)
      .values({
        countyId: kid.countyId,
        childId: kid.id,
        schoolId: kid.schoolId,
        classId: kid.classId,
        authorId: author,
        checkedOn: today,
        findings: secrets.healthFinding,
      })
      .returning();
    records.health[position] = check!.id;
    // The mentor helps the own-class child; the school's administrator stands in for the others.
    const helper = position === 'own_class' ? users.get('mentor')! : { id: writers[position].adminId };
    const kind = position === 'own_class' ? 'mentor_teacher' : 'holiday_tutor'; // 结对覆盖率 counts the first only
    records.pairing[position] = (await buildPairing(t.db, { child: kid, helper, kind })).id;
    records.counseling[position] = created(
      await counselor.post('/api/counseling-sessions', {
        childId: kid.id,
        sessionOn: today,
        presentingConcern: '想家',
        notes: secrets.counselingNote,
        agreedActions: '每周聊一次',
      }),
      `counseling ${position}`,
    );
    records.pledge[position] = created(
      await admin.post('/api/pledges', {
        childId: kid.id,
        signedOn: addDays(today, -20),
        shortcomings: '上课爱讲话',
        commitments: '认真听讲',
        measures: '请同桌提醒',
        deadline: addDays(today, 20),
      }),
      `pledge ${position}`,
    );
    records.plan[position] = created(
      await admin.post('/api/study-plans', { childId: kid.id, subjects: ['math'], content: '辅导数学' }),
      `plan ${position}`,
    );
    records.concern[position] = created(
      await admin.post('/api/concerns', {
        childId: kid.id,
        category: 'unsupervised',
        severity: 'serious',
        description: '周末独自在家两天',
        immediateActions: '已联系儿童主任',
      }),
      `concern ${position}`,
    );
    records.aid[position] = created(
      await admin.post('/api/aid', { childId: kid.id, type: 'festival_gift', amountFen: 5000, givenOn: today }),
      `aid ${position}`,
    );
    records.consent[position] = created(
      await admin.post(`/api/children/${kid.id}/consents`, {
        category: 'photos',
        basis: 'guardian_consent',
        consenterName: '王奶奶',
        consenterRelation: '祖母',
        consentedOn: '2025-09-01',
      }),
      `consent ${position}`,
    );
    const file = multipartFile(Buffer.from(`%PDF-1.4\n%${position}\n%%EOF\n`), '委托监护确认书.pdf', 'application/pdf');
    records.attachment[position] = created(
      await admin.request('POST', `/api/children/${kid.id}/attachments`, file.payload, file.headers),
      `attachment ${position}`,
    );
    const sent = await admin.post('/api/letters/deliveries', {
      termId: position === 'other_county' ? otherTerm.id : term.id,
      letterKind: 'term_start',
      channel: 'mail',
      sentOn: today,
      childIds: [kid.id],
    });
    expect(sent.statusCode, `delivery ${position}: ${sent.body}`).toBe(201);
    records.delivery[position] = sent.json().items[0].id;
    // Sharing with the village is consented, so village-side exports (联系卡) are not refused for it.
    created(
      await admin.post(`/api/children/${kid.id}/consents`, {
        category: 'sharing_with_village',
        basis: 'guardian_consent',
        consenterName: '王奶奶',
        consenterRelation: '祖母',
        consentedOn: '2025-09-01',
      }),
      `sharing consent ${position}`,
    );
  }
  // An activity at each school, with that school's children taking part (the other county's too).
  const activities: string[] = [];
  for (const [admin, school, at] of [
    [home.admin, tree.school, ['own_class', 'unpaired', 'sibling_class', 'school_only']],
    [elsewhereStaff.admin, tree.otherSchool, ['village_child_elsewhere', 'other_township']],
    [abroadStaff.admin, other.school, ['other_county']],
  ] as const) {
    const res = await admin.post('/api/activities', {
      type: 'art_exhibition',
      title: '书画展',
      orgId: school.id,
      occurredOn: today,
      participants: at.map((p) => ({ childId: kids[p].id })),
    });
    activities.push(created(res, `activity at ${school.name}`));
  }
  // The school's whisper mailbox, with one message whose text only a counselor may read.
  const box = await home.admin.put(`/api/mailbox/boxes/${tree.school.id}`, { enabled: true, dangerWords: [] });
  expect(box.statusCode, box.body).toBe(201);
  const sent = await t.app.inject({
    method: 'POST',
    url: `/api/public/mailbox/${box.json().box.code}`,
    payload: { body: secrets.mailboxText },
  });
  expect(sent.statusCode, sent.body).toBe(201);
  return { t, tree, other, term, otherTerm, clients, users, kids, records, writers, activities };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;

export const apiRoutes = (t: TestApp) =>
  routeAccessTable(t.app).filter(
    (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD',
  );
