import {
  defaultLetterTemplates,
  type LetterChannel,
  type LetterTemplateText,
  templateProblems,
} from '@shouwang/shared';
import { weightedPicker } from '../demo/random';
import { letterDelivery, letterTemplate } from '../modules/letters/letters.table';
import { bulkInsert } from './bulk-insert';
import { chinaDate, dayOf, isoDay } from './people';
import { atChinaHour, staffIndex } from './staff-index';
import type { GenPart, GenTerm } from './world';

const channel = weightedPicker<LetterChannel>([
  ['wechat', 45],
  ['in_person', 20],
  ['mail', 20],
  ['sms', 15],
]);

/** A school's own letter (a third of the schools write one before the winter holiday). */
const holidayLetter: LetterTemplateText & { name: string } = {
  name: '寒假安全致家长的一封信',
  title: '寒假安全致家长的一封信',
  body: [
    '尊敬的{{儿童姓名}}同学家长：',
    '您好！{{学期}}将于{{放假日期}}结束，寒假即将开始。为了让孩子度过一个安全、快乐的假期，请您和监护人做好以下几点：',
    '一、注意防火、防煤气中毒，不让孩子独自使用取暖设备；',
    '二、不让孩子到水库、池塘边玩耍，冰面上不滑冰；',
    '三、春节期间燃放烟花爆竹要有大人陪同；',
    '四、控制孩子使用手机的时间，多陪孩子读书、运动。',
    '您在外务工，请多给孩子打电话，有条件的话早点回家陪陪孩子。如有情况请联系班主任{{班主任}}，电话{{班主任电话}}。',
  ].join('\n'),
  signature: '{{学校名称}}\n{{落款日期}}',
};

/**
 * 致家长的一封信: every school's term-start and term-end templates (the module's defaults, as it
 * creates them on first use) and, at some schools, their own holiday letter; deliveries to the
 * family of each archive child in a class, sent by the class teacher in the first days of each
 * term and the last week before it ends — about nine in ten, the rest forgotten (the duty's gap).
 * The term is the school's own where it has one (boarding middle schools), else the county's.
 */
export const lettersGen: GenPart = {
  name: 'letters',
  tables: ['letter_template', 'letter_delivery'],
  async run(ctx) {
    const { world } = ctx;
    const rng = ctx.rng('letters');
    const templateIds = ctx.ids('letter-templates');
    const newId = ctx.ids('letter-deliveries');
    const countyId = world.county.id;
    const today = dayOf(chinaDate(ctx.now)) - 1;
    const staff = staffIndex(world);
    if (templateProblems(holidayLetter).length > 0) throw new Error('gen: the holiday letter has unknown merge fields');
    const countyTerms = world.terms.filter((t) => t.orgId === countyId);
    const termsOf = (schoolId: string): GenTerm[] =>
      countyTerms.map(
        (t) =>
          world.terms.find((o) => o.orgId === schoolId && o.schoolYear === t.schoolYear && o.termNo === t.termNo) ?? t,
      );
    const templates: (typeof letterTemplate.$inferInsert)[] = [];
    const deliveries: (typeof letterDelivery.$inferInsert)[] = [];
    const childrenByClass = new Map<string, typeof world.children>();
    for (const c of world.children)
      if (!c.deleted && c.classId) {
        const list = childrenByClass.get(c.classId);
        if (list) list.push(c);
        else childrenByClass.set(c.classId, [c]);
      }
    for (const school of world.schools) {
      const terms = termsOf(school.id);
      const firstStart = atChinaHour(dayOf(terms[0]!.startDate) - 3, 9);
      for (const kind of ['term_start', 'term_end'] as const)
        templates.push({
          id: templateIds(),
          createdAt: firstStart,
          updatedAt: firstStart,
          countyId,
          schoolId: school.id,
          kind,
          ...defaultLetterTemplates[kind],
          createdBy: null,
        });
      if (rng.chance(1 / 3)) {
        const admin = staff.first('school_admin', school.id);
        templates.push({
          id: templateIds(),
          createdAt: firstStart,
          updatedAt: firstStart,
          countyId,
          schoolId: school.id,
          kind: 'custom',
          ...holidayLetter,
          createdBy: admin?.id ?? null,
        });
      }
      for (const cls of school.classes) {
        const teacher = staff.first('class_teacher', cls.id);
        if (!teacher) continue;
        for (const t of terms) {
          const runs = [
            { kind: 'term_start' as const, day: dayOf(t.startDate) + rng.int(0, 10) },
            { kind: 'term_end' as const, day: dayOf(t.endDate) - rng.int(0, 7) },
          ];
          for (const { kind, day } of runs) {
            if (day > today) continue;
            // A class sends its letters on one or two days, mostly by one channel.
            const usual = channel(rng);
            for (const c of childrenByClass.get(cls.id) ?? []) {
              if (!rng.chance(0.9)) continue;
              const sent = day + (rng.chance(0.2) ? (kind === 'term_start' ? 1 : -1) : 0);
              if (sent > today) continue;
              const at = atChinaHour(sent, 16 + rng.int(0, 90) / 60);
              deliveries.push({
                id: newId(),
                createdAt: at,
                updatedAt: at,
                countyId,
                childId: c.id,
                schoolId: school.id,
                classId: cls.id,
                termId: t.id,
                letterKind: kind,
                channel: rng.chance(0.8) ? usual : channel(rng),
                sentOn: isoDay(sent),
                sentBy: teacher.id,
              });
            }
          }
        }
      }
    }
    return {
      letter_template: await bulkInsert(ctx.db, letterTemplate, templates),
      letter_delivery: await bulkInsert(ctx.db, letterDelivery, deliveries, 4_000),
    };
  },
};
