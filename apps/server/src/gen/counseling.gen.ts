import type { RiskLevel } from '@shouwang/shared';
import { weightedPicker } from '../demo/random';
import { childRiskLevel, counselingSession } from '../modules/counseling/counseling.table';
import { sealCounseling } from '../modules/counseling/counseling-cipher';
import { bulkInsert } from './bulk-insert';
import { groupBy } from './group-by';
import { chinaDate, dayOf, isoDay } from './people';
import { atChinaHour, staffIndex } from './staff-index';
import { counselingThemes, riskReasons } from './wellbeing-texts';
import type { GenPart } from './world';

const firstLevel = weightedPicker<RiskLevel>([
  ['low', 55],
  ['medium', 30],
  ['high', 12],
  ['crisis', 3],
]);
const lower: Record<RiskLevel, RiskLevel> = { low: 'low', medium: 'low', high: 'medium', crisis: 'high' };

/**
 * 心理辅导 at the schools that have a counselor: a few of their archive children (left-behind ones
 * more often) come for one to six sessions a week or three apart during term, the latest with the
 * next one booked when it was recent; each such child has a risk level from the first session and,
 * after several sessions, usually a lower one. Texts are sealed with the module's own field cipher
 * (the keys the server uses), so the app reads them as a counselor wrote them.
 */
export const counselingGen: GenPart = {
  name: 'counseling',
  tables: ['counseling_session', 'child_risk_level'],
  async run(ctx) {
    const { world } = ctx;
    const rng = ctx.rng('counseling');
    const newId = ctx.ids('counseling');
    const riskIds = ctx.ids('risk-levels');
    const countyId = world.county.id;
    const today = dayOf(chinaDate(ctx.now)) - 1;
    const staff = staffIndex(world);
    const terms = world.terms
      .filter((t) => t.orgId === countyId)
      .map((t) => [dayOf(t.startDate), dayOf(t.endDate)] as const);
    const inTerm = (d: number) => terms.some(([s, e]) => d >= s && d <= e) && (d + 3) % 7 < 5;
    const bySchool = groupBy(
      world.children.filter((c) => !c.deleted),
      (c) => c.schoolId,
    );
    const sessions: (typeof counselingSession.$inferInsert)[] = [];
    const levels: (typeof childRiskLevel.$inferInsert)[] = [];
    for (const school of world.schools) {
      const counselors = staff.holders('counselor', school.id);
      if (counselors.length === 0) continue;
      const kids = bySchool.get(school.id) ?? [];
      const chosen = kids.filter((c) => rng.chance(c.leftBehind ? 0.09 : 0.05));
      // Every counselor has someone on their list, even in a small archive.
      for (const c of kids) if (chosen.length < Math.min(2, kids.length) && !chosen.includes(c)) chosen.push(c);
      for (const c of chosen) {
        const counselor = rng.pick(counselors);
        const theme = rng.pick(counselingThemes);
        const count = rng.int(1, 6);
        let day = today - rng.int(7, 330);
        const days: number[] = [];
        while (days.length < count && day <= today) {
          if (inTerm(day)) {
            days.push(day);
            day += rng.int(7, 21);
          } else day++;
        }
        if (days.length === 0) continue;
        days.forEach((d, i) => {
          const last = i === days.length - 1;
          const at = atChinaHour(d, 15.5 + rng.int(0, 90) / 60);
          sessions.push({
            id: newId(),
            createdAt: at,
            updatedAt: at,
            countyId,
            childId: c.id,
            schoolId: school.id,
            counselorId: counselor.id,
            sessionOn: isoDay(d),
            presentingConcern: sealCounseling('presenting_concern', rng.pick(theme.concern)),
            notes: sealCounseling('notes', rng.pick(theme.notes)),
            agreedActions: rng.chance(0.85) ? sealCounseling('agreed_actions', rng.pick(theme.actions)) : null,
            nextSessionOn: last && today - d < 21 ? isoDay(d + 7 * rng.int(1, 2)) : null,
          });
        });
        const level = firstLevel(rng);
        const set = (l: RiskLevel, d: number) =>
          levels.push({
            id: riskIds(),
            countyId,
            childId: c.id,
            level: l,
            reason: sealCounseling('risk_reason', rng.pick(riskReasons[l])),
            setBy: counselor.id,
            createdAt: atChinaHour(d, 17),
          });
        set(level, days[0]!);
        if (days.length >= 3 && level !== 'low' && rng.chance(0.7)) set(lower[level], days[days.length - 1]!);
      }
    }
    return {
      counseling_session: await bulkInsert(ctx.db, counselingSession, sessions),
      child_risk_level: await bulkInsert(ctx.db, childRiskLevel, levels),
    };
  },
};
