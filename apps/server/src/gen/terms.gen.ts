import { term } from '../modules/terms/terms.table';
import { bulkInsert } from './bulk-insert';
import type { GenPart, GenTerm } from './world';

/**
 * 学期: the county's two terms of last school year and of this one, and boarding middle schools
 * that start a couple of days early (their override of the current autumn term).
 */
export const termsGen: GenPart = {
  name: 'terms',
  tables: ['term'],
  async run(ctx) {
    const { world } = ctx;
    const rng = ctx.rng('terms');
    const newId = ctx.ids('terms');
    const y = world.schoolYear.startYear;
    const terms: GenTerm[] = [];
    for (const start of [y - 1, y]) {
      const schoolYear = `${start}-${start + 1}`;
      terms.push(
        { id: newId(), orgId: world.county.id, schoolYear, termNo: 1, ...autumn(start) },
        {
          id: newId(),
          orgId: world.county.id,
          schoolYear,
          termNo: 2,
          startDate: `${start + 1}-02-24`,
          midDate: `${start + 1}-04-26`,
          endDate: `${start + 1}-07-05`,
        },
      );
    }
    for (const school of world.schools) {
      if (school.grades[0]! < 7 || !rng.chance(0.5)) continue;
      terms.push({
        id: newId(),
        orgId: school.id,
        schoolYear: world.schoolYear.label,
        termNo: 1,
        ...autumn(y),
        startDate: `${y}-08-30`,
        endDate: `${y + 1}-01-22`,
      });
    }
    world.terms = terms;
    return {
      term: await bulkInsert(
        ctx.db,
        term,
        terms.map((t) => ({ ...t, countyId: world.county.id })),
      ),
    };
  },
};

function autumn(startYear: number) {
  return { startDate: `${startYear}-09-01`, midDate: `${startYear}-11-09`, endDate: `${startYear + 1}-01-20` };
}
