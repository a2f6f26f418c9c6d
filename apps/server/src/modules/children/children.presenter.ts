import {
  type ChildCategory,
  type ChildListItem,
  type ChildView,
  type CompletenessField,
  todayIso,
  yearsBetween,
} from '@shouwang/shared';
import type { Actor } from '../../lib/authz/actor';
import type { CategoryItem, EnrollmentItem, EntrustmentItem, GuardianItem, ParentItem } from './child-page.repository';
import { childAbilities } from './children.policy';
import type { ChildRow } from './children.repository';
import type { ChildListItemRow, ChildListRow } from './children-list.repository';
import { presentGuardian, presentParent } from './family.presenter';

const ref = (id: string | null, names: Map<string, string>) => (id ? { id, name: names.get(id) ?? '' } : null);

export function presentChildListItem(
  actor: Actor,
  row: ChildListItemRow,
  categories: ChildCategory[],
  names: Map<string, string>,
): ChildListItem {
  return {
    id: row.id,
    name: row.name,
    namePinyin: row.namePinyin,
    sex: row.sex,
    birthDate: row.birthDate,
    age: row.birthDate ? yearsBetween(row.birthDate, todayIso()) : null,
    ethnicity: row.ethnicity,
    idNumberMasked: row.idNumberMasked,
    school: ref(row.schoolId, names),
    class: ref(row.classId, names),
    village: ref(row.villageId, names),
    grade: row.grade,
    categories,
    careLevel: row.careLevel,
    enrollmentStatus: row.enrollmentStatus,
    archiveComplete: row.archiveComplete,
    missingCount: row.archiveMissing.length,
    parentUnreachable: row.parentUnreachable,
    hasEntrustment: row.hasEntrustment,
    version: row.version,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    abilities: childAbilities(actor, row),
  };
}

export interface ChildPageData {
  row: ChildListRow;
  names: Map<string, string>;
  categories: CategoryItem[];
  enrollments: EnrollmentItem[];
  parents: ParentItem[];
  guardians: GuardianItem[];
  entrustments: Map<string, EntrustmentItem[]>;
}

export function presentChild(actor: Actor, data: ChildPageData): ChildView {
  const { row } = data;
  const active = data.categories.filter((c) => c.endDate === null).map((c) => c.category);
  const item = presentChildListItem(actor, row, active, data.names);
  const abilities = childAbilities(actor, row);
  return {
    ...item,
    hukouRegistered: row.hukouRegistered,
    hukouType: row.hukouType,
    hukouLocation: row.hukouLocation,
    currentAddress: row.currentAddress,
    health: row.health,
    disabilityCategory: row.disabilityCategory,
    disabilityGrade: row.disabilityGrade,
    illnessType: row.illnessType,
    schooling: row.schooling,
    boarding: row.boarding,
    guardianshipType: row.guardianshipType,
    incomeSources: row.incomeSources,
    aidMeasures: row.aidMeasures,
    housing: row.housing,
    familyNote: row.familyNote,
    personality: row.personality,
    interests: row.interests,
    study: row.study,
    thinking: row.thinking,
    psychology: row.psychology,
    character: row.character,
    healthNote: row.healthNote,
    villageContactName: row.villageContactName,
    villageContactPhone: row.villageContactPhone,
    photoAttachmentId: row.photoAttachmentId,
    note: row.note,
    categoryHistory: data.categories.map((c) => ({
      id: c.id,
      category: c.category,
      startDate: c.startDate,
      endDate: c.endDate,
      note: c.note,
    })),
    enrollmentHistory: data.enrollments.map((e) => ({
      id: e.id,
      status: e.status,
      date: e.date,
      destination: e.destination,
      note: e.note,
    })),
    parents: data.parents.map((p) => presentParent(abilities, p)),
    guardians: data.guardians.map((g) => presentGuardian(abilities, g, data.entrustments.get(g.id) ?? [])),
    completeness: { complete: row.archiveComplete, missing: row.archiveMissing as CompletenessField[] },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The audit snapshot of a child: no ID number (its mask shows that it changed), no derived keys. */
export function childSnapshot(row: ChildRow): Record<string, unknown> {
  const {
    id: _id,
    createdAt: _c,
    updatedAt: _u,
    namePinyin: _p,
    namePinyinCompact: _pc,
    nameInitials: _i,
    idNumberHash: _h,
    idNumberLast4: _l,
    archiveComplete: _ac,
    archiveMissing: _am,
    openCategories: _oc,
    schoolPath: _sp,
    villagePath: _vp,
    ...rest
  } = row;
  return rest;
}
