import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../../env';
import { DataKeyError, decodeKey, FieldCipher, parseKeyList } from './field-cipher';
import { keyedHash } from './keyed-hash';

/** The keys protecting personal data at rest, for the whole process. */
export interface DataProtection {
  cipher: FieldCipher;
  /** HMAC key for lookup hashes; separate from the encryption keys. */
  hashKey: Buffer;
  hash(value: string): string;
  /** Where the keys came from, for the startup notice. */
  source: 'environment' | 'key-file' | 'generated';
  file?: string;
}

export function dataProtectionOf(
  keys: ConstructorParameters<typeof FieldCipher>[0],
  hashKey: Buffer,
  source: DataProtection['source'] = 'environment',
  file?: string,
): DataProtection {
  if (hashKey.length < 32) throw new DataKeyError('DATA_HASH_KEY must be base64 of at least 32 bytes');
  return { cipher: new FieldCipher(keys), hashKey, hash: (value) => keyedHash(hashKey, value), source, file };
}

interface KeyFile {
  note?: string;
  keys: { id: string; key: string }[];
  hashKey: string;
}

export const keyFileName = 'keys.json';

/**
 * Resolves the data keys: from the environment (DATA_KEYS or DATA_KEY, with DATA_HASH_KEY), else
 * from `<DATA_DIR>/keys.json`, else generates that file on a first start. A PostgreSQL server
 * (DATABASE_URL) usually outlives its app folder, so there a key is only generated with
 * ALLOW_GENERATED_KEY=true: losing the file would lose the data.
 */
export function loadDataKeys(
  config: Pick<AppConfig, 'dataKeys' | 'dataDir' | 'databaseUrl'>,
  notify: (lines: string[]) => void = printNotice,
): DataProtection {
  const { keys, key, hashKey, allowGenerated } = config.dataKeys;
  const file = path.join(config.dataDir, keyFileName);
  if (keys || key || hashKey) {
    if (!(keys || key) || !hashKey)
      throw new DataKeyError('set DATA_HASH_KEY together with DATA_KEY or DATA_KEYS (see docs/SECURITY.md)');
    if (keys && key) throw new DataKeyError('set DATA_KEY or DATA_KEYS, not both');
    const list = keys ? parseKeyList(keys) : [{ id: 'k1', key: decodeKey(key!, 'DATA_KEY') }];
    return dataProtectionOf(list, decodeKey(hashKey, 'DATA_HASH_KEY'));
  }
  if (fs.existsSync(file)) return readKeyFile(file);
  if (config.databaseUrl && !allowGenerated)
    throw new DataKeyError(
      'no data keys: with DATABASE_URL set DATA_KEY (or DATA_KEYS) and DATA_HASH_KEY in the environment, ' +
        `or set ALLOW_GENERATED_KEY=true to generate them into ${file} (see docs/SECURITY.md)`,
    );
  const generated = writeKeyFile(file);
  notify([
    '首次启动：已生成数据加密密钥 / First start: data encryption keys were generated in',
    `  ${file}  (mode 0600)`,
    '请立即备份此文件，或将其中的密钥移到环境变量 DATA_KEYS / DATA_HASH_KEY；',
    '丢失密钥 = 无法恢复已加密的身份证号等数据。',
    'Back this file up now, or move its keys to DATA_KEYS / DATA_HASH_KEY:',
    'without the keys, encrypted ID numbers cannot be recovered.',
  ]);
  return generated;
}

function readKeyFile(file: string): DataProtection {
  let parsed: KeyFile;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  } catch (error) {
    throw new DataKeyError(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed.keys) || typeof parsed.hashKey !== 'string')
    throw new DataKeyError(`${file} must hold { keys: [{ id, key }], hashKey }`);
  return dataProtectionOf(
    parsed.keys.map((k) => ({ id: k.id, key: decodeKey(k.key, k.id) })),
    decodeKey(parsed.hashKey, 'hashKey'),
    'key-file',
    file,
  );
}

function writeKeyFile(file: string): DataProtection {
  const id = `g${randomBytes(4).toString('hex')}`;
  const content: KeyFile = {
    note: 'Shouwang data keys. Back up; never commit. Moving them to DATA_KEYS=<id>:<key> and DATA_HASH_KEY is preferred.',
    keys: [{ id, key: randomBytes(32).toString('base64') }],
    hashKey: randomBytes(32).toString('base64'),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // 'wx': never overwrite keys another start wrote meanwhile.
  fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  fs.chmodSync(file, 0o600);
  return { ...readKeyFile(file), source: 'generated' };
}

function printNotice(lines: string[]) {
  console.warn('\n┌──────────────────────────────────────────────────────────────');
  for (const line of lines) console.warn(`│ ${line}`);
  console.warn('└──────────────────────────────────────────────────────────────\n');
}

let installed: DataProtection | null = null;

/**
 * The process-wide keys. Installed once at startup (server, scripts, buildApp) so that code writing
 * an ID number (services, imports, the generator) needs no key passed through every call.
 */
export function installDataProtection(protection: DataProtection): void {
  installed = protection;
}

export function dataProtection(): DataProtection {
  if (!installed)
    throw new DataKeyError('data keys are not loaded: call installDataProtection(loadDataKeys(config)) at startup');
  return installed;
}
