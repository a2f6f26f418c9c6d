import type { AidType, FundSource } from '@shouwang/shared';
import { aid, fundLedgerEntry } from '../modules/aid/aid.table';
import { bulkInsert } from './bulk-insert';
import { groupBy } from './group-by';
import { chinaDate, dayOf, isoDay } from './people';
import { atChinaHour, staffIndex } from './staff-index';
import type { GenChild, GenContext, GenPart, GenSchool, GenTerm } from './world';

type AidRow = typeof aid.$inferInsert;
type FundRow = typeof fundLedgerEntry.$inferInsert;

const yuan = (n: number) => Math.round(n * 100);

/** Gifts of the festivals a school marks, with what the children get (月/日 of the festival). */
const festivals = [
  { monthDay: '06-01', items: ['书包、文具套装', '课外读物两本', '运动鞋一双'], source: '县妇联“六一”慰问' },
  { monthDay: '09-25', items: ['月饼两盒、牛奶一箱', '月饼一盒、水果'], source: '爱心企业中秋慰问' },
  {
    monthDay: '01-10',
    items: ['新年礼包（围巾、手套、帽子）', '春节慰问品（大米、食用油）'],
    source: '县关工委春节慰问',
  },
] as const;
const goods = ['羽绒服一件', '棉被一床', '冬季校服一套', '台灯一盏、字典一本', '保温饭盒、水杯'];
const goodsSources = ['县慈善总会', '团县委“希望工程”', '县红十字会', '在外务工乡贤捐赠'];
const medicalNotes = ['住院医疗救助', '骨折手术费用补助', '眼镜配制补助', '重病慰问金'];
const donors = ['县爱心企业家协会', '宏达建材有限公司', '在外务工乡贤', '县农商银行', '县工商联', '志愿者协会'];
const otherSpending = ['购买课外图书', '活动室桌椅维修', '购买体育器材', '亲情电话话费', '心理辅导室布置'];

/**
 * 资助 and 收支台账. Aid: the term's 家庭经济困难学生生活补助 (500 yuan a primary pupil, 625 a middle
 * schooler, to about a quarter of the archive children), festival gifts to left-behind children at
 * 六一, 中秋 and 春节, winter clothes, birthday gifts, now and then medical aid. Each school's ledger
 * per term: the county's allocation (about 100 yuan a left-behind child), donations, the school's
 * own funds; spending on its activities, on the aid it bought, and on other needs.
 */
export const aidGen: GenPart = {
  name: 'aid',
  tables: ['aid', 'fund_ledger_entry'],
  async run(ctx) {
    const { world } = ctx;
    const rng = ctx.rng('aid');
    const newId = ctx.ids('aid');
    const countyId = world.county.id;
    const today = dayOf(chinaDate(ctx.now)) - 1;
    const staff = staffIndex(world);
    const terms = world.terms.filter((t) => t.orgId === world.county.id && dayOf(t.startDate) <= today);
    const schools = new Map(world.schools.map((s) => [s.id, s]));
    const rows: AidRow[] = [];

    for (const child of world.children) {
      if (child.deleted) continue;
      const school = child.schoolId ? schools.get(child.schoolId) : undefined;
      const giver = school
        ? (staff.first('school_admin', school.id) ?? staff.first('class_teacher', child.classId))
        : staff.first('child_director', child.villageId);
      if (!giver) continue;
      const give = (type: AidType, day: number, fields: Partial<AidRow>) => {
        if (day > today) return;
        const at = atChinaHour(day, 15 + rng.int(0, 120) / 60);
        rows.push({
          id: newId(),
          createdAt: at,
          updatedAt: at,
          countyId,
          childId: child.id,
          schoolId: child.schoolId,
          type,
          givenOn: isoDay(day),
          deliveredBy: giver.displayName,
          createdBy: giver.id,
          ...fields,
        });
      };
      if (school && rng.chance(child.leftBehind ? 0.28 : 0.2)) {
        const middle = school.grades[0]! >= 7;
        for (const t of terms)
          if (rng.chance(0.95))
            give('stipend', dayOf(t.startDate) + rng.int(40, 75), {
              amountFen: yuan(middle ? 625 : 500),
              source: '县学生资助管理中心',
              note: '家庭经济困难学生生活补助',
            });
      }
      if (!child.leftBehind) continue;
      for (const f of festivals) {
        if (!rng.chance(0.35)) continue;
        const years = [world.schoolYear.startYear - 1, world.schoolYear.startYear, world.schoolYear.startYear + 1];
        const day = years.map((y) => dayOf(`${y}-${f.monthDay}`)).filter((d) => d <= today && d > today - 365)[0];
        if (day === undefined) continue;
        give('festival_gift', day + rng.int(-3, 0), {
          items: rng.pick(f.items),
          amountFen: rng.chance(0.6) ? yuan(rng.int(8, 20) * 10) : null,
          source: f.source,
        });
      }
      if (rng.chance(0.12))
        give('goods', dayOf(`${world.schoolYear.startYear}-11-05`) + rng.int(0, 40), {
          items: rng.pick(goods),
          source: rng.pick(goodsSources),
        });
      if (rng.chance(0.3)) {
        const md = child.birthDate.slice(5);
        const thisYear = dayOf(`${chinaDate(ctx.now).slice(0, 4)}-${md === '02-29' ? '02-28' : md}`);
        const day = thisYear <= today ? thisYear : thisYear - 365;
        give('birthday', day, { items: '生日蛋糕、贺卡', amountFen: yuan(rng.int(6, 12) * 10), source: '学校' });
      }
      if (rng.chance(0.012))
        give('medical', today - rng.int(5, 300), {
          amountFen: yuan(rng.int(10, 60) * 100),
          source: rng.pick(['县慈善总会', '县红十字会', '县民政局临时救助']),
          note: rng.pick(medicalNotes),
        });
      if (rng.chance(0.005))
        give('other', today - rng.int(5, 300), { amountFen: yuan(rng.int(2, 5) * 100), note: '寒假返乡交通补助' });
    }

    const ledger = fundLedger(ctx, world.schools, terms, rows, today);
    return {
      aid: await bulkInsert(ctx.db, aid, rows, 3_000),
      fund_ledger_entry: await bulkInsert(ctx.db, fundLedgerEntry, ledger),
    };
  },
};

