import { randomUUID } from 'node:crypto';
import type { OrgKind, Role } from '@shouwang/shared';
import { childPath } from '../modules/orgs/org-path';
import { className, type Generation, personName } from './names';
import { createRandom, type Random, splitTotal } from './random';

/**
 * The demo county, as plain data: what `loadDemoIfNeeded` writes. Unit names are chosen by hand
 * (so usernames can be spelled from them and stay stable); people's names come from a fixed seed.
 */

export const DEMO_COUNTY_NAME = '青山县';
/** The seed every random draw of the demo forks from (staff names, class sizes, children). */
export const DEMO_SEED = 'shouwang-demo-qingshan';

/**
 * The seed report's school (a rural 完小, "我校目前有185名学生，像这样的'留守儿童'就有12人"):
 * the demo's 黄泥村小学 has the same 185 students over six classes. Its 12 left-behind children
 * are added by `addDemoChildren` once the child archive exists.
 */
export const SEED_SCHOOL = { name: '黄泥村小学', students: 185, leftBehindChildren: 12 } as const;

interface SchoolSpec {
  name: string;
  /** ASCII short name used in usernames (pinyin initials: 黄泥小学 → hnxx). */
  slug: string;
  grades: readonly number[];
  classesPerGrade: number;
  /** Students per class, drawn in this range; or `totalStudents` spread evenly over the classes. */
  classSize?: readonly [number, number];
  totalStudents?: number;
  /** The care team of the seed report: a deputy (教导主任), mentor teachers, a psychology teacher. */
  careTeam?: { mentors: number };
}

interface VillageSpec {
  name: string;
  slug: string;
  /** A volunteer mentor (retired teacher) working from the village. */
  volunteer?: boolean;
}

interface TownshipSpec {
  name: string;
  slug: string;
  villages: readonly VillageSpec[];
  schools: readonly SchoolSpec[];
}

const primary = [1, 2, 3, 4, 5, 6] as const;

const layout: readonly TownshipSpec[] = [
  {
    name: '石桥镇',
    slug: 'shiqiao',
    villages: [
      { name: '石桥社区', slug: 'shiqiao' },
      { name: '黄泥村', slug: 'huangni', volunteer: true },
      { name: '柳湾村', slug: 'liuwan' },
      { name: '李家坪村', slug: 'lijiaping' },
    ],
    schools: [
      { name: '石桥镇中心小学', slug: 'sqxx', grades: primary, classesPerGrade: 2, classSize: [38, 46] },
      {
        name: SEED_SCHOOL.name,
        slug: 'hnxx',
        grades: primary,
        classesPerGrade: 1,
        totalStudents: SEED_SCHOOL.students,
        careTeam: { mentors: 3 },
      },
      { name: '石桥镇中学', slug: 'sqzx', grades: [7, 8, 9], classesPerGrade: 3, classSize: [44, 52] },
    ],
  },
  {
    name: '柳溪乡',
    slug: 'liuxi',
    villages: [
      { name: '柳溪村', slug: 'liuxi' },
      { name: '杨家湾村', slug: 'yangjiawan' },
      { name: '大坪村', slug: 'daping' },
    ],
    schools: [
      { name: '柳溪乡中心小学', slug: 'lxxx', grades: primary, classesPerGrade: 1, classSize: [34, 42] },
      // A small village school that teaches the lower grades only, as many do.
      { name: '大坪村小学', slug: 'dpxx', grades: [1, 2, 3, 4], classesPerGrade: 1, classSize: [11, 19] },
    ],
  },
];

export interface PlannedOrg {
  id: string;
  parentId: string | null;
  countyId: string;
  kind: OrgKind;
  name: string;
  path: string;
  studentCount: number | null;
}

export interface PlannedUser {
  id: string;
  username: string;
  displayName: string;
  /** What the person is called at work (校长, 教导主任, 退休教师志愿者): for the logins list only. */
  title: string;
  roles: { role: Role; orgId: string }[];
}

export interface PlannedTerm {
  orgId: string;
  schoolYear: string;
  termNo: number;
  startDate: string;
  midDate: string;
  endDate: string;
}

export interface DemoPlan {
  county: PlannedOrg;
  /** Every unit, parents before children (the county first). */
  orgs: PlannedOrg[];
  users: PlannedUser[];
  terms: PlannedTerm[];
  seedSchool: { school: PlannedOrg; classes: PlannedOrg[] };
  schoolYear: string;
  /** The moment the plan is for: the demo's care records and pairings are dated up to this day. */
  now: Date;
}

/** The school year running at `now` (or the one about to start in August): 2026-2027 for Nov 2026. */
export function currentSchoolYear(now: Date): { startYear: number; schoolYear: string } {
  const startYear = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
  return { startYear, schoolYear: `${startYear}-${startYear + 1}` };
}

/** Typical dates: autumn term from 1 September, spring term after the Spring Festival. */
function countyTerms(startYear: number): Omit<PlannedTerm, 'orgId' | 'schoolYear'>[] {
  const y = startYear;
  return [
    { termNo: 1, startDate: `${y}-09-01`, midDate: `${y}-11-09`, endDate: `${y + 1}-01-20` },
    { termNo: 2, startDate: `${y + 1}-02-24`, midDate: `${y + 1}-04-26`, endDate: `${y + 1}-07-05` },
  ];
}

