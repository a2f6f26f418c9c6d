import { randomUUID } from 'node:crypto';
import { archiveCompleteness, type ChildCategory } from '@shouwang/shared';
import type { Db } from '../db/client';
import { bulkInsert } from '../gen/bulk-insert';
import { dateBetween, dayOf, idNumberFor, isoDay, phoneFor, regionCodeFor } from '../gen/people';
import { careRecord } from '../modules/care-records/care-records.table';
import { childCategory, childEnrollment, child as childTable } from '../modules/children/children.table';
import { guardianEntrustment, guardian as guardianTable } from '../modules/children/guardians.table';
import { idNumberColumns } from '../modules/children/id-number-hash';
import { parent as parentTable } from '../modules/children/parents.table';
import { pinyinKeys } from '../modules/children/pinyin-keys';
import { pairing } from '../modules/pairings/pairings.table';
import { childConsent } from '../modules/privacy/privacy.table';
import {
  type DemoChildSpec,
  demoChildSpecs,
  demoHomeVisit,
  demoOccupations,
  demoTalkTopics,
  demoWorkPlaces,
} from './demo-children.data';
import { DEMO_SEED, type DemoPlan, type PlannedOrg } from './demo-plan';
import { localSurnames, personName } from './names';
import { createRandom, type Random } from './random';

type ChildRow = typeof childTable.$inferInsert;
type ParentRow = typeof parentTable.$inferInsert;
type GuardianRow = typeof guardianTable.$inferInsert;
type CareRecordRow = typeof careRecord.$inferInsert;

const TOWNSHIP = '石桥镇';

/**
 * The seed school (`SEED_SCHOOL`: 185 students) gets exactly its 12 left-behind children
 * (`demo-children.data.ts`), spread over its classes, each with parents working away, a guardian
 * (most with a signed entrustment), and for eight of them a pairing: the school's three mentors
 * (`bangfu.hnxx.*`) take two each, the 黄泥村 volunteer two as proxy parent, four wait on the
 * pairing board. The grade 3 and grade 5 class teachers have care records this term (monthly talks,
 * one home visit); the other classes' duties stay open. Names, dates and numbers come from
 * `./names` and `./random` forked from the demo seed; ID numbers are encrypted and hashed with the
 * installed data keys, as the archive stores them. Multi-row inserts, in the transaction passed here.
 */
