import { randomUUID } from 'node:crypto';
import type { Actor } from '../../lib/authz/actor';
import type { Placement } from './child-placement';
import { auditOrgOf } from './children.access';
import { canWriteChild } from './children.policy';
import type { ChildInsert, ChildRow } from './children.repository';
import type { Families } from './children-bulk.repository';
import type { OrgDirectory } from './children-import-orgs';
import type { ProblemList } from './children-import-rows';
import type { ImportCandidate, PersonInput } from './children-import-validate';
import {
  completenessOf,
  joinWorkPlace,
  personColumns,
  same,
  splitWorkPlace,
  type WriteSet,
} from './children-import-writes';
import type { GuardianRow } from './guardians.repository';
import { hashIdNumber, idNumberColumns, revealIdNumber } from './id-number-hash';
import type { ParentRow } from './parents.repository';
import { cachedPinyinKeys } from './pinyin-keys';

type Diff = Record<string, { from: unknown; to: unknown }>;

/** The units after the row: only the units the row names change; a new school drops the old class. */
function mergedPlacement(existing: ChildRow, c: ImportCandidate, orgs: OrgDirectory): Placement | undefined {
  if (!c.placement) return undefined;
  const schoolId = c.given.school ? c.placement.schoolId : existing.schoolId;
  const classId = c.given.class ? c.placement.classId : schoolId !== existing.schoolId ? null : existing.classId;
  const villageId = c.given.village ? c.placement.villageId : existing.villageId;
  const path = (id: string | null) => (id ? (orgs.get(id)?.path ?? null) : null);
  return {
    schoolId,
    classId,
    villageId,
    countyId: existing.countyId,
    schoolPath: path(classId) ?? path(schoolId),
    villagePath: path(villageId),
  };
}

/** Changed fields of a person row, as column changes and as audit diff entries under `prefix`. */
function personChanges(row: ParentRow | GuardianRow, input: PersonInput, prefix: string, diff: Diff) {
  const wanted = personColumns({ ...input, workPlace: undefined });
  const stored = row as { workProvince?: string | null; workCity?: string | null };
  if (input.workPlace !== undefined && joinWorkPlace(stored.workProvince, stored.workCity) !== input.workPlace)
    Object.assign(wanted, splitWorkPlace(input.workPlace));
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wanted)) {
    const before = (row as Record<string, unknown>)[key];
    if (key === 'idNumberMasked') continue;
    // Stored ID numbers are ciphertext (a new nonce each time): compare the numbers themselves.
    if (key === 'idNumber' ? revealIdNumber(before as string | null) === input.fields.idNumber : same(before, value))
      continue;
    changes[key] = value;
    if (key === 'idNumber') {
      changes.idNumberMasked = wanted.idNumberMasked;
      diff[`${prefix}.idNumberMasked`] = { from: row.idNumberMasked, to: wanted.idNumberMasked };
    } else diff[`${prefix}.${key}`] = { from: before ?? null, to: value };
  }
  return changes;
}

/**
 * Compares one matched row with the stored archive and records what differs. Empty cells leave
 * fields alone; categories are only added; a new 委托监护确认书 date appends a signing.
 */
