import {
  type ConcernAcknowledgeBody,
  type ConcernCreateBody,
  type ConcernListQuery,
  type ConcernNoteBody,
  type ConcernReferBody,
  type ConcernStatus,
  concernStepHours,
  errorMessage,
} from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import { inScope, scopePrefixes } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { canReadChild, childScope } from '../children/children.policy';
import { findChild } from '../children/children.repository';
import { canReadInbox } from '../mailbox/mailbox.policy';
import { findMessage } from '../mailbox/mailbox.repository';
import { findOrg } from '../orgs/orgs.repository';
import { auditOrgOfConcern, requireStep, requireVisibleConcern } from './concerns.access';
import type { ConcernStep } from './concerns.policy';
import { concernFacts, presentConcern, presentEvent } from './concerns.presenter';
import * as repo from './concerns.repository';

/** 强制报告: raise, then acknowledge → refer → follow up → close; each step one transaction with its event and audit. */

const HOUR_MS = 3_600_000;
/** The deadline of the step that starts at `from` with the concern in `status`. */
export const dueAfter = (status: ConcernStatus, from: Date) =>
  status === 'closed' ? null : new Date(from.getTime() + concernStepHours[status] * HOUR_MS);

export async function listConcerns(db: Db, actor: Actor, query: ConcernListQuery) {
  const { page, pageSize, status, open, childId, actionable } = query;
  const { rows, total } = await repo.listConcerns(
    db,
    {
      userId: actor.userId,
      handlePrefixes: scopePrefixes(actor, 'concern.handle'),
      overseePrefixes: scopePrefixes(actor, 'concern.oversee'),
    },
    { status, open: open === 'true', childId, actionable: actionable === 'true' },
    { page, pageSize },
  );
  const now = new Date();
  return { items: rows.map((r) => presentConcern(actor, r, now)), total, page, pageSize };
}

async function detail(db: Db, actor: Actor, id: string) {
  const row = (await repo.findConcern(db, id))!;
  return { ...presentConcern(actor, row), events: (await repo.eventsOf(db, id)).map(presentEvent) };
}

export async function getConcern(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await requireVisibleConcern(db, ctx, actor, id);
  await recordAudit(db, ctx, {
    event: 'concern.viewed',
    targetType: 'concern',
    targetId: id,
    childId: row.concern.childId,
    org: auditOrgOfConcern(row),
  });
  return detail(db, actor, id);
}

async function notFound(db: Db, ctx: RequestContext, targetType: string, id: string): Promise<never> {
  await recordAudit(db, ctx, { event: 'access.denied', targetType, targetId: id });
  throw new AppError('NOT_FOUND');
}

/** Where the new concern belongs: the child (whom the reporter must see) or, unnamed, a school in their scope. */
async function placementFor(db: Db, ctx: RequestContext, actor: Actor, body: ConcernCreateBody) {
  if (body.childId) {
    const c = await findChild(db, body.childId);
    if (!c || !canReadChild(actor, c, (await childScope(db, actor)).pairedIds))
      return notFound(db, ctx, 'child', body.childId);
    return { countyId: c.countyId, childId: c.id, schoolId: c.schoolId };
  }
  const school = await findOrg(db, body.schoolId!);
  if (school?.kind !== 'school' || !inScope(actor, 'concern.raise', school.path))
    return notFound(db, ctx, 'org', body.schoolId!);
  return { countyId: school.countyId, childId: null, schoolId: school.id };
}

/**
 * A concern raised from a whisper-mailbox letter: the letter must be one the reporter may read
 * (else, like any unknown id, 404) and written to the school the concern belongs to.
 */
async function checkMailboxLink(db: Db, ctx: RequestContext, actor: Actor, id: string, schoolId: string | null) {
  const found = await findMessage(db, id);
  if (!found || !canReadInbox(actor, found.school.path)) return notFound(db, ctx, 'mailbox_message', id);
  if (found.school.id !== schoolId) {
    throw new AppError('CONCERN_MAILBOX_OTHER_SCHOOL', {
      details: [{ field: 'mailboxMessageId', message: errorMessage('CONCERN_MAILBOX_OTHER_SCHOOL', ctx.language) }],
    });
  }
}

