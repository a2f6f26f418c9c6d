import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, type CountyTree } from '../../test/factories';
import { auditEvent } from '../audit/audit.table';
import { insertAsJson } from './children-json-insert';
import { parent } from './parents.table';

let t: TestApp;
let tree: CountyTree;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await buildCountyTree(t.db);
});
afterAll(() => t.close());

describe('insertAsJson (the import’s bulk insert)', () => {
  it('writes arrays, dates, booleans and quotes as given; a column left undefined takes its default', async () => {
    const child = await buildChild(t.db, { school: tree.school });
    const base = { childId: child.id, countyId: tree.county.id };
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    await t.db.transaction((tx) =>
      insertAsJson(tx, parent, [
        { ...base, id: ids[0]!, relation: 'father', name: '张"大\'山\\', phones: ['13800138000', '0731-84567891'] },
        { ...base, id: ids[1]!, relation: 'mother', name: '李小花', birthDate: '1990-02-03', unreachable: true },
        { ...base, id: ids[2]!, relation: 'father', name: '王五', phones: [], workCity: null },
      ]),
    );
    const rows = await t.db.select().from(parent).where(inArray(parent.id, ids));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids[0]!)).toMatchObject({
      name: '张"大\'山\\',
      phones: ['13800138000', '0731-84567891'],
      unreachable: false,
      version: 1,
    });
    expect(byId.get(ids[1]!)).toMatchObject({ phones: [], birthDate: '1990-02-03', unreachable: true });
    expect(byId.get(ids[2]!)).toMatchObject({ phones: [], workCity: null });
    expect(byId.get(ids[0]!)!.createdAt).toBeInstanceOf(Date);
  });

  it('keeps the callers’ order (serial ids) and stores jsonb as objects, over several statements', async () => {
    const requestId = randomUUID();
    const rows = Array.from({ length: 2_500 }, (_, i) => ({
      event: 'child.created',
      requestId,
      targetId: String(i),
      diff: { name: { from: null, to: `儿童${i}` }, tags: ['a', 'b'], n: i },
    }));
    await t.db.transaction((tx) => insertAsJson(tx, auditEvent, rows));
    const stored = await t.db
      .select({ targetId: auditEvent.targetId, diff: auditEvent.diff })
      .from(auditEvent)
      .where(eq(auditEvent.requestId, requestId))
      .orderBy(asc(auditEvent.id));
    expect(stored.map((r) => r.targetId)).toEqual(rows.map((r) => r.targetId));
    expect(stored[2_400]!.diff).toEqual({ name: { from: null, to: '儿童2400' }, tags: ['a', 'b'], n: 2400 });
  });
});
