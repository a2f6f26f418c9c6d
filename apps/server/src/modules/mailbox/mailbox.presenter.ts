import type { MailboxAlertView, MailboxBoxView, MailboxMessageView } from '@shouwang/shared';
import type { Actor } from '../../lib/authz/actor';
import { messageAbilities } from './mailbox.policy';
import { openOptional, openText } from './mailbox.protection';
import type { MailboxBoxRow, MessageWithNames } from './mailbox.repository';

const person = (id: string | null, name: string | null) => (id && name ? { id, displayName: name } : null);

/** The full message, decrypted: only ever called for a counselor of the school. */
export function presentMessage(actor: Actor, row: MessageWithNames): MailboxMessageView {
  const m = row.message;
  return {
    id: m.id,
    school: { id: row.school.id, name: row.school.name },
    receivedAt: m.createdAt.toISOString(),
    urgent: m.urgent,
    status: m.status,
    body: openText('body', m.bodyCipher),
    senderName: openOptional('sender_name', m.senderNameCipher),
    senderClass: openOptional('sender_class', m.senderClassCipher),
    reply: openOptional('reply', m.replyCipher),
    repliedAt: m.repliedAt?.toISOString() ?? null,
    repliedBy: person(m.repliedBy, row.replierName),
    handler: person(m.handlerId, row.handlerName),
    child: m.childId && row.childName ? { id: m.childId, name: row.childName } : null,
    closedAt: m.closedAt?.toISOString() ?? null,
    version: m.version,
    abilities: messageAbilities(actor, m, row.school.path),
  };
}

/** What an administrator learns of an urgent message: when, where, its state, who handles it. */
export function presentAlert(row: {
  id: string;
  createdAt: Date;
  status: MailboxAlertView['status'];
  school: { id: string; name: string };
  handlerId: string | null;
  handlerName: string | null;
}): MailboxAlertView {
  return {
    id: row.id,
    school: row.school,
    receivedAt: row.createdAt.toISOString(),
    status: row.status,
    handler: person(row.handlerId, row.handlerName),
  };
}

export function presentBox(box: MailboxBoxRow): MailboxBoxView {
  return {
    code: box.code,
    enabled: box.enabled,
    dangerWords: box.dangerWords,
    publicPath: `/m/${box.code}`,
    version: box.version,
  };
}

/** The audit snapshot of a message: state only, never a text or the pickup hash. */
export function messageSnapshot(m: {
  status: string;
  urgent: boolean;
  handlerId: string | null;
  childId: string | null;
  repliedAt: Date | null;
  closedAt: Date | null;
}) {
  return {
    status: m.status,
    urgent: m.urgent,
    handlerId: m.handlerId,
    childId: m.childId,
    replied: m.repliedAt !== null,
    closed: m.closedAt !== null,
  };
}
