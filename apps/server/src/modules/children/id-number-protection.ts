import { and, asc, eq, gt, isNotNull, notLike, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { dataProtection } from '../../lib/crypto/data-keys';

import { child } from './children.table';
import { guardian } from './guardians.table';
import { encryptIdNumber, hashIdNumber, revealIdNumber } from './id-number-hash';
import { parent } from './parents.table';

const tables = [
  { name: 'child', table: child, hashed: true },
  { name: 'parent', table: parent, hashed: false },
  { name: 'guardian', table: guardian, hashed: false },
] as const;

const batchSize = 500;

/**
 * Rewrites stored ID numbers of children, parents and guardians in batches of 500 rows, one
 * transaction each (safe to interrupt and run again).
 * - `legacy`: only values still in plain text (written before encryption existed): encrypts them
 *   and replaces the child's plain SHA-256 with the keyed HMAC. Runs at every start; cheap when
 *   there is nothing to do.
 * - `all` (npm run rotate-keys): every value, so everything ends up under the first key and the
 *   lookup hash under the current DATA_HASH_KEY.
 */
export async function reprotectIdNumbers(db: Db, mode: 'legacy' | 'all'): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { name, table, hashed } of tables) {
    let after = '00000000-0000-0000-0000-000000000000';
    let count = 0;
    for (;;) {
      const rows = await db
        .select({ id: table.id, idNumber: table.idNumber })
        .from(table)
        .where(
          and(
            isNotNull(table.idNumber),
            gt(table.id, after),
            mode === 'legacy' ? notLike(table.idNumber, 'v1:%') : undefined,
          ),
        )
        .orderBy(asc(table.id))
        .limit(batchSize);
      if (rows.length === 0) break;
      await db.transaction(async (tx) => {
        for (const row of rows) {
          const plain = revealIdNumber(row.idNumber)!;
          const set = hashed
            ? { idNumber: encryptIdNumber(plain), idNumberHash: hashIdNumber(plain) }
            : { idNumber: encryptIdNumber(plain) };
          await tx.update(table).set(set).where(eq(table.id, row.id));
        }
      });
      count += rows.length;
      after = rows[rows.length - 1]!.id;
    }
    counts[name] = count;
  }
  return counts;
}

/**
 * Key ids found in stored ciphertexts that the configured keys cannot decrypt. The server refuses
 * to start on any: a wrong DATA_DIR or a forgotten old key in DATA_KEYS would otherwise surface
 * only when someone opens a child's ID number.
 */
export async function unknownIdNumberKeyIds(db: Db): Promise<string[]> {
  const known = new Set(dataProtection().cipher.keyIds);
  const found = new Set<string>();
  for (const { table } of tables) {
    const rows = await db
      .selectDistinct({ keyId: sql<string>`split_part(${table.idNumber}, ':', 2)` })
      .from(table)
      .where(sql`${table.idNumber} like 'v1:%'`);
    for (const r of rows) found.add(r.keyId);
  }
  return [...found].filter((id) => !known.has(id));
}
