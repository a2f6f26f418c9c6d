import type { CareRuleView, CareSettingsView, ScheduleRule } from '@shouwang/shared';
import type { Actor } from '../../lib/authz/actor';
import { careRuleAbilities } from './care-rules.policy';
import { type CareRuleRow, type CareSettingRow, capacityOf } from './care-rules.repository';

export function presentCareRule(actor: Actor, row: CareRuleRow): CareRuleView {
  return {
    id: row.id,
    schoolId: row.schoolId,
    kind: row.kind,
    frequency: row.frequency,
    windowDays: row.windowDays,
    categories: row.categories,
    careLevels: row.careLevels,
    responsibleRole: row.responsibleRole,
    responsiblePairingKind: row.responsiblePairingKind,
    active: row.active,
    note: row.note,
    version: row.version,
    abilities: careRuleAbilities(actor, { id: row.schoolId }),
  };
}

export function presentCareSettings(actor: Actor, row: CareSettingRow): CareSettingsView {
  return {
    schoolId: row.schoolId,
    pairingCapacity: capacityOf(row),
    recordEditDays: row.recordEditDays,
    version: row.version,
    abilities: { update: careRuleAbilities(actor, { id: row.schoolId }).update },
  };
}

/** The audit snapshot of a rule. */
export const careRuleSnapshot = (row: CareRuleRow) => {
  const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, countyId: _county, createdBy: _by, ...rest } = row;
  return rest;
};

export const careSettingSnapshot = (row: CareSettingRow) => ({
  pairingCapacity: capacityOf(row),
  recordEditDays: row.recordEditDays,
  version: row.version,
});

/** A stored rule as the schedule engine reads it. */
export const toScheduleRule = (row: CareRuleRow): ScheduleRule => ({
  id: row.id,
  kind: row.kind,
  frequency: row.frequency,
  windowDays: row.windowDays,
  categories: row.categories,
  careLevels: row.careLevels,
  responsibleRole: row.responsibleRole,
  responsiblePairingKind: row.responsiblePairingKind,
  active: row.active,
});
