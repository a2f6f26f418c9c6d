import {
  type ChildCategory,
  guardianRequiredCategories,
  leftBehindCategories,
  type ParentStatus,
} from './enums/children';
import type { LabelMap } from './enums/labels';

/**
 * The archive's required content: the ★ items of the 2016 notice (民发〔2016〕42号) that the
 * archive holds, in the order of the national form. A child whose list is empty is 已建档.
 */
export const completenessFields = [
  'sex',
  'ethnicity',
  'birthDate',
  'idNumber',
  'hukouRegistered',
  'hukouLocation',
  'currentAddress',
  'health',
  'boarding',
  'schooling',
  'guardianshipType',
  'incomeSources',
  'parentWorkPlace',
  'entrustedGuardian',
  'entrustedGuardianPhone',
  'entrustedGuardianAddress',
  'villageContact',
] as const;
export type CompletenessField = (typeof completenessFields)[number];

export const completenessFieldLabels: LabelMap<CompletenessField> = {
  sex: { zh: '性别', en: 'Sex' },
  ethnicity: { zh: '民族', en: 'Ethnicity' },
  birthDate: { zh: '出生日期', en: 'Date of birth' },
  idNumber: { zh: '公民身份号码', en: 'ID number' },
  hukouRegistered: { zh: '是否登记户口', en: 'Hukou registered' },
  hukouLocation: { zh: '户籍所在地', en: 'Hukou location' },
  currentAddress: { zh: '现居住地', en: 'Current address' },
  health: { zh: '身体健康状况', en: 'Health' },
  boarding: { zh: '是否学校寄宿', en: 'Boarding' },
  schooling: { zh: '就学情况', en: 'Schooling' },
  guardianshipType: { zh: '监护类型（家庭情况）', en: 'Guardianship type (family situation)' },
  incomeSources: { zh: '家庭主要经济来源', en: 'Household income sources' },
  parentWorkPlace: { zh: '父母务工地点（省、市）', en: "Parents' place of work (province, city)" },
  entrustedGuardian: { zh: '受委托监护人', en: 'Entrusted guardian' },
  entrustedGuardianPhone: { zh: '受委托监护人电话', en: "Entrusted guardian's phone" },
  entrustedGuardianAddress: { zh: '受委托监护人住址', en: "Entrusted guardian's address" },
  villageContact: { zh: '村（居）委会联系人及电话', en: 'Village committee contact and phone' },
};

type Maybe<T> = T | null | undefined;

/** What the completeness rules read; the server builds it from the child, parents and guardians. */
export interface CompletenessInput {
  sex: Maybe<string>;
  ethnicity: Maybe<string>;
  birthDate: Maybe<string>;
  /** Whether an ID number is on file (the number itself is not needed). */
  hasIdNumber: boolean;
  hukouRegistered: Maybe<boolean>;
  hukouLocation: Maybe<string>;
  currentAddress: Maybe<string>;
  health: Maybe<string>;
  boarding: Maybe<string>;
  schooling: Maybe<string>;
  guardianshipType: Maybe<string>;
  incomeSources: Maybe<readonly string[]>;
  villageContactName: Maybe<string>;
  villageContactPhone: Maybe<string>;
  /** Categories currently in force (periods without an end date). */
  categories: readonly ChildCategory[];
  parents: readonly { status: Maybe<ParentStatus>; workProvince: Maybe<string>; workCity: Maybe<string> }[];
  guardians: readonly { name: Maybe<string>; phone: Maybe<string>; address: Maybe<string>; isPrimary: boolean }[];
}

export interface Completeness {
  complete: boolean;
  missing: CompletenessField[];
}

const blank = (value: Maybe<string>) => value == null || value.trim() === '';

/**
 * Lists the required fields the archive lacks. Conditional rules:
 * - no ID number is needed for a child whose hukou is not registered (they have none);
 * - the hukou location only when the hukou is registered (or not yet answered);
 * - parents' place of work only for left-behind children: at least one parent working away,
 *   each with province and city;
 * - an entrusted guardian with phone and address only for children whose parents cannot care
 *   for them (left-behind, orphan, de facto unsupported); the primary guardian is judged first.
 */
export function archiveCompleteness(input: CompletenessInput): Completeness {
  const missing = new Set<CompletenessField>();
  if (blank(input.sex)) missing.add('sex');
  if (blank(input.ethnicity)) missing.add('ethnicity');
  if (blank(input.birthDate)) missing.add('birthDate');
  if (input.hukouRegistered == null) missing.add('hukouRegistered');
  if (input.hukouRegistered !== false) {
    if (!input.hasIdNumber) missing.add('idNumber');
    if (blank(input.hukouLocation)) missing.add('hukouLocation');
  }
  if (blank(input.currentAddress)) missing.add('currentAddress');
  if (blank(input.health)) missing.add('health');
  if (blank(input.boarding)) missing.add('boarding');
  if (blank(input.schooling)) missing.add('schooling');
  if (blank(input.guardianshipType)) missing.add('guardianshipType');
  if (!input.incomeSources || input.incomeSources.length === 0) missing.add('incomeSources');

  const has = (list: readonly ChildCategory[]) => input.categories.some((c) => list.includes(c));
  if (has(leftBehindCategories)) {
    const away = input.parents.filter((p) => p.status === 'migrant_work');
    if (away.length === 0 || away.some((p) => blank(p.workProvince) || blank(p.workCity)))
      missing.add('parentWorkPlace');
  }
  if (has(guardianRequiredCategories)) {
    const named = input.guardians.filter((g) => !blank(g.name));
    const guardian = named.find((g) => g.isPrimary) ?? named[0];
    if (!guardian) missing.add('entrustedGuardian');
    else {
      if (blank(guardian.phone)) missing.add('entrustedGuardianPhone');
      if (blank(guardian.address)) missing.add('entrustedGuardianAddress');
    }
  }
  if (blank(input.villageContactName) || blank(input.villageContactPhone)) missing.add('villageContact');

  const ordered = completenessFields.filter((f) => missing.has(f));
  return { complete: ordered.length === 0, missing: ordered };
}
