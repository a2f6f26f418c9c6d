import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataKeys } from './data-keys';
import { DataKeyError, DecryptError, FieldCipher, parseKeyList } from './field-cipher';
import { keyedHash } from './keyed-hash';

const key = (fill: number) => Buffer.alloc(32, fill);
const number = '430104201606150049';

describe('FieldCipher (AES-256-GCM)', () => {
  const cipher = new FieldCipher([{ id: 'k1', key: key(1) }]);

  it('round-trips text, Chinese included, with a fresh IV every time', () => {
    const a = cipher.encrypt(number, 'id_number');
    const b = cipher.encrypt(number, 'id_number');
    expect(a).toMatch(/^v1:k1:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(number);
    expect(cipher.decrypt(a, 'id_number')).toBe(number);
    expect(cipher.decrypt(cipher.encrypt('心理老师的记录：😀', 'note'), 'note')).toBe('心理老师的记录：😀');
    expect(cipher.decrypt(cipher.encrypt('', 'note'), 'note')).toBe('');
  });

  it('detects tampering with the data, the tag, the IV or the key id', () => {
    const value = cipher.encrypt(number, 'id_number');
    const [v, id, iv, tag, data] = value.split(':') as [string, string, string, string, string];
    const flip = (s: string) => {
      const bytes = Buffer.from(s, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64url');
    };
    for (const forged of [
      [v, id, iv, tag, flip(data)],
      [v, id, iv, flip(tag), data],
      [v, id, flip(iv), tag, data],
      [v, id, iv, tag, data.slice(0, -2)],
    ])
      expect(() => cipher.decrypt(forged.join(':'), 'id_number')).toThrow(DecryptError);
    const twoKeys = new FieldCipher([
      { id: 'k1', key: key(1) },
      { id: 'k2', key: key(1) },
    ]);
    expect(() => twoKeys.decrypt([v, 'k2', iv, tag, data].join(':'), 'id_number')).toThrow(DecryptError);
    expect(() => cipher.decrypt('430104201606150049', 'id_number')).toThrow(DecryptError);
  });

  it('binds a value to its purpose: a ciphertext copied into another column does not decrypt', () => {
    const value = cipher.encrypt(number, 'id_number');
    expect(() => cipher.decrypt(value, 'counseling.note')).toThrow(DecryptError);
  });

  it('rotates: the first key encrypts, all listed keys decrypt, unknown keys are named', () => {
    const old = new FieldCipher([{ id: 'k1', key: key(1) }]);
    const stored = old.encrypt(number, 'id_number');
    const rotated = new FieldCipher([
      { id: 'k2', key: key(2) },
      { id: 'k1', key: key(1) },
    ]);
    expect(rotated.decrypt(stored, 'id_number')).toBe(number);
    expect(rotated.needsRotation(stored)).toBe(true);
    const fresh = rotated.encrypt(number, 'id_number');
    expect(FieldCipher.keyIdOf(fresh)).toBe('k2');
    expect(rotated.needsRotation(fresh)).toBe(false);
    expect(rotated.needsRotation(number)).toBe(true);
    const newOnly = new FieldCipher([{ id: 'k2', key: key(2) }]);
    expect(newOnly.decrypt(fresh, 'id_number')).toBe(number);
    expect(() => newOnly.decrypt(stored, 'id_number')).toThrow(/"k1" is not configured/);
  });

  it('refuses bad keys', () => {
    expect(() => new FieldCipher([])).toThrow(DataKeyError);
    expect(() => new FieldCipher([{ id: 'k1', key: Buffer.alloc(16) }])).toThrow(/32 bytes/);
    expect(() => new FieldCipher([{ id: 'a:b', key: key(1) }])).toThrow(DataKeyError);
    expect(
      () =>
        new FieldCipher([
          { id: 'k1', key: key(1) },
          { id: 'k1', key: key(2) },
        ]),
    ).toThrow(/twice/);
    expect(() => parseKeyList('nokey')).toThrow(DataKeyError);
    const parsed = parseKeyList(` k2:${key(2).toString('base64')} , k1:${key(1).toString('base64url')}`);
    expect(parsed.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(parsed[1]!.key.equals(key(1))).toBe(true);
  });
});

describe('keyedHash (HMAC-SHA256)', () => {
  it('is stable per key and differs between keys', () => {
    expect(keyedHash(key(1), number)).toBe(keyedHash(key(1), number));
    expect(keyedHash(key(1), number)).not.toBe(keyedHash(key(2), number));
    expect(keyedHash(key(1), number)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('loadDataKeys', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sw-keys-'));
  const b64 = (fill: number) => key(fill).toString('base64');
  const noKeys = { allowGenerated: false };

  it('reads DATA_KEYS and DATA_HASH_KEY from the environment and writes no file', () => {
    const dir = tmp();
    const p = loadDataKeys({
      dataDir: dir,
      dataKeys: { ...noKeys, keys: `k2:${b64(2)},k1:${b64(1)}`, hashKey: b64(3) },
    });
    expect(p.source).toBe('environment');
    expect(p.cipher.primaryKeyId).toBe('k2');
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(loadDataKeys({ dataDir: dir, dataKeys: { ...noKeys, key: b64(1), hashKey: b64(3) } }).cipher.keyIds).toEqual(
      ['k1'],
    );
  });

  it('refuses half a configuration', () => {
    expect(() => loadDataKeys({ dataDir: tmp(), dataKeys: { ...noKeys, key: b64(1) } })).toThrow(/DATA_HASH_KEY/);
    expect(() => loadDataKeys({ dataDir: tmp(), dataKeys: { ...noKeys, hashKey: b64(1) } })).toThrow(/DATA_HASH_KEY/);
    expect(() =>
      loadDataKeys({
        dataDir: tmp(),
        dataKeys: { ...noKeys, key: b64(1), hashKey: randomBytes(8).toString('base64') },
      }),
    ).toThrow(/at least 32 bytes/);
  });

  it('generates keys.json (0600) on a first start, says so, and reads the same keys afterwards', () => {
    const dir = tmp();
    const notices: string[][] = [];
    const first = loadDataKeys({ dataDir: dir, dataKeys: noKeys }, (lines) => notices.push(lines));
    expect(first.source).toBe('generated');
    expect(notices.join('\n')).toMatch(/Back this file up/);
    const file = path.join(dir, 'keys.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = loadDataKeys({ dataDir: dir, dataKeys: noKeys }, () => notices.push(['again']));
    expect(again.source).toBe('key-file');
    expect(notices).toHaveLength(1);
    expect(again.cipher.decrypt(first.cipher.encrypt(number, 'id_number'), 'id_number')).toBe(number);
    expect(again.hash(number)).toBe(first.hash(number));
  });

  it('with DATABASE_URL, refuses to generate unless ALLOW_GENERATED_KEY=true', () => {
    const databaseUrl = 'postgres://example/db';
    expect(() => loadDataKeys({ dataDir: tmp(), databaseUrl, dataKeys: noKeys })).toThrow(/ALLOW_GENERATED_KEY/);
    const p = loadDataKeys({ dataDir: tmp(), databaseUrl, dataKeys: { allowGenerated: true } }, () => {});
    expect(p.source).toBe('generated');
  });
});
