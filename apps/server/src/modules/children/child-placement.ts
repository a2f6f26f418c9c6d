import type { Language } from '@shouwang/shared';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import { findOrg, type OrgRow } from '../orgs/orgs.repository';
import { invalidFields } from './children.access';
import { canWriteChild } from './children.policy';

export interface PlacementInput {
  schoolId: string | null;
  classId: string | null;
  villageId: string | null;
}

export interface Placement extends PlacementInput {
  countyId: string;
  /** The class's path when in a class, else the school's. */
  schoolPath: string | null;
  villagePath: string | null;
}

/**
 * Checks where a child is filed: a school, a class of that school, a village of the same county,
 * all active; and that the caller may keep archives there. Answers the paths the scope filters use.
 */
export async function resolvePlacement(
  db: Db,
  actor: Actor,
  input: PlacementInput,
  language: Language,
): Promise<Placement> {
  const issues: { field: string; key: string }[] = [];
  const load = async (id: string | null, kind: OrgRow['kind'], field: string, key: string) => {
    if (!id) return null;
    const row = await findOrg(db, id);
    if (!row || row.kind !== kind) issues.push({ field, key });
    else if (!row.active) issues.push({ field, key: 'org_inactive' });
    else return row;
    return null;
  };
  const school = await load(input.schoolId, 'school', 'schoolId', 'school_invalid');
  const cls = await load(input.classId, 'class', 'classId', 'class_not_in_school');
  const village = await load(input.villageId, 'village', 'villageId', 'village_invalid');
  if (input.classId && !input.schoolId) issues.push({ field: 'classId', key: 'class_requires_school' });
  if (cls && school && cls.parentId !== school.id) issues.push({ field: 'classId', key: 'class_not_in_school' });
  if (school && village && school.countyId !== village.countyId)
    issues.push({ field: 'villageId', key: 'village_invalid' });
  if (!input.schoolId && !input.villageId) issues.push({ field: 'schoolId', key: 'school_or_village_required' });
  if (issues.length > 0) throw invalidFields(language, issues);

  const placement: Placement = {
    ...input,
    countyId: (school ?? village)!.countyId,
    schoolPath: cls?.path ?? school?.path ?? null,
    villagePath: village?.path ?? null,
  };
  if (!canWriteChild(actor, placement)) {
    const field = input.classId ? 'classId' : input.schoolId ? 'schoolId' : 'villageId';
    throw invalidFields(language, [{ field, key: 'org_out_of_scope' }]);
  }
  return placement;
}
