import type { BenchUsers } from '../apps/server/src/gen/bench-users';

export type LoginName = keyof BenchUsers['logins'];

/** One endpoint driven by one realistic user. */
export interface Scenario {
  name: string;
  title: string;
  login: LoginName;
  /** Request paths, taken in turn by each connection (several child ids for the child page). */
  paths: string[];
  /** List and page endpoints carry the API overhead target. */
  kind: 'list' | 'page' | 'other';
  /** The scenario needs the child archive (its routes and generated children). */
  needsChildren?: boolean;
  /** From issue 8, at 16 connections on PostgreSQL at county scale. */
  targets?: { p99Ms?: number; minRps?: number };
}

/** API overhead (endpoint p50 / bare SQL p50) allowed for list and page endpoints. */
export const MAX_OVERHEAD_RATIO = 1.5;

const leftBehind = 'category=left_behind_both,left_behind_single';

/**
 * The scenarios, in the order they run. A feature adds its own (to-do list, dashboards …) here
 * with the target next to it.
 */
export function benchScenarios(users: BenchUsers): Scenario[] {
  const { samples } = users;
  const childIds = samples.schoolChildIds.length > 0 ? samples.schoolChildIds : samples.countyChildIds;
  return [
    { name: 'me', title: 'GET /api/me (class teacher)', login: 'classTeacher', paths: ['/api/me'], kind: 'other' },
    {
      // The unit page's first screen (county and townships, a level at a time) and its counts line;
      // until session 4 this was GET /api/orgs, the whole county tree (4,621 units, 1.3 MB).
      name: 'orgs-county',
      title: 'GET /api/orgs/tree + /api/orgs/summary, the unit page first screen (county admin)',
      login: 'countyAdmin',
      paths: ['/api/orgs/tree', '/api/orgs/summary'],
      kind: 'list',
    },
    {
      name: 'users-school',
      title: 'GET /api/users?page=1 (school admin)',
      login: 'schoolAdmin',
      paths: ['/api/users?page=1'],
      kind: 'list',
    },
    {
      name: 'users-county',
      title: 'GET /api/users?page=1 (county admin)',
      login: 'countyAdmin',
      paths: ['/api/users?page=1'],
      kind: 'list',
    },
    {
      name: 'audit-county',
      title: 'GET /api/audit-events, first page (county admin)',
      login: 'countyAdmin',
      paths: ['/api/audit-events'],
      kind: 'list',
    },
    {
      name: 'children-class',
      title: 'GET /api/children, own class, pinyin order (class teacher)',
      login: 'classTeacher',
      paths: ['/api/children?page=1'],
      kind: 'list',
      needsChildren: true,
    },
    {
      name: 'children-school',
      title: 'GET /api/children, school scope, left-behind filter, pinyin order, page 1 (school admin)',
      login: 'schoolAdmin',
      paths: [`/api/children?${leftBehind}&sort=name&page=1`],
      kind: 'list',
      needsChildren: true,
      targets: { p99Ms: 50 },
    },
    {
      name: 'children-county',
      title: 'GET /api/children, county scope, left-behind + key care level, page 1 (county admin)',
      login: 'countyAdmin',
      paths: [`/api/children?${leftBehind}&careLevel=key&sort=name&page=1`],
      kind: 'list',
      needsChildren: true,
      targets: { p99Ms: 150 },
    },
    {
      name: 'children-county-search',
      title: 'GET /api/children?q=zh, county scope, pinyin initials search (county admin)',
      login: 'countyAdmin',
      paths: ['/api/children?q=zh&page=1'],
      kind: 'list',
      needsChildren: true,
    },
    {
      name: 'todos-class',
      title: 'GET /api/todos, a class teacher’s to-do list (a year of generated care records and pairings)',
      login: 'classTeacher',
      paths: ['/api/todos'],
      kind: 'list',
      needsChildren: true,
      targets: { p99Ms: 50 },
    },
    {
      name: 'dashboard-school',
      title: 'GET /api/stats/dashboard?scopeOrgId=<school>, all KPIs, current term (school admin)',
      login: 'schoolAdmin',
      paths: [`/api/stats/dashboard?scopeOrgId=${samples.school.id}`],
      kind: 'other',
      needsChildren: true,
      targets: { p99Ms: 80 },
    },
    {
      name: 'dashboard-county',
      title: 'GET /api/stats/dashboard, the whole county, all KPIs, current term (county admin)',
      login: 'countyAdmin',
      paths: [`/api/stats/dashboard?scopeOrgId=${users.countyId}`],
      kind: 'other',
      needsChildren: true,
      targets: { p99Ms: 400 },
    },
    {
      name: 'child-page',
      title: `GET /api/children/:id, ${childIds.length} children of the school in turn (school admin)`,
      login: 'schoolAdmin',
      paths: childIds.map((id) => `/api/children/${id}`),
      kind: 'page',
      needsChildren: true,
      targets: { p99Ms: 30, minRps: 1500 },
    },
  ];
}