export async function addDemoChildren(tx: Db, plan: DemoPlan): Promise<void> {
  const rng = createRandom(DEMO_SEED).fork('children');
  const names = rng.fork('children-names');
  const region = regionCodeFor(rng.fork('region'));
  const countyId = plan.county.id;
  const { school, classes } = plan.seedSchool;
  const today = isoDay(dayOf(plan.now.toISOString().slice(0, 10)));
  const y = Number(plan.schoolYear.slice(0, 4));
  const setupAt = new Date(Math.min(Date.parse(`${y}-09-05T01:00:00Z`), plan.now.getTime()));
  const upToToday = (iso: string) => (iso > today ? today : iso);

  const township = plan.orgs.find((o) => o.kind === 'township' && o.name === TOWNSHIP)!;
  const villages = new Map(
    plan.orgs.filter((o) => o.kind === 'village' && o.parentId === township.id).map((v) => [v.name, v]),
  );
  const user = (username: string) => plan.users.find((u) => u.username === username)!;
  const villageSurnames = new Map([...villages.keys()].map((v) => [v, localSurnames(names, 3)]));
  const directorPhones = new Map([...villages.keys()].map((v) => [v, phoneFor(rng)]));
  const pickWorkPlace = () => rng.weighted(demoWorkPlaces);
  const takenIds = new Set<string>();
  const dean = user('jiaodao.hnxx');

  const children: ChildRow[] = [];
  const categories: (typeof childCategory.$inferInsert)[] = [];
  const enrollments: (typeof childEnrollment.$inferInsert)[] = [];
  const parents: ParentRow[] = [];
  const guardians: GuardianRow[] = [];
  const entrustments: (typeof guardianEntrustment.$inferInsert)[] = [];
  const pairings: (typeof pairing.$inferInsert)[] = [];
  const placed: { id: string; spec: DemoChildSpec; cls: PlannedOrg; name: string }[] = [];

  for (const spec of demoChildSpecs) {
    const id = randomUUID();
    const cls = classes[spec.grade - 1]!;
    const village = villages.get(spec.village)!;
    const address = `${TOWNSHIP}${spec.village}${rng.int(1, 9)}组`;
    const surname = rng.chance(0.8) ? rng.pick(villageSurnames.get(spec.village)!) : undefined;
    const person = personName(names, { generation: 'child', gender: spec.sex, surname });
    const birthDate = birthDateForGrade(rng, y, spec.grade);
    const idNumber = idNumberFor(rng, region, birthDate, spec.sex, takenIds);
    const category: ChildCategory = spec.away === 'both' ? 'left_behind_both' : 'left_behind_single';
    const leftOn = dateBetween(rng, laterOf(birthDate, `${y - 6}-01-01`), `${y}-03-01`);
    categories.push({ childId: id, countyId, category, startDate: leftOn, createdAt: setupAt });
    const entered = `${y - (spec.grade - 1)}-09-01`;
    enrollments.push({ childId: id, countyId, status: 'enrolled', date: entered, createdAt: setupAt });

    // Parents: working away together most often, one unable to care for a 单留守 child.
    const [sharedProvince, sharedCity] = pickWorkPlace();
    const together = rng.chance(0.7);
    const familyParents: ParentRow[] = (['father', 'mother'] as const).map((relation) => {
      const away = spec.away === 'both' || spec.away === relation;
      const status = away ? 'migrant_work' : spec.otherParent!;
      const unreachable = relation === 'mother' && spec.motherUnreachable === true;
      const [province, city] = together ? [sharedProvince, sharedCity] : pickWorkPlace();
      const gender = relation === 'father' ? 'male' : 'female';
      const born = dateBetween(
        rng,
        `${Number(birthDate.slice(0, 4)) - 34}-01-01`,
        `${Number(birthDate.slice(0, 4)) - 23}-12-31`,
      );
      const own = rng.chance(0.6) ? idNumberColumns(idNumberFor(rng, region, born, gender)) : null;
      return {
        childId: id,
        countyId,
        relation,
        name: personName(names, {
          generation: 'adult',
          gender,
          surname: relation === 'father' ? person.surname : undefined,
        }).fullName,
        status,
        birthDate: born,
        idNumber: own?.idNumber ?? null,
        idNumberMasked: own?.idNumberMasked ?? null,
        workProvince: away ? province : null,
        workCity: away && !unreachable ? city : null,
        occupation: away && !unreachable ? rng.pick(demoOccupations) : null,
        phones: away && !unreachable ? [phoneFor(rng)] : status === 'incapable' ? [phoneFor(rng)] : [],
        leftHomeOn: away ? leftOn : null,
        returnFrequency: away
          ? unreachable
            ? 'rarely'
            : rng.pick(['yearly', 'yearly', 'half_yearly'] as const)
          : null,
        contactFrequency: away ? (unreachable ? 'never' : rng.pick(['weekly', 'weekly', 'monthly'] as const)) : null,
        unreachable,
        note: unreachable ? '今年春节后没有再联系上，电话已停机' : null,
        createdAt: setupAt,
        updatedAt: setupAt,
      };
    });
    parents.push(...familyParents);

    // The primary guardian: a grandparent, or an aunt or uncle.
    const elder = spec.guardian.endsWith('grandparent');
    const grandmother = rng.chance(0.65);
    const guardianGender = elder ? (grandmother ? 'female' : 'male') : rng.chance(0.5) ? 'female' : 'male';
    const guardianId = randomUUID();
    const signedOn = spec.entrusted ? upToToday(dateBetween(rng, `${y - 1}-09-01`, `${y}-09-10`)) : null;
    const entrustmentId = signedOn ? randomUUID() : null;
    const validUntil = signedOn ? isoDay(dayOf(signedOn) + 365) : null;
    const familyGuardian: GuardianRow = {
      id: guardianId,
      childId: id,
      countyId,
      relation: spec.guardian,
      name: personName(names, {
        generation: elder ? 'elder' : 'adult',
        gender: guardianGender,
        surname: spec.guardian === 'paternal_grandparent' && guardianGender === 'male' ? person.surname : undefined,
      }).fullName,
      birthYear: Number(birthDate.slice(0, 4)) - (elder ? rng.int(48, 60) : rng.int(25, 35)),
      health: elder ? rng.pick(['fair', 'fair', 'healthy', 'poor'] as const) : 'healthy',
      literacy: elder ? rng.pick(['illiterate', 'primary', 'primary'] as const) : 'junior_high',
      phone: phoneFor(rng),
      address,
      isPrimary: true,
      entrustmentId,
      entrustmentSignedOn: signedOn,
      entrustmentValidUntil: validUntil,
      createdAt: setupAt,
      updatedAt: setupAt,
    };
    guardians.push(familyGuardian);
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

    const director = user(`ertong.${villageSlugs[spec.village]}`);
    const row: ChildRow = {
      id,
      createdAt: setupAt,
      updatedAt: setupAt,
      countyId,
      schoolId: school.id,
      classId: cls.id,
      villageId: village.id,
      schoolPath: cls.path,
      villagePath: village.path,
      grade: spec.grade,
      name: person.fullName,
      ...pinyinKeys(person.fullName),
      sex: spec.sex,
      birthDate,
      ethnicity: spec.ethnicity ?? '01',
      ...idNumberColumns(idNumber),
      hukouRegistered: true,
      hukouType: 'rural',
      hukouLocation: `${plan.county.name}${TOWNSHIP}${spec.village}`,
      currentAddress: address,
      health: spec.healthUnknown ? null : 'healthy',
      schooling: 'primary',
      boarding: spec.boarding ? 'boarding' : 'day',
      guardianshipType: spec.careLevel === 'general' ? rng.pick(['good', 'fair'] as const) : 'guardian_insufficient',
      incomeSources: rng.chance(0.6) ? ['migrant_work', 'farming'] : ['migrant_work'],
      aidMeasures: spec.careLevel === 'special' ? ['poverty_registered'] : ['none'],
      housing: 'own',
      familyNote: spec.familyNote ?? null,
      careLevel: spec.careLevel,
      enrollmentStatus: 'enrolled',
      enrollmentDate: entered,
      personality: spec.personality ?? null,
      interests: spec.interests ?? null,
      study: spec.study ?? null,
      psychology: spec.psychology ?? null,
      thinking: spec.away === 'both' && rng.chance(0.3) ? '希望爸爸妈妈过年能早点回家' : null,
      villageContactName: director.displayName,
      villageContactPhone: directorPhones.get(spec.village)!,
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
      categories: [category],
      parents: familyParents.map((p) => ({ status: p.status, workProvince: p.workProvince, workCity: p.workCity })),
      guardians: [familyGuardian].map((g) => ({
        name: g.name,
        phone: g.phone,
        address: g.address,
        isPrimary: g.isPrimary ?? false,
      })),
    });
    row.archiveComplete = completeness.complete;
    row.archiveMissing = completeness.missing;
    children.push(row);
    placed.push({ id, spec, cls, name: person.fullName });

    if (spec.pairing)
      pairings.push({
        countyId,
        childId: id,
        schoolId: school.id,
        kind: spec.pairing.kind,
        helperUserId: user(spec.pairing.helper).id,
        startDate: upToToday(`${y}-09-10`),
        createdBy: dean.id,
        createdAt: setupAt,
        updatedAt: setupAt,
      });
  }

  await bulkInsert(tx, childTable, children);
  await bulkInsert(tx, childCategory, categories);
  await bulkInsert(tx, childEnrollment, enrollments);
  await bulkInsert(tx, parentTable, parents);
  await bulkInsert(tx, guardianTable, guardians);
  await bulkInsert(tx, guardianEntrustment, entrustments);
  await bulkInsert(tx, pairing, pairings);
  await bulkInsert(tx, careRecord, careRecords(plan, placed, today));
  // The photo consent the families signed with the enrolment forms (one family never returned it).
  const mothers = new Map(parents.filter((p) => p.relation === 'mother').map((p) => [p.childId, p.name]));
  await bulkInsert(
    tx,
    childConsent,
    placed.slice(1).map((p) => ({
      countyId,
      childId: p.id,
      category: 'photos' as const,
      basis: 'guardian_consent' as const,
      consenterName: mothers.get(p.id) ?? null,
      consenterRelation: '母亲',
      consentedOn: `${y}-09-01` > today ? today : `${y}-09-01`,
    })),
  );
}

