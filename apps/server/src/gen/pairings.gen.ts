import { pairing } from '../modules/pairings/pairings.table';
import { bulkInsert } from './bulk-insert';
import { chinaDate, dateBetween } from './people';
import type { GenPairing, GenPart, GenStaff } from './world';

type PairingRow = typeof pairing.$inferInsert;

/** Left-behind children at school without a mentor teacher (a new arrival, a teacher who left). */
const unpairedShare = 0.04;
/** Of the paired, how many also have a proxy parent or a holiday tutor in their home village. */
const villageHelperShare = 0.7;
/** Of the paired, how many had a mentor before whose pairing ended (a teacher moved schools). */
const replacedShare = 0.08;

/**
 * 结对帮扶: every left-behind child at school gets a mentor teacher (帮扶教师) among the school's
 * mentors (or the class teacher where the school names none), spread evenly — except a few unpaired;
 * most also get a proxy parent (代理家长) or a holiday tutor (假期老师) among the home village's
 * child director and volunteers; children out of school get a village helper only. Pairings
 * started at the beginning of last or this school year; a few mentors were replaced (the old
 * pairing ended, kept as history).
 */
export const pairingsGen: GenPart = {
  name: 'pairings',
  tables: ['pairing'],
  async run(ctx) {
    const { world } = ctx;
    const rng = ctx.rng('pairings');
    const newId = ctx.ids('pairings');
    const countyId = world.county.id;
    const y = world.schoolYear.startYear;
    const today = chinaDate(ctx.now);

    const schoolHelpers = new Map<string, GenStaff[]>();
    const villageHelpers = new Map<string, GenStaff[]>();
    const villageIds = new Set(world.villages.map((v) => v.id));
    const add = (map: Map<string, GenStaff[]>, key: string, s: GenStaff) => {
      const list = map.get(key);
      if (!list) map.set(key, [s]);
      else if (!list.includes(s)) list.push(s);
    };
    // The school's mentors (帮扶教师: some class teachers hold the role too); where a school has
    // none, the class teacher of the child's own class (their scope covers the child).
    const classTeacher = new Map<string, GenStaff>();
    for (const s of world.staff)
      for (const r of s.roles) {
        if (r.role === 'mentor' && !villageIds.has(r.orgId)) add(schoolHelpers, r.orgId, s);
        if (r.role === 'class_teacher' && !classTeacher.has(r.orgId)) classTeacher.set(r.orgId, s);
      }
    for (const s of world.staff)
      for (const r of s.roles)
        if ((r.role === 'child_director' || r.role === 'mentor') && villageIds.has(r.orgId))
          add(villageHelpers, r.orgId, s);

    const rows: PairingRow[] = [];
    const active: GenPairing[] = [];
    const startOf = () =>
      rng.chance(0.6)
        ? dateBetween(rng, `${y - 1}-09-01`, `${y - 1}-10-15`)
        : dateBetween(rng, `${y}-09-01`, `${y}-09-30`);
    const pair = (
      childId: string,
      schoolId: string | null,
      kind: GenPairing['kind'],
      helper: GenStaff,
      startDate: string,
      endDate: string | null = null,
    ) => {
      rows.push({
        id: newId(),
        countyId,
        childId,
        schoolId,
        kind,
        helperUserId: helper.id,
        startDate,
        endDate,
        createdBy: helper.id,
        endedBy: endDate ? helper.id : null,
      });
      if (!endDate) active.push({ childId, kind, helperUserId: helper.id });
    };

    const leftBehind = world.children.filter((c) => c.leftBehind && !c.deleted);
    const turn = new Map<string, number>();
    const next = (map: Map<string, GenStaff[]>, key: string): GenStaff | undefined => {
      const list = map.get(key);
      if (!list || list.length === 0) return undefined;
      const i = turn.get(key) ?? rng.int(0, list.length - 1);
      turn.set(key, i + 1);
      return list[i % list.length];
    };
    // Exactly this share unpaired (none in the seed school, whose 12 children all have a mentor).
    const unpaired = Math.round(leftBehind.length * unpairedShare);
    for (const [i, child] of rng.shuffle(leftBehind).entries()) {
      let paired = false;
      if (child.schoolId && i >= unpaired) {
        const mentor =
          next(schoolHelpers, child.schoolId) ?? (child.classId ? classTeacher.get(child.classId) : undefined);
        if (mentor) {
          let start = startOf();
          if (rng.chance(replacedShare) && start < `${y}-09-01`) {
            const before = next(schoolHelpers, child.schoolId) ?? mentor;
            const ended = dateBetween(rng, `${y - 1}-12-01`, `${y}-09-15`);
            if (before.id !== mentor.id && ended > start && ended <= today) {
              pair(child.id, child.schoolId, 'mentor_teacher', before, start, ended);
              start = ended;
            }
          }
          pair(child.id, child.schoolId, 'mentor_teacher', mentor, start);
          paired = true;
        }
      }
      if (!paired && child.schoolId) continue; // unpaired at school: the board lists them
      if (!paired || rng.chance(villageHelperShare)) {
        const helper = next(villageHelpers, child.villageId);
        if (!helper) continue;
        const kind = !child.schoolId || rng.chance(0.7) ? 'proxy_parent' : 'holiday_tutor';
        pair(child.id, child.schoolId, kind, helper, startOf());
      }
    }
    world.pairings = active;
    return { pairing: await bulkInsert(ctx.db, pairing, rows) };
  },
};
