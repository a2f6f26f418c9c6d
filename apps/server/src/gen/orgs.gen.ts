import {
  className,
  countyName,
  type SchoolKind,
  schoolName,
  stemOf,
  townshipName,
  uniqueValues,
  villageName,
} from '../demo/names';
import { type Random, splitTotal } from '../demo/random';
import { childPath } from '../modules/orgs/org-path';
import { org } from '../modules/orgs/orgs.table';
import { allocate } from './allocate';
import { bulkInsert } from './bulk-insert';
import type { GenClass, GenOrg, GenPart, GenSchool, GenVillage } from './world';

const primary = [1, 2, 3, 4, 5, 6] as const;
const lowerPrimary = [1, 2, 3, 4] as const;
const middle = [7, 8, 9] as const;

/** Relative size (classes) of each kind of school; a county-seat school has ten village schools' classes. */
const sizeWeight: Record<SchoolKind, number> = {
  county_primary: 60,
  county_middle: 45,
  central_primary: 24,
  township_middle: 24,
  village_primary: 6,
};

/** Students per class by kind of school: crowded in the county seat, thin in the villages. */
const classSize: Record<SchoolKind, readonly [number, number]> = {
  county_primary: [45, 56],
  county_middle: [46, 58],
  central_primary: [36, 48],
  township_middle: [42, 55],
  village_primary: [12, 34],
};

interface SchoolPlan {
  kind: SchoolKind;
  name: string;
  parent: GenOrg;
  townshipId: string | null;
  villageId: string | null;
  grades: readonly number[];
}

/** 县 → 乡镇 → 村/社区 and 学校 → 班级, with names as rural China writes them. */
export const orgsGen: GenPart = {
  name: 'orgs',
  tables: ['org'],
  async run(ctx) {
    const { spec, world } = ctx;
    const rng = ctx.rng('orgs');
    const sizes = ctx.rng('class-sizes');
    const newId = ctx.ids('orgs');
    const add = <T extends GenOrg>(parent: GenOrg | null, row: Omit<T, 'id' | 'parentId' | 'path'>): T => {
      const id = newId();
      return { ...row, id, parentId: parent?.id ?? null, path: parent ? childPath(parent.path, id) : `${id}/` } as T;
    };

    const county = add<GenOrg>(null, { kind: 'county', name: countyName(rng), studentCount: null });
    world.county = county;
    const seedVillage = spec.seedSchool ? `${stemOf(spec.seedSchool.name.replace(/小学$/, ''))}村` : undefined;

    for (const name of uniqueValues(spec.townships, () => townshipName(rng))) {
      const township = add<GenOrg>(county, { kind: 'township', name, studentCount: null });
      world.townships.push(township);
      const taken = new Set<string>();
      const names = seedVillage && world.townships.length === 1 ? [seedVillage] : [];
      if (names[0]) taken.add(names[0]);
      names.push(...uniqueValues(spec.villagesPerTownship - names.length, () => villageName(rng), taken));
      for (const villageNameText of names)
        world.villages.push(
          add<GenVillage>(township, {
            kind: 'village',
            name: villageNameText,
            studentCount: null,
            townshipId: township.id,
          }),
        );
    }

    const plans = planSchools(rng, ctx.spec, county, world.townships, world.villages);
    const weights = plans.map((p) => sizeWeight[p.kind] * (p.grades.length / 6) * (0.75 + rng.next() * 0.5));
    const classCounts = spec.seedSchool
      ? [spec.classes]
      : allocate(spec.classes, weights, { min: plans.map((p) => p.grades.length) });

    plans.forEach((plan, i) => {
      const school = add<GenSchool>(plan.parent, {
        kind: 'school',
        name: plan.name,
        studentCount: 0,
        schoolKind: plan.kind,
        townshipId: plan.townshipId,
        villageId: plan.villageId,
        grades: plan.grades,
        classes: [],
      });
      const perGrade = spreadOverGrades(classCounts[i]!, plan.grades.length);
      const sizesOfClasses = spec.seedSchool
        ? splitTotal(sizes, spec.seedSchool.students, classCounts[i]!, 0.08)
        : undefined;
      let n = 0;
      plan.grades.forEach((grade, g) => {
        for (let no = 1; no <= perGrade[g]!; no++) {
          const [low, high] = classSize[plan.kind];
          const students = sizesOfClasses ? sizesOfClasses[n]! : sizes.int(low, high);
          n++;
          const cls = add<GenClass>(school, {
            kind: 'class',
            name: className(grade, no),
            studentCount: students,
            schoolId: school.id,
            grade,
          });
          school.classes.push(cls);
          school.studentCount! += students;
        }
      });
      world.schools.push(school);
      world.classes.push(...school.classes);
    });

    const rows = [county, ...world.townships, ...world.villages, ...world.schools, ...world.classes].map((o) => ({
      id: o.id,
      parentId: o.parentId,
      countyId: county.id,
      kind: o.kind,
      name: o.name,
      path: o.path,
      studentCount: o.studentCount,
    }));
    return { org: await bulkInsert(ctx.db, org, rows) };
  },
};

