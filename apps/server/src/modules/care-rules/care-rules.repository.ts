import { type CareRuleTemplate, careRuleKinds, defaultPairingCapacity, type PairingKind } from '@shouwang/shared';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { careRule, careSetting } from './care-rules.table';

export type CareRuleRow = typeof careRule.$inferSelect;
export type CareRuleInsert = typeof careRule.$inferInsert;
export type CareSettingRow = typeof careSetting.$inferSelect;

const live = isNull(careRule.deletedAt);

export async function findSetting(db: Db, schoolId: string): Promise<CareSettingRow | undefined> {
  const [row] = await db.select().from(careSetting).where(eq(careSetting.schoolId, schoolId)).limit(1);
  return row;
}

export async function findSettings(db: Db, schoolIds: string[]): Promise<CareSettingRow[]> {
  if (schoolIds.length === 0) return [];
  return db.select().from(careSetting).where(inArray(careSetting.schoolId, schoolIds));
}

/** Creates the school's settings row unless it exists; answers it only when this call created it. */
export async function insertSettingIfMissing(db: Db, schoolId: string, countyId: string) {
  const [row] = await db
    .insert(careSetting)
    .values({ schoolId, countyId })
    .onConflictDoNothing({ target: careSetting.schoolId })
    .returning();
  return row;
}

export async function updateSetting(
  db: Db,
  schoolId: string,
  expectedVersion: number,
  changes: Partial<typeof careSetting.$inferInsert>,
): Promise<CareSettingRow | undefined> {
  const [row] = await db
    .update(careSetting)
    .set({ ...changes, updatedAt: new Date(), version: sql`${careSetting.version} + 1` })
    .where(and(eq(careSetting.schoolId, schoolId), eq(careSetting.version, expectedVersion)))
    .returning();
  return row;
}

/** The school's pairing capacity per kind (the defaults when it has no settings row yet). */
export function capacityOf(setting: CareSettingRow | undefined): Record<PairingKind, number> {
  if (!setting) return { ...defaultPairingCapacity };
  return {
    mentor_teacher: setting.mentorTeacherCapacity,
    proxy_parent: setting.proxyParentCapacity,
    holiday_tutor: setting.holidayTutorCapacity,
    buddy_student: setting.buddyStudentCapacity,
  };
}

export const capacityColumns: Record<PairingKind, keyof typeof careSetting.$inferInsert> = {
  mentor_teacher: 'mentorTeacherCapacity',
  proxy_parent: 'proxyParentCapacity',
  holiday_tutor: 'holidayTutorCapacity',
  buddy_student: 'buddyStudentCapacity',
};

export async function listRules(db: Db, schoolIds: string[]): Promise<CareRuleRow[]> {
  if (schoolIds.length === 0) return [];
  const rows = await db
    .select()
    .from(careRule)
    .where(and(inArray(careRule.schoolId, schoolIds), live))
    .orderBy(asc(careRule.schoolId), asc(careRule.createdAt), asc(careRule.id));
  // Rules added together (the defaults) keep the order of the kinds.
  const order = (r: CareRuleRow) => [r.schoolId, r.createdAt.toISOString(), careRuleKinds.indexOf(r.kind), r.id];
  return rows.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return 0;
  });
}

export async function findRule(db: Db, id: string): Promise<CareRuleRow | undefined> {
  const [row] = await db
    .select()
    .from(careRule)
    .where(and(eq(careRule.id, id), live))
    .limit(1);
  return row;
}

export async function insertRules(db: Db, rows: CareRuleInsert[]): Promise<CareRuleRow[]> {
  if (rows.length === 0) return [];
  return db.insert(careRule).values(rows).returning();
}

export const rulesFromTemplates = (
  templates: readonly CareRuleTemplate[],
  school: { id: string; countyId: string },
): CareRuleInsert[] =>
  templates.map((t) => ({
    schoolId: school.id,
    countyId: school.countyId,
    kind: t.kind,
    frequency: t.frequency,
    windowDays: t.windowDays,
    categories: [...t.categories],
    careLevels: [...t.careLevels],
    responsibleRole: t.responsibleRole,
    responsiblePairingKind: t.responsiblePairingKind,
  }));

export async function updateRule(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<CareRuleInsert>,
): Promise<CareRuleRow | undefined> {
  const [row] = await db
    .update(careRule)
    .set({ ...changes, updatedAt: new Date(), version: sql`${careRule.version} + 1` })
    .where(and(eq(careRule.id, id), eq(careRule.version, expectedVersion), live))
    .returning();
  return row;
}

export async function softDeleteRule(db: Db, id: string, expectedVersion: number) {
  const [row] = await db
    .update(careRule)
    .set({ deletedAt: new Date(), updatedAt: new Date(), version: sql`${careRule.version} + 1` })
    .where(and(eq(careRule.id, id), eq(careRule.version, expectedVersion), live))
    .returning();
  return row;
}
