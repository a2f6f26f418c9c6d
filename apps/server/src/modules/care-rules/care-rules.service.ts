import {
  type CareRuleCreateBody,
  type CareRuleUpdateBody,
  type CareSettingsUpdateBody,
  defaultCareRules,
  type PairingKind,
} from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { findOrg, type OrgRow } from '../orgs/orgs.repository';
import { ruleKindAvailable } from '../todos/duty-sources';
import { canManageCareRulesOf, canReadCareRulesOf } from './care-rules.policy';
import { careRuleSnapshot, careSettingSnapshot } from './care-rules.presenter';
import * as repo from './care-rules.repository';

type School = Pick<OrgRow, 'id' | 'countyId' | 'path'>;
const auditOrg = (school: School) => ({ id: school.id, path: school.path, countyId: school.countyId });

/**
 * A school's care settings and rules. The first time anything needs them (a list, a pairing, a to-do
 * list), the settings row and the seed's default rules are created together, once: the insert of the
 * settings row decides, so two requests racing cannot both add the defaults.
 */
export async function ensureSchoolCare(db: Db, ctx: RequestContext, school: School) {
  let setting = await repo.findSetting(db, school.id);
  if (!setting) {
    await db.transaction(async (tx) => {
      const created = await repo.insertSettingIfMissing(tx, school.id, school.countyId);
      if (!created) return;
      const rules = await repo.insertRules(tx, repo.rulesFromTemplates(defaultCareRules, school));
      await recordAudit(tx, ctx, {
        event: 'care_rule.defaults_created',
        targetType: 'org',
        targetId: school.id,
        org: auditOrg(school),
        diff: { rules: rules.map(careRuleSnapshot) },
      });
    });
    setting = (await repo.findSetting(db, school.id))!;
  }
  return { setting, rules: await repo.listRules(db, [school.id]) };
}

/** Settings and rules of several schools at once (a mentor's children may attend two). */
export async function loadSchoolsCare(db: Db, ctx: RequestContext, schoolIds: string[]) {
  const wanted = [...new Set(schoolIds)];
  const settings = new Map((await repo.findSettings(db, wanted)).map((s) => [s.schoolId, s]));
  for (const id of wanted.filter((id) => !settings.has(id))) {
    const school = await findOrg(db, id);
    if (school) settings.set(id, (await ensureSchoolCare(db, ctx, school)).setting);
  }
  const rules = await repo.listRules(db, wanted);
  return { settings, rules };
}

/** Capacity per pairing kind at a school (defaults when the child has no school). */
export async function capacityAt(db: Db, ctx: RequestContext, schoolId: string | null) {
  if (!schoolId) return repo.capacityOf(undefined);
  const school = await findOrg(db, schoolId);
  return repo.capacityOf(school ? (await ensureSchoolCare(db, ctx, school)).setting : undefined);
}

/**
 * How long authors may edit their care records at a school. Read only (the column's default when the
 * school has no settings row yet): an edit that is then refused must not write the school's defaults.
 */
export async function recordEditDaysAt(db: Db, _ctx: RequestContext, schoolId: string | null): Promise<number> {
  if (!schoolId) return 7;
  return (await repo.findSetting(db, schoolId))?.recordEditDays ?? 7;
}

/** A school whose rules the actor may read, or not found. */
export async function requireSchool(db: Db, ctx: RequestContext, actor: Actor, id: string): Promise<OrgRow> {
  const school = await findOrg(db, id);
  if (school?.kind !== 'school' || !canReadCareRulesOf(actor, school)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: id });
    throw new AppError('NOT_FOUND');
  }
  return school;
}

async function requireManageableSchool(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const school = await requireSchool(db, ctx, actor, id);
  if (!canManageCareRulesOf(actor, school)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: id, org: auditOrg(school) });
    throw new AppError('FORBIDDEN');
  }
  return school;
}

export async function listSchoolRules(db: Db, ctx: RequestContext, actor: Actor, schoolId: string) {
  const school = await requireSchool(db, ctx, actor, schoolId);
  return (await ensureSchoolCare(db, ctx, school)).rules;
}

async function requireManageableRule(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await repo.findRule(db, id);
  const school = row && (await findOrg(db, row.schoolId));
  if (!row || !school || !canReadCareRulesOf(actor, school)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'care_rule', targetId: id });
    throw new AppError('NOT_FOUND');
  }
  await requireManageableSchool(db, ctx, actor, school.id);
  return { row, school };
}

