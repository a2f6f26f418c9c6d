import {
  type ChildCategory,
  childIdentityIssues,
  childUpdateBody,
  type EnrollmentStatus,
  entrustmentBody,
  guardianUpdateBody,
  isPlausibleParentAge,
  type Language,
  parentUpdateBody,
  parseIdNumber,
  todayIso,
  validationMessage,
} from '@shouwang/shared';
import type { z } from 'zod';
import { en, zhCN } from 'zod/locales';
import type { Placement } from './child-placement';
import type { OrgDirectory } from './children-import-orgs';
import type { ProblemList, ReadRow } from './children-import-rows';

/**
 * A row checked with the same shared schemas as the API (so an import accepts nothing the forms
 * would refuse), plus the rules across fields and the units named by the row.
 */
export interface ImportCandidate {
  row: number;
  name?: string;
  /** Validated archive fields (codes, normalized phones), only those the row fills. */
  child: Record<string, unknown>;
  idNumber?: string;
  placement?: Placement;
  /** Which of the units the row names (an import changes only the units it names). */
  given: { school: boolean; class: boolean; village: boolean };
  categories?: ChildCategory[];
  categoryStartDate?: string;
  enrollmentStatus?: EnrollmentStatus;
  father?: PersonInput;
  mother?: PersonInput;
  guardian?: PersonInput;
}

export interface PersonInput {
  fields: Record<string, unknown>;
  /** 务工地点(省市) of the national form, split against the stored province and city later. */
  workPlace?: string;
  entrustment?: { signedOn: string; validUntil: string | null };
}

const locales = { 'zh-CN': zhCN(), en: en() };
const special = ['schoolName', 'className', 'villageName', 'categories', 'categoryStartDate', 'enrollmentStatus'];

// Plain loops, not Object.fromEntries: its objects are slow to copy later (a spread of one costs
// ~25 µs, which a 10,000-row import pays several times per row). Keys are the layout's own.
function defined(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
function omit(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) if (!keys.includes(k)) out[k] = o[k];
  return out;
}

function parseWith<T extends z.ZodType>(
  schema: T,
  value: unknown,
  group: string,
  row: number,
  problems: ProblemList,
  language: Language,
): z.infer<T> | undefined {
  const result = schema.safeParse(value, { error: locales[language].localeError as never });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    const message = validationMessage(issue.message, language) ?? issue.message;
    problems.addText(row, field === undefined ? null : `${group}.${String(field)}`, message);
  }
  return undefined;
}

function derivedFromId(fields: Record<string, unknown>) {
  const id = fields.idNumber;
  const info = typeof id === 'string' ? parseIdNumber(id) : undefined;
  if (!info?.valid) return;
  fields.birthDate ??= info.birthDate;
  fields.sex ??= info.sex;
}

function person(
  group: 'father' | 'mother' | 'guardian',
  raw: Record<string, unknown>,
  read: ReadRow,
  problems: ProblemList,
  language: Language,
): PersonInput | undefined {
  const values = defined(raw);
  if (Object.keys(values).length === 0) return undefined;
  const row = read.row;
  const { workPlace, entrustmentSignedOn, entrustmentValidUntil, ...fields } = values;
  if (group !== 'guardian' && fields.idNumber && !fields.birthDate) {
    const info = parseIdNumber(fields.idNumber as string);
    if (info.valid) fields.birthDate = info.birthDate;
  }
  if (fields.name === undefined)
    problems.add(row, `${group}.name`, 'person_name_required', {
      who: { father: '父亲', mother: '母亲', guardian: '监护人' }[group],
    });
  if (group === 'guardian' && fields.relation === undefined) problems.add(row, 'guardian.relation', 'required');
  const schema = group === 'guardian' ? guardianUpdateBody : parentUpdateBody;
  const parsed = parseWith(schema, fields, group, row, problems, language);
  let entrustment: PersonInput['entrustment'];
  if (entrustmentSignedOn !== undefined) {
    const body = { signedOn: entrustmentSignedOn, validUntil: entrustmentValidUntil ?? null };
    const ok = parseWith(entrustmentBody, body, group, row, problems, language);
    if (ok) entrustment = { signedOn: ok.signedOn, validUntil: ok.validUntil ?? null };
  } else if (entrustmentValidUntil !== undefined) {
    problems.add(row, 'guardian.entrustmentSignedOn', 'required');
  }
  return {
    fields: (parsed ?? fields) as Record<string, unknown>,
    workPlace: workPlace as string | undefined,
    entrustment,
  };
}

export function validateRow(
  read: ReadRow,
  orgs: OrgDirectory,
  problems: ProblemList,
  language: Language,
): ImportCandidate {
  const { row, record } = read;
  const c = defined(record.child);
  derivedFromId(c);
  const fields = omit(c, special);
  const parsed = parseWith(childUpdateBody, fields, 'child', row, problems, language);
  for (const issue of childIdentityIssues(c as { idNumber?: string; birthDate?: string; sex?: string }))
    problems.add(row, `child.${issue.field}`, issue.key);
  if (c.name === undefined) problems.add(row, 'child.name', 'required');

  let placement: Placement | undefined;
  if (c.schoolName || c.className || c.villageName) {
    const resolved = orgs.resolve({
      township: record.extra.township as string | undefined,
      school: c.schoolName as string | undefined,
      class: c.className as string | undefined,
      village: c.villageName as string | undefined,
    });
    for (const p of resolved.problems) problems.add(row, p.path, p.key, p.params);
    placement = resolved.placement;
  }
  const startDate = c.categoryStartDate as string | undefined;
  if (startDate && startDate > todayIso()) problems.add(row, 'child.categoryStartDate', 'date_in_future');

  const candidate: ImportCandidate = {
    row,
    name: c.name as string | undefined,
    child: omit(defined((parsed ?? fields) as Record<string, unknown>), ['name', 'idNumber', 'version']),
    idNumber: (parsed?.idNumber ?? undefined) as string | undefined,
    placement,
    given: { school: Boolean(c.schoolName), class: Boolean(c.className), village: Boolean(c.villageName) },
    categories: c.categories as ChildCategory[] | undefined,
    categoryStartDate: startDate,
    enrollmentStatus: c.enrollmentStatus as EnrollmentStatus | undefined,
    father: person('father', record.father, read, problems, language),
    mother: person('mother', record.mother, read, problems, language),
    guardian: person('guardian', record.guardian, read, problems, language),
  };
  const childBirth = candidate.child.birthDate as string | undefined;
  for (const group of ['father', 'mother'] as const) {
    const birth = candidate[group]?.fields.birthDate as string | undefined;
    if (birth && childBirth && !isPlausibleParentAge(birth, childBirth))
      problems.add(row, `${group}.birthDate`, 'parent_too_young');
  }
  return candidate;
}
