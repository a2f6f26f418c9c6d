import { type ConsentCategory, consentCategoryLabels, type ErrorCode } from '@shouwang/shared';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import { inScope } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { activityParticipation } from '../activities/activities.table';
import { coversChild } from '../children/children.policy';
import { child } from '../children/children.table';
import { childConsent } from './privacy.table';

/**
 * Consent that blocks (PIPL Art. 31; 儿童个人信息网络保护规定 Art. 9): where a data category's use
 * needs the guardian's consent or a legal basis, the use is refused without one.
 *
 * - `active`: a recorded consent or legal basis, not withdrawn;
 * - `withdrawn`: every record of the category was withdrawn;
 * - `missing`: nothing recorded.
 */
export type ConsentState = 'active' | 'withdrawn' | 'missing';

export async function consentStates(
  db: Db,
  childIds: string[],
  category: ConsentCategory,
): Promise<Map<string, ConsentState>> {
  const states = new Map<string, ConsentState>(childIds.map((id) => [id, 'missing']));
  if (childIds.length === 0) return states;
  const rows = await db
    .select({ childId: childConsent.childId, withdrawnAt: childConsent.withdrawnAt })
    .from(childConsent)
    .where(
      and(inArray(childConsent.childId, childIds), eq(childConsent.category, category), isNull(childConsent.deletedAt)),
    );
  for (const r of rows) {
    if (r.withdrawnAt === null) states.set(r.childId, 'active');
    else if (states.get(r.childId) !== 'active') states.set(r.childId, 'withdrawn');
  }
  return states;
}

const stateText = {
  missing: { zh: '尚未登记监护人同意或法定依据', en: 'no consent or legal basis recorded' },
  withdrawn: { zh: '监护人已撤回同意', en: 'the consent was withdrawn' },
};

const gateCode: Partial<Record<ConsentCategory, ErrorCode>> = {
  photos: 'CONSENT_PHOTOS_MISSING',
  sharing_with_village: 'CONSENT_SHARING_MISSING',
};

/**
 * Refuses (422) unless every child has an active consent or legal basis for the category. Each
 * child without one is a detail whose `field` is the child's id (the web links to the child's
 * 隐私与同意 tab) and whose message names the child and what is missing.
 */
export async function requireConsent(
  db: Db,
  ctx: RequestContext,
  children: { id: string; name: string; named?: boolean }[],
  category: 'photos' | 'sharing_with_village',
) {
  const states = await consentStates(
    db,
    children.map((c) => c.id),
    category,
  );
  const blocked = children.filter((c) => states.get(c.id) !== 'active');
  if (blocked.length === 0) return;
  const en = ctx.language === 'en';
  const label = consentCategoryLabels[category][en ? 'en' : 'zh'];
  throw new AppError(gateCode[category]!, {
    details: blocked.map((c) => {
      const state = stateText[states.get(c.id) as 'missing' | 'withdrawn'][en ? 'en' : 'zh'];
      // A child outside the caller's own grant (another class's, in a school-wide activity) is not named.
      if (c.named === false)
        return {
          message: en
            ? `A child of another unit: ${label} — ${state}`
            : `其他班级（单位）的一名儿童：“${label}”${state}`,
        };
      return {
        field: c.id,
        message: en ? `${c.name}: ${label} — ${state}` : `${c.name}：“${label}”${state}`,
      };
    }),
  });
}

/** The children taking part in an activity, for its photo gate; only those the actor covers are named. */
export async function participantsForConsent(db: Db, actor: Actor, activityId: string) {
  const rows = await db
    .select({ id: child.id, name: child.name, schoolPath: child.schoolPath, villagePath: child.villagePath })
    .from(activityParticipation)
    .innerJoin(child, eq(child.id, activityParticipation.childId))
    .where(eq(activityParticipation.activityId, activityId));
  return rows.map((r) => ({ id: r.id, name: r.name, named: coversChild(actor, 'child.read', r) }));
}

/**
 * Activities whose photos a participant's withdrawn photo consent holds back: activity id → the
 * participants (id, name) who withdrew. Photos are not tagged with faces, so the whole gallery of
 * such an activity is held back until its organizers remove the photos that show the child.
 */
export async function withdrawnPhotoConsents(db: Db, activityIds: string[]) {
  const result = new Map<string, { childId: string; name: string }[]>();
  if (activityIds.length === 0) return result;
  const rows = await db
    .select({ activityId: activityParticipation.activityId, childId: child.id, name: child.name })
    .from(activityParticipation)
    .innerJoin(child, eq(child.id, activityParticipation.childId))
    .where(inArray(activityParticipation.activityId, activityIds));
  const states = await consentStates(db, [...new Set(rows.map((r) => r.childId))], 'photos');
  for (const r of rows) {
    if (states.get(r.childId) !== 'withdrawn') continue;
    result.set(r.activityId, [...(result.get(r.activityId) ?? []), { childId: r.childId, name: r.name }]);
  }
  return result;
}

/**
 * 与村（社区）共享: a school's child printed or exported by a user who reaches the child only through
 * the home village (a child director), not through the school, takes the school's record to the
 * village; that needs the sharing consent or a legal basis. Children the caller reaches through
 * their school or class, children not in school (the village's own), and paired helpers are not gated.
 */
export async function requireVillageSharing(db: Db, ctx: RequestContext, actor: Actor, children: PlacedChild[]) {
  await requireConsent(db, ctx, children.filter(viaVillageOnly(actor)), 'sharing_with_village');
}

type PlacedChild = { id: string; name: string; schoolPath: string | null; villagePath: string | null };

const viaVillageOnly = (actor: Actor) => (c: Omit<PlacedChild, 'name'>) =>
  c.schoolPath !== null &&
  !inScope(actor, 'child.read', c.schoolPath) &&
  c.villagePath !== null &&
  inScope(actor, 'child.read', c.villagePath);

/**
 * For list exports: the ids of the children the village may not take (same rule as above), to be
 * left out of the file with a note, so one missing consent does not stop a village's whole list.
 */
export async function withheldFromVillage(db: Db, actor: Actor, children: Omit<PlacedChild, 'name'>[]) {
  const candidates = children.filter(viaVillageOnly(actor)).map((c) => c.id);
  const states = await consentStates(db, candidates, 'sharing_with_village');
  return new Set(candidates.filter((id) => states.get(id) !== 'active'));
}
