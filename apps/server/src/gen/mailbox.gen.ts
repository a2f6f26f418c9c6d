import {
  defaultMailboxDangerWords,
  type MailboxStatus,
  mailboxCodeLength,
  pickupCodeAlphabet,
  pickupCodeLength,
} from '@shouwang/shared';
import type { Random } from '../demo/random';
import { matchDangerWords } from '../modules/mailbox/danger-words';
import { pickupCodeHash, sealText } from '../modules/mailbox/mailbox.protection';
import { mailboxBox, mailboxMessage } from '../modules/mailbox/mailbox.table';
import { bulkInsert } from './bulk-insert';
import { groupBy } from './group-by';
import { chinaDate, dayOf } from './people';
import { atChinaHour, staffIndex } from './staff-index';
import {
  mailboxBodies,
  mailboxReplies,
  mailboxSenderNames,
  urgentMailboxBodies,
  urgentMailboxCategories,
} from './wellbeing-texts';
import type { GenPart, GenUrgentLetter } from './world';

type MessageRow = typeof mailboxMessage.$inferInsert;

/** A code of the module's alphabet not drawn before (the module draws with node:crypto; we draw from the seed). */
function uniqueCode(rng: Random, length: number, taken: Set<string>): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < length; i++) code += pickupCodeAlphabet[rng.int(0, pickupCodeAlphabet.length - 1)];
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

/**
 * 悄悄话信箱: every school's box (its public code, the default danger words), and the letters
 * children left over the past school year, in the evening: about one per 60 pupils, one in twelve
 * holding a danger word (urgent, as the module marks it). Texts are sealed and pickup codes hashed
 * by the module's own helpers. Where the school has a counselor, older letters are replied to or
 * closed and recent ones are in hand; a few urgent ones are linked to the child; schools without a
 * counselor have fewer letters, still unread.
 */
export const mailboxGen: GenPart = {
  name: 'mailbox',
  tables: ['mailbox_box', 'mailbox_message'],
  async run(ctx) {
    const { world } = ctx;
    const rng = ctx.rng('mailbox');
    const boxIds = ctx.ids('mailbox-boxes');
    const newId = ctx.ids('mailbox-messages');
    const countyId = world.county.id;
    const today = dayOf(chinaDate(ctx.now)) - 1;
    const staff = staffIndex(world);
    const words = [...defaultMailboxDangerWords];
    const boxCodes = new Set<string>();
    const pickupCodes = new Set<string>();
    const bySchool = groupBy(
      world.children.filter((c) => !c.deleted),
      (c) => c.schoolId,
    );
    const boxes: (typeof mailboxBox.$inferInsert)[] = [];
    const messages: MessageRow[] = [];
    const urgentLetters: GenUrgentLetter[] = [];
    for (const school of world.schools) {
      const opened = atChinaHour(today - rng.int(330, 400), 10);
      const boxId = boxIds();
      boxes.push({
        id: boxId,
        createdAt: opened,
        updatedAt: opened,
        countyId,
        schoolId: school.id,
        code: uniqueCode(rng, mailboxCodeLength, boxCodes),
        enabled: true,
        dangerWords: words,
      });
      const counselors = staff.holders('counselor', school.id);
      const students = school.studentCount ?? 100;
      const count = counselors.length > 0 ? Math.round(students / 60) + rng.int(1, 4) : rng.int(0, 3);
      const kids = bySchool.get(school.id) ?? [];
      for (let i = 0; i < count; i++) {
        const urgentOne = rng.chance(1 / 12) || (i === 0 && counselors.length > 0);
        const pick = rng.int(0, urgentMailboxBodies.length - 1);
        const body = urgentOne ? urgentMailboxBodies[pick]! : rng.pick(mailboxBodies);
        const name = rng.chance(0.3) ? rng.pick(mailboxSenderNames) : null;
        const className = rng.chance(0.25) && school.classes.length > 0 ? rng.pick(school.classes).name : null;
        const age = rng.int(0, 320);
        const sent = atChinaHour(today - age, 18 + rng.int(0, 240) / 60);
        const urgent = matchDangerWords(`${body} ${name ?? ''}`, words).length > 0;
        const row: MessageRow = {
          id: newId(),
          createdAt: sent,
          updatedAt: sent,
          countyId,
          schoolId: school.id,
          boxId,
          bodyCipher: sealText('body', body),
          senderNameCipher: name ? sealText('sender_name', name) : null,
          senderClassCipher: className ? sealText('sender_class', className) : null,
          pickupCodeHash: pickupCodeHash(uniqueCode(rng, pickupCodeLength, pickupCodes)),
          urgent,
          status: 'new',
        };
        if (counselors.length > 0) {
          const handler = rng.pick(counselors);
          // Urgent letters are answered the next morning; others within a few days.
          const status: MailboxStatus =
            age < 3 && !urgent
              ? 'new'
              : age < 10
                ? rng.pick(['in_progress', 'replied'] as const)
                : rng.pick(['replied', 'closed'] as const);
          const handled = new Date(sent.getTime() + (urgent ? 14 : rng.int(16, 72)) * 3_600_000);
          row.status = status;
          if (status !== 'new') {
            row.handlerId = handler.id;
            row.updatedAt = handled;
            row.version = 2;
          }
          if (status === 'replied' || (status === 'closed' && rng.chance(0.8))) {
            row.replyCipher = sealText('reply', rng.pick(mailboxReplies));
            row.repliedAt = handled;
            row.repliedBy = handler.id;
            row.version = 3;
          }
          if (status === 'closed') {
            row.closedAt = new Date(handled.getTime() + rng.int(1, 5) * 86_400_000);
            row.updatedAt = row.closedAt;
            row.version = (row.version ?? 1) + 1;
          }
          if (urgent && status !== 'new' && kids.length > 0 && rng.chance(0.6)) {
            row.childId = rng.pick(kids).id;
            row.version = (row.version ?? 1) + 1;
          }
          if (urgentOne && status !== 'new')
            urgentLetters.push({
              id: row.id!,
              schoolId: school.id,
              counselorId: handler.id,
              childId: row.childId ?? null,
              handledAt: handled,
              category: urgentMailboxCategories[pick]!,
            });
        }
        messages.push(row);
      }
    }
    world.urgentLetters = urgentLetters;
    return {
      mailbox_box: await bulkInsert(ctx.db, mailboxBox, boxes),
      mailbox_message: await bulkInsert(ctx.db, mailboxMessage, messages),
    };
  },
};
