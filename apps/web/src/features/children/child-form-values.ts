import type { ChildView } from '@shouwang/shared/schemas/children';
import type { Dayjs } from 'dayjs';
import { fromIsoDate, textOrNull, toIsoDate } from './iso-date';

/** The child form's values and their mapping to and from the API (ChildFormDrawer). */

type Maybe<T> = T | null | undefined;

export interface ChildFormValues {
  name?: string;
  idNumber?: string;
  sex?: Maybe<string>;
  birthDate?: Maybe<Dayjs>;
  ethnicity?: Maybe<string>;
  schoolId?: Maybe<string>;
  classId?: Maybe<string>;
  villageId?: Maybe<string>;
  grade?: Maybe<number>;
  hukouRegistered?: Maybe<boolean>;
  hukouType?: Maybe<string>;
  hukouLocation?: Maybe<string>;
  currentAddress?: Maybe<string>;
  health?: Maybe<string>;
  disabilityCategory?: Maybe<string>;
  disabilityGrade?: Maybe<string>;
  illnessType?: Maybe<string>;
  schooling?: Maybe<string>;
  boarding?: Maybe<string>;
  guardianshipType?: Maybe<string>;
  incomeSources?: string[];
  aidMeasures?: string[];
  housing?: Maybe<string>;
  familyNote?: Maybe<string>;
  careLevel?: string;
  personality?: Maybe<string>;
  interests?: Maybe<string>;
  study?: Maybe<string>;
  thinking?: Maybe<string>;
  psychology?: Maybe<string>;
  character?: Maybe<string>;
  healthNote?: Maybe<string>;
  villageContactName?: Maybe<string>;
  villageContactPhone?: Maybe<string>;
  note?: Maybe<string>;
  categories?: { category?: string; startDate?: Maybe<Dayjs> }[];
  enrollmentStatus?: Maybe<string>;
  enrollmentDate?: Maybe<Dayjs>;
}

const textFields = [
  'hukouLocation',
  'currentAddress',
  'illnessType',
  'familyNote',
  'personality',
  'interests',
  'study',
  'thinking',
  'psychology',
  'character',
  'healthNote',
  'villageContactName',
  'villageContactPhone',
  'note',
] as const;

const choiceFields = [
  'sex',
  'ethnicity',
  'schoolId',
  'classId',
  'villageId',
  'grade',
  'hukouRegistered',
  'hukouType',
  'health',
  'disabilityCategory',
  'disabilityGrade',
  'schooling',
  'boarding',
  'guardianshipType',
  'housing',
] as const;

type OrgKey = 'schoolId' | 'classId' | 'villageId';

/** The form's values for an archive on file. */
export function valuesOf(child: ChildView): ChildFormValues {
  const values: ChildFormValues = {
    name: child.name,
    idNumber: '',
    birthDate: fromIsoDate(child.birthDate),
    incomeSources: child.incomeSources,
    aidMeasures: child.aidMeasures,
    careLevel: child.careLevel,
    schoolId: child.school?.id ?? null,
    classId: child.class?.id ?? null,
    villageId: child.village?.id ?? null,
  };
  for (const key of textFields) values[key] = child[key] ?? '';
  for (const key of choiceFields)
    if (!(key in values)) (values as Record<string, unknown>)[key] = child[key as Exclude<typeof key, OrgKey>];
  return values;
}

/** The request body from the form: empty texts become null, dates ISO strings. */
export function bodyOf(values: ChildFormValues) {
  const body: Record<string, unknown> = {
    name: values.name?.trim() ?? '',
    birthDate: toIsoDate(values.birthDate),
    incomeSources: values.incomeSources ?? [],
    aidMeasures: values.aidMeasures ?? [],
    careLevel: values.careLevel,
  };
  for (const key of textFields) body[key] = textOrNull(values[key]);
  for (const key of choiceFields) body[key] = values[key] ?? null;
  const idNumber = values.idNumber?.trim();
  if (idNumber) body.idNumber = idNumber;
  return body;
}
