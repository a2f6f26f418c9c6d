import { screenHealthCheck, type TeethStatus } from '@shouwang/shared';
import { weightedPicker } from '../demo/random';
import { healthCheck } from '../modules/health-checks/health-checks.table';
import { bulkInsert } from './bulk-insert';
import { chinaDate, dayOf, isoDay } from './people';
import type { GenPart } from './world';

type HealthRow = typeof healthCheck.$inferInsert;

const teeth = weightedPicker<TeethStatus>([
  ['normal', 62],
  ['caries', 34],
  ['other', 4],
]);

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

/**
 * 体检: the school health check of every child at school, class by class (one batch per class and
 * check day), in the spring term of last school year and the autumn term of this one (when it has
 * already happened), at two schools in five also in last autumn; heights and weights around the national averages for the age, vision that
 * worsens with age, caries in a third. BMI, age and flags come from the shared screening, as the
 * module derives them. About 100,000 checks at county scale. Authors: the class teacher.
 */
export const healthChecksGen: GenPart = {
  name: 'health',
  tables: ['health_check'],
  async run(ctx) {
    const { world } = ctx;
    const rng = ctx.rng('health-checks');
    const newId = ctx.ids('health-checks');
    const batchIds = ctx.ids('health-batches');
    const countyId = world.county.id;
    const today = dayOf(chinaDate(ctx.now)) - 1;
    const y = world.schoolYear.startYear;
    const classTeacher = new Map<string, string>();
    for (const s of world.staff)
      for (const r of s.roles)
        if (r.role === 'class_teacher' && !classTeacher.has(r.orgId)) classTeacher.set(r.orgId, s.id);
    // Each class's check days: one in April–May, one in October–November (if already past).
    const days = new Map<string, { day: number; batchId: string }[]>();
    // About two schools in five also checked in the autumn of last school year (not this year's
    // first-year classes, whose pupils were not there yet): about 100,000 checks at county scale.
    const twice = new Map(world.schools.filter(() => rng.chance(0.45)).map((s) => [s.id, s.grades[0]]));
    for (const c of world.classes) {
      const list = [{ day: dayOf(`${y}-04-01`) + rng.int(0, 55), batchId: batchIds() }];
      if (twice.has(c.schoolId) && c.grade !== twice.get(c.schoolId))
        list.unshift({ day: dayOf(`${y - 1}-10-08`) + rng.int(0, 50), batchId: batchIds() });
      const autumn = dayOf(`${y}-10-08`) + rng.int(0, 50);
      if (autumn <= today) list.push({ day: autumn, batchId: batchIds() });
      days.set(c.id, list);
    }
    const rows: HealthRow[] = [];
    for (const child of world.children) {
      if (child.deleted || !child.classId) continue;
      const author = classTeacher.get(child.classId);
      if (!author) continue;
      // A child's own build: the same percentile at both checks.
      const tall = rng.normal(0, 1);
      const stout = rng.normal(0, 1);
      const eyes = rng.normal(0, 1);
      for (const { day, batchId } of days.get(child.classId)!) {
        if (!rng.chance(0.96)) continue; // absent on the day
        const checkedOn = isoDay(day);
        const age = (day - dayOf(child.birthDate)) / 365.25;
        if (age < 3) continue;
        const male = child.sex === 'male';
        const heightCm = round1(clamp(78 + 5.9 * Math.min(age, 15) + (male && age > 12 ? 4 : 0) + tall * 5.5, 60, 200));
        const bmi = clamp(15.3 + 0.35 * Math.max(0, age - 6) + stout * 2.1, 11, 35);
        const weightKg = round1(clamp((bmi * heightCm * heightCm) / 10_000, 8, 150));
        const base = 5.0 - Math.max(0, age - 8) * 0.06 + eyes * 0.2;
        const visionLeft = round1(clamp(base + rng.normal(0, 0.08), 3.5, 5.3));
        const visionRight = round1(clamp(base + rng.normal(0, 0.08), 3.5, 5.3));
        const screened = screenHealthCheck({
          sex: child.sex,
          birthDate: child.birthDate,
          checkedOn,
          heightCm,
          weightKg,
          visionLeft,
          visionRight,
        });
        const referralNeeded = screened.flags.length > 0 && rng.chance(0.2);
        const followUpOn = referralNeeded ? isoDay(day + rng.int(14, 30)) : null;
        const created = new Date((day * 86_400 + 8 * 3_600) * 1000);
        rows.push({
          id: newId(),
          createdAt: created,
          updatedAt: created,
          countyId,
          childId: child.id,
          schoolId: child.schoolId,
          classId: child.classId,
          authorId: author,
          checkedOn,
          heightCm,
          weightKg,
          visionLeft,
          visionRight,
          teeth: teeth(rng),
          referralNeeded,
          referralTo: referralNeeded ? '县妇幼保健院' : null,
          followUpOn,
          followUpDoneOn: followUpOn && dayOf(followUpOn) < today - 7 && rng.chance(0.8) ? followUpOn : null,
          ...screened,
          batchId,
        });
      }
    }
    return { health_check: await bulkInsert(ctx.db, healthCheck, rows, 2_500) };
  },
};
