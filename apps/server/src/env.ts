import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  /** PostgreSQL: the tables' owner, for migrations and `npm run audit-archive`; DATABASE_URL is then the app's own role. */
  MIGRATION_DATABASE_URL: z.string().optional(),
  /** Audit rows are kept at least this many days before `npm run audit-archive` may move them out (≥ 180). */
  AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(180, 'audit rows must be kept at least 180 days')
    .max(36_500)
    .default(365),
  /** Where `npm run audit-archive` writes its files; default `<DATA_DIR>/audit-archive`. */
  AUDIT_ARCHIVE_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
  /** How long a signed-in user's roles are cached in memory; 0 turns the cache off. */
  SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(5),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(30),
  /** Attempts allowed per username and per IP within LOGIN_THROTTLE_WINDOW_SECONDS. */
  LOGIN_THROTTLE_PER_USERNAME: z.coerce.number().int().positive().default(10),
  LOGIN_THROTTLE_PER_IP: z.coerce.number().int().positive().default(30),
  LOGIN_THROTTLE_WINDOW_SECONDS: z.coerce.number().int().positive().default(300),
  /** Set when the app is served over HTTPS, so cookies carry the Secure flag. */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  WEB_DIST: z.string().optional(),
  /** Uploaded photos and scans; default `<DATA_DIR>/attachments`. */
  ATTACHMENTS_DIR: z.string().optional(),
  ATTACHMENT_MAX_MB: z.coerce.number().positive().max(100).default(10),
  /** Excel imports: the largest file and the most data rows accepted. */
  IMPORT_MAX_MB: z.coerce.number().positive().max(100).default(10),
  IMPORT_MAX_ROWS: z.coerce.number().int().positive().max(200_000).default(20_000),
  /** Excel exports: the most children in one file. */
  EXPORT_MAX_ROWS: z.coerce.number().int().positive().max(500_000).default(50_000),
  /** A CJK font for PDFs (Debian: fonts-noto-cjk); the face names the font inside a .ttc collection. */
  PDF_FONT: z.string().default('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
  PDF_FONT_FACE: z.string().default('NotoSansCJKsc-Regular'),
  /** Encryption at rest (docs/SECURITY.md): one AES-256 key, base64 of 32 bytes (its id is `k1`)… */
  DATA_KEY: z.string().optional(),
  /** …or several, `id:base64key` comma-separated: the first encrypts, all decrypt (rotation). */
  DATA_KEYS: z.string().optional(),
  /** HMAC-SHA256 key for lookup hashes (ID number duplicates), base64 of at least 32 bytes. */
  DATA_HASH_KEY: z.string().optional(),
  /** With DATABASE_URL and no keys in the environment, generate them in <DATA_DIR>/keys.json anyway. */
  ALLOW_GENERATED_KEY: z.enum(['true', 'false']).default('false'),
  /** County and school administrators must enrol a TOTP authenticator; default true outside tests. */
  REQUIRE_TOTP_FOR_ADMINS: z.enum(['true', 'false']).optional(),
  /** The issuer name shown in authenticator apps. */
  TOTP_ISSUER: z.string().min(1).max(64).default('守望 Shouwang'),
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  migrationDatabaseUrl?: string;
  audit: { retentionDays: number; archiveDir: string };
  logLevel: Env['LOG_LEVEL'];
  session: { idleMs: number; absoluteMs: number; secureCookie: boolean; cacheMs: number };
  login: {
    maxFailures: number;
    lockMs: number;
    throttlePerUsername: number;
    throttlePerIp: number;
    throttleWindowMs: number;
  };
  trustProxy: boolean;
  webDist: string;
  attachments: { dir: string; maxBytes: number };
  imports: { maxBytes: number; maxRows: number };
  exports: { maxRows: number };
  pdf: { font: string; fontFace: string };
  dataKeys: { keys?: string; key?: string; hashKey?: string; allowGenerated: boolean };
  totp: { requiredForAdmins: boolean; issuer: string };
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL || undefined,
    audit: {
      retentionDays: e.AUDIT_RETENTION_DAYS,
      archiveDir: path.resolve(e.AUDIT_ARCHIVE_DIR ?? path.join(e.DATA_DIR, 'audit-archive')),
    },
    logLevel: e.LOG_LEVEL,
    session: {
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
      secureCookie: e.COOKIE_SECURE === 'true',
      cacheMs: e.SESSION_CACHE_SECONDS * 1000,
    },
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMs: e.LOGIN_LOCK_MINUTES * 60_000,
      throttlePerUsername: e.LOGIN_THROTTLE_PER_USERNAME,
      throttlePerIp: e.LOGIN_THROTTLE_PER_IP,
      throttleWindowMs: e.LOGIN_THROTTLE_WINDOW_SECONDS * 1000,
    },
    trustProxy: e.TRUST_PROXY === 'true',
    webDist: path.resolve(e.WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    attachments: {
      dir: path.resolve(e.ATTACHMENTS_DIR ?? path.join(e.DATA_DIR, 'attachments')),
      maxBytes: Math.round(e.ATTACHMENT_MAX_MB * 1024 * 1024),
    },
    imports: { maxBytes: Math.round(e.IMPORT_MAX_MB * 1024 * 1024), maxRows: e.IMPORT_MAX_ROWS },
    exports: { maxRows: e.EXPORT_MAX_ROWS },
    pdf: { font: path.resolve(e.PDF_FONT), fontFace: e.PDF_FONT_FACE },
    dataKeys: {
      keys: e.DATA_KEYS || undefined,
      key: e.DATA_KEY || undefined,
      hashKey: e.DATA_HASH_KEY || undefined,
      allowGenerated: e.ALLOW_GENERATED_KEY === 'true',
    },
    totp: {
      requiredForAdmins: (e.REQUIRE_TOTP_FOR_ADMINS ?? (e.NODE_ENV === 'test' ? 'false' : 'true')) === 'true',
      issuer: e.TOTP_ISSUER,
    },
  };
}
