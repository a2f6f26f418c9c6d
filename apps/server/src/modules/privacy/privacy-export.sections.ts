import type { Permission } from '@shouwang/shared';
import { eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { activityParticipation, activityRoomVisit } from '../activities/activities.table';
import { aid } from '../aid/aid.table';
import { attachment } from '../attachments/attachments.table';
import { careRecord } from '../care-records/care-records.table';
import { childCategory, childEnrollment } from '../children/children.table';
import { guardian, guardianEntrustment } from '../children/guardians.table';
import { parent } from '../children/parents.table';
import { concern } from '../concerns/concerns.table';
import { childRiskLevel, counselingSession } from '../counseling/counseling.table';
import { healthCheck } from '../health-checks/health-checks.table';
import { grade, studyPlan } from '../learning/learning.table';
import { letterDelivery } from '../letters/letters.table';
import { pairing } from '../pairings/pairings.table';
import { pledge, selfEvaluation } from '../pledges/pledges.table';
import { correctionRequest } from './correction-requests.table';
import { childConsent } from './privacy.table';

/**
 * Every table that holds rows about one child, with the grant a reader needs to see them in an
 * export. A new child-owned table belongs here too (the export promises "everything").
 */
export interface ExportSection {
  key: string;
  zh: string;
  en: string;
  // biome-ignore lint/suspicious/noExplicitAny: any table with a child_id column
  table: PgTable & { childId: any };
  /** Any one of these grants over the child shows the section. */
  needs: readonly Permission[];
  /** Columns never exported: ciphertexts and keyed hashes (confidential texts and ID numbers). */
  drop?: readonly string[];
}

export const exportSections: readonly ExportSection[] = [
  { key: 'categories', zh: '儿童类别记录', en: 'Categories', table: childCategory, needs: ['child.read'] },
  { key: 'enrollments', zh: '在读状态记录', en: 'Enrollment history', table: childEnrollment, needs: ['child.read'] },
  { key: 'parents', zh: '父母', en: 'Parents', table: parent, needs: ['child.read'] },
  { key: 'guardians', zh: '监护人', en: 'Guardians', table: guardian, needs: ['child.read'] },
  {
    key: 'entrustments',
    zh: '委托监护',
    en: 'Entrusted guardianship',
    table: guardianEntrustment,
    needs: ['child.read'],
  },
  { key: 'consents', zh: '同意与法律依据', en: 'Consents and legal basis', table: childConsent, needs: ['child.read'] },
  { key: 'corrections', zh: '更正申请', en: 'Correction requests', table: correctionRequest, needs: ['child.read'] },
  { key: 'pairings', zh: '结对帮扶', en: 'Pairings', table: pairing, needs: ['pairing.read'] },
  { key: 'care_records', zh: '关爱记录', en: 'Care records', table: careRecord, needs: ['care_record.read'] },
  { key: 'pledges', zh: '自律承诺书', en: 'Pledges', table: pledge, needs: ['care_record.read'] },
  {
    key: 'self_evaluations',
    zh: '自我评价',
    en: 'Self-evaluations',
    table: selfEvaluation,
    needs: ['care_record.read'],
  },
  { key: 'health_checks', zh: '体检记录', en: 'Health checks', table: healthCheck, needs: ['health_check.read'] },
  { key: 'study_plans', zh: '学习帮扶计划', en: 'Study plans', table: studyPlan, needs: ['learning.read'] },
  { key: 'grades', zh: '学习成绩', en: 'Grades', table: grade, needs: ['learning.read'] },
  { key: 'activities', zh: '活动参与', en: 'Activities', table: activityParticipation, needs: ['activity.read'] },
  {
    key: 'activity_room',
    zh: '留守儿童之家到访',
    en: 'Activity room visits',
    table: activityRoomVisit,
    needs: ['activity.read'],
  },
  { key: 'aid', zh: '资助', en: 'Aid', table: aid, needs: ['aid.read'] },
  { key: 'letters', zh: '致家长的信', en: 'Letters to parents', table: letterDelivery, needs: ['letter.read'] },
  {
    key: 'concerns',
    zh: '强制报告',
    en: 'Concern reports',
    table: concern,
    needs: ['concern.handle', 'concern.oversee'],
  },
  {
    key: 'risk_levels',
    zh: '心理风险等级',
    en: 'Risk levels',
    table: childRiskLevel,
    needs: ['risk.read'],
    drop: ['reason'],
  },
  {
    key: 'attachments',
    zh: '附件（文件信息）',
    en: 'Attachments (file details)',
    table: attachment,
    needs: ['child.read'],
    drop: ['storageKey'],
  },
  {
    key: 'counseling_sessions',
    zh: '心理辅导记录（仅日期，不含记录内容）',
    en: 'Counseling sessions (dates only, no notes)',
    table: counselingSession,
    needs: ['counseling.read'],
    drop: ['presentingConcern', 'notes', 'agreedActions'],
  },
];

/** Keys never exported from any row: ciphertexts of ID numbers and lookup hashes. */
const alwaysDropped = /^(idNumber|idNumberHash|idempotencyKey)$|Hash$/;

export function cleanRow(row: Record<string, unknown>, drop: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (alwaysDropped.test(key) || drop.includes(key)) continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

export async function rowsOf(db: Db, section: ExportSection, childId: string) {
  const rows = (await db.select().from(section.table).where(eq(section.table.childId, childId))) as Record<
    string,
    unknown
  >[];
  return rows.map((r) => cleanRow(r, section.drop));
}
