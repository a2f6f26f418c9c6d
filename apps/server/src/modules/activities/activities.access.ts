import { ACTIVITY_DATE_CONFIRM_DAYS, activityOrgKinds, addDays, todayIso } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { findOrg, type OrgRow } from '../orgs/orgs.repository';
import { canReadActivity, canWriteActivity } from './activities.policy';
import { type ActivityWithOrg, findActivity } from './activities.repository';

/** The loaders activity use cases start with: unseen is "not found", seen but not writable "forbidden". */

export async function requireActivity(db: Db, ctx: RequestContext, actor: Actor, id: string, need: 'read' | 'write') {
  const row = await findActivity(db, id);
  if (!row || !canReadActivity(actor, row.activity.orgPath)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'activity', targetId: id });
    throw new AppError('NOT_FOUND');
  }
  if (need === 'write' && !canWriteActivity(actor, row.activity.orgPath)) {
    await recordAudit(db, ctx, {
      event: 'access.denied',
      targetType: 'activity',
      targetId: id,
      org: auditOrgOfActivity(row),
    });
    throw new AppError('FORBIDDEN');
  }
  return row;
}

/** The organizing unit, which the caller must be able to write activities for. */
export async function requireOrganizingOrg(db: Db, ctx: RequestContext, actor: Actor, orgId: string): Promise<OrgRow> {
  const unit = await findOrg(db, orgId);
  if (!unit || unit.deletedAt || !canReadActivity(actor, unit.path)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: orgId });
    throw new AppError('NOT_FOUND');
  }
  if (!canWriteActivity(actor, unit.path)) throw new AppError('FORBIDDEN');
  if (!(activityOrgKinds as readonly string[]).includes(unit.kind)) throw new AppError('ACTIVITY_ORG_KIND');
  return unit;
}

/** A date more than a year from today is likely a typo in the year: it must be confirmed. */
export function checkActivityDate(language: RequestContext['language'], date: string, confirmed: boolean | undefined) {
  const today = todayIso();
  const far = date < addDays(today, -ACTIVITY_DATE_CONFIRM_DAYS) || date > addDays(today, ACTIVITY_DATE_CONFIRM_DAYS);
  if (far && !confirmed)
    throw new AppError('ACTIVITY_DATE_UNCONFIRMED', {
      details: [
        {
          field: 'occurredOn',
          message: language === 'en' ? 'more than a year from today; confirm it' : '日期距今超过一年，请确认',
        },
      ],
    });
}

export const auditOrgOfActivity = (row: Pick<ActivityWithOrg, 'activity'>) => ({
  id: row.activity.orgId,
  path: row.activity.orgPath,
  countyId: row.activity.countyId,
});