/**
 * This term's records: the grade 5 class teacher talks with each of her three children every month,
 * the grade 3 teacher visited the child in special care at the start of term and talked with her
 * once; everything else the default rules ask for is still to do (or overdue).
 */
function careRecords(
  plan: DemoPlan,
  placed: { id: string; spec: DemoChildSpec; cls: PlannedOrg }[],
  today: string,
): CareRecordRow[] {
  const current = plan.terms
    .filter((t) => t.orgId === plan.county.id && t.startDate <= today)
    .sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
  if (!current) return [];
  const teacherOf = (grade: number) => plan.users.find((u) => u.username === `banzhuren.hnxx.${grade}-1`)!;
  const start = dayOf(current.startDate);
  const rows: CareRecordRow[] = [];
  const add = (
    c: (typeof placed)[number],
    occurredOn: string,
    row: Partial<CareRecordRow> & Pick<CareRecordRow, 'kind' | 'summary' | 'details'>,
  ) => {
    if (occurredOn > today) return;
    const at = new Date(`${occurredOn}T09:30:00Z`);
    rows.push({
      countyId: plan.county.id,
      childId: c.id,
      schoolId: plan.seedSchool.school.id,
      classId: c.cls.id,
      authorId: teacherOf(c.spec.grade).id,
      occurredOn,
      createdAt: at,
      updatedAt: at,
      ...row,
    });
  };

  placed
    .filter((c) => c.spec.grade === 5)
    .forEach((c, i) => {
      demoTalkTopics.forEach((talk, month) => {
        add(c, isoDay(start + 8 + month * 30 + i * 2), {
          kind: 'talk',
          durationMinutes: 20,
          channel: 'in_person',
          summary: talk.summary,
          details: { topic: talk.topic, mood: talk.mood },
        });
      });
    });

  const special = placed.find((c) => c.spec.careLevel === 'special');
  if (special) {
    const visitedOn = isoDay(start + 11);
    add(special, visitedOn, {
      kind: 'home_visit',
      durationMinutes: 60,
      channel: 'in_person',
      summary: demoHomeVisit.summary,
      problems: demoHomeVisit.problems,
      followUpNeeded: true,
      followUpOn: isoDay(start + 41),
      details: {
        termWindow: 'start',
        present: ['child', 'grandparent'],
        homeConditions: demoHomeVisit.homeConditions,
        guardianView: demoHomeVisit.guardianView,
      },
    });
    add(special, isoDay(start + 13), {
      kind: 'talk',
      durationMinutes: 25,
      channel: 'in_person',
      summary: '家访后在学校谈心，孩子说想妈妈，约好有心事就来找老师。',
      details: { topic: '想念妈妈', mood: 2 },
    });
  }
  return rows;
}

const laterOf = (a: string, b: string) => (a > b ? a : b);
const villageSlugs: Record<DemoChildSpec['village'], string> = {
  黄泥村: 'huangni',
  柳湾村: 'liuwan',
  李家坪村: 'lijiaping',
};

/** Born in the school year that puts the child in `grade` (the gen's rule, without the late starters). */
function birthDateForGrade(rng: Random, startYear: number, grade: number): string {
  const from = startYear - 6 - grade;
  return dateBetween(rng, `${from}-09-01`, `${from + 1}-08-31`);
}
