import { type DuplicateCandidate, type Language, validationMessage } from '@shouwang/shared';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../lib/authz/actor';
import { AppError } from '../../../lib/errors';
import { canReadChild, childScope } from '../children.policy';
import * as repo from '../children.repository';

/** Refuses an ID number another live child holds (anywhere: a child is registered once). */
export async function assertIdNumberFree(
  db: Db,
  actor: Actor,
  language: Language,
  idNumberHash: string | null,
  exceptId?: string,
): Promise<void> {
  if (!idNumberHash) return;
  const holder = await repo.findIdNumberHolder(db, idNumberHash, exceptId);
  if (!holder) return;
  const { pairedIds } = await childScope(db, actor);
  const visible = canReadChild(actor, holder, pairedIds);
  throw new AppError('ID_NUMBER_TAKEN', {
    details: [{ field: 'idNumber', message: validationMessage('id_number_taken', language)! }],
    candidates: visible ? [await describe(db, holder.id, 'same_id_number')] : [],
  });
}

async function describe(db: Db, id: string, reason: DuplicateCandidate['reason']) {
  const row = (await repo.findChild(db, id))!;
  const names = await repo.orgNames(db, [row.schoolId, row.villageId]);
  return {
    id: row.id,
    name: row.name,
    birthDate: row.birthDate,
    schoolName: row.schoolId ? (names.get(row.schoolId) ?? null) : null,
    villageName: row.villageId ? (names.get(row.villageId) ?? null) : null,
    reason,
    visible: true,
  } satisfies DuplicateCandidate;
}

/**
 * Possible duplicates of a new child (same name and birth date in the county, or a similar name in
 * the same school). Candidates the caller may not see keep only what lets two units find each
 * other: the school and village, and the name only when it is the one the caller typed.
 */
export async function suspectedDuplicates(
  db: Db,
  actor: Actor,
  input: { countyId: string; name: string; namePinyin: string; birthDate: string | null; schoolId: string | null },
): Promise<DuplicateCandidate[]> {
  const rows = await repo.findSuspectedDuplicates(db, input);
  if (rows.length === 0) return [];
  const { pairedIds } = await childScope(db, actor);
  const names = await repo.orgNames(
    db,
    rows.flatMap((r) => [r.schoolId, r.villageId]),
  );
  return rows.map((r) => {
    const visible = canReadChild(actor, r, pairedIds);
    const reason = r.sameNameAndBirth ? 'same_name_and_birth_date' : 'similar_name_same_school';
    const hideName = !visible && reason === 'similar_name_same_school';
    return {
      id: visible ? r.id : null,
      name: hideName ? `${[...r.name][0] ?? ''}**` : r.name,
      birthDate: visible || !hideName ? r.birthDate : null,
      schoolName: r.schoolId ? (names.get(r.schoolId) ?? null) : null,
      villageName: r.villageId ? (names.get(r.villageId) ?? null) : null,
      reason,
      visible,
    };
  });
}