/**
 * Which schools the county has: a few large county-seat schools, then per township a central
 * primary school, a middle school and primary schools in some of its villages.
 */
function planSchools(
  rng: Random,
  spec: { schools: number; countySchools: number; seedSchool?: { name: string } },
  county: GenOrg,
  townships: GenOrg[],
  villages: GenVillage[],
): SchoolPlan[] {
  if (spec.seedSchool) {
    const township = townships[0]!;
    const village = villages.find((v) => v.townshipId === township.id)!;
    return [
      {
        kind: 'village_primary',
        name: spec.seedSchool.name,
        parent: township,
        townshipId: township.id,
        villageId: village.id,
        grades: primary,
      },
    ];
  }
  const plans: SchoolPlan[] = [];
  const countyPrimaries = Math.ceil(spec.countySchools / 2);
  for (let i = 1; i <= spec.countySchools; i++) {
    const isPrimary = i <= countyPrimaries;
    const kind: SchoolKind = isPrimary ? 'county_primary' : 'county_middle';
    const number = isPrimary ? i : i - countyPrimaries;
    plans.push({
      kind,
      name: schoolName(kind, county.name, number),
      parent: county,
      townshipId: null,
      villageId: null,
      grades: isPrimary ? primary : middle,
    });
  }
  const perTownship = splitTotal(rng, spec.schools - spec.countySchools, townships.length, 0.2);
  townships.forEach((township, t) => {
    const count = perTownship[t]!;
    const own = rng.shuffle(villages.filter((v) => v.townshipId === township.id));
    const at = (kind: SchoolKind, name: string, grades: readonly number[], villageId: string | null = null) =>
      plans.push({ kind, name, parent: township, townshipId: township.id, villageId, grades });
    if (count >= 1) at('central_primary', schoolName('central_primary', township.name), primary);
    if (count >= 2) at('township_middle', schoolName('township_middle', township.name), middle);
    const named = new Set<string>();
    for (const village of own) {
      if (named.size >= count - 2) break;
      // 新华社区 and 新华村 would both give 新华村小学: one school per name.
      const name = schoolName('village_primary', village.name);
      if (named.has(name)) continue;
      named.add(name);
      // Many village schools teach only the lower grades; older pupils go to the central school.
      at('village_primary', name, rng.chance(0.25) ? lowerPrimary : primary, village.id);
    }
    if (named.size < count - 2) throw new Error(`${township.name}: more schools than villages`);
  });
  return plans;
}

/** Classes per grade, the lower grades taking the extra ones (rural enrolment shrinks upwards). */
function spreadOverGrades(classes: number, grades: number): number[] {
  const base = Math.floor(classes / grades);
  return Array.from({ length: grades }, (_, g) => base + (g < classes % grades ? 1 : 0));
}
