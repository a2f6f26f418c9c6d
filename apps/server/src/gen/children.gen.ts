import {
  type AidMeasure,
  archiveCompleteness,
  type ChildCategory,
  type EnrollmentStatus,
  guardianRequiredCategories,
  type IncomeSource,
  leftBehindCategories,
} from '@shouwang/shared';
import { type Gender, localSurnames, personName, pickSurname } from '../demo/names';
import { childCategory, childEnrollment, child as childTable } from '../modules/children/children.table';
import { guardianEntrustment, guardian as guardianTable } from '../modules/children/guardians.table';
import { idNumberColumns } from '../modules/children/id-number-hash';
import { parent as parentTable } from '../modules/children/parents.table';
import { pinyinKeys } from '../modules/children/pinyin-keys';
import { bulkInsert } from './bulk-insert';
import {
  adultLiteracy,
  birthDateForGrade,
  birthDateOutOfSchool,
  boardingOf,
  type ChildRow,
  careLevelOf,
  contactFrequency,
  elderLiteracy,
  ethnicity,
  extraDifficulty,
  type GuardianRow,
  guardianHealth,
  guardianRelation,
  guardianship,
  health,
  housing,
  laterOf,
  laterStatus,
  leftBehindShare,
  notes,
  occupations,
  otherCategory,
  type ParentRow,
  pad2,
  parentStatuses,
  placeChildren,
  returnFrequency,
  schoolingOf,
  workPlace,
} from './children.mix';
import { dateBetween, dayOf, idNumberFor, isoDay, phoneFor, regionCodeFor } from './people';
import type { GenChild, GenPart } from './world';

/**
 * 儿童档案 at county scale: `spec.children` children (left-behind for the most part, with orphans,
 * de facto unsupported children and children in difficulty), filed at a class of a school in
 * proportion to its students (villages' schools more than the county seat's) or, for children not
 * in school, at their home village only. Each has the category periods, enrollment history,
 * parents and guardians (with signed entrustments) the archive keeps, names with pinyin keys from
 * the children module's own `pinyinKeys`, valid ID numbers, and the completeness the module's
 * rules derive — about one archive in five is missing something, as in real ones.
 */
