import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import type { OrgRow } from '../orgs/orgs.repository';
import { findOrg } from '../orgs/orgs.repository';
import { canEditTemplatesOf, canReadLettersAt, canReadRosterOf, canSendLettersOf } from './letters.policy';
import * as repo from './letters.repository';

/**
 * The loaders every letters use case starts with: what the caller may not see is "not found", what
 * they may see but not change is "forbidden"; both are audited.
 */

export const auditOrgOfUnit = (unit: Pick<OrgRow, 'id' | 'path' | 'countyId'>) => ({
  id: unit.id,
  path: unit.path,
  countyId: unit.countyId,
});

async function denied(db: Db, ctx: RequestContext, targetType: string, targetId: string): Promise<never> {
  await recordAudit(db, ctx, { event: 'access.denied', targetType, targetId });
  throw new AppError('NOT_FOUND');
}

async function forbidden(db: Db, ctx: RequestContext, targetType: string, targetId: string, unit: OrgRow) {
  await recordAudit(db, ctx, { event: 'access.denied', targetType, targetId, org: auditOrgOfUnit(unit) });
  return new AppError('FORBIDDEN');
}

/** A school whose letters the caller may read (an administrator, or a teacher of one of its classes). */
export async function requireLetterSchool(db: Db, ctx: RequestContext, actor: Actor, schoolId: string) {
  const school = await findOrg(db, schoolId);
  if (school?.kind !== 'school' || !canReadLettersAt(actor, school)) return denied(db, ctx, 'org', schoolId);
  return school;
}

export async function requireTemplate(db: Db, ctx: RequestContext, actor: Actor, id: string, need: 'read' | 'edit') {
  const template = await repo.findTemplate(db, id);
  const school = template ? await findOrg(db, template.schoolId) : undefined;
  if (!template || !school || !canReadLettersAt(actor, school)) return denied(db, ctx, 'letter_template', id);
  if (need === 'edit' && !canEditTemplatesOf(actor, school))
    throw await forbidden(db, ctx, 'letter_template', id, school);
  return { template, school };
}

/**
 * A class or school whose letters the caller reads (`need: 'read'`) or generates and marks sent
 * (`'send'`). Another class, a village or a unit outside the caller's grants is "not found".
 */
export async function requireLetterUnit(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  orgId: string,
  need: 'read' | 'send',
) {
  const unit = await findOrg(db, orgId);
  if (!unit || !canReadRosterOf(actor, unit)) return denied(db, ctx, 'org', orgId);
  if (unit.kind !== 'class' && unit.kind !== 'school') throw new AppError('LETTER_ORG_KIND');
  if (need === 'send' && !canSendLettersOf(actor, unit)) throw await forbidden(db, ctx, 'org', orgId, unit);
  const school = unit.kind === 'school' ? unit : await findOrg(db, unit.parentId!);
  if (!school) return denied(db, ctx, 'org', orgId);
  return { unit: unit as OrgRow & { kind: 'class' | 'school' }, school };
}
