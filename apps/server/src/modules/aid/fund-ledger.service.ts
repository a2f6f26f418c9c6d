import { type FundEntryCreateBody, fundPurposes, fundSources } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { findActivity } from '../activities/activities.repository';
import { canReadTermOf } from '../activities/activity-terms';
import { invalidFields } from '../children/children.access';
import { findOrg, type OrgRow } from '../orgs/orgs.repository';
import { findTerm } from '../terms/terms.repository';
import { canReadLedger, canWriteLedger } from './aid.policy';
import * as repo from './fund-ledger.repository';

/** A school's care-fund ledger (收支台账) with the balance carried through each term. */

async function requireSchool(db: Db, ctx: RequestContext, actor: Actor, schoolId: string, need: 'read' | 'write') {
  const school = await findOrg(db, schoolId);
  if (!school || school.deletedAt || school.kind !== 'school') throw new AppError('NOT_FOUND');
  if (!canReadLedger(actor, school.path)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: schoolId });
    // Staff of the school (a class teacher) see that it exists; others are told nothing.
    const within = actor.assignments.some((a) => a.orgPath.startsWith(school.path));
    throw new AppError(within ? 'FORBIDDEN' : 'NOT_FOUND');
  }
  if (need === 'write' && !canWriteLedger(actor, school.path)) throw new AppError('FORBIDDEN');
  return school;
}

const auditOrg = (s: OrgRow) => ({ id: s.id, path: s.path, countyId: s.countyId });

const presentEntry = ({ entry: e, activityTitle }: { entry: repo.FundEntryRow; activityTitle: string | null }) => ({
  id: e.id,
  direction: e.direction,
  amountFen: e.amountFen,
  occurredOn: e.occurredOn,
  source: e.source,
  donor: e.donor,
  purpose: e.purpose,
  activity: e.activityId ? { id: e.activityId, title: activityTitle ?? '' } : null,
  note: e.note,
  version: e.version,
});

export async function getLedger(db: Db, ctx: RequestContext, actor: Actor, q: { schoolId: string; termId: string }) {
  const school = await requireSchool(db, ctx, actor, q.schoolId, 'read');
  const term = await findTerm(db, q.termId);
  if (!term || term.countyId !== school.countyId || !canReadTermOf(actor, term)) throw new AppError('NOT_FOUND');
  const [openingFen, entries] = await Promise.all([
    repo.balanceBefore(db, school.id, term.startDate),
    repo.entriesBetween(db, school.id, term.startDate, term.endDate),
  ]);
  const sum = (f: (e: repo.FundEntryRow) => boolean) =>
    entries.filter((r) => f(r.entry)).reduce((n, r) => n + r.entry.amountFen, 0);
  const incomeFen = sum((e) => e.direction === 'income');
  const expenseFen = sum((e) => e.direction === 'expense');
  return {
    school: { id: school.id, name: school.name },
    term: {
      id: term.id,
      startDate: term.startDate,
      endDate: term.endDate,
      label:
        ctx.language === 'en' ? `${term.schoolYear} term ${term.termNo}` : `${term.schoolYear}学年第${term.termNo}学期`,
    },
    openingFen,
    incomeFen,
    expenseFen,
    closingFen: openingFen + incomeFen - expenseFen,
    incomeBySource: fundSources
      .map((source) => ({ source, amountFen: sum((e) => e.direction === 'income' && e.source === source) }))
      .filter((r) => r.amountFen > 0),
    expenseByPurpose: fundPurposes
      .map((purpose) => ({ purpose, amountFen: sum((e) => e.direction === 'expense' && e.purpose === purpose) }))
      .filter((r) => r.amountFen > 0),
    entries: entries.map(presentEntry),
    canManage: canWriteLedger(actor, school.path),
  };
}

export async function addEntry(db: Db, ctx: RequestContext, actor: Actor, body: FundEntryCreateBody) {
  const school = await requireSchool(db, ctx, actor, body.schoolId, 'write');
  let activityTitle: string | null = null;
  if (body.activityId) {
    const found = await findActivity(db, body.activityId);
    if (!found || found.activity.countyId !== school.countyId || !found.activity.orgPath.startsWith(school.path))
      throw invalidFields(ctx.language, [{ field: 'activityId', key: 'activity_not_of_school' }]);
    activityTitle = found.activity.title;
  }
  const income = body.direction === 'income';
  return db.transaction(async (tx) => {
    const row = await repo.insertEntry(tx, {
      countyId: school.countyId,
      schoolId: school.id,
      direction: body.direction,
      amountFen: body.amountFen,
      occurredOn: body.occurredOn,
      source: income ? (body.source ?? null) : null,
      donor: income ? (body.donor ?? null) : null,
      purpose: income ? null : (body.purpose ?? null),
      activityId: income ? null : (body.activityId ?? null),
      note: body.note ?? null,
      createdBy: actor.userId,
    });
    const view = presentEntry({ entry: row, activityTitle });
    await recordAudit(tx, ctx, {
      event: 'fund_entry.created',
      targetType: 'fund_ledger_entry',
      targetId: row.id,
      org: auditOrg(school),
      after: view,
    });
    return view;
  });
}

export async function deleteEntry(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  const entry = await repo.findEntry(db, id);
  if (!entry) throw new AppError('NOT_FOUND');
  const school = await requireSchool(db, ctx, actor, entry.schoolId, 'write');
  await db.transaction(async (tx) => {
    const row = await repo.softDeleteEntry(tx, id, version);
    if (!row) throw new AppError('VERSION_CONFLICT', { current: presentEntry({ entry, activityTitle: null }) });
    await recordAudit(tx, ctx, {
      event: 'fund_entry.deleted',
      targetType: 'fund_ledger_entry',
      targetId: id,
      org: auditOrg(school),
      before: presentEntry({ entry, activityTitle: null }),
    });
  });
}
