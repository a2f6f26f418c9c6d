import { sql } from 'drizzle-orm';
import { childConsent } from '../modules/privacy/privacy.table';
import { rowsOf } from '../modules/stats/stats.repository';
import { bulkInsert } from './bulk-insert';
import { dateBetween } from './people';
import type { GenPart } from './world';

type ConsentRow = typeof childConsent.$inferInsert;

/** Families who signed the school's photo consent at enrolment (the rest never returned the form). */
const photoShare = 0.9;
/** Of the school children, how many families also agreed that the home village may see the archive. */
const sharingShare = 0.75;
/** Of the photo consents, how many were withdrawn later. */
const withdrawnShare = 0.01;

/**
 * 同意: the guardian consents the school collects with the enrolment forms — photos for most
 * children, sharing with the home village for many — signed by a parent (the mother where there
 * is one) on a day of the last or this school year; a few withdrawn since.
 */
export const consentsGen: GenPart = {
  name: 'consents',
  tables: ['child_consent'],
  async run(ctx) {
    const { world } = ctx;
    const rng = ctx.rng('consents');
    const newId = ctx.ids('consents');
    const y = world.schoolYear.startYear;
    const signer = new Map<string, { name: string; relation: string }>();
    const parents = rowsOf<{ childId: string; name: string; relation: string }>(
      await ctx.db.execute(sql`
        select distinct on (child_id) child_id as "childId", name, relation from parent
        where county_id = ${world.county.id} and deleted_at is null
        order by child_id, (relation = 'mother') desc, relation`),
    );
    for (const p of parents) signer.set(p.childId, p);
    const relationLabel: Record<string, string> = { mother: '母亲', father: '父亲' };

    const rows: ConsentRow[] = [];
    for (const child of world.children) {
      const parent = signer.get(child.id);
      if (child.deleted || !parent) continue;
      const base = {
        countyId: world.county.id,
        childId: child.id,
        basis: 'guardian_consent' as const,
        consenterName: parent.name,
        consenterRelation: relationLabel[parent.relation] ?? '监护人',
        consentedOn: dateBetween(rng, `${y - 1}-09-01`, `${y}-09-10`),
      };
      if (rng.chance(photoShare)) {
        const withdrawn = rng.chance(withdrawnShare);
        rows.push({
          ...base,
          id: newId(),
          category: 'photos',
          withdrawnAt: withdrawn ? new Date(`${y}-10-15T08:00:00+08:00`) : null,
          withdrawalReason: withdrawn ? '家长要求不再使用孩子的照片' : null,
        });
      }
      if (child.schoolId && rng.chance(sharingShare))
        rows.push({ ...base, id: newId(), category: 'sharing_with_village' });
    }
    return { child_consent: await bulkInsert(ctx.db, childConsent, rows) };
  },
};
