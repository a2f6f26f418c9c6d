import type { ConsentCategory } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { childConsent } from './privacy.table';

/** Records a guardian's consent for a child directly (recording over HTTP is proved in privacy-consent.test.ts). */
export async function grantConsent(
  db: Db,
  child: { id: string; countyId: string },
  category: ConsentCategory,
  basis: 'guardian_consent' | 'legal_duty' = 'guardian_consent',
) {
  await db.insert(childConsent).values({
    countyId: child.countyId,
    childId: child.id,
    category,
    basis,
    consenterName: basis === 'guardian_consent' ? '测试家长' : null,
    consenterRelation: basis === 'guardian_consent' ? '母亲' : null,
    consentedOn: '2026-09-01',
  });
}
