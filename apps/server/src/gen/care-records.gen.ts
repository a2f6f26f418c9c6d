import type {
  CareChannel,
  CareRecordDetails,
  CareRecordKind,
  HomeVisitParty,
  LifeCareType,
  ParentContactChannel,
  TutoringSubject,
} from '@shouwang/shared';
import { weightedPicker } from '../demo/random';
import { careRecord } from '../modules/care-records/care-records.table';
import { bulkInsert } from './bulk-insert';
import { groupBy } from './group-by';
import { chinaDate, dayOf, isoDay } from './people';
import type { GenPart } from './world';

type CareRow = typeof careRecord.$inferInsert;

/** Rows per INSERT (26 columns: under the 65,535-parameter limit) and rows held before writing. */
const rowsPerStatement = 2_500;
const flushAt = 10_000;
/** How far back the records reach: one year of work, so a county holds a full year's volume. */
const historyDays = 365;
/** Classes that hold a weekly 亲情电话课 (family-call lesson) for their left-behind children. */
const familyCallClassShare = 0.4;

const talkTopics = ['学习情况', '同学关系', '想念父母', '生活习惯', '心理状态', '安全教育', '兴趣爱好', '考试压力'];
const talkSummaries = [
  '课间与孩子谈心，了解近期学习和生活情况，孩子情绪稳定。',
  '午休时谈心，孩子说想念在外打工的妈妈，鼓励其多与父母通话。',
  '放学后谈心，了解与同学相处情况，引导其主动交朋友。',
  '谈心了解作业完成情况，约定每天按时完成作业。',
  '与孩子聊兴趣爱好，推荐参加学校的兴趣小组。',
];
const visitSummaries = [
  '到家中走访，与祖父母交流孩子在校表现，了解家庭生活情况。',
  '家访了解孩子课余时间安排，提醒监护人注意用电用水安全。',
  '家访与监护人沟通孩子学习情况，宣传防溺水安全知识。',
];
const contactSummaries = [
  '与在外务工的家长电话沟通孩子近期表现，家长表示会多与孩子联系。',
  '通过微信向家长反馈孩子考试成绩，家长询问在校生活情况。',
  '与家长视频通话，孩子一起参加，家长叮嘱孩子听爷爷奶奶的话。',
];
const guardianSummaries = [
  '与监护人（祖父母）沟通孩子饮食起居情况。',
  '提醒监护人督促孩子完成家庭作业、按时作息。',
  '向监护人了解孩子周末在家表现。',
];
const lifeCareSummaries: Record<LifeCareType, string> = {
  illness: '孩子在校发烧，送到校医室并通知监护人接回。',
  hospital_visit: '陪同孩子到乡卫生院看病。',
  birthday: '为孩子过生日，送上蛋糕和贺卡。',
  daily_needs: '为孩子添置冬衣和学习用品。',
  festival: '节日期间看望孩子，送去慰问品。',
  other: '帮助孩子整理宿舍物品。',
};

const talkChannel = weightedPicker<CareChannel>([
  ['in_person', 92],
  ['phone', 4],
  ['wechat', 4],
]);
const contactChannel = weightedPicker<ParentContactChannel>([
  ['phone', 50],
  ['wechat', 30],
  ['video', 18],
  ['letter', 2],
]);
const initiator = weightedPicker<'school' | 'parent' | 'child'>([
  ['school', 70],
  ['parent', 25],
  ['child', 5],
]);
const subject = weightedPicker<TutoringSubject>([
  ['homework', 35],
  ['math', 25],
  ['chinese', 20],
  ['english', 10],
  ['reading', 10],
]);
const lifeCare = weightedPicker<LifeCareType>([
  ['daily_needs', 30],
  ['festival', 25],
  ['birthday', 20],
  ['illness', 18],
  ['hospital_visit', 5],
  ['other', 2],
]);
const visitParty = weightedPicker<HomeVisitParty>([
  ['grandparent', 70],
  ['guardian', 12],
  ['mother', 8],
  ['relative', 6],
  ['father', 4],
]);

interface Span {
  from: number;
  to: number;
  start: number;
  mid: number;
  end: number;
}

/**
 * 关爱记录 over the last year: for each left-behind child talks roughly monthly in term, home visits
 * in the term windows (期初/期中/期末; some missed), parent contacts every few weeks all year,
 * guardian contacts, weekly family calls in the classes that hold a 亲情电话课 (one batch per class
 * and week), tutoring for some, life care now and then, a growth diary for a few; other archive
 * children (orphans, children in difficulty) get talks, visits and guardian contacts. Authors
 * are the child's helpers: the mentor teacher, else the class teacher; village helpers for life
 * care and for children out of school. A few records ask for a follow-up, most carried out.
 * About 55 records per left-behind child: ≈2,000,000 at county scale. Written in chunks, never
 * held in memory all at once.
 */
