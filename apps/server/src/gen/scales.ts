/**
 * How big a generated county is. `county` is the target county (issue 8); `township` is
 * one township of it, the size an embedded PGlite is meant to serve; `small` is the seed report's
 * school ("我校目前有185名学生，像这样的'留守儿童'就有12人") with its staff.
 */
export const scaleNames = ['small', 'township', 'county'] as const;
export type ScaleName = (typeof scaleNames)[number];

export interface ScaleSpec {
  name: ScaleName;
  townships: number;
  villagesPerTownship: number;
  /** Schools in all, county-seat schools included. */
  schools: number;
  /** Classes in all; spread over the schools by their size. */
  classes: number;
  /** Schools right under the county (县城: 实验小学, 第二中学 …). */
  countySchools: number;
  /** Staff accounts in all roles (users, not role assignments). */
  staff: number;
  countyAdmins: number;
  /** Children in the archive (left-behind, orphans, children in difficulty). */
  children: number;
  /** Of `children`, how many are left-behind; undefined: the mix decides. */
  leftBehindChildren?: number;
  /** The one school of the seed report (small scale): 6 classes, exactly this many students. */
  seedSchool?: { name: string; students: number };
  /** Audit rows of a term's work (sign-ins, edits), for the audit log's list. */
  auditEvents: number;
}

export const scales: Record<ScaleName, ScaleSpec> = {
  small: {
    name: 'small',
    townships: 1,
    villagesPerTownship: 4,
    schools: 1,
    classes: 6,
    countySchools: 0,
    staff: 19,
    countyAdmins: 1,
    children: 15,
    leftBehindChildren: 12,
    seedSchool: { name: '黄泥村小学', students: 185 },
    auditEvents: 2_000,
  },
  township: {
    name: 'township',
    townships: 1,
    villagesPerTownship: 20,
    schools: 10,
    classes: 200,
    countySchools: 0,
    staff: 180,
    countyAdmins: 2,
    children: 2_500,
    auditEvents: 15_000,
  },
  county: {
    name: 'county',
    townships: 20,
    villagesPerTownship: 20,
    schools: 200,
    classes: 4_000,
    countySchools: 12,
    staff: 3_000,
    countyAdmins: 5,
    children: 50_000,
    auditEvents: 300_000,
  },
};

export function resolveScale(name: ScaleName, overrides: { children?: number } = {}): ScaleSpec {
  const spec = { ...scales[name] };
  if (overrides.children !== undefined) {
    spec.children = overrides.children;
    if (spec.leftBehindChildren !== undefined)
      spec.leftBehindChildren = Math.min(spec.leftBehindChildren, overrides.children);
  }
  return spec;
}
