import { todayIso } from '@shouwang/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataProtection, dataProtectionOf, installDataProtection } from '../../lib/crypto/data-keys';
import { FieldCipher } from '../../lib/crypto/field-cipher';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser } from '../../test/factories';
import { counselingSession } from './counseling.table';
import { sealCounseling } from './counseling-cipher';
import { reprotectCounseling, unknownCounselingKeyIds } from './counseling-protection';

let t: TestApp;
let counselor: Client;
let childId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const tree = await buildCountyTree(t.db, '密文县');
  counselor = await loginAs(t, await buildUser(t.db, [{ role: 'counselor', org: tree.school }]));
  childId = (await buildChild(t.db, { name: '赵小禾', class: tree.classA })).id;
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

describe('counseling text at rest', () => {
  it('stores presenting concern, notes, agreed actions and risk reasons encrypted; no dump shows them', async () => {
    const secrets = {
      presentingConcern: '担心爷爷喝酒后打人',
      notes: '孩子说周末不敢回家，手臂上有淤青',
      agreedActions: '联系班主任，下周再约',
      editedNotes: '第二次补充：淤青已消退',
      reason: '家中可能存在暴力',
    };
    const created = await counselor.post('/api/counseling-sessions', {
      childId,
      sessionOn: todayIso(),
      presentingConcern: secrets.presentingConcern,
      notes: secrets.notes,
      agreedActions: secrets.agreedActions,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const edited = await counselor.patch(`/api/counseling-sessions/${id}`, { version: 1, notes: secrets.editedNotes });
    expect(edited.statusCode, edited.body).toBe(200);
    const risk = await counselor.post(`/api/children/${childId}/risk-level`, {
      level: 'crisis',
      reason: secrets.reason,
    });
    expect(risk.statusCode, risk.body).toBe(201);
    expect((await counselor.get(`/api/counseling-sessions/${id}`)).json().notes).toBe(secrets.editedNotes);

    const [row] = await t.db.select().from(counselingSession).where(eq(counselingSession.id, id));
    for (const value of [row!.presentingConcern, row!.notes, row!.agreedActions!])
      expect(FieldCipher.isCiphertext(value)).toBe(true);

    const dump = await dumpDatabase();
    expect(dump).toContain('赵小禾');
    expect(dump).toContain('"event":"counseling.session_updated"');
    expect(dump).toContain('"event":"counseling.session_viewed"');
    for (const plain of Object.values(secrets)) expect(dump).not.toContain(plain);
    // Nor a fragment long enough to give the content away.
    for (const fragment of ['不敢回家', '喝酒', '淤青', '暴力']) expect(dump).not.toContain(fragment);
  });

  it('a ciphertext moved into another column does not decrypt', async () => {
    const [row] = await t.db.select().from(counselingSession).limit(1);
    await t.db
      .update(counselingSession)
      .set({ notes: row!.presentingConcern })
      .where(eq(counselingSession.id, row!.id));
    const res = await counselor.get(`/api/counseling-sessions/${row!.id}`);
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('喝酒');
  });

  it('rotates keys: counseling text re-encrypted under the new first key, the old key then removable', async () => {
    const before = dataProtection();
    const newKey = Buffer.alloc(32, 55);
    const [row] = await t.db.select().from(counselingSession).limit(1);
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
      // The row the previous test corrupted is repaired first (a moved ciphertext cannot be rotated).
      await t.db
        .update(counselingSession)
        .set({ notes: sealCounseling('notes', '轮换前的记录') })
        .where(eq(counselingSession.id, row!.id));
      const counts = await reprotectCounseling(t.db);
      expect(counts).toEqual({ counseling_session: 1, child_risk_level: 1 });
      installDataProtection(dataProtectionOf([{ id: 'k2', key: newKey }], before.hashKey));
      expect(await unknownCounselingKeyIds(t.db)).toEqual([]);
      const res = await counselor.get(`/api/counseling-sessions/${row!.id}`);
      expect(res.json().notes).toBe('轮换前的记录');
      installDataProtection(before);
      expect(await unknownCounselingKeyIds(t.db)).toEqual(['k2']);
    } finally {
      installDataProtection(before);
    }
  });
});
