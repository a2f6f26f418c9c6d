import { randomUUID } from 'node:crypto';
import type { ChildCategory, OrgKind, PairingKind, Role } from '@shouwang/shared';
import type { Db } from '../db/client';
import { hashPassword } from '../modules/auth/password';
import { insertChild } from '../modules/children/children.repository';
import { childCategory } from '../modules/children/children.table';
import { idNumberColumns } from '../modules/children/id-number-hash';
import { pinyinKeys } from '../modules/children/pinyin-keys';
import { refreshCompleteness } from '../modules/children/use-cases/refresh-completeness';
import { childPath } from '../modules/orgs/org-path';
import { org } from '../modules/orgs/orgs.table';
import { pairing } from '../modules/pairings/pairings.table';
import { term } from '../modules/terms/terms.table';
import { appUser, roleAssignment } from '../modules/users/users.table';

export const TEST_PASSWORD = 'Test-Passw0rd!';
let passwordHash: Promise<string> | undefined;
const testHash = () => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
};

export type OrgFixture = typeof org.$inferSelect;

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}`;

export async function buildOrg(db: Db, kind: OrgKind, parent?: OrgFixture, name?: string): Promise<OrgFixture> {
  const id = randomUUID();
  const [row] = await db
    .insert(org)
    .values({
      id,
      parentId: parent?.id ?? null,
      countyId: parent?.countyId ?? id,
      kind,
      name: name ?? unique(`${kind}-`),
      path: parent ? childPath(parent.path, id) : `${id}/`,
    })
    .returning();
  return row!;
}

/** A county with two townships, a village and a school with two classes in the first. */
export async function buildCountyTree(db: Db, name = unique('县')) {
  const county = await buildOrg(db, 'county', undefined, name);
  const township = await buildOrg(db, 'township', county, `${name}甲镇`);
  const otherTownship = await buildOrg(db, 'township', county, `${name}乙镇`);
  const village = await buildOrg(db, 'village', township, `${name}东村`);
  const school = await buildOrg(db, 'school', township, `${name}中心小学`);
  const classA = await buildOrg(db, 'class', school, '一年级1班');
  const classB = await buildOrg(db, 'class', school, '一年级2班');
  const otherSchool = await buildOrg(db, 'school', otherTownship, `${name}乙镇小学`);
  const otherClass = await buildOrg(db, 'class', otherSchool, '三年级1班');
  return { county, township, otherTownship, village, school, classA, classB, otherSchool, otherClass };
}
export type CountyTree = Awaited<ReturnType<typeof buildCountyTree>>;

export interface UserFixture {
  id: string;
  username: string;
  password: string;
}

export async function buildUser(
  db: Db,
  roles: { role: Role; org: OrgFixture }[],
  options: { username?: string; mustChangePassword?: boolean; status?: 'active' | 'disabled' } = {},
): Promise<UserFixture> {
  const username = options.username ?? unique('user');
  const [user] = await db
    .insert(appUser)
    .values({
      username,
      displayName: `测试${username}`,
      passwordHash: await testHash(),
      mustChangePassword: options.mustChangePassword ?? false,
      status: options.status ?? 'active',
      countyId: roles[0]?.org.countyId ?? null,
    })
    .returning();
  for (const r of roles) {
    await db
      .insert(roleAssignment)
      .values({ userId: user!.id, role: r.role, orgId: r.org.id, countyId: r.org.countyId });
  }
  return { id: user!.id, username, password: TEST_PASSWORD };
}

export type ChildFixture = Awaited<ReturnType<typeof buildChild>>;

/**
 * A child filed directly in the database (no HTTP), under a class (with its school), a school,
 * and/or a home village, with its completeness derived as the app does.
 */
export async function buildChild(
  db: Db,
  options: {
    name?: string;
    school?: OrgFixture;
    class?: OrgFixture;
    village?: OrgFixture;
    birthDate?: string;
    sex?: 'male' | 'female';
    idNumber?: string;
    categories?: ChildCategory[];
  },
) {
  const name = options.name ?? unique('儿童');
  const anchor = options.class ?? options.school ?? options.village;
  if (!anchor) throw new Error('buildChild needs a school, class or village');
  const row = await insertChild(db, {
    name,
    ...pinyinKeys(name),
    ...idNumberColumns(options.idNumber),
    countyId: anchor.countyId,
    schoolId: options.school?.id ?? (options.class ? options.class.parentId : null),
    classId: options.class?.id ?? null,
    villageId: options.village?.id ?? null,
    schoolPath: (options.class ?? options.school)?.path ?? null,
    villagePath: options.village?.path ?? null,
    birthDate: options.birthDate ?? null,
    sex: options.sex ?? null,
  });
  for (const category of options.categories ?? []) {
    await db
      .insert(childCategory)
      .values({ childId: row.id, countyId: row.countyId, category, startDate: '2024-09-01' });
  }
  await refreshCompleteness(db, row.id);
  return row;
}

/** A term set directly in the database for a county or a school (no date checks). */
export async function buildTerm(
  db: Db,
  unit: OrgFixture,
  dates: { startDate: string; midDate: string; endDate: string },
  options: { schoolYear?: string; termNo?: 1 | 2 } = {},
) {
  const [row] = await db
    .insert(term)
    .values({
      orgId: unit.id,
      countyId: unit.countyId,
      schoolYear: options.schoolYear ?? `${dates.startDate.slice(0, 4)}-${Number(dates.startDate.slice(0, 4)) + 1}`,
      termNo: options.termNo ?? 1,
      ...dates,
    })
    .returning();
  return row!;
}

/** A pairing filed directly in the database (no capacity or role checks). */
export async function buildPairing(
  db: Db,
  options: {
    child: ChildFixture;
    helper: Pick<UserFixture, 'id'>;
    kind?: PairingKind;
    startDate?: string;
    endDate?: string | null;
  },
) {
  const [row] = await db
    .insert(pairing)
    .values({
      countyId: options.child.countyId,
      childId: options.child.id,
      schoolId: options.child.schoolId,
      kind: options.kind ?? 'mentor_teacher',
      helperUserId: options.helper.id,
      startDate: options.startDate ?? '2024-09-01',
      endDate: options.endDate ?? null,
    })
    .returning();
  return row!;
}
