import type { PairingView } from '@shouwang/shared';
import type { Actor } from '../../lib/authz/actor';
import { pairingAbilities } from './pairings.policy';
import type { findPairing, PairingRow } from './pairings.repository';

export type PairingWithChild = NonNullable<Awaited<ReturnType<typeof findPairing>>>;

export const isActiveOn = (row: Pick<PairingRow, 'startDate' | 'endDate'>, date: string) =>
  row.startDate <= date && (row.endDate === null || row.endDate > date);

/** `names`: org names by id (the child's class, the buddy's class). */
export function presentPairing(
  actor: Actor,
  { pairing: row, child, helperName }: PairingWithChild,
  names: Map<string, string>,
  today: string,
): PairingView {
  return {
    id: row.id,
    kind: row.kind,
    child: {
      id: row.childId,
      name: child.name,
      className: child.classId ? (names.get(child.classId) ?? null) : null,
      schoolId: child.schoolId,
    },
    helper: row.helperUserId ? { userId: row.helperUserId, displayName: helperName ?? '' } : null,
    buddy:
      row.buddyName && row.buddyClassId
        ? { name: row.buddyName, classId: row.buddyClassId, className: names.get(row.buddyClassId) ?? '' }
        : null,
    startDate: row.startDate,
    endDate: row.endDate,
    active: isActiveOn(row, today),
    handoverId: row.handoverId,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    abilities: pairingAbilities(actor, row, child, today),
  };
}

/** Org ids a list of pairings needs names for. */
export const orgIdsOf = (rows: PairingWithChild[]) => rows.flatMap((r) => [r.child.classId, r.pairing.buddyClassId]);

/** The audit snapshot of a pairing. */
export const pairingSnapshot = (row: PairingRow) => ({
  childId: row.childId,
  kind: row.kind,
  helperUserId: row.helperUserId,
  buddyName: row.buddyName,
  buddyClassId: row.buddyClassId,
  startDate: row.startDate,
  endDate: row.endDate,
  handoverId: row.handoverId,
  note: row.note,
  version: row.version,
});