export const childrenGen: GenPart = {
  name: 'children',
  tables: ['child', 'child_category', 'child_enrollment', 'parent', 'guardian', 'guardian_entrustment'],
  async run(ctx) {
    const { world } = ctx;
    const rng = ctx.rng('children');
    const names = ctx.rng('children-names');
    const newId = ctx.ids('children');
    const placements = placeChildren(ctx, rng);
    const region = regionCodeFor(ctx.rng('region'));
    const takenIds = new Set<string>();
    const townshipName = new Map(world.townships.map((t) => [t.id, t.name]));
    const villageSurnames = new Map(world.villages.map((v) => [v.id, localSurnames(names, 4)]));
    const directors = new Map<string, { name: string; phone: string }>();
    for (const s of world.staff)
      for (const r of s.roles)
        if (r.role === 'child_director') directors.set(r.orgId, { name: s.displayName, phone: phoneFor(rng) });
    const leftBehindCount =
      ctx.spec.leftBehindChildren ?? Math.round(placements.length * leftBehindShare * (0.95 + rng.next() * 0.1));
    const leftBehindFlags = rng.shuffle(placements.map((_, i) => i < leftBehindCount));
    const today = isoDay(dayOf(ctx.now.toISOString().slice(0, 10)));
    const y = world.schoolYear.startYear;
    const setupAt = new Date(ctx.now.getTime() - 120 * 86_400_000);

    const children: ChildRow[] = [];
    const categories: (typeof childCategory.$inferInsert)[] = [];
    const enrollments: (typeof childEnrollment.$inferInsert)[] = [];
    const parents: ParentRow[] = [];
    const guardians: GuardianRow[] = [];
    const entrustments: (typeof guardianEntrustment.$inferInsert)[] = [];
    const genChildren: GenChild[] = [];

    placements.forEach(({ village, school, cls }, index) => {
      const id = newId();
      const countyId = world.county.id;
      const leftBehind = leftBehindFlags[index]!;
      const place = `${townshipName.get(village.townshipId)}${village.name}`;
      const address = `${place}${rng.int(1, 12)}组`;

      // Who the child is.
      const surname = rng.chance(0.7) ? rng.pick(villageSurnames.get(village.id)!) : pickSurname(names);
      const person = personName(names, { generation: 'child', surname });
      const sex = person.gender;
      const birthDate = cls ? birthDateForGrade(rng, y, cls.grade) : birthDateOutOfSchool(rng, today);
      const age = Math.floor((dayOf(today) - dayOf(birthDate)) / 365.25);

      // Why the child is in the archive.
      const open: ChildCategory[] = [];
      let kind: 'both' | 'single' | 'unsupported' | 'difficulty';
      if (leftBehind) {
        kind = rng.chance(0.78) ? 'both' : 'single';
        open.push(kind === 'both' ? 'left_behind_both' : 'left_behind_single');
        if (rng.chance(0.15)) open.push(extraDifficulty(rng));
      } else {
        const category = otherCategory(rng);
        open.push(category);
        kind = category === 'orphan' || category === 'de_facto_unsupported' ? 'unsupported' : 'difficulty';
      }
      const wasLeftBehind = !leftBehind && kind === 'difficulty' && rng.chance(0.1);
      const leftOn = dateBetween(rng, laterOf(birthDate, `${y - 8}-01-01`), `${y}-08-31`);
      for (const category of open)
        categories.push({
          childId: id,
          countyId,
          category,
          startDate: category.startsWith('left_behind') ? leftOn : dateBetween(rng, birthDate, `${y}-08-31`),
          createdAt: setupAt,
        });
      if (wasLeftBehind)
        categories.push({
          childId: id,
          countyId,
          category: 'left_behind_both',
          startDate: leftOn,
          endDate: dateBetween(rng, leftOn, today),
          note: '父母返乡',
          createdAt: setupAt,
        });

      const disabled = open.includes('difficulty_disability');
      const ill = open.includes('difficulty_illness');
      const poor = open.includes('difficulty_poverty');
      const hukouRegistered = !rng.chance(0.02);
      const ids = hukouRegistered && !rng.chance(0.03) ? idNumberFor(rng, region, birthDate, sex, takenIds) : null;

      // Parents and guardians, as the categories imply.
      const fatherSurname = person.surname;
      const statuses = parentStatuses(rng, kind, open.includes('orphan'), wasLeftBehind);
      const familyParents: ParentRow[] = [];
      (['father', 'mother'] as const).forEach((relation, i) => {
        const status = statuses[i]!;
        if (status === null) return;
        const away = status === 'migrant_work';
        const [province, city] = away ? workPlace(rng) : [null, null];
        const born = `${Number(birthDate.slice(0, 4)) - rng.int(22, 36)}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`;
        const gender: Gender = relation === 'father' ? 'male' : 'female';
        const name = personName(names, {
          generation: 'adult',
          gender,
          surname: relation === 'father' ? fatherSurname : undefined,
        }).fullName;
        const parentId = rng.chance(0.7) ? idNumberColumns(idNumberFor(rng, region, born, gender)) : null;
        const row: ParentRow = {
          childId: id,
          countyId,
          relation: rng.chance(0.02) ? 'other' : relation,
          name,
          status,
          birthDate: born,
          // Encrypted at rest like the children's (the generated data must look like real data).
          idNumber: parentId?.idNumber ?? null,
          idNumberMasked: parentId?.idNumberMasked ?? null,
          workProvince: rng.chance(0.96) ? province : null,
          workCity: city,
          occupation: away ? rng.pick(occupations) : null,
          phones: status === 'deceased' ? [] : rng.chance(0.15) ? [phoneFor(rng), phoneFor(rng)] : [phoneFor(rng)],
          leftHomeOn: away ? leftOn : null,
          returnFrequency: away ? returnFrequency(rng) : null,
          contactFrequency: away ? contactFrequency(rng) : null,
          unreachable: status === 'missing' || (away && rng.chance(0.02)),
          createdAt: setupAt,
          updatedAt: setupAt,
        };
        familyParents.push(row);
      });
      parents.push(...familyParents);

      const familyGuardians: GuardianRow[] = [];
      if (open.some((c) => guardianRequiredCategories.includes(c))) {
        const count = rng.chance(0.2) ? 2 : 1;
        for (let g = 0; g < count; g++) {
          const relation = guardianRelation(rng);
          const elder = relation.endsWith('grandparent');
          const gender: Gender = rng.chance(0.55) ? 'female' : 'male';
          const name = personName(names, {
            generation: elder ? 'elder' : 'adult',
            gender,
            surname: relation === 'paternal_grandparent' && gender === 'male' ? fatherSurname : undefined,
          }).fullName;
          const signed = g === 0 && rng.chance(0.75);
          const signedOn = signed ? dateBetween(rng, `${y - 2}-09-01`, today) : null;
          const validUntil = signedOn ? (rng.chance(0.7) ? isoDay(dayOf(signedOn) + 365) : null) : null;
          const guardianId = newId();
          const entrustmentId = signedOn ? newId() : null;
          familyGuardians.push({
            id: guardianId,
            childId: id,
            countyId,
            relation,
            name,
            birthYear: Number(birthDate.slice(0, 4)) - (elder ? rng.int(45, 62) : rng.int(22, 40)),
            health: guardianHealth(rng),
            literacy: elder ? elderLiteracy(rng) : adultLiteracy(rng),
            phone: rng.chance(0.94) ? phoneFor(rng) : null,
            address: rng.chance(0.95) ? address : null,
            isPrimary: g === 0,
            entrustmentId,
            entrustmentSignedOn: signedOn,
            entrustmentValidUntil: validUntil,
            createdAt: setupAt,
            updatedAt: setupAt,
          });
          if (entrustmentId && signedOn)
            entrustments.push({
              id: entrustmentId,
              guardianId,
              childId: id,
              countyId,
              signedOn,
              validUntil,
              createdAt: setupAt,
            });
        }
      }
      guardians.push(...familyGuardians);

      // School and enrollment history.
      let enrollmentStatus: EnrollmentStatus | null = null;
      let enrollmentDate: string | null = null;
      if (school && cls) {
        const entered = `${y - (cls.grade - (cls.grade >= 7 ? 7 : 1))}-09-01`;
        enrollments.push({ childId: id, countyId, status: 'enrolled', date: entered, createdAt: setupAt });
        enrollmentStatus = 'enrolled';
        enrollmentDate = entered;
        const later = laterStatus(rng);
        if (later) {
          const date = dateBetween(rng, `${y}-09-01`, today);
          enrollments.push({
            childId: id,
            countyId,
            status: later,
            date,
            destination:
              later === 'transferred_out' ? `${rng.pick(['深圳市', '东莞市', '杭州市', '苏州市'])}某小学` : null,
            createdAt: setupAt,
          });
          enrollmentStatus = later;
          enrollmentDate = date;
        }
      } else if (age >= 12) {
        const date = dateBetween(rng, `${y - 1}-09-01`, today);
        enrollments.push({ childId: id, countyId, status: 'dropped_out', date, createdAt: setupAt });
        enrollmentStatus = 'dropped_out';
        enrollmentDate = date;
      }

      const director = directors.get(village.id);
      const incomeSources: IncomeSource[] = [];
      if (leftBehind || statuses.includes('migrant_work')) incomeSources.push('migrant_work');
      if (rng.chance(0.55)) incomeSources.push('farming');
      if (poor || kind === 'unsupported') incomeSources.push('government_aid');
      if (kind === 'unsupported' && rng.chance(0.6)) incomeSources.push('relatives_help');
      if (incomeSources.length === 0) incomeSources.push('other');
      const aidMeasures: AidMeasure[] = [];
      if (poor) aidMeasures.push(rng.chance(0.6) ? 'minimum_living' : 'poverty_registered');
      if (open.includes('orphan')) aidMeasures.push('orphan_allowance');
      if (open.includes('de_facto_unsupported')) aidMeasures.push('orphan_allowance');
      if (disabled) aidMeasures.push('disability_living_subsidy');
      if (ill) aidMeasures.push('medical_aid');
      if (aidMeasures.length === 0 && rng.chance(0.6)) aidMeasures.push('none');
      const described = rng.chance(0.7);
      const note = (list: readonly string[], share = 1) => (described && rng.chance(share) ? rng.pick(list) : null);

      const row: ChildRow = {
        id,
        createdAt: setupAt,
        updatedAt: new Date(setupAt.getTime() + rng.int(0, 120 * 86_400_000 - 1)),
        deletedAt: rng.chance(0.004) ? new Date(ctx.now.getTime() - rng.int(1, 60) * 86_400_000) : null,
        countyId,
        schoolId: school?.id ?? null,
        classId: cls?.id ?? null,
        villageId: village.id,
        schoolPath: cls?.path ?? school?.path ?? null,
        villagePath: village.path,
        grade: cls?.grade ?? null,
        name: person.fullName,
        ...pinyinKeys(person.fullName),
        sex,
        birthDate,
        ethnicity: ethnicity(rng),
        ...idNumberColumns(ids),
        hukouRegistered,
        hukouType: hukouRegistered ? (rng.chance(0.9) ? 'rural' : 'resident') : null,
        hukouLocation: hukouRegistered ? `${world.county.name}${place}` : null,
        currentAddress: rng.chance(0.97) ? address : null,
        health: disabled ? 'disabled' : ill ? 'serious_illness' : health(rng),
        disabilityCategory: disabled
          ? rng.pick(['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'] as const)
          : null,
        disabilityGrade: disabled ? rng.pick(['1', '2', '3', '4'] as const) : null,
        illnessType: ill ? rng.pick(['白血病', '先天性心脏病', '肾病', '癫痫']) : null,
        schooling: schoolingOf(school, cls, age, enrollmentStatus),
        boarding: boardingOf(rng, school),
        guardianshipType: kind === 'unsupported' ? 'guardian_insufficient' : guardianship(rng),
        incomeSources,
        aidMeasures,
        housing: housing(rng),
        careLevel: careLevelOf[kind](rng),
        enrollmentStatus,
        enrollmentDate,
        personality: note(notes.personality),
        interests: note(notes.interests),
        study: cls ? note(notes.study) : null,
        thinking: note(notes.thinking, 0.6),
        psychology: note(notes.psychology),
        character: note(notes.character, 0.6),
        healthNote: note(notes.healthNote, 0.3),
        villageContactName: director && rng.chance(0.96) ? director.name : null,
        villageContactPhone: director?.phone ?? null,
      };
      const completeness = archiveCompleteness({
        sex: row.sex,
        ethnicity: row.ethnicity,
        birthDate: row.birthDate,
        hukouRegistered: row.hukouRegistered,
        hukouLocation: row.hukouLocation,
        currentAddress: row.currentAddress,
        health: row.health,
        boarding: row.boarding,
        schooling: row.schooling,
        guardianshipType: row.guardianshipType,
        incomeSources: row.incomeSources,
        villageContactName: row.villageContactName,
        villageContactPhone: row.villageContactPhone,
        hasIdNumber: row.idNumberHash !== null,
        categories: open,
        parents: familyParents.map((p) => ({ status: p.status, workProvince: p.workProvince, workCity: p.workCity })),
        guardians: familyGuardians.map((g) => ({
          name: g.name,
          phone: g.phone,
          address: g.address,
          isPrimary: g.isPrimary ?? false,
        })),
      });
      row.archiveComplete = completeness.complete;
      row.archiveMissing = completeness.missing;
      // The categories in force, as migration 0024's trigger keeps them (it then finds the row right).
      row.openCategories = [...open].sort();
      children.push(row);
      genChildren.push({
        id,
        deleted: row.deletedAt != null,
        villageId: village.id,
        schoolId: school?.id ?? null,
        classId: cls?.id ?? null,
        leftBehind: open.some((c) => leftBehindCategories.includes(c)),
        sex,
        birthDate,
      });
    });

    world.children = genChildren;
    return {
      child: await bulkInsert(ctx.db, childTable, children),
      child_category: await bulkInsert(ctx.db, childCategory, categories),
      child_enrollment: await bulkInsert(ctx.db, childEnrollment, enrollments),
      parent: await bulkInsert(ctx.db, parentTable, parents),
      guardian: await bulkInsert(ctx.db, guardianTable, guardians),
      guardian_entrustment: await bulkInsert(ctx.db, guardianEntrustment, entrustments),
    };
  },
};
