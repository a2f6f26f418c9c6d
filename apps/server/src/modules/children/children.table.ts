import {
  type aidMeasures,
  boardingStatuses,
  type ChildCategory,
  careLevels,
  childCategories,
  disabilityCategories,
  disabilityGrades,
  enrollmentStatuses,
  ethnicities,
  guardianshipTypes,
  healthStatuses,
  housingConditions,
  hukouTypes,
  type incomeSources,
  schoolingStatuses,
  sexes,
} from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { org } from '../orgs/orgs.table';

const textArray = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

/**
 * 儿童档案. Scope filters are indexed prefix matches on two denormalized org paths:
 * `school_path` (the class's path when in a class, else the school's) and `village_path` (the home
 * village). Org moves rewrite them (children.repository `rewriteChildOrgPaths`, called by moveOrg).
 * Pinyin keys are computed on write (PGlite has no ICU collation to sort Chinese by pinyin).
 * The ID number sits beside its hash, mask and last 4 digits so that encrypting it (issue 9)
 * changes no query: lists, search and duplicate checks never read `id_number` itself.
 */
export const child = pgTable(
  'child',
  {
    ...editableColumns(),
    countyId: uuid('county_id').notNull(),
    schoolId: uuid('school_id').references(() => org.id),
    classId: uuid('class_id').references(() => org.id),
    villageId: uuid('village_id').references(() => org.id),
    schoolPath: text('school_path'),
    villagePath: text('village_path'),
    grade: integer('grade'),

    name: text('name').notNull(),
    /** Syllables without tones separated by spaces (`zhang yu han`); sorted with COLLATE "C". */
    namePinyin: text('name_pinyin').notNull(),
    /** The same without spaces (`zhangyuhan`), for prefix search on full pinyin. */
    namePinyinCompact: text('name_pinyin_compact').notNull(),
    /** First letters (`zyh`). */
    nameInitials: text('name_initials').notNull(),
    sex: text('sex', { enum: sexes }),
    birthDate: date('birth_date'),
    ethnicity: text('ethnicity', { enum: ethnicities }),
    idNumber: text('id_number'),
    /** SHA-256 hex of the normalized number (children.id-number.ts), for duplicate checks. */
    idNumberHash: text('id_number_hash'),
    idNumberLast4: text('id_number_last4'),
    idNumberMasked: text('id_number_masked'),

    hukouRegistered: boolean('hukou_registered'),
    hukouType: text('hukou_type', { enum: hukouTypes }),
    hukouLocation: text('hukou_location'),
    currentAddress: text('current_address'),
    health: text('health', { enum: healthStatuses }),
    disabilityCategory: text('disability_category', { enum: disabilityCategories }),
    disabilityGrade: text('disability_grade', { enum: disabilityGrades }),
    illnessType: text('illness_type'),
    schooling: text('schooling', { enum: schoolingStatuses }),
    boarding: text('boarding', { enum: boardingStatuses }),
    guardianshipType: text('guardianship_type', { enum: guardianshipTypes }),
    incomeSources: textArray('income_sources').$type<(typeof incomeSources)[number][]>(),
    aidMeasures: textArray('aid_measures').$type<(typeof aidMeasures)[number][]>(),
    housing: text('housing', { enum: housingConditions }),
    familyNote: text('family_note'),
    careLevel: text('care_level', { enum: careLevels }).notNull().default('general'),
    /** The latest entry of `child_enrollment`, kept here for filters. */
    enrollmentStatus: text('enrollment_status', { enum: enrollmentStatuses }),
    enrollmentDate: date('enrollment_date'),

    personality: text('personality'),
    interests: text('interests'),
    study: text('study'),
    thinking: text('thinking'),
    psychology: text('psychology'),
    character: text('character'),
    healthNote: text('health_note'),
    villageContactName: text('village_contact_name'),
    villageContactPhone: text('village_contact_phone'),
    photoAttachmentId: uuid('photo_attachment_id'),
    note: text('note'),

    /** Derived by the shared `archiveCompleteness` after every write to the archive (建档率). */
    archiveComplete: boolean('archive_complete').notNull().default(false),
    archiveMissing: textArray('archive_missing'),
    /**
     * The categories in force (`child_category` periods without an end), in code order: kept exact
     * by the statement triggers of migration 0024 in the writing transaction, so list filters and
     * totals need no semi join over `child_category` (bench findings 2, 16).
     */
    openCategories: textArray('open_categories').$type<ChildCategory[]>(),
  },
  (t) => [
    index('child_county_pinyin_idx').on(t.countyId, sql`${t.namePinyin} collate "C"`, t.id),
    index('child_school_path_idx').using('btree', t.schoolPath.op('text_pattern_ops')),
    index('child_village_path_idx').using('btree', t.villagePath.op('text_pattern_ops')),
    index('child_initials_idx').using('btree', t.nameInitials.op('text_pattern_ops')),
    index('child_pinyin_compact_idx').using('btree', t.namePinyinCompact.op('text_pattern_ops')),
    index('child_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('child_id_number_hash_idx').on(t.idNumberHash),
    index('child_id_number_last4_idx').on(t.idNumberLast4),
    uniqueIndex('child_county_id_number_uq')
      .on(t.countyId, t.idNumberHash)
      .where(sql`${t.deletedAt} is null and ${t.idNumberHash} is not null`),
    index('child_county_birth_date_idx').on(t.countyId, t.birthDate),
    index('child_school_idx').on(t.schoolId),
    index('child_class_idx').on(t.classId),
    index('child_village_idx').on(t.villageId),
    // The list's total over a county (care-level and category filters) as an index-only scan: the
    // heap is ≈50× wider (bench findings 2). The predicate is the whole-county grant's condition.
    // The county's pinyin search total (`q=zh`: initials or full-pinyin prefix, bounded to the first
    // letter's range of the sort key) as an index-only range scan: 33 pages instead of 4,600 heap
    // pages for 8,400 matches (bench findings 3, 17b). Same predicate as the list index above.
    index('child_county_search_idx')
      .on(t.countyId, sql`${t.namePinyin} collate "C"`, t.nameInitials, t.namePinyinCompact)
      .where(sql`${t.deletedAt} is null and (${t.schoolPath} is not null or ${t.villagePath} is not null)`),
    // No GIN index on open_categories: for the common categories (left-behind: 70 % of the archive)
    // the planner AND-ed its 35,000-entry bitmap into a school's 1,000 children (3.5–6 ms, not 1 ms).
    index('child_county_list_idx')
      .on(t.countyId, t.careLevel, t.id, t.openCategories)
      .where(sql`${t.deletedAt} is null and (${t.schoolPath} is not null or ${t.villagePath} is not null)`),
  ],
);

/** 儿童类别 with history: a period per category; a returning parent ends left-behind status. */
export const childCategory = pgTable(
  'child_category',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    countyId: uuid('county_id').notNull(),
    category: text('category', { enum: childCategories }).notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('child_category_child_idx').on(t.childId, t.category),
    uniqueIndex('child_category_open_uq').on(t.childId, t.category).where(sql`${t.endDate} is null`),
    index('child_category_county_idx').on(t.countyId, t.category),
  ],
);

/** 在读状态 history (在读/休学/辍学/转出/毕业); the newest entry is mirrored on `child`. */
export const childEnrollment = pgTable(
  'child_enrollment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    countyId: uuid('county_id').notNull(),
    status: text('status', { enum: enrollmentStatuses }).notNull(),
    date: date('date').notNull(),
    destination: text('destination'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('child_enrollment_child_idx').on(t.childId, t.date)],
);
