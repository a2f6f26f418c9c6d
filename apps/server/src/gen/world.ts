import type { ConcernCategory, Role } from '@shouwang/shared';
import type { Db } from '../db/client';
import type { SchoolKind } from '../demo/names';
import type { Random } from '../demo/random';
import type { ScaleSpec } from './scales';

/**
 * The synthetic county as the generator builds it, part by part. Each part (one file per
 * feature, listed in `parts.ts`) reads what earlier parts made and adds its own records, so a new
 * feature (pairings, care records, health checks …) adds a part and a field here.
 */

export interface GenOrg {
  id: string;
  parentId: string | null;
  kind: 'county' | 'township' | 'village' | 'school' | 'class';
  name: string;
  path: string;
  studentCount: number | null;
}

export interface GenVillage extends GenOrg {
  kind: 'village';
  townshipId: string;
}

export interface GenClass extends GenOrg {
  kind: 'class';
  schoolId: string;
  grade: number;
}

export interface GenSchool extends GenOrg {
  kind: 'school';
  schoolKind: SchoolKind;
  /** Null for county-seat schools, which sit right under the county. */
  townshipId: string | null;
  /** The village a village school stands in. */
  villageId: string | null;
  grades: readonly number[];
  classes: GenClass[];
}

export interface GenStaff {
  id: string;
  username: string;
  displayName: string;
  roles: { role: Role; orgId: string }[];
}

export interface GenTerm {
  id: string;
  orgId: string;
  schoolYear: string;
  termNo: number;
  startDate: string;
  midDate: string;
  endDate: string;
}

/** What later parts need to know of a child; the full archive row is the children part's business. */
export interface GenChild {
  id: string;
  villageId: string;
  schoolId: string | null;
  classId: string | null;
  leftBehind: boolean;
  sex: 'male' | 'female';
  birthDate: string;
  /** In the recycle bin (soft-deleted). */
  deleted: boolean;
}

/** An active pairing, as the care-records part needs it (who writes for whom). */
export interface GenPairing {
  childId: string;
  kind: 'mentor_teacher' | 'proxy_parent' | 'holiday_tutor';
  helperUserId: string;
}

/** An activity a school (or one of its classes) held, for the funding ledger's spending lines. */
export interface GenActivity {
  id: string;
  /** The school of the unit; null for village and township activities. */
  schoolId: string | null;
  occurredOn: string;
}

/** An urgent mailbox letter a counselor took up, for the concern raised from it. */
export interface GenUrgentLetter {
  id: string;
  schoolId: string;
  counselorId: string;
  childId: string | null;
  handledAt: Date;
  category: ConcernCategory;
}

export interface World {
  county: GenOrg;
  townships: GenOrg[];
  villages: GenVillage[];
  schools: GenSchool[];
  classes: GenClass[];
  staff: GenStaff[];
  terms: GenTerm[];
  /** Filled by the children part once the child archive exists. */
  children: GenChild[];
  /** Filled by the pairings part: the active pairings (ended ones are history only). */
  pairings: GenPairing[];
  /** Filled by the activities part. */
  activities?: GenActivity[];
  /** Filled by the mailbox part. */
  urgentLetters?: GenUrgentLetter[];
  /** The school year of `now` (2026-2027 in November 2026) and the date terms are counted from. */
  schoolYear: { startYear: number; label: string };
}

export interface GenContext {
  /** The transaction the whole generation runs in. */
  db: Db;
  spec: ScaleSpec;
  seed: string;
  now: Date;
  world: World;
  /** A generator of its own per label, so one part drawing more numbers does not shift another. */
  rng(label: string): Random;
  /** Deterministic UUIDs per label. */
  ids(label: string): () => string;
  /** The argon2 hash of the bench password, computed once. */
  passwordHash: string;
  log(line: string): void;
}

export interface GenPart {
  /** The feature's glossary name: orgs, users, terms, children … */
  name: string;
  /** Tables the part writes; it is skipped (with a note) while one of them does not exist yet. */
  tables: readonly string[];
  run(ctx: GenContext): Promise<PartReport>;
}

/** Rows written per table, for the summary line and the timing report. */
export type PartReport = Record<string, number>;
