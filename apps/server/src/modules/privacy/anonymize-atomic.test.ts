import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dataProtection } from '../../lib/crypto/data-keys';
import { buildTestApp, type TestApp } from '../../test/app';
import { buildChild, buildCountyTree, buildUser } from '../../test/factories';
import { careRecord } from '../care-records/care-records.table';
import { child, childEnrollment } from '../children/children.table';
import { pledge } from '../pledges/pledges.table';
import { anonymizeExpiredChildren } from './anonymize';
import { figuresOf, recordTexts, seedRecords } from './anonymize-records.test-support';

let t: TestApp;
let childId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const tree = await buildCountyTree(t.db, '整体县');
  const teacher = await buildUser(t.db, [{ role: 'school_admin', org: tree.school }]);
  const counselor = await buildUser(t.db, [{ role: 'counselor', org: tree.school }]);
  const kid = await buildChild(t.db, { name: '冯小禾', class: tree.classA });
  childId = kid.id;
  await seedRecords(t.db, kid, { teacherId: teacher.id, counselorId: counselor.id });
  await t.db
    .insert(childEnrollment)
    .values({ childId, countyId: kid.countyId, status: 'graduated', date: '2018-07-01' });
});
afterAll(() => t.close());

describe('anonymization is all-or-nothing per child', () => {
  it('a failure half-way (sealing the counseling text) leaves every text as it was; the next run does it all', async () => {
    const before = await figuresOf(t.db, childId);
    const encrypt = vi.spyOn(dataProtection().cipher, 'encrypt').mockImplementationOnce(() => {
      throw new Error('key store unavailable');
    });
    await expect(anonymizeExpiredChildren(t.db, new Date(), { years: 3 })).rejects.toThrow('key store unavailable');
    encrypt.mockRestore();
    // The care records were updated before the counseling step: rolled back with it.
    const [kid] = await t.db.select().from(child).where(eq(child.id, childId));
    expect(kid!.name).toBe('冯小禾');
    const records = await t.db.select().from(careRecord).where(eq(careRecord.childId, childId));
    expect(records.every((r) => r.summary === recordTexts.summary)).toBe(true);

    expect(await anonymizeExpiredChildren(t.db, new Date(), { years: 3 })).toEqual([childId]);
    const [done] = await t.db.select().from(pledge).where(eq(pledge.childId, childId));
    expect(done!.shortcomings).toBe('已匿名');
    expect(await figuresOf(t.db, childId)).toEqual(before);
  });
});