export async function createRule(db: Db, ctx: RequestContext, actor: Actor, body: CareRuleCreateBody) {
  const { schoolId, ...fields } = body;
  const school = await requireManageableSchool(db, ctx, actor, schoolId);
  if (!ruleKindAvailable(fields.kind)) throw new AppError('CARE_RULE_KIND_UNAVAILABLE');
  await ensureSchoolCare(db, ctx, school);
  return db.transaction(async (tx) => {
    const [row] = await repo.insertRules(tx, [
      { ...fields, schoolId, countyId: school.countyId, note: fields.note ?? null, createdBy: actor.userId },
    ]);
    await recordAudit(tx, ctx, {
      event: 'care_rule.created',
      targetType: 'care_rule',
      targetId: row!.id,
      org: auditOrg(school),
      after: careRuleSnapshot(row!),
    });
    return row!;
  });
}

async function conflict(db: Db, id: string, present: (row: repo.CareRuleRow) => unknown): Promise<never> {
  const current = await repo.findRule(db, id);
  if (!current) throw new AppError('NOT_FOUND');
  throw new AppError('VERSION_CONFLICT', { current: present(current) });
}

export async function updateRule(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  body: Omit<CareRuleUpdateBody, 'version'>,
  present: (row: repo.CareRuleRow) => unknown,
) {
  const { school } = await requireManageableRule(db, ctx, actor, id);
  if (body.kind && !ruleKindAvailable(body.kind)) throw new AppError('CARE_RULE_KIND_UNAVAILABLE');
  const changes: Partial<repo.CareRuleInsert> = Object.fromEntries(
    Object.entries(body).filter(([, v]) => v !== undefined),
  );
  // Naming one kind of responsible party replaces the other.
  if (body.responsibleRole) changes.responsiblePairingKind = null;
  if (body.responsiblePairingKind) changes.responsibleRole = null;
  return db.transaction(async (tx) => {
    const before = await repo.findRule(tx, id);
    const row = await repo.updateRule(tx, id, version, changes);
    if (!row || !before) return conflict(tx, id, present);
    await recordAudit(tx, ctx, {
      event: 'care_rule.updated',
      targetType: 'care_rule',
      targetId: id,
      org: auditOrg(school),
      before: careRuleSnapshot(before),
      after: careRuleSnapshot(row),
    });
    return row;
  });
}

export async function deleteRule(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  present: (row: repo.CareRuleRow) => unknown,
) {
  const { row, school } = await requireManageableRule(db, ctx, actor, id);
  await db.transaction(async (tx) => {
    const deleted = await repo.softDeleteRule(tx, id, version);
    if (!deleted) return conflict(tx, id, present);
    await recordAudit(tx, ctx, {
      event: 'care_rule.deleted',
      targetType: 'care_rule',
      targetId: id,
      org: auditOrg(school),
      before: careRuleSnapshot(row),
    });
  });
}

export async function getSettings(db: Db, ctx: RequestContext, actor: Actor, schoolId: string) {
  const school = await requireSchool(db, ctx, actor, schoolId);
  return (await ensureSchoolCare(db, ctx, school)).setting;
}

export async function updateSettings(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  schoolId: string,
  version: number,
  body: Omit<CareSettingsUpdateBody, 'version'>,
  present: (row: repo.CareSettingRow) => unknown,
) {
  const school = await requireManageableSchool(db, ctx, actor, schoolId);
  await ensureSchoolCare(db, ctx, school);
  const changes: Partial<Record<string, number>> = {};
  for (const [kind, value] of Object.entries(body.pairingCapacity ?? {})) {
    if (value !== undefined) changes[repo.capacityColumns[kind as PairingKind]] = value;
  }
  if (body.recordEditDays !== undefined) changes.recordEditDays = body.recordEditDays;
  return db.transaction(async (tx) => {
    const before = await repo.findSetting(tx, schoolId);
    const row = await repo.updateSetting(tx, schoolId, version, changes);
    if (!row || !before) {
      const current = await repo.findSetting(tx, schoolId);
      throw new AppError('VERSION_CONFLICT', { current: current && present(current) });
    }
    await recordAudit(tx, ctx, {
      event: 'care_settings.updated',
      targetType: 'care_setting',
      targetId: row.id,
      org: auditOrg(school),
      before: careSettingSnapshot(before),
      after: careSettingSnapshot(row),
    });
    return row;
  });
}