/** The boarding middle school starts two days early and ends a little later (its override). */
function middleSchoolTerm1(startYear: number): Omit<PlannedTerm, 'orgId' | 'schoolYear'> {
  const y = startYear;
  return { termNo: 1, startDate: `${y}-08-30`, midDate: `${y}-11-09`, endDate: `${y + 1}-01-22` };
}

/** The usernames of every demo account, in plan order (independent of the random names). */
export function demoUsernames(): string[] {
  return buildDemoPlan().users.map((u) => u.username);
}

export function buildDemoPlan(options: { now?: Date; newId?: () => string } = {}): DemoPlan {
  const now = options.now ?? new Date();
  const newId = options.newId ?? randomUUID;
  const rng = createRandom(DEMO_SEED);
  const people = rng.fork('people');
  const sizes = rng.fork('class-sizes');
  const usedNames = new Set<string>();
  const orgs: PlannedOrg[] = [];
  const users: PlannedUser[] = [];

  const countyId = newId();
  const county: PlannedOrg = {
    id: countyId,
    parentId: null,
    countyId,
    kind: 'county',
    name: DEMO_COUNTY_NAME,
    path: `${countyId}/`,
    studentCount: null,
  };
  orgs.push(county);
  const addOrg = (parent: PlannedOrg, kind: OrgKind, name: string, studentCount: number | null = null) => {
    const id = newId();
    const row: PlannedOrg = {
      id,
      parentId: parent.id,
      countyId,
      kind,
      name,
      path: childPath(parent.path, id),
      studentCount,
    };
    orgs.push(row);
    return row;
  };
  const addUser = (
    username: string,
    title: string,
    roles: { role: Role; org: PlannedOrg }[],
    person: { maleShare: number; generation?: Generation },
  ) => {
    const displayName = uniqueName(people, usedNames, person.generation ?? 'adult', person.maleShare);
    users.push({
      id: newId(),
      username,
      displayName,
      title,
      roles: roles.map((r) => ({ role: r.role, orgId: r.org.id })),
    });
  };

  addUser('xian.admin', '县民政局 儿童福利股', [{ role: 'county_admin', org: county }], { maleShare: 0.5 });

  let seedSchool: DemoPlan['seedSchool'] | undefined;
  for (const t of layout) {
    const township = addOrg(county, 'township', t.name);
    addUser(`dudao.${t.slug}`, '儿童督导员', [{ role: 'supervisor', org: township }], { maleShare: 0.5 });
    for (const v of t.villages) {
      const village = addOrg(township, 'village', v.name);
      addUser(`ertong.${v.slug}`, '儿童主任', [{ role: 'child_director', org: village }], { maleShare: 0.45 });
      if (v.volunteer)
        addUser(`zhiyuan.${v.slug}`, '退休教师志愿者', [{ role: 'mentor', org: village }], {
          maleShare: 0.6,
          generation: 'elder',
        });
    }
    for (const s of t.schools) {
      const classCount = s.grades.length * s.classesPerGrade;
      const counts = s.totalStudents
        ? splitTotal(sizes, s.totalStudents, classCount, 0.08)
        : Array.from({ length: classCount }, () => sizes.int(s.classSize![0], s.classSize![1]));
      const total = counts.reduce((a, b) => a + b, 0);
      const school = addOrg(township, 'school', s.name, total);
      const middle = s.grades[0]! >= 7;
      addUser(`xiaozhang.${s.slug}`, '校长', [{ role: 'school_admin', org: school }], { maleShare: 0.7 });
      if (s.careTeam)
        addUser(`jiaodao.${s.slug}`, '教导主任', [{ role: 'school_admin', org: school }], { maleShare: 0.5 });
      const classes: PlannedOrg[] = [];
      let i = 0;
      for (const grade of s.grades) {
        for (let no = 1; no <= s.classesPerGrade; no++) {
          const cls = addOrg(school, 'class', className(grade, no), counts[i++]!);
          classes.push(cls);
          addUser(`banzhuren.${s.slug}.${grade}-${no}`, '班主任', [{ role: 'class_teacher', org: cls }], {
            maleShare: middle ? 0.5 : 0.3,
          });
        }
      }
      if (s.careTeam) {
        for (let n = 1; n <= s.careTeam.mentors; n++)
          addUser(`bangfu.${s.slug}.${n}`, '帮扶教师', [{ role: 'mentor', org: school }], { maleShare: 0.4 });
        addUser(`xinli.${s.slug}`, '心理老师', [{ role: 'counselor', org: school }], { maleShare: 0.25 });
      }
      if (s.name === SEED_SCHOOL.name) seedSchool = { school, classes };
    }
  }

  const { startYear, schoolYear } = currentSchoolYear(now);
  const terms: PlannedTerm[] = countyTerms(startYear).map((t) => ({ ...t, orgId: countyId, schoolYear }));
  const middleSchool = orgs.find((o) => o.name === '石桥镇中学')!;
  terms.push({ ...middleSchoolTerm1(startYear), orgId: middleSchool.id, schoolYear });

  return { county, orgs, users, terms, seedSchool: seedSchool!, schoolYear, now };
}

/** Staff names, never two alike in the demo (a county list with two 王建华 confuses a demo). */
function uniqueName(rng: Random, used: Set<string>, generation: Generation, maleShare: number): string {
  for (;;) {
    const { fullName } = personName(rng, { generation, maleShare });
    if (!used.has(fullName)) {
      used.add(fullName);
      return fullName;
    }
  }
}
