import type { Actor } from '../../lib/authz/actor';
import { coversChild } from '../children/children.policy';

/**
 * Who may read and write care records. A grant of `care_record.read` / `care_record.write` over the
 * child's class, school or home village covers them; mentors' grants cover only their paired
 * children (`pairedIds`, from `childScope`). A record is edited by its author during the school's
 * edit window (7 days by default), and afterwards only by a holder of `care_record.edit_any`
 * (the school administrator).
 */

interface ChildPlacement {
  id: string;
  schoolPath: string | null;
  villagePath: string | null;
}

export const canReadCareOf = (actor: Actor, child: ChildPlacement, pairedIds: readonly string[]) =>
  coversChild(actor, 'care_record.read', child) || pairedIds.includes(child.id);

export const canWriteCareOf = (actor: Actor, child: ChildPlacement, pairedIds: readonly string[]) =>
  coversChild(actor, 'care_record.write', child) || pairedIds.includes(child.id);

export const canEditAnyCareOf = (actor: Actor, child: Omit<ChildPlacement, 'id'>) =>
  coversChild(actor, 'care_record.edit_any', child);

const DAY_MS = 86_400_000;
export const editableUntil = (createdAt: Date, editDays: number) => new Date(createdAt.getTime() + editDays * DAY_MS);

export type EditRefusal = 'CARE_RECORD_NOT_AUTHOR' | 'CARE_RECORD_EDIT_CLOSED' | null;

/** Why the actor may not change the record, or null when they may. */
export function editRefusal(
  actor: Actor,
  record: { authorId: string; createdAt: Date },
  child: ChildPlacement,
  canWrite: boolean,
  editDays: number,
  now: Date,
): EditRefusal {
  if (canEditAnyCareOf(actor, child)) return null;
  if (record.authorId !== actor.userId || !canWrite) return 'CARE_RECORD_NOT_AUTHOR';
  if (now > editableUntil(record.createdAt, editDays)) return 'CARE_RECORD_EDIT_CLOSED';
  return null;
}

export function careRecordAbilities(
  actor: Actor,
  record: { authorId: string; createdAt: Date; followUpNeeded: boolean; followUpDoneOn: string | null },
  child: ChildPlacement,
  canWrite: boolean,
  editDays: number,
  now: Date,
) {
  const edit = editRefusal(actor, record, child, canWrite, editDays, now) === null;
  const followUpOpen = record.followUpNeeded && record.followUpDoneOn === null;
  const closer = (record.authorId === actor.userId && canWrite) || canEditAnyCareOf(actor, child);
  return { update: edit, delete: edit, closeFollowUp: followUpOpen && closer };
}
