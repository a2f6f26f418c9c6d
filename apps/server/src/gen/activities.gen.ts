import type { ActivityType, ParticipantRole } from '@shouwang/shared';
import { weightedPicker } from '../demo/random';
import { activity, activityParticipation } from '../modules/activities/activities.table';
import { bulkInsert } from './bulk-insert';
import { groupBy } from './group-by';
import { chinaDate, dayOf, isoDay } from './people';
import type { GenActivity, GenOrg, GenPart } from './world';

const activityType = weightedPicker<ActivityType>([
  ['theme_class_meeting', 25],
  ['festival', 20],
  ['safety_quiz', 15],
  ['room_open', 15],
  ['performance', 10],
  ['art_exhibition', 8],
  ['speech_contest', 5],
  ['other', 2],
]);
const titles: Record<ActivityType, string[]> = {
  festival: ['中秋节“月圆情浓”关爱活动', '元旦联欢会', '端午节包粽子活动', '六一儿童节游园会'],
  safety_quiz: ['防溺水安全知识竞答', '交通安全知识竞赛', '防欺凌主题知识竞答'],
  art_exhibition: ['“我的家”书画展', '手抄报展评'],
  speech_contest: ['“感恩父母”演讲比赛', '“我的梦想”演讲比赛'],
  performance: ['“快乐成长”文艺汇演', '红歌合唱比赛'],
  theme_class_meeting: ['“亲情连线”主题班会', '心理健康主题班会', '感恩教育主题班会'],
  room_open: ['留守儿童之家开放日', '周末阅读活动'],
  other: ['爱心企业捐赠仪式'],
};
const role = weightedPicker<ParticipantRole>([
  ['participant', 85],
  ['performer', 10],
  ['host', 3],
  ['volunteer', 2],
]);

/**
 * 活动 and 参与 over the last year: each school holds about one activity a month in term (some
 * class meetings by a class teacher), a few villages open their 留守儿童之家 now and then; the
 * school's archive children take part in about half of them (left-behind children a little more
 * often), some perform or host.
 */
export const activitiesGen: GenPart = {
  name: 'activities',
  tables: ['activity', 'activity_participation'],
  async run(ctx) {
    const { world } = ctx;
    const rng = ctx.rng('activities');
    const newId = ctx.ids('activities');
    const partIds = ctx.ids('activity-participations');
    const countyId = world.county.id;
    const today = dayOf(chinaDate(ctx.now)) - 1;
    const first = today - 364;
    const y = world.schoolYear.startYear;
    const inTerm = (d: number) => {
      const iso = isoDay(d);
      return (
        (iso >= `${y - 1}-09-01` && iso <= `${y}-01-20`) ||
        (iso >= `${y}-02-24` && iso <= `${y}-07-05`) ||
        iso >= `${y}-09-01`
      );
    };
    const organizer = new Map<string, string>();
    for (const s of world.staff)
      for (const r of s.roles)
        if (
          (r.role === 'school_admin' || r.role === 'class_teacher' || r.role === 'child_director') &&
          !organizer.has(r.orgId)
        )
          organizer.set(r.orgId, s.id);
    const bySchool = groupBy(
      world.children.filter((c) => !c.deleted),
      (c) => c.schoolId,
    );
    const byClass = groupBy(
      world.children.filter((c) => !c.deleted),
      (c) => c.classId,
    );
    const byVillage = groupBy(
      world.children.filter((c) => !c.deleted && !c.schoolId),
      (c) => c.villageId,
    );
    const activities: (typeof activity.$inferInsert)[] = [];
    const participations: (typeof activityParticipation.$inferInsert)[] = [];
    const held: GenActivity[] = [];
    const schoolOf = new Map<string, string>(world.classes.map((c) => [c.id, c.schoolId]));
    for (const s of world.schools) schoolOf.set(s.id, s.id);
    const hold = (unit: GenOrg, day: number, type: ActivityType, kids: typeof world.children, share: number) => {
      const author = organizer.get(unit.id);
      if (!author) return;
      const id = newId();
      activities.push({
        id,
        countyId,
        orgId: unit.id,
        orgPath: unit.path,
        type,
        title: rng.pick(titles[type]),
        occurredOn: isoDay(day),
        place: unit.kind === 'village' ? '村留守儿童之家' : '学校操场',
        createdBy: author,
      });
      held.push({ id, schoolId: schoolOf.get(unit.id) ?? null, occurredOn: isoDay(day) });
      for (const c of kids)
        if (rng.chance(c.leftBehind ? share + 0.1 : share))
          participations.push({
            id: partIds(),
            countyId,
            activityId: id,
            childId: c.id,
            schoolId: c.schoolId,
            role: role(rng),
          });
    };
    for (const school of world.schools) {
      const kids = bySchool.get(school.id) ?? [];
      for (let d = first + rng.int(0, 30); d <= today; d += rng.int(22, 38))
        if (inTerm(d)) {
          const type = activityType(rng);
          if (type === 'theme_class_meeting' && school.classes.length > 0) {
            const cls = rng.pick(school.classes);
            hold(cls, d, type, byClass.get(cls.id) ?? [], 0.95);
          } else hold(school, d, type, kids, 0.45);
        }
    }
    for (const village of world.villages) {
      if (!rng.chance(0.3)) continue;
      for (let d = first + rng.int(0, 60); d <= today; d += rng.int(45, 90))
        hold(village, d, 'room_open', byVillage.get(village.id) ?? [], 0.5);
    }
    world.activities = held;
    return {
      activity: await bulkInsert(ctx.db, activity, activities),
      activity_participation: await bulkInsert(ctx.db, activityParticipation, participations, 5_000),
    };
  },
};