export async function raiseConcern(db: Db, ctx: RequestContext, actor: Actor, body: ConcernCreateBody) {
  const placement = await placementFor(db, ctx, actor, body);
  if (body.mailboxMessageId) await checkMailboxLink(db, ctx, actor, body.mailboxMessageId, placement.schoolId);
  const now = new Date();
  return db.transaction(async (tx) => {
    const row = await repo.insertConcern(tx, {
      ...placement,
      mailboxMessageId: body.mailboxMessageId ?? null,
      reporterId: actor.userId,
      category: body.category,
      severity: body.severity,
      description: body.description,
      immediateActions: body.immediateActions || null,
      status: 'reported',
      dueAt: dueAfter('reported', now),
      createdAt: now,
      updatedAt: now,
    });
    await repo.insertEvent(tx, {
      countyId: row.countyId,
      concernId: row.id,
      kind: 'reported',
      actorId: actor.userId,
      at: now,
      note: null,
    });
    const placed = (await repo.findConcern(tx, row.id))!;
    await recordAudit(tx, ctx, {
      event: 'concern.raised',
      targetType: 'concern',
      targetId: row.id,
      childId: row.childId,
      org: auditOrgOfConcern(placed),
      diff: { ...concernFacts(row), mailboxMessageId: row.mailboxMessageId },
    });
    return detail(tx, actor, row.id);
  });
}

interface StepSpec {
  step: ConcernStep;
  event: 'acknowledged' | 'referred' | 'followed_up' | 'closed';
  to: ConcernStatus;
  audit: 'concern.acknowledged' | 'concern.referred' | 'concern.followed_up' | 'concern.closed';
}

const steps: Record<ConcernStep, StepSpec> = {
  acknowledge: { step: 'acknowledge', event: 'acknowledged', to: 'acknowledged', audit: 'concern.acknowledged' },
  refer: { step: 'refer', event: 'referred', to: 'referred', audit: 'concern.referred' },
  followUp: { step: 'followUp', event: 'followed_up', to: 'following_up', audit: 'concern.followed_up' },
  close: { step: 'close', event: 'closed', to: 'closed', audit: 'concern.closed' },
};

async function takeStep(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  spec: StepSpec,
  fields: {
    note?: string | null;
    authority?: ConcernReferBody['authority'];
    referredAt?: string;
    receiptNumber?: string;
  },
) {
  const before = await requireStep(db, ctx, actor, id, spec.step);
  const now = new Date();
  const changes: Partial<repo.ConcernInsert> = { status: spec.to, dueAt: dueAfter(spec.to, now) };
  if (spec.to === 'acknowledged') changes.acknowledgedAt = now;
  if (spec.to === 'referred') changes.referredAt = new Date(fields.referredAt!);
  if (spec.to === 'closed') changes.closedAt = now;
  return db.transaction(async (tx) => {
    const row = await repo.updateConcern(tx, id, version, changes);
    if (!row) {
      const current = await repo.findConcern(tx, id);
      throw new AppError('VERSION_CONFLICT', { current: current ? presentConcern(actor, current) : undefined });
    }
    const event = await repo.insertEvent(tx, {
      countyId: row.countyId,
      concernId: id,
      kind: spec.event,
      actorId: actor.userId,
      at: now,
      note: fields.note || null,
      authority: fields.authority ?? null,
      referredAt: fields.referredAt ? new Date(fields.referredAt) : null,
      receiptNumber: fields.receiptNumber ?? null,
    });
    await recordAudit(tx, ctx, {
      event: spec.audit,
      targetType: 'concern',
      targetId: id,
      childId: row.childId,
      org: auditOrgOfConcern(before),
      diff: {
        status: { from: before.concern.status, to: row.status },
        eventId: event.id,
        ...(fields.authority
          ? { authority: fields.authority, referredAt: fields.referredAt, receiptNumber: fields.receiptNumber }
          : {}),
      },
    });
    return detail(tx, actor, id);
  });
}

export const acknowledgeConcern = (
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  body: Omit<ConcernAcknowledgeBody, 'version'>,
) => takeStep(db, ctx, actor, id, version, steps.acknowledge, { note: body.note });

export const referConcern = (
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  body: Omit<ConcernReferBody, 'version'>,
) => takeStep(db, ctx, actor, id, version, steps.refer, body);

export const followUpConcern = (
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  body: Omit<ConcernNoteBody, 'version'>,
) => takeStep(db, ctx, actor, id, version, steps.followUp, { note: body.note });

export const closeConcern = (
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  body: Omit<ConcernNoteBody, 'version'>,
) => takeStep(db, ctx, actor, id, version, steps.close, { note: body.note });
