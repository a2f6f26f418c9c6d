import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, pgliteOptions } from '../db/client';
import { buildChild, buildCountyTree, buildUser } from '../test/factories';
import { templateDbName, templateDump, withDatabase } from '../test/global-setup';
import { type BackupTarget, backup, RestoreError, restore, tableChecksums } from './backup';

/**
 * `npm run backup` / `npm run restore` round trip: identical row counts and checksums in every table
 * and the same attachment files. On PGlite by default; against the PostgreSQL server when the suite
 * runs with TEST_DATABASE_URL (pg_dump / pg_restore).
 */
const url = process.env.TEST_DATABASE_URL;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shouwang-backup-test-'));
const databases: string[] = [];

async function adminQuery(text: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/** A migrated, empty database: a PGlite data folder or a PostgreSQL database. */
async function freshTarget(name: string, empty = false): Promise<BackupTarget> {
  const dataDir = path.join(root, name);
  const attachmentsDir = path.join(dataDir, 'attachments');
  if (url) {
    const db = `shouwang_bk_${name}_${process.pid}`;
    databases.push(db);
    await adminQuery(`drop database if exists ${db} with (force)`);
    await adminQuery(empty ? `create database ${db}` : `create database ${db} template ${templateDbName}`);
    return { databaseUrl: withDatabase(url, db), dataDir, attachmentsDir };
  }
  if (!empty) {
    fs.mkdirSync(dataDir, { recursive: true });
    const client = await PGlite.create(path.join(dataDir, 'pg'), {
      ...pgliteOptions(),
      loadDataDir: new Blob([fs.readFileSync(templateDump)]),
    });
    await client.close();
  }
  return { dataDir, attachmentsDir };
}

async function sums(target: BackupTarget) {
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  try {
    return await tableChecksums(database.db);
  } finally {
    await database.close();
  }
}

let source: BackupTarget;
const file = path.join(root, 'out', 'backup.tar');

beforeAll(async () => {
  source = await freshTarget('source');
  const database = await openDatabase({ databaseUrl: source.databaseUrl, dataDir: source.dataDir });
  try {
    const tree = await buildCountyTree(database.db, '备份县');
    await buildUser(database.db, [{ role: 'class_teacher', org: tree.classA }]);
    for (const name of ['备份一', '备份二', '备份三'])
      await buildChild(database.db, { name, class: tree.classA, categories: ['left_behind_both'] });
  } finally {
    await database.close();
  }
  fs.mkdirSync(path.join(source.attachmentsDir, 'ab'), { recursive: true });
  fs.writeFileSync(path.join(source.attachmentsDir, 'ab', 'scan.pdf'), '%PDF-1.4 test scan');
}, 120_000);

afterAll(async () => {
  if (url) for (const db of databases) await adminQuery(`drop database if exists ${db} with (force)`);
  fs.rmSync(root, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores identical row counts, checksums and attachments', async () => {
    const before = await sums(source);
    const manifest = await backup(source, file);
    expect(manifest.tables).toEqual(before);
    expect(manifest.tables.child!.rows).toBe(3);
    expect(manifest.attachments).toBe(1);
    expect(fs.statSync(file).mode & 0o077).toBe(0);

    const target = await freshTarget('target', true);
    await restore(target, file);
    expect(await sums(target)).toEqual(before);
    expect(fs.readFileSync(path.join(target.attachmentsDir, 'ab', 'scan.pdf'), 'utf8')).toBe('%PDF-1.4 test scan');
  }, 180_000);

  it.skipIf(Boolean(url))(
    'never overwrites a data folder unasked, and keeps its keys when told to',
    async () => {
      const target = await freshTarget('occupied');
      fs.writeFileSync(path.join(target.dataDir, 'keys.json'), '{"k":"installation key"}');
      await expect(restore(target, file)).rejects.toThrow(RestoreError);
      await restore(target, file, { force: true });
      expect(await sums(target)).toEqual(await sums(source));
      expect(fs.readFileSync(path.join(target.dataDir, 'keys.json'), 'utf8')).toContain('installation key');
      const aside = fs.readdirSync(root).filter((n) => n.startsWith('occupied.before-restore-'));
      expect(aside).toHaveLength(1);
    },
    180_000,
  );

  it('refuses a file that is not a backup', async () => {
    const bogus = path.join(root, 'bogus.tar');
    fs.writeFileSync(path.join(root, 'note.txt'), 'hello');
    const { execFileSync } = await import('node:child_process');
    execFileSync('tar', ['-cf', bogus, '-C', root, 'note.txt']);
    await expect(restore(await freshTarget('never', true), bogus)).rejects.toThrow(/not a Shouwang backup/);
  });
});
