import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One AES-256 key and the id written into every ciphertext it makes. */
export interface DataKey {
  id: string;
  key: Buffer;
}

const version = 'v1';
const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;

export class DataKeyError extends Error {}
/** The stored value was changed, cut, or made with a key that is not configured. */
export class DecryptError extends Error {}

/**
 * AES-256-GCM for single fields at rest: `v1:<keyId>:<iv>:<tag>:<data>`, the last three base64url.
 * A fresh 96-bit IV per value; the header and a purpose (`child.id_number`) are authenticated as
 * associated data, so a ciphertext moved into another column or given another key id fails to
 * decrypt. Rotation: the first key encrypts, every listed key decrypts, and `needsRotation` tells
 * the re-encryption script which values to rewrite.
 *
 * Reusable for any text column (counseling notes and mailbox texts will use it): encrypt on
 * write in the service, decrypt only where the full value is served.
 */
export class FieldCipher {
  private readonly keys = new Map<string, Buffer>();
  readonly primaryKeyId: string;

  constructor(keys: DataKey[]) {
    if (keys.length === 0) throw new DataKeyError('at least one data key is needed');
    for (const { id, key } of keys) {
      if (!keyIdPattern.test(id)) throw new DataKeyError(`data key id "${id}" must be 1–32 of A-Z a-z 0-9 _ -`);
      if (key.length !== 32) throw new DataKeyError(`data key "${id}" must be 32 bytes (base64 of 32 random bytes)`);
      if (this.keys.has(id)) throw new DataKeyError(`data key id "${id}" is listed twice`);
      this.keys.set(id, key);
    }
    this.primaryKeyId = keys[0]!.id;
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  encrypt(plaintext: string, purpose: string): string {
    const keyId = this.primaryKeyId;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(keyId)!, iv);
    cipher.setAAD(associatedData(keyId, purpose));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [version, keyId, b64(iv), b64(tag), b64(data)].join(':');
  }

  decrypt(value: string, purpose: string): string {
    const parts = value.split(':');
    if (parts.length !== 5 || parts[0] !== version) throw new DecryptError('not a v1 ciphertext');
    const [, keyId, iv, tag, data] = parts as [string, string, string, string, string];
    const key = this.keys.get(keyId);
    if (!key) throw new DecryptError(`data key "${keyId}" is not configured`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
      decipher.setAAD(associatedData(keyId, purpose));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptError('the ciphertext does not authenticate');
    }
  }

  /** Whether a stored value is a ciphertext of this format (older rows may still hold plain text). */
  static isCiphertext(value: string): boolean {
    return value.startsWith(`${version}:`) && value.split(':').length === 5;
  }

  static keyIdOf(value: string): string | null {
    return FieldCipher.isCiphertext(value) ? (value.split(':')[1] ?? null) : null;
  }

  /** Plain text, or a ciphertext made with a key other than the first. */
  needsRotation(value: string): boolean {
    return FieldCipher.keyIdOf(value) !== this.primaryKeyId;
  }
}

const b64 = (buffer: Buffer) => buffer.toString('base64url');
const associatedData = (keyId: string, purpose: string) => Buffer.from(`${version}:${keyId}:${purpose}`, 'utf8');

/** Parses `id:base64key,id:base64key` (DATA_KEYS). */
export function parseKeyList(spec: string): DataKey[] {
  return spec
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const at = item.indexOf(':');
      if (at <= 0) throw new DataKeyError('DATA_KEYS entries look like id:base64key');
      return { id: item.slice(0, at), key: decodeKey(item.slice(at + 1), item.slice(0, at)) };
    });
}

/** Standard or URL-safe base64; anything that is not exactly 32 bytes is refused by FieldCipher. */
export function decodeKey(text: string, name: string): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw new DataKeyError(`key "${name}" is not base64`);
  return Buffer.from(trimmed.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
}