export function addChildUpdate(
  writes: WriteSet,
  actor: Actor,
  match: { candidate: ImportCandidate; existing: ChildRow },
  families: Families,
  orgs: OrgDirectory,
  problems: ProblemList,
  today: string,
): void {
  const { candidate: c, existing: e } = match;
  const diff: Diff = {};
  const changes: Partial<ChildInsert> = {};
  for (const [key, value] of Object.entries(c.child)) {
    const before = (e as Record<string, unknown>)[key];
    if (!same(before, value)) {
      (changes as Record<string, unknown>)[key] = value;
      diff[key] = { from: before ?? null, to: value };
    }
  }
  if (c.name && c.name !== e.name) {
    Object.assign(changes, { name: c.name, ...cachedPinyinKeys(c.name) });
    diff.name = { from: e.name, to: c.name };
  }
  if (c.idNumber && hashIdNumber(c.idNumber) !== e.idNumberHash) {
    const id = idNumberColumns(c.idNumber);
    Object.assign(changes, id);
    diff.idNumberMasked = { from: e.idNumberMasked, to: id.idNumberMasked };
  }
  const placement = mergedPlacement(e, c, orgs);
  if (placement) {
    if (!canWriteChild(actor, placement)) {
      problems.add(c.row, c.given.class ? 'child.className' : 'child.schoolName', 'org_out_of_scope');
      return;
    }
    for (const key of ['schoolId', 'classId', 'villageId'] as const)
      if (placement[key] !== e[key]) diff[key] = { from: e[key], to: placement[key] };
    if (placement.schoolId !== e.schoolId || placement.classId !== e.classId || placement.villageId !== e.villageId)
      Object.assign(changes, placement);
  }
  const bumpVersion = Object.keys(changes).length > 0;
  const base = { childId: e.id, countyId: e.countyId };

  if (c.enrollmentStatus && c.enrollmentStatus !== e.enrollmentStatus) {
    Object.assign(changes, { enrollmentStatus: c.enrollmentStatus, enrollmentDate: today });
    writes.enrollmentInserts.push({ ...base, status: c.enrollmentStatus, date: today, createdBy: actor.userId });
    diff.enrollmentStatus = { from: e.enrollmentStatus, to: c.enrollmentStatus };
  }
  const active = (families.categories.get(e.id) ?? []).map((r) => r.category);
  const added = (c.categories ?? []).filter((category) => !active.includes(category));
  for (const category of added)
    writes.categoryInserts.push({
      ...base,
      category,
      startDate: c.categoryStartDate ?? today,
      createdBy: actor.userId,
    });
  if (added.length > 0) diff.categories = { from: active, to: [...active, ...added] };

  const parents = [...(families.parents.get(e.id) ?? [])].map((p) => ({ ...p }));
  for (const relation of ['father', 'mother'] as const) {
    const input = c[relation];
    if (!input) continue;
    const row = parents.find((p) => p.relation === relation);
    if (row) {
      const change = personChanges(row, input, relation, diff);
      if (Object.keys(change).length > 0) {
        writes.parentUpdates.push({ id: row.id, changes: change });
        Object.assign(row, change);
      }
    } else if (input.fields.name) {
      const inserted = { ...personColumns(input), ...base, relation, id: randomUUID() } as ParentRow;
      writes.parentInserts.push(inserted);
      parents.push(inserted);
      diff[relation] = { from: null, to: input.fields.name };
    }
  }

  const guardians = [...(families.guardians.get(e.id) ?? [])].map((g) => ({ ...g }));
  const g = c.guardian;
  if (g?.fields.name) {
    let row = guardians.find((x) => x.name === g.fields.name);
    if (row) {
      const change = personChanges(row, g, 'guardian', diff);
      if (Object.keys(change).length > 0) {
        writes.guardianUpdates.push({ id: row.id, changes: change });
        Object.assign(row, change);
      }
    } else if (g.fields.relation) {
      const isPrimary = !guardians.some((x) => x.isPrimary);
      row = { ...personColumns(g), ...base, id: randomUUID(), isPrimary } as GuardianRow;
      writes.guardianInserts.push(row);
      guardians.push(row);
      diff.guardian = { from: null, to: g.fields.name };
    }
    const signed = row ? (families.entrustments.get(row.id) ?? []).map((x) => x.signedOn) : [];
    if (row && g.entrustment && !signed.includes(g.entrustment.signedOn)) {
      const entrustmentId = randomUUID();
      writes.entrustmentInserts.push({ id: entrustmentId, guardianId: row.id, ...base, ...g.entrustment });
      if (!row.entrustmentSignedOn || g.entrustment.signedOn >= row.entrustmentSignedOn) {
        const current = {
          entrustmentId,
          entrustmentSignedOn: g.entrustment.signedOn,
          entrustmentValidUntil: g.entrustment.validUntil,
        };
        const inserted = writes.guardianInserts.find((x) => x.id === row!.id);
        if (inserted) Object.assign(inserted, current);
        else writes.guardianUpdates.push({ id: row.id, changes: current });
      }
      diff['guardian.entrustmentSignedOn'] = { from: row.entrustmentSignedOn ?? null, to: g.entrustment.signedOn };
    }
  }

  if (Object.keys(diff).length === 0) {
    writes.unchanged++;
    return;
  }
  const merged = { ...e, ...changes } as Record<string, unknown> & ChildRow;
  const completeness = completenessOf(merged, [...active, ...added], parents, guardians);
  if (completeness.archiveComplete !== e.archiveComplete || !same(completeness.archiveMissing, e.archiveMissing))
    Object.assign(changes, completeness);
  if (Object.keys(changes).length > 0) writes.childUpdates.push({ id: e.id, changes, bumpVersion });
  writes.updated++;
  writes.updatedIds.push(e.id);
  writes.audits.push({
    event: 'child.updated',
    targetType: 'child',
    targetId: e.id,
    childId: e.id,
    org: auditOrgOf({ ...e, ...(placement ?? {}) }),
    diff: { ...diff, source: { from: null, to: 'import' } },
  });
}
