import { type GuardianView, type ParentView, todayIso } from '@shouwang/shared';
import type { EntrustmentItem, GuardianItem, ParentItem } from './child-page.repository';
import { type childAbilities, familyAbilities } from './children.policy';
import type { GuardianRow } from './guardians.repository';
import type { ParentRow } from './parents.repository';

type ChildAbilities = ReturnType<typeof childAbilities>;

export function presentParent(child: ChildAbilities, row: ParentItem): ParentView {
  return {
    id: row.id,
    relation: row.relation,
    name: row.name,
    status: row.status,
    birthDate: row.birthDate,
    idNumberMasked: row.idNumberMasked,
    workProvince: row.workProvince,
    workCity: row.workCity,
    employer: row.employer,
    occupation: row.occupation,
    phones: row.phones,
    leftHomeOn: row.leftHomeOn,
    returnFrequency: row.returnFrequency,
    contactFrequency: row.contactFrequency,
    unreachable: row.unreachable,
    note: row.note,
    version: row.version,
    abilities: familyAbilities(child),
  };
}

const presentEntrustment = (e: EntrustmentItem) => ({
  id: e.id,
  signedOn: e.signedOn,
  validUntil: e.validUntil,
  attachmentId: e.attachmentId,
  note: e.note,
});

export function presentGuardian(child: ChildAbilities, row: GuardianItem, history: EntrustmentItem[]): GuardianView {
  const current = history.find((e) => e.id === row.entrustmentId) ?? null;
  return {
    id: row.id,
    relation: row.relation,
    name: row.name,
    birthYear: row.birthYear,
    age: row.birthYear ? Number(todayIso().slice(0, 4)) - row.birthYear : null,
    health: row.health,
    literacy: row.literacy,
    phone: row.phone,
    address: row.address,
    idNumberMasked: row.idNumberMasked,
    isPrimary: row.isPrimary,
    note: row.note,
    entrustment: current ? presentEntrustment(current) : null,
    entrustmentHistory: history.map(presentEntrustment),
    version: row.version,
    abilities: familyAbilities(child),
  };
}

/** Audit snapshots of family rows: no ID numbers. */
export function parentSnapshot(row: ParentRow): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, idNumber: _n, childId: _ch, countyId: _co, ...rest } = row;
  return rest;
}

export function guardianSnapshot(row: GuardianRow): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, idNumber: _n, childId: _ch, countyId: _co, ...rest } = row;
  return rest;
}
