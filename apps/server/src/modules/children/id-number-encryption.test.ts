import { createHash } from 'node:crypto';
import { idNumberCheckChar } from '@shouwang/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataProtection, dataProtectionOf, installDataProtection } from '../../lib/crypto/data-keys';
import { FieldCipher } from '../../lib/crypto/field-cipher';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildCountyTree, buildUser, type CountyTree } from '../../test/factories';
import { child } from './children.table';
import { hashIdNumber } from './id-number-hash';
import { reprotectIdNumbers, unknownIdNumberKeyIds } from './id-number-protection';

/** A valid GB 11643 number born on the given day, varied by its sequence digits. */
const idFor = (birth: string, seq: number) => {
  const first17 = `430104${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};

let t: TestApp;
let tree: CountyTree;
let teacher: Client;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db, '加密县');
  teacher = await loginAs(t, await buildUser(t.db, [{ role: 'class_teacher', org: tree.classA }]));
});
afterAll(() => t.close());

/** Every row of every table in the public schema, as JSON text: what a stolen dump would show. */
async function dumpDatabase(): Promise<string> {
  const tables = await t.db.execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const rowsOf = (result: unknown) =>
    (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  const parts: string[] = [];
  for (const { name } of rowsOf(tables) as { name: string }[]) {
    const rows = await t.db.execute(sql.raw(`select row_to_json(t)::text as j from "${name}" t`));
    for (const r of rowsOf(rows)) parts.push(String(r.j));
  }
  return parts.join('\n');
}

async function fileChild(name: string, birthDate: string, idNumber: string) {
  const res = await teacher.post('/api/children', {
    name,
    sex: 'male',
    birthDate,
    idNumber,
    schoolId: tree.school.id,
    classId: tree.classA.id,
    villageId: tree.village.id,
    categories: [{ category: 'left_behind_both', startDate: '2024-02-01' }],
    confirmDuplicate: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

describe('ID numbers at rest', () => {
  const childNumber = idFor('2016-03-05', 11);
  const changedNumber = idFor('2016-03-05', 13);
  const fatherNumber = idFor('1988-07-01', 21);
  const guardianNumber = idFor('1958-01-09', 42);
  let childId: string;

  it('stores children’s, parents’ and guardians’ numbers encrypted; no dump or audit diff shows one', async () => {
    const created = await fileChild('周明', '2016-03-05', childNumber);
    childId = created.id;
    expect(
      (
        await teacher.post(`/api/children/${childId}/parents`, {
          relation: 'father',
          name: '周父',
          idNumber: fatherNumber,
          birthDate: '1988-07-01',
          status: 'migrant_work',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await teacher.post(`/api/children/${childId}/guardians`, {
          relation: 'paternal_grandparent',
          name: '周奶奶',
          idNumber: guardianNumber,
          isPrimary: true,
        })
      ).statusCode,
    ).toBe(201);
    const edited = await teacher.patch(`/api/children/${childId}`, {
      version: created.version,
      idNumber: changedNumber,
    });
    expect(edited.statusCode, edited.body).toBe(200);

    const [row] = await t.db.select().from(child).where(eq(child.id, childId));
    expect(FieldCipher.isCiphertext(row!.idNumber!)).toBe(true);
    expect(row!.idNumberHash).toBe(hashIdNumber(changedNumber));
    expect(row!.idNumberHash).not.toBe(createHash('sha256').update(changedNumber).digest('hex'));

    const dump = await dumpDatabase();
    expect(dump).toContain('周明');
    expect(dump).toContain('"event":"child.updated"');
    for (const plain of [childNumber, changedNumber, fatherNumber, guardianNumber]) {
      expect(dump).not.toContain(plain);
      // Nor its unkeyed SHA-256, which enumeration of birth dates and sequence numbers reverses.
      expect(dump).not.toContain(createHash('sha256').update(plain).digest('hex'));
    }
  });

  it('serves the full number only through the audited read', async () => {
    const res = await teacher.get(`/api/children/${childId}/id-number`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ idNumber: changedNumber });
    expect(res.headers['cache-control']).toBe('no-store');
    const page = await teacher.get(`/api/children/${childId}`);
    expect(page.body).not.toContain(changedNumber);
    expect(page.json().idNumberMasked).toBe(`430***********${changedNumber.slice(-4)}`);
  });

  it('still finds duplicates and searches by the full number (keyed hash)', async () => {
    const again = await teacher.post('/api/children', {
      name: '周明明',
      birthDate: '2016-03-05',
      sex: 'male',
      idNumber: changedNumber,
      schoolId: tree.school.id,
      classId: tree.classA.id,
      categories: [],
      confirmDuplicate: true,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ID_NUMBER_TAKEN');
    const found = await teacher.get(`/api/children?q=${changedNumber}`);
    expect(found.json().items.map((c: { id: string }) => c.id)).toEqual([childId]);
  });

  it('encrypts numbers stored in plain text before encryption existed (startup upgrade)', async () => {
    const legacyNumber = idFor('2015-11-30', 55);
    const legacy = await fileChild('旧档案', '2015-11-30', idFor('2015-11-30', 57));
    await t.db
      .update(child)
      .set({ idNumber: legacyNumber, idNumberHash: createHash('sha256').update(legacyNumber).digest('hex') })
      .where(eq(child.id, legacy.id));
    const counts = await reprotectIdNumbers(t.db, 'legacy');
    expect(counts).toEqual({ child: 1, parent: 0, guardian: 0 });
    expect(await dumpDatabase()).not.toContain(legacyNumber);
    expect((await teacher.get(`/api/children/${legacy.id}/id-number`)).json()).toEqual({ idNumber: legacyNumber });
    const dup = await teacher.post('/api/children', {
      name: '旧档案二',
      idNumber: legacyNumber,
      birthDate: '2015-11-30',
      sex: 'male',
      schoolId: tree.school.id,
      classId: tree.classA.id,
      categories: [],
      confirmDuplicate: true,
    });
    expect(dup.json().error.code, dup.body).toBe('ID_NUMBER_TAKEN');
    expect(await reprotectIdNumbers(t.db, 'legacy')).toEqual({ child: 0, parent: 0, guardian: 0 });
  });

  it('rotates keys: everything re-encrypted under the new first key, old key then removable', async () => {
    const before = dataProtection();
    const newKey = Buffer.alloc(32, 77);
    try {
      installDataProtection(
        dataProtectionOf(
          [
            { id: 'k2', key: newKey },
            { id: 'test1', key: Buffer.alloc(32, 7) },
          ],
          before.hashKey,
        ),
      );
      const counts = await reprotectIdNumbers(t.db, 'all');
      expect(counts.child).toBeGreaterThanOrEqual(2);
      expect(counts.parent).toBe(1);
      expect(counts.guardian).toBe(1);
      installDataProtection(dataProtectionOf([{ id: 'k2', key: newKey }], before.hashKey));
      expect(await unknownIdNumberKeyIds(t.db)).toEqual([]);
      expect((await teacher.get(`/api/children/${childId}/id-number`)).json()).toEqual({ idNumber: changedNumber });
      installDataProtection(before);
      expect(await unknownIdNumberKeyIds(t.db)).toEqual(['k2']);
    } finally {
      installDataProtection(before);
    }
  });
});
