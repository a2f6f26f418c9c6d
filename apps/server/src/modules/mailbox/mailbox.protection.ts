import { randomInt } from 'node:crypto';
import { mailboxCodeLength, pickupCodeAlphabet, pickupCodeLength } from '@shouwang/shared';
import { dataProtection } from '../../lib/crypto/data-keys';

/**
 * Mailbox texts at rest: each column has its own purpose, so a ciphertext copied into another
 * column does not decrypt. The pickup code exists in clear only in the answer to the child; the
 * database keeps an HMAC with the server's hash key, so a stolen dump cannot be searched for codes.
 */
export type MailboxField = 'body' | 'sender_name' | 'sender_class' | 'reply';

const purpose = (field: MailboxField) => `mailbox_message.${field}`;

export const sealText = (field: MailboxField, text: string) => dataProtection().cipher.encrypt(text, purpose(field));

export const openText = (field: MailboxField, value: string) => dataProtection().cipher.decrypt(value, purpose(field));

export const openOptional = (field: MailboxField, value: string | null) =>
  value === null ? null : openText(field, value);

function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += pickupCodeAlphabet[randomInt(pickupCodeAlphabet.length)];
  return code;
}

/** 8 characters of 31: about 8.5 × 10^11 codes, guessed online only through the rate limit. */
export const newPickupCode = () => randomCode(pickupCodeLength);

export const pickupCodeHash = (code: string) => dataProtection().hash(`mailbox-pickup:${code}`);

/** The short code of a school's public link. */
export const newBoxCode = () => randomCode(mailboxCodeLength);