export const careRecordsGen: GenPart = {
  name: 'care',
  tables: ['care_record'],
  async run(ctx) {
    const { world } = ctx;
    const rng = ctx.rng('care-records');
    const newId = ctx.ids('care-records');
    const batchIds = ctx.ids('care-batches');
    const countyId = world.county.id;
    const today = dayOf(chinaDate(ctx.now)) - 1;
    const first = today - historyDays + 1;

    const terms: Span[] = world.terms
      .filter((t) => t.orgId === countyId)
      .map((t) => ({
        from: Math.max(first, dayOf(t.startDate)),
        to: Math.min(today, dayOf(t.endDate)),
        start: dayOf(t.startDate),
        mid: dayOf(t.midDate),
        end: dayOf(t.endDate),
      }))
      .filter((t) => t.from <= t.to);
    const inTerm = (d: number) => terms.some((t) => d >= t.from && d <= t.to);
    const weekday = (d: number) => (d + 4) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
    const schoolDay = (d: number) => inTerm(d) && weekday(d) !== 0 && weekday(d) !== 6;

    const classTeacher = new Map<string, string>();
    const villageHelper = new Map<string, string>();
    const villageIds = new Set(world.villages.map((v) => v.id));
    for (const s of world.staff)
      for (const r of s.roles) {
        if (r.role === 'class_teacher' && !classTeacher.has(r.orgId)) classTeacher.set(r.orgId, s.id);
        if (r.role === 'child_director' && villageIds.has(r.orgId)) villageHelper.set(r.orgId, s.id);
      }
    const schoolAdmin = new Map<string, string>();
    for (const s of world.staff)
      for (const r of s.roles)
        if (r.role === 'school_admin' && !schoolAdmin.has(r.orgId)) schoolAdmin.set(r.orgId, s.id);
    const pairings = groupBy(world.pairings, (p) => p.childId);
    // 亲情电话课: some classes, each on its own weekday afternoon.
    const callDay = new Map<string, number>();
    for (const c of world.classes) if (rng.chance(familyCallClassShare)) callDay.set(c.id, rng.int(1, 5));
    const batches = new Map<string, string>();

    let buffer: CareRow[] = [];
    let written = 0;
    const flush = async () => {
      written += await bulkInsert(ctx.db, careRecord, buffer, rowsPerStatement);
      buffer = [];
    };

    for (const child of world.children) {
      if (child.deleted) continue;
      const helpers = pairings.get(child.id) ?? [];
      const mentor = helpers.find((p) => p.kind === 'mentor_teacher')?.helperUserId;
      const village = helpers.find((p) => p.kind !== 'mentor_teacher')?.helperUserId;
      const teacher =
        (child.classId && classTeacher.get(child.classId)) ||
        (child.schoolId && schoolAdmin.get(child.schoolId)) ||
        villageHelper.get(child.villageId);
      const atSchool = child.schoolId !== null && teacher !== undefined;
      const main = mentor ?? (atSchool ? teacher : (village ?? villageHelper.get(child.villageId)));
      if (!main) continue;
      const local = village ?? villageHelper.get(child.villageId) ?? main;

      const add = <K extends CareRecordKind>(
        kind: K,
        day: number,
        author: string,
        summary: string,
        details: CareRecordDetails[K],
        extra: Partial<CareRow> = {},
      ) => {
        const created = new Date((day * 86_400 + 12 * 3_600 + rng.int(0, 7_200)) * 1000); // 20:00–22:00 in China
        const row: CareRow = {
          id: newId(),
          createdAt: created,
          updatedAt: created,
          countyId,
          childId: child.id,
          schoolId: child.schoolId,
          classId: child.classId,
          authorId: author,
          kind,
          occurredOn: isoDay(day),
          summary,
          details: details as Record<string, unknown>,
          ...extra,
        };
        if ((kind === 'talk' || kind === 'home_visit') && rng.chance(0.06)) {
          const due = day + rng.int(3, 14);
          row.followUpNeeded = true;
          row.followUpOn = isoDay(due);
          if (due < today - 3 && rng.chance(0.85)) row.followUpDoneOn = isoDay(Math.min(today, due + rng.int(0, 3)));
        }
        buffer.push(row);
      };
      const schoolDayNear = (from: number, to: number) => {
        for (let i = 0; i < 6; i++) {
          const d = rng.int(from, to);
          if (schoolDay(d)) return d;
        }
        return undefined;
      };

      // 谈心: about once a month in term (twice for some), in person mostly.
      const talkRate = child.leftBehind ? 0.88 : 0.7;
      for (let m = first; m <= today; m += 30) {
        const times = rng.chance(talkRate) ? (rng.chance(0.12) ? 2 : 1) : 0;
        for (let i = 0; i < times; i++) {
          const d = schoolDayNear(m, Math.min(today, m + 29));
          if (d === undefined) continue;
          add(
            'talk',
            d,
            atSchool ? main : local,
            rng.pick(talkSummaries),
            { topic: rng.pick(talkTopics), mood: rng.int(2, 5) },
            {
              channel: talkChannel(rng),
              durationMinutes: rng.int(10, 40),
            },
          );
        }
      }
      // 家访: in the term windows, some missed.
      for (const t of terms) {
        const windows: ['start' | 'middle' | 'end', number, number][] = [
          ['start', t.start, t.start + 13],
          ['middle', t.mid - 7, t.mid + 6],
          ['end', t.end - 13, t.end],
        ];
        for (const [termWindow, from, to] of windows) {
          const a = Math.max(from, t.from);
          const b = Math.min(to, t.to);
          if (a > b || !rng.chance(child.leftBehind ? 0.72 : 0.55)) continue;
          const present: HomeVisitParty[] = ['child', visitParty(rng)];
          if (rng.chance(0.1)) present.push('village_official');
          add(
            'home_visit',
            rng.int(a, b),
            main,
            rng.pick(visitSummaries),
            {
              termWindow,
              present: [...new Set(present)],
              homeConditions: '住房为砖混结构，生活条件一般。',
              guardianView: null,
            },
            { channel: 'in_person', durationMinutes: rng.int(30, 90) },
          );
        }
      }
      // 与监护人沟通: every month or two.
      for (let d = first + rng.int(0, 40); d <= today; d += rng.int(45, 90))
        add(
          'guardian_contact',
          d,
          atSchool ? (teacher ?? main) : local,
          rng.pick(guardianSummaries),
          {},
          {
            channel: rng.chance(0.6) ? 'phone' : 'in_person',
          },
        );
      if (child.leftBehind) {
        // 与家长联系: every few weeks, holidays included.
        for (let d = first + rng.int(0, 20); d <= today; d += rng.int(18, 32)) {
          const channel = contactChannel(rng);
          add(
            'parent_contact',
            d,
            atSchool ? (teacher ?? main) : local,
            rng.pick(contactSummaries),
            { channel, initiatedBy: initiator(rng) },
            { channel, durationMinutes: rng.int(5, 30) },
          );
        }
        // 亲情电话课: weekly in term, one batch per class and week.
        const lesson = child.classId ? callDay.get(child.classId) : undefined;
        if (lesson !== undefined && teacher) {
          for (let d = first + ((lesson - weekday(first) + 7) % 7); d <= today; d += 7) {
            if (!schoolDay(d) || !rng.chance(0.9)) continue;
            const key = `${child.classId}:${d}`;
            let batchId = batches.get(key);
            if (!batchId) {
              batchId = batchIds();
              batches.set(key, batchId);
            }
            add(
              'family_call',
              d,
              teacher,
              '亲情电话课：给在外的父母打电话',
              { callMinutes: rng.int(3, 15) },
              {
                channel: 'phone',
                durationMinutes: 40,
                batchId,
              },
            );
          }
        }
        // 学习辅导 for some, every three weeks or so in term.
        if (atSchool && rng.chance(0.4))
          for (let d = first + rng.int(0, 21); d <= today; d += rng.int(14, 28))
            if (schoolDay(d))
              add(
                'tutoring',
                d,
                main,
                '课后辅导作业，讲解错题。',
                { subject: subject(rng) },
                { durationMinutes: rng.int(20, 60) },
              );
        // 成长日记 for a few, monthly in term.
        if (rng.chance(0.3))
          for (let d = first + rng.int(0, 30); d <= today; d += rng.int(25, 35))
            if (inTerm(d)) add('growth_diary', d, main, '孩子本月进步明显，能主动完成作业，与同学相处融洽。', {});
      }
      // 生活照顾: now and then, by the proxy parent where there is one.
      for (let i = rng.int(0, child.leftBehind ? 4 : 2); i > 0; i--) {
        const type = lifeCare(rng);
        add('life_care', rng.int(first, today), local, lifeCareSummaries[type], { type });
      }
      if (buffer.length >= flushAt) await flush();
    }
    await flush();
    return { care_record: written };
  },
};
