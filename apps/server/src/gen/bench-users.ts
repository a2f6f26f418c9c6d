import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '@shouwang/shared';
import { groupBy } from './group-by';
import type { ScaleName } from './scales';
import type { GenOrg, World } from './world';

/**
 * The logins and sample records the benchmark uses, written next to the generated data
 * (`<DATA_DIR>/bench-users.json`, or `bench/.data/pg-<database>/` for PostgreSQL). Bench data only:
 * every generated account shares the known `BENCH_PASSWORD`.
 */

export const BENCH_PASSWORD = 'Bench-Shouwang-2026';
export const BENCH_USERS_FILE = 'bench-users.json';

/** The repository root, from this file's place (apps/server/src/gen). */
export const repoRoot = path.resolve(new URL('../../../../', import.meta.url).pathname);

export interface BenchLogin {
  username: string;
  displayName: string;
  role: Role;
  orgId: string;
  orgName: string;
  orgPath: string;
}

export interface BenchUnit {
  id: string;
  name: string;
  path: string;
  children: number;
}

export interface BenchUsers {
  version: 1;
  scale: ScaleName;
  seed: string;
  generatedAt: string;
  database: 'pglite' | 'postgres';
  countyId: string;
  countyName: string;
  password: string;
  /** Rows per table. */
  counts: Record<string, number>;
  /** How long generation took (ms): all of it, opening and migrating, the load transaction, ANALYZE, per part. */
  generation?: {
    totalMs: number;
    openMs: number;
    loadMs: number;
    analyzeMs: number;
    parts: { part: string; ms: number; rows: Record<string, number>; skipped?: string }[];
  };
  logins: Partial<
    Record<
      'countyAdmin' | 'supervisor' | 'childDirector' | 'schoolAdmin' | 'classTeacher' | 'mentor' | 'counselor',
      BenchLogin
    >
  >;
  samples: {
    /** The school with the most children (the heaviest school-scope list). */
    school: BenchUnit;
    /** The class teacher's class. */
    class: BenchUnit;
    village: BenchUnit;
    /** Children of the class, the school and the county (up to 50, 200, 200), for child pages. */
    classChildIds: string[];
    schoolChildIds: string[];
    countyChildIds: string[];
  };
}

/** Where the file of a database lives: beside the PGlite folder, or under bench/.data for PostgreSQL. */
export function benchUsersFile(target: { databaseUrl?: string; dataDir: string }): string {
  if (target.databaseUrl) {
    const name = new URL(target.databaseUrl).pathname.replace(/^\//, '') || 'postgres';
    return path.join(repoRoot, 'bench', '.data', `pg-${name}`, BENCH_USERS_FILE);
  }
  return path.join(target.dataDir, BENCH_USERS_FILE);
}

export function readBenchUsers(file: string): BenchUsers | undefined {
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as BenchUsers;
}

export function writeBenchUsers(file: string, users: BenchUsers): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(users, null, 2)}\n`, { mode: 0o600 });
}

/**
 * The realistic users of the benchmark: the head of the school with the most children, a class
 * teacher there with one class, the county administrator, and the school's other roles.
 */
export function pickBenchUsers(world: World): Pick<BenchUsers, 'logins' | 'samples'> {
  const live = world.children.filter((c) => !c.deleted);
  const byOrg = (key: 'schoolId' | 'classId' | 'villageId') =>
    new Map([...groupBy(live, (c) => c[key])].map(([id, list]) => [id, list.map((c) => c.id)]));
  const childrenBySchool = byOrg('schoolId');
  const childrenByClass = byOrg('classId');
  const childrenByVillage = byOrg('villageId');
  const size = (map: Map<string, string[]>, id: string) => map.get(id)?.length ?? 0;
  const largest = <T extends GenOrg>(units: T[], map: Map<string, string[]>, fallback: (u: T) => number) =>
    units.reduce((best, u) =>
      size(map, u.id) > size(map, best.id) || (size(map, u.id) === size(map, best.id) && fallback(u) > fallback(best))
        ? u
        : best,
    );

  const school = largest(world.schools, childrenBySchool, (s) => s.studentCount ?? 0);
  const singleClassTeacher = (classId: string) =>
    world.staff.find(
      (s) => s.roles.filter((r) => r.role === 'class_teacher').length === 1 && s.roles.some((r) => r.orgId === classId),
    );
  const classesByChildren = [...school.classes].sort(
    (a, b) => size(childrenByClass, b.id) - size(childrenByClass, a.id),
  );
  const cls = classesByChildren.find((c) => singleClassTeacher(c.id)) ?? classesByChildren[0]!;
  const village = largest(world.villages, childrenByVillage, () => 0);

  const orgs = new Map<string, GenOrg>();
  for (const o of [world.county, ...world.townships, ...world.villages, ...world.schools, ...world.classes])
    orgs.set(o.id, o);
  const login = (role: Role, orgId: string | undefined): BenchLogin | undefined => {
    const member = world.staff.find((s) => s.roles.some((r) => r.role === role && (!orgId || r.orgId === orgId)));
    const assignment = member?.roles.find((r) => r.role === role && (!orgId || r.orgId === orgId));
    if (!member || !assignment) return undefined;
    const unit = orgs.get(assignment.orgId)!;
    return {
      username: member.username,
      displayName: member.displayName,
      role,
      orgId: unit.id,
      orgName: unit.name,
      orgPath: unit.path,
    };
  };
  const unit = (o: GenOrg, map: Map<string, string[]>): BenchUnit => ({
    id: o.id,
    name: o.name,
    path: o.path,
    children: size(map, o.id),
  });
  const everyNth = (ids: string[], n: number) =>
    ids.length <= n ? ids : Array.from({ length: n }, (_, i) => ids[Math.floor((i * ids.length) / n)]!);

  return {
    logins: {
      countyAdmin: login('county_admin', world.county.id),
      supervisor: login('supervisor', school.townshipId ?? undefined) ?? login('supervisor', undefined),
      childDirector: login('child_director', village.id),
      schoolAdmin: login('school_admin', school.id),
      // Each class has one class teacher; `cls` was chosen so that theirs teaches it alone.
      classTeacher: login('class_teacher', cls.id),
      mentor: login('mentor', school.id),
      counselor: login('counselor', school.id),
    },
    samples: {
      school: unit(school, childrenBySchool),
      class: unit(cls, childrenByClass),
      village: unit(village, childrenByVillage),
      classChildIds: everyNth(childrenByClass.get(cls.id) ?? [], 50),
      schoolChildIds: everyNth(childrenBySchool.get(school.id) ?? [], 200),
      countyChildIds: everyNth(
        live.map((c) => c.id),
        200,
      ),
    },
  };
}
