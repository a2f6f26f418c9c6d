import { randomUUID } from 'node:crypto';
import type { Actor } from '../../lib/authz/actor';
import { auditOrgOf } from './children.access';
import type { ChildInsert } from './children.repository';
import type { ImportCandidate } from './children-import-validate';
import { auditView, completenessOf, personColumns, type WriteSet } from './children-import-writes';
import type { GuardianInsert } from './guardians.repository';
import { idNumberColumns } from './id-number-hash';
import type { ParentInsert } from './parents.repository';
import { cachedPinyinKeys } from './pinyin-keys';

/** The rows of a new child from one import row: the child, categories, enrollment, parents, guardian. */
export function addNewChild(writes: WriteSet, actor: Actor, candidate: ImportCandidate, today: string): void {
  const id = randomUUID();
  const placement = candidate.placement!;
  const base = { childId: id, countyId: placement.countyId };
  const categories = candidate.categories ?? [];
  for (const category of categories)
    writes.categoryInserts.push({
      ...base,
      category,
      startDate: candidate.categoryStartDate ?? today,
      createdBy: actor.userId,
    });

  const parents: ParentInsert[] = [];
  for (const relation of ['father', 'mother'] as const) {
    const input = candidate[relation];
    if (!input?.fields.name) continue;
    parents.push(Object.assign(personColumns(input), base, { relation, id: randomUUID() }) as ParentInsert);
  }
  writes.parentInserts.push(...parents);

  const guardians: GuardianInsert[] = [];
  const g = candidate.guardian;
  if (g?.fields.name && g.fields.relation) {
    const guardianId = randomUUID();
    const row = Object.assign(personColumns(g), base, { id: guardianId, isPrimary: true }) as GuardianInsert;
    if (g.entrustment) {
      const entrustmentId = randomUUID();
      writes.entrustmentInserts.push({
        id: entrustmentId,
        guardianId,
        ...base,
        signedOn: g.entrustment.signedOn,
        validUntil: g.entrustment.validUntil,
        createdBy: actor.userId,
      });
      Object.assign(row, {
        entrustmentId,
        entrustmentSignedOn: g.entrustment.signedOn,
        entrustmentValidUntil: g.entrustment.validUntil,
      });
    }
    guardians.push(row);
  }
  writes.guardianInserts.push(...guardians);

  // Object.assign rather than spreads: several times faster on these wide rows.
  const child: ChildInsert = Object.assign(
    {},
    candidate.child as Partial<ChildInsert>,
    { id, name: candidate.name! },
    cachedPinyinKeys(candidate.name!),
    idNumberColumns(candidate.idNumber),
    placement,
    // Filled here so that the categories' trigger (migration 0024) finds the row right already.
    { openCategories: [...categories].sort() },
  );
  if (candidate.enrollmentStatus) {
    child.enrollmentStatus = candidate.enrollmentStatus;
    child.enrollmentDate = today;
    writes.enrollmentInserts.push({
      ...base,
      status: candidate.enrollmentStatus,
      date: today,
      createdBy: actor.userId,
    });
  }
  Object.assign(child, completenessOf(child as Record<string, unknown> & ChildInsert, categories, parents, guardians));
  writes.childInserts.push(child);
  writes.created++;
  writes.createdIds.push(id);
  writes.audits.push({
    event: 'child.created',
    targetType: 'child',
    targetId: id,
    childId: id,
    org: auditOrgOf({ ...placement, countyId: placement.countyId }),
    after: Object.assign(auditView(child as Record<string, unknown>), {
      categories,
      father: candidate.father?.fields.name ?? null,
      mother: candidate.mother?.fields.name ?? null,
      guardian: g?.fields.name ?? null,
      source: 'import',
    }),
  });
}