function fundLedger(ctx: GenContext, schools: GenSchool[], terms: GenTerm[], aidRows: AidRow[], today: number) {
  const { world } = ctx;
  const rng = ctx.rng('fund-ledger');
  const newId = ctx.ids('fund-ledger');
  const staff = staffIndex(world);
  const aidBySchool = groupBy(
    aidRows.filter((a) => a.type !== 'stipend' && a.amountFen),
    (a) => a.schoolId,
  );
  const activitiesBySchool = groupBy(world.activities ?? [], (a) => a.schoolId);
  const leftBehind = groupBy(
    world.children.filter((c: GenChild) => c.leftBehind && !c.deleted),
    (c) => c.schoolId,
  );
  const rows: FundRow[] = [];
  for (const school of schools) {
    const admin = staff.first('school_admin', school.id);
    if (!admin) continue;
    const entry = (day: number, fields: Partial<FundRow> & Pick<FundRow, 'direction' | 'amountFen'>) => {
      if (day > today || fields.amountFen <= 0) return;
      const at = atChinaHour(day, 16 + rng.int(0, 90) / 60);
      rows.push({
        id: newId(),
        createdAt: at,
        updatedAt: at,
        countyId: world.county.id,
        schoolId: school.id,
        occurredOn: isoDay(day),
        createdBy: admin.id,
        ...fields,
      });
    };
    for (const t of terms) {
      const start = dayOf(t.startDate);
      const end = Math.min(dayOf(t.endDate), today);
      const kids = leftBehind.get(school.id)?.length ?? 0;
      const income = (source: FundSource, amountFen: number, day: number, more: Partial<FundRow> = {}) =>
        entry(day, { direction: 'income', source, amountFen, ...more });
      income('government', yuan(Math.max(3_000, Math.round(kids * 100 * (0.8 + rng.next() * 0.4)))), start + 20, {
        note: '留守儿童关爱专项经费',
      });
      for (let i = rng.int(0, 2); i > 0; i--)
        income('donation', yuan(rng.int(10, 100) * 100), start + rng.int(5, 100), { donor: rng.pick(donors) });
      if (rng.chance(0.4)) income('school', yuan(rng.int(20, 50) * 100), start + rng.int(0, 30));
      for (const a of activitiesBySchool.get(school.id) ?? []) {
        const day = dayOf(a.occurredOn);
        if (day < start || day > end || !rng.chance(0.5)) continue;
        entry(day, {
          direction: 'expense',
          purpose: 'activity',
          amountFen: yuan(rng.int(3, 30) * 100),
          activityId: a.id,
        });
      }
      const bought = (aidBySchool.get(school.id) ?? []).filter((a) => {
        const d = dayOf(a.givenOn);
        return d >= start && d <= end;
      });
      const spent = bought.reduce((sum, a) => sum + (a.amountFen ?? 0), 0);
      if (spent > 0)
        entry(end, { direction: 'expense', purpose: 'aid', amountFen: spent, note: '慰问品及生日礼物采购' });
      if (rng.chance(0.6))
        entry(start + rng.int(10, 90), {
          direction: 'expense',
          purpose: 'other',
          amountFen: yuan(rng.int(5, 40) * 100),
          note: rng.pick(otherSpending),
        });
    }
  }
  return rows;
}
