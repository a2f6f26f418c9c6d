import type { Role } from '@shouwang/shared';
import { pinyin } from 'pinyin-pro';
import { type Generation, personName } from '../demo/names';
import type { Random } from '../demo/random';
import { appUser, roleAssignment } from '../modules/users/users.table';
import { allocate } from './allocate';
import { bulkInsert } from './bulk-insert';
import { phoneFor } from './people';
import type { GenContext, GenPart, GenSchool, GenStaff } from './world';

interface Person {
  maleShare: number;
  generation?: Generation;
}

/**
 * Staff in every role, `spec.staff` accounts in all: county administrators, township supervisors,
 * a child director per village, school leaders, counselors in the larger schools, volunteer
 * mentors in some villages, and class teachers for every class (two classes each where the
 * staff figure is too small for one each, as in village schools where a teacher takes two).
 * A quarter of the class teachers are also mentors (帮扶教师) of their school.
 */
export const usersGen: GenPart = {
  name: 'users',
  tables: ['app_user', 'role_assignment'],
  async run(ctx) {
    const { spec, world } = ctx;
    const people = ctx.rng('staff-names');
    const rng = ctx.rng('staff');
    const newId = ctx.ids('users');
    const usernames = new Set<string>();
    const staff: GenStaff[] = [];
    const hire = (person: Person, roles: GenStaff['roles']) => {
      const { fullName } = personName(people, {
        generation: person.generation ?? 'adult',
        maleShare: person.maleShare,
      });
      const member: GenStaff = {
        id: newId(),
        username: usernameFor(fullName, usernames),
        displayName: fullName,
        roles,
      };
      staff.push(member);
      return member;
    };

    for (let i = 0; i < spec.countyAdmins; i++)
      hire({ maleShare: 0.5 }, [{ role: 'county_admin', orgId: world.county.id }]);
    for (const township of world.townships) {
      const supervisors = rng.chance(0.3) && world.townships.length > 1 ? 2 : 1;
      for (let i = 0; i < supervisors; i++) hire({ maleShare: 0.5 }, [{ role: 'supervisor', orgId: township.id }]);
    }
    for (const village of world.villages) hire({ maleShare: 0.45 }, [{ role: 'child_director', orgId: village.id }]);
    const volunteers = rng.shuffle(world.villages).slice(0, Math.max(1, Math.round(world.villages.length * 0.1)));
    for (const village of volunteers)
      hire({ maleShare: 0.6, generation: 'elder' }, [{ role: 'mentor', orgId: village.id }]);
    for (const school of world.schools) {
      const n = school.classes.length;
      hire({ maleShare: 0.7 }, [{ role: 'school_admin', orgId: school.id }]); // 校长
      if (n >= 12 || spec.seedSchool) hire({ maleShare: 0.5 }, [{ role: 'school_admin', orgId: school.id }]); // 教导主任
      if (n >= 30) hire({ maleShare: 0.6 }, [{ role: 'school_admin', orgId: school.id }]); // 副校长
      if (n >= 12 || spec.seedSchool) hire({ maleShare: 0.25 }, [{ role: 'counselor', orgId: school.id }]);
    }

    const rest = spec.staff - staff.length;
    const classes = world.classes.length;
    if (rest < Math.ceil(classes / 2))
      throw new Error(`${spec.staff} staff are too few: ${staff.length} leaders and ${classes} classes`);
    const teachers = Math.min(classes, rest);
    hireClassTeachers(ctx, rng, teachers, hire);
    // Whoever is left are mentor teachers without a class (the seed school's 帮扶教师).
    const mentorSchools = world.schools.filter((s) => s.classes.length >= 6);
    for (let i = 0; i < rest - teachers; i++) {
      const school = mentorSchools[i % mentorSchools.length] ?? world.schools[0]!;
      hire({ maleShare: 0.4 }, [{ role: 'mentor', orgId: school.id }]);
    }

    world.staff = staff;
    const users = staff.map((s) => ({
      id: s.id,
      username: s.username,
      displayName: s.displayName,
      phone: phoneFor(people),
      passwordHash: ctx.passwordHash,
      mustChangePassword: false,
      passwordChangedAt: ctx.now,
      countyId: world.county.id,
    }));
    const assignmentIds = ctx.ids('role-assignments');
    const assignments = staff.flatMap((s) =>
      s.roles.map((r) => ({
        id: assignmentIds(),
        userId: s.id,
        role: r.role,
        orgId: r.orgId,
        countyId: world.county.id,
      })),
    );
    return {
      app_user: await bulkInsert(ctx.db, appUser, users),
      role_assignment: await bulkInsert(ctx.db, roleAssignment, assignments),
    };
  },
};

/** Class teachers spread over schools by their classes; a teacher takes one class, or two where short. */
function hireClassTeachers(
  ctx: GenContext,
  rng: Random,
  teachers: number,
  hire: (person: Person, roles: GenStaff['roles']) => GenStaff,
) {
  const schools = ctx.world.schools;
  const perSchool = allocate(
    teachers,
    schools.map((s) => s.classes.length),
    { min: schools.map((s) => Math.ceil(s.classes.length / 2)), max: schools.map((s) => s.classes.length) },
  );
  schools.forEach((school: GenSchool, i) => {
    const count = perSchool[i]!;
    const middle = school.grades[0]! >= 7;
    for (let t = 0; t < count; t++) {
      // Teacher t takes classes t, t + count, …: with fewer teachers than classes, some take two.
      const roles: { role: Role; orgId: string }[] = [];
      for (let c = t; c < school.classes.length; c += count)
        roles.push({ role: 'class_teacher', orgId: school.classes[c]!.id });
      if (rng.chance(0.25)) roles.push({ role: 'mentor', orgId: school.id });
      hire({ maleShare: middle ? 0.5 : 0.3 }, roles);
    }
  });
}

/** An ASCII login from the name's pinyin, numbered when taken: 王建华 → wangjianhua, wangjianhua2. */
export function usernameFor(displayName: string, taken: Set<string>): string {
  const base =
    pinyin(displayName, { toneType: 'none', type: 'array', surname: 'head', v: true })
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '') || 'user';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}
