import type { MailboxMessageCreateBody, MailboxPickupView, PublicMailboxView } from '@shouwang/shared';
import type { Db } from '../../../db/client';
import { recordAudit } from '../../../lib/audit/record-audit';
import type { RequestContext } from '../../../lib/context';
import { isUniqueViolation } from '../../../lib/db-errors';
import { AppError } from '../../../lib/errors';
import { matchDangerWords } from '../danger-words';
import { newPickupCode, openOptional, openText, pickupCodeHash, sealText } from '../mailbox.protection';
import * as repo from '../mailbox.repository';

/**
 * What a child does on the public page `/m/<code>`, without an account. Nothing about the sender's
 * network or device is kept: the audit row of a received message carries no IP, no request id that
 * logs could join on, and no user agent is read at all.
 */

/** The audit context of an anonymous sender: no IP is written. */
const anonymous = (ctx: RequestContext): RequestContext => ({
  actor: null,
  ip: null as unknown as string,
  requestId: '',
  language: ctx.language,
});

async function requireOpenBox(db: Db, code: string) {
  const row = await repo.findBoxByCode(db, code);
  if (!row?.box.enabled || !row.schoolActive) throw new AppError('MAILBOX_UNAVAILABLE');
  return row;
}

export async function publicMailbox(db: Db, code: string): Promise<PublicMailboxView> {
  const row = await requireOpenBox(db, code);
  return { schoolName: row.schoolName, enabled: row.box.enabled };
}

/** Stores the message encrypted, marks it urgent when it holds a danger word, answers the pickup code once. */
export async function postMessage(db: Db, ctx: RequestContext, code: string, body: MailboxMessageCreateBody) {
  const { box, schoolPath } = await requireOpenBox(db, code);
  const urgent = matchDangerWords(`${body.body} ${body.name ?? ''}`, box.dangerWords).length > 0;
  // A collision of two 8-character codes is rare; the unique index catches it, and we draw again.
  for (let attempt = 0; ; attempt++) {
    const pickupCode = newPickupCode();
    try {
      await db.transaction(async (tx) => {
        const row = await repo.insertMessage(tx, {
          countyId: box.countyId,
          schoolId: box.schoolId,
          boxId: box.id,
          bodyCipher: sealText('body', body.body),
          senderNameCipher: body.name ? sealText('sender_name', body.name) : null,
          senderClassCipher: body.className ? sealText('sender_class', body.className) : null,
          pickupCodeHash: pickupCodeHash(pickupCode),
          urgent,
        });
        await recordAudit(tx, anonymous(ctx), {
          event: 'mailbox.message_received',
          targetType: 'mailbox_message',
          targetId: row.id,
          org: { id: box.schoolId, path: schoolPath, countyId: box.countyId },
          role: null,
          diff: { urgent, named: Boolean(body.name) },
        });
      });
      return { pickupCode };
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** The child reads the reply with the pickup code: their own message, and the reply when there is one. */
export async function pickUpReply(db: Db, code: string): Promise<MailboxPickupView> {
  const row = await repo.findByPickupHash(db, pickupCodeHash(code));
  if (!row) throw new AppError('PICKUP_CODE_UNKNOWN');
  const reply = openOptional('reply', row.replyCipher);
  return {
    status: reply !== null ? 'replied' : row.status === 'closed' ? 'closed' : 'waiting',
    message: openText('body', row.bodyCipher),
    sentAt: row.createdAt.toISOString(),
    reply,
    repliedAt: row.repliedAt?.toISOString() ?? null,
  };
}
