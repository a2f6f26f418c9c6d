import { addDays, daysBetween, maxCalendarDays, termWindowPeriods, todayIso } from '@shouwang/shared';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { loadSchoolsCare } from '../care-rules/care-rules.service';
import { invalidFields } from '../children/children.access';
import { orgNames } from '../children/children.repository';
import { pathIds } from '../orgs/org-path';
import { activePairedChildIds } from '../pairings/pairings.repository';
import { listEffectiveTerms } from '../terms/terms.repository';
import { responsibleUnits } from './duty-scope';
import { birthdaysAmong, schoolsAmong } from './schedule-facts.repository';

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The day in [from, to] on which someone born on `birthDate` has a birthday (29 Feb → 28 Feb). */
function birthdayIn(birthDate: string, from: string, to: string): string | null {
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const monthDay = birthDate.slice(5) === '02-29' && !isLeap(year) ? '02-28' : birthDate.slice(5);
    const day = `${year}-${monthDay}`;
    if (from <= day && day <= to) return day;
  }
  return null;
}

/**
 * 日历: the home-visit windows (期初/期中/期末) of the schools the caller works in or whose children
 * they are paired with, and the birthdays of the children they care for, between two dates.
 */
export async function calendarOf(db: Db, ctx: RequestContext, actor: Actor, from: string, to: string) {
  if (daysBetween(from, to) >= maxCalendarDays)
    throw invalidFields(ctx.language, [{ field: 'to', key: 'calendar_range_too_long' }]);
  const units = responsibleUnits(actor);
  const selection = { ...units, childIds: await activePairedChildIds(db, actor.userId, todayIso()) };

  const monthDays = new Set<string>();
  for (let day = from; day <= to; day = addDays(day, 1)) {
    monthDays.add(day.slice(5));
    if (day.slice(5) === '02-28' && !isLeap(Number(day.slice(0, 4)))) monthDays.add('02-29');
  }
  const children = await birthdaysAmong(db, selection, [...monthDays]);
  const names = await orgNames(
    db,
    children.map((c) => c.classId),
  );
  const birthdays = children
    .map((c) => ({ child: c, date: birthdayIn(c.birthDate!, from, to) }))
    .filter((b): b is { child: (typeof children)[number]; date: string } => b.date !== null)
    .map(({ child, date }) => ({
      childId: child.id,
      name: child.name,
      className: child.classId ? (names.get(child.classId) ?? null) : null,
      date,
      age: Number(date.slice(0, 4)) - Number(child.birthDate!.slice(0, 4)),
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name, 'zh-CN'));

  // Schools: where the caller holds a school or class role, and those of the children they care for.
  const schoolIds = new Set(await schoolsAmong(db, selection));
  for (const a of actor.assignments) {
    if (a.orgKind === 'school') schoolIds.add(a.orgId);
    if (a.orgKind === 'class') schoolIds.add(pathIds(a.orgPath).at(-2)!);
  }
  const { rules } = await loadSchoolsCare(db, ctx, [...schoolIds]);
  const schoolNames = await orgNames(db, [...schoolIds]);
  const homeVisitWindows = [];
  for (const schoolId of schoolIds) {
    const visitRules = rules.filter(
      (r) => r.schoolId === schoolId && r.active && r.kind === 'home_visit' && r.frequency === 'term_windows',
    );
    if (visitRules.length === 0) continue;
    const terms = await listEffectiveTerms(db, visitRules[0]!.countyId, schoolId);
    for (const term of terms.filter((t) => t.startDate <= to && t.endDate >= from)) {
      for (const rule of visitRules) {
        for (const w of termWindowPeriods(term, rule.windowDays)) {
          if (w.start > to || w.end < from) continue;
          homeVisitWindows.push({
            schoolId,
            schoolName: schoolNames.get(schoolId) ?? '',
            termId: term.id,
            ruleId: rule.id,
            window: w.window!,
            start: w.start,
            end: w.end,
          });
        }
      }
    }
  }
  homeVisitWindows.sort((a, b) => a.start.localeCompare(b.start) || a.schoolName.localeCompare(b.schoolName, 'zh-CN'));
  return { homeVisitWindows, birthdays };
}
