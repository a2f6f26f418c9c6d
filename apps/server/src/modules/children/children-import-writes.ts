import { archiveCompleteness, type ChildCategory } from '@shouwang/shared';
import type { AuditEntry } from '../../lib/audit/record-audit';
import type { ChildInsert } from './children.repository';
import type { childCategory, childEnrollment } from './children.table';
import type { PersonInput } from './children-import-validate';
import type { GuardianInsert } from './guardians.repository';
import type { guardianEntrustment } from './guardians.table';
import { idNumberColumns } from './id-number-hash';
import type { ParentInsert } from './parents.repository';

/** Everything a commit writes, gathered first so that new rows go in with multi-row INSERTs. */
export interface WriteSet {
  childInserts: ChildInsert[];
  childUpdates: { id: string; changes: Partial<ChildInsert>; bumpVersion: boolean }[];
  categoryInserts: (typeof childCategory.$inferInsert)[];
  enrollmentInserts: (typeof childEnrollment.$inferInsert)[];
  parentInserts: ParentInsert[];
  parentUpdates: { id: string; changes: Partial<ParentInsert> }[];
  guardianInserts: GuardianInsert[];
  guardianUpdates: { id: string; changes: Partial<GuardianInsert> }[];
  entrustmentInserts: (typeof guardianEntrustment.$inferInsert)[];
  audits: AuditEntry[];
  created: number;
  updated: number;
  unchanged: number;
  /** Ids of the children created and updated, for the import's summary event. */
  createdIds: string[];
  updatedIds: string[];
}

export const emptyWriteSet = (): WriteSet => ({
  childInserts: [],
  childUpdates: [],
  categoryInserts: [],
  enrollmentInserts: [],
  parentInserts: [],
  parentUpdates: [],
  guardianInserts: [],
  guardianUpdates: [],
  entrustmentInserts: [],
  audits: [],
  created: 0,
  updated: 0,
  unchanged: 0,
  createdIds: [],
  updatedIds: [],
});

const normalized = (value: unknown): unknown => {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return [...value].map(String).sort();
  return value;
};

/** Equal as the archive means it: null ≡ undefined, lists compared as sets. */
export const same = (a: unknown, b: unknown) => JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));

/** 广东省深圳市 → 广东省 + 深圳市; 北京市朝阳区 → 北京市 + 朝阳区; otherwise all in the province. */
export function splitWorkPlace(text: string): { workProvince: string; workCity: string | null } {
  const m = /^(.+?(?:省|自治区|特别行政区)|北京市|天津市|上海市|重庆市)(.*)$/.exec(text.trim());
  if (!m) return { workProvince: text.trim(), workCity: null };
  return { workProvince: m[1]!, workCity: m[2]!.trim() || null };
}

/** Province and city as the national form writes them in one cell. */
export const joinWorkPlace = (province: string | null | undefined, city: string | null | undefined) =>
  `${province ?? ''}${city && city !== province ? city : ''}`;

/** A parent's or guardian's columns from a row: the ID number with its mask, 务工地点 split. */
export function personColumns(input: PersonInput): Record<string, unknown> {
  const { idNumber } = input.fields;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(input.fields)) if (k !== 'idNumber') out[k] = input.fields[k];
  if (typeof idNumber === 'string') {
    const id = idNumberColumns(idNumber);
    out.idNumber = id.idNumber;
    out.idNumberMasked = id.idNumberMasked;
  }
  if (input.workPlace !== undefined) Object.assign(out, splitWorkPlace(input.workPlace));
  return out;
}

type Maybe<T> = T | null | undefined;

/** 已建档 of the merged archive, with the shared rules. */
export function completenessOf(
  child: Record<string, unknown> & { idNumberHash?: Maybe<string> },
  categories: ChildCategory[],
  parents: { status?: Maybe<string>; workProvince?: Maybe<string>; workCity?: Maybe<string> }[],
  guardians: { name?: Maybe<string>; phone?: Maybe<string>; address?: Maybe<string>; isPrimary?: Maybe<boolean> }[],
) {
  const text = (key: string) => child[key] as Maybe<string>;
  const result = archiveCompleteness({
    sex: text('sex'),
    ethnicity: text('ethnicity'),
    birthDate: text('birthDate'),
    hasIdNumber: Boolean(child.idNumberHash),
    hukouRegistered: child.hukouRegistered as Maybe<boolean>,
    hukouLocation: text('hukouLocation'),
    currentAddress: text('currentAddress'),
    health: text('health'),
    boarding: text('boarding'),
    schooling: text('schooling'),
    guardianshipType: text('guardianshipType'),
    incomeSources: child.incomeSources as Maybe<string[]>,
    villageContactName: text('villageContactName'),
    villageContactPhone: text('villageContactPhone'),
    categories,
    parents: parents.map((p) => ({
      status: (p.status ?? null) as never,
      workProvince: p.workProvince ?? null,
      workCity: p.workCity ?? null,
    })),
    guardians: guardians.map((g) => ({
      name: g.name ?? null,
      phone: g.phone ?? null,
      address: g.address ?? null,
      isPrimary: g.isPrimary ?? false,
    })),
  });
  return { archiveComplete: result.complete, archiveMissing: result.missing as string[] };
}

/** Columns an audit row never shows: ID numbers, hashes and derived keys. */
const hiddenInAudit = new Set([
  'id',
  'idNumber',
  'idNumberHash',
  'idNumberLast4',
  'namePinyin',
  'namePinyinCompact',
  'openCategories',
  'nameInitials',
  'schoolPath',
  'villagePath',
  'archiveComplete',
  'archiveMissing',
  'childId',
  'countyId',
]);

/** What an audit row may show of inserted values: no ID numbers, hashes or derived keys. */
export function auditView(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(values)) if (!hiddenInAudit.has(k) && values[k] !== undefined) out[k] = values[k];
  return out;
}
