import type { MailboxListQuery, MailboxTriageBody } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import { hasPermission, scopePrefixes } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { invalidFields } from '../children/children.access';
import { findChild } from '../children/children.repository';
import { canReadInbox } from './mailbox.policy';
import { messageSnapshot, presentAlert, presentMessage } from './mailbox.presenter';
import { sealText } from './mailbox.protection';
import * as repo from './mailbox.repository';

/**
 * The counselor's inbox. Only counselors of the message's school read it; for everyone else the
 * message does not exist (404), administrators included (they get `alerts` instead).
 */

const auditOrg = (row: repo.MessageWithNames) => ({
  id: row.school.id,
  path: row.school.path,
  countyId: row.school.countyId,
});

async function requireMessage(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await repo.findMessage(db, id);
  if (!row || !canReadInbox(actor, row.school.path)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'mailbox_message', targetId: id });
    throw new AppError('NOT_FOUND');
  }
  return row;
}

async function requireOpenMessage(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await requireMessage(db, ctx, actor, id);
  if (row.message.status === 'closed') throw new AppError('MAILBOX_MESSAGE_CLOSED');
  return row;
}

export async function listInbox(db: Db, ctx: RequestContext, actor: Actor, query: MailboxListQuery) {
  if (!hasPermission(actor, 'mailbox.read')) throw new AppError('NOT_FOUND');
  const { page, pageSize, urgent, ...filters } = query;
  const prefixes = scopePrefixes(actor, 'mailbox.read');
  const { rows, total } = await repo.listMessages(
    db,
    prefixes,
    { ...filters, urgent: urgent === undefined ? undefined : urgent === 'true' },
    { page, pageSize },
  );
  if (rows.length > 0)
    await recordAudit(db, ctx, {
      event: 'mailbox.inbox_viewed',
      targetType: 'mailbox_message',
      diff: { ids: rows.map((r) => r.message.id) },
    });
  return { items: rows.map((r) => presentMessage(actor, r)), total, page, pageSize };
}

export async function getMessage(db: Db, ctx: RequestContext, actor: Actor, id: string) {
  const row = await requireMessage(db, ctx, actor, id);
  await recordAudit(db, ctx, {
    event: 'mailbox.message_viewed',
    targetType: 'mailbox_message',
    targetId: id,
    org: auditOrg(row),
  });
  return presentMessage(actor, row);
}

/** Applies a change with its audit row in one transaction; a stale version answers 409 with the current message. */
async function change(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  before: repo.MessageWithNames,
  version: number,
  event: 'mailbox.message_triaged' | 'mailbox.message_replied' | 'mailbox.child_linked' | 'mailbox.message_closed',
  changes: Parameters<typeof repo.updateMessage>[3],
) {
  return db.transaction(async (tx) => {
    const row = await repo.updateMessage(tx, before.message.id, version, changes);
    if (!row) {
      const current = await repo.findMessage(tx, before.message.id);
      throw new AppError('VERSION_CONFLICT', { current: current ? presentMessage(actor, current) : undefined });
    }
    await recordAudit(tx, ctx, {
      event,
      targetType: 'mailbox_message',
      targetId: row.id,
      childId: row.childId,
      org: auditOrg(before),
      before: messageSnapshot(before.message),
      after: messageSnapshot(row),
    });
    return presentMessage(actor, (await repo.findMessage(tx, row.id))!);
  });
}

/** Take the message on ("我来处理"), put it back, or mark it urgent by hand. */
export async function triageMessage(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  body: MailboxTriageBody,
) {
  const before = await requireOpenMessage(db, ctx, actor, id);
  const m = before.message;
  const changes: Parameters<typeof repo.updateMessage>[3] = {};
  if (body.urgent !== undefined) changes.urgent = body.urgent;
  if (body.status && (m.status === 'new' || m.status === 'in_progress')) {
    changes.status = body.status;
    changes.handlerId = body.status === 'in_progress' ? (m.handlerId ?? actor.userId) : null;
  }
  return change(db, ctx, actor, before, version, 'mailbox.message_triaged', changes);
}

export async function replyToMessage(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  reply: string,
) {
  const before = await requireOpenMessage(db, ctx, actor, id);
  return change(db, ctx, actor, before, version, 'mailbox.message_replied', {
    replyCipher: sealText('reply', reply),
    repliedAt: new Date(),
    repliedBy: actor.userId,
    status: 'replied',
    handlerId: before.message.handlerId ?? actor.userId,
  });
}

/** Links the message to the child's file when the child gave a name (or unlinks it). */
export async function linkChild(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  version: number,
  childId: string | null,
) {
  const before = await requireOpenMessage(db, ctx, actor, id);
  if (childId) {
    const target = await findChild(db, childId);
    if (!target || target.schoolId !== before.message.schoolId)
      throw invalidFields(ctx.language, [{ field: 'childId', key: 'child_not_in_school' }]);
  }
  return change(db, ctx, actor, before, version, 'mailbox.child_linked', { childId });
}

export async function closeMessage(db: Db, ctx: RequestContext, actor: Actor, id: string, version: number) {
  const before = await requireOpenMessage(db, ctx, actor, id);
  return change(db, ctx, actor, before, version, 'mailbox.message_closed', {
    status: 'closed',
    closedAt: new Date(),
    handlerId: before.message.handlerId ?? actor.userId,
  });
}

/** Urgent messages not yet closed at the schools the administrator configures: never a text. */
export async function listAlerts(db: Db, actor: Actor) {
  const rows = await repo.listUrgentOpen(db, scopePrefixes(actor, 'mailbox.configure'));
  return { items: rows.map(presentAlert) };
}
