import type { Actor } from '../../lib/authz/actor';
import { inScope } from '../../lib/authz/scope';

/**
 * Who may do what with a school's whisper mailbox.
 * - `mailbox.read` (counselors held at the school): the inbox, with the texts; triage, reply,
 *   link a child, close.
 * - `mailbox.configure` (school and county administrators): open the mailbox, its danger words,
 *   the poster, and the urgent alerts, which say that an urgent message came and who handles it,
 *   never what it says. A child writes to the counselor in confidence; the administrator must know
 *   that someone acts, not read the letter. (Not named `.manage`: manage rights of a school
 *   administrator do not cover the school node itself, see lib/authz/scope.ts.)
 * Anyone else is told the message does not exist (404).
 */
export const canReadInbox = (actor: Actor, schoolPath: string) => inScope(actor, 'mailbox.read', schoolPath);

export const canConfigureBox = (actor: Actor, schoolPath: string) => inScope(actor, 'mailbox.configure', schoolPath);

export function messageAbilities(actor: Actor, message: { status: string }, schoolPath: string) {
  const read = canReadInbox(actor, schoolPath);
  const open = message.status !== 'closed';
  return { triage: read && open, reply: read && open, linkChild: read && open, close: read && open };
}

export function boxAbilities(actor: Actor, schoolPath: string) {
  return { configure: canConfigureBox(actor, schoolPath), readInbox: canReadInbox(actor, schoolPath) };
}
