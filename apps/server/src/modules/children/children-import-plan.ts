import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import { grantsFor } from '../../lib/authz/scope';
import { canWriteChild } from './children.policy';
import type { ChildRow } from './children.repository';
import { childrenByIdHashes, childrenByNames } from './children-bulk.repository';
import type { ProblemList } from './children-import-rows';
import type { ImportCandidate } from './children-import-validate';
import { hashIdNumber } from './id-number-hash';

/**
 * Which archive each row is: matched by ID number (anywhere: a child is filed once), else by
 * name + birth date + school (the home village for a row naming no school) in the caller's
 * counties; otherwise a new child. Two lookups for the
 * whole file. Rows that would file the same child twice, or touch an archive out of the caller's
 * write scope, are problems.
 */
export interface Matched {
  candidate: ImportCandidate;
  existing: ChildRow;
}

export interface Matching {
  creates: ImportCandidate[];
  matches: Matched[];
}

/** Name + birth date + school, or + home village for a child at no school (a village's archive). */
const nameKey = (name: string, birthDate: unknown, unit: string | null | undefined) =>
  birthDate && unit ? `${name}|${birthDate}|${unit}` : null;

export async function matchCandidates(
  db: Db,
  actor: Actor,
  candidates: ImportCandidate[],
  problems: ProblemList,
): Promise<Matching> {
  const named = candidates.filter((c) => c.name !== undefined);
  const hashes = new Map(named.filter((c) => c.idNumber).map((c) => [c, hashIdNumber(c.idNumber!)]));
  const byHash = new Map((await childrenByIdHashes(db, [...hashes.values()])).map((r) => [r.idNumberHash!, r]));
  const counties = [...new Set(grantsFor(actor, 'child.write').map((g) => g.countyId))];
  const unmatchedNames = named.filter((c) => !byHash.has(hashes.get(c) ?? '')).map((c) => c.name!);
  const byName = new Map<string, ChildRow>();
  for (const row of await childrenByNames(db, counties, unmatchedNames)) {
    for (const unit of [row.schoolId, row.villageId]) {
      const key = nameKey(row.name, row.birthDate, unit);
      if (key && !byName.has(key)) byName.set(key, row);
    }
  }

  const creates: ImportCandidate[] = [];
  const matches: Matched[] = [];
  const firstRowOfHash = new Map<string, number>();
  const firstRowOfChild = new Map<string, number>();
  const firstRowOfKey = new Map<string, { row: number; hash: string | undefined }>();
  for (const candidate of named) {
    const { row } = candidate;
    const hash = hashes.get(candidate);
    if (hash) {
      const first = firstRowOfHash.get(hash);
      if (first !== undefined) {
        problems.add(row, 'child.idNumber', 'duplicate_id_in_file', { row: first });
        continue;
      }
      firstRowOfHash.set(hash, row);
    }
    const birthDate = candidate.child.birthDate;
    const { given, placement } = candidate;
    const unit = given.school ? placement?.schoolId : given.village ? placement?.villageId : undefined;
    const key = nameKey(candidate.name!, birthDate, unit);
    const byId = hash ? byHash.get(hash) : undefined;
    const existing = byId ?? (key ? byName.get(key) : undefined);
    if (existing) {
      if (!canWriteChild(actor, existing)) {
        problems.add(row, byId ? 'child.idNumber' : 'child.name', byId ? 'id_taken_elsewhere' : 'matched_out_of_scope');
        continue;
      }
      if (!byId && hash && existing.idNumberHash && existing.idNumberHash !== hash) {
        problems.add(row, 'child.idNumber', 'id_conflict_on_match');
        continue;
      }
      const first = firstRowOfChild.get(existing.id);
      if (first !== undefined) {
        problems.add(row, 'child.name', 'duplicate_child_in_file', { row: first });
        continue;
      }
      firstRowOfChild.set(existing.id, row);
      matches.push({ candidate, existing });
      continue;
    }
    if (key) {
      const first = firstRowOfKey.get(key);
      if (first !== undefined) {
        const otherId = first.hash !== undefined && hash !== undefined;
        problems.add(row, 'child.name', otherId ? 'same_child_other_id' : 'duplicate_child_in_file', {
          row: first.row,
        });
        continue;
      }
      firstRowOfKey.set(key, { row, hash });
    }
    if (!candidate.placement && !candidate.given.school && !candidate.given.village)
      problems.add(row, 'child.schoolName', 'school_or_village_required');
    else if (candidate.placement && !canWriteChild(actor, candidate.placement)) {
      const { given } = candidate;
      const path = given.class ? 'child.className' : given.school ? 'child.schoolName' : 'child.villageName';
      problems.add(row, path, 'org_out_of_scope');
    }
    creates.push(candidate);
  }
  return { creates, matches };
}
