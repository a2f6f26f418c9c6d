import { gradeSubjectLabels } from '@shouwang/shared';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { grade } from '../../learning/learning.table';
import type { FactSource } from './types';

/** 成绩变化: per subject, this term's score against last term's, in points of a hundred. */
export const gradeFacts: FactSource = async (db, r) => {
  if (!r.previousTermId) return new Map();
  const rows = await db
    .select({
      childId: grade.childId,
      termId: grade.termId,
      subject: grade.subject,
      score: grade.score,
      fullMark: grade.fullMark,
    })
    .from(grade)
    .where(
      and(
        eq(grade.countyId, r.countyId),
        inArray(grade.childId, r.childIds),
        inArray(grade.termId, [r.termId, r.previousTermId]),
        isNull(grade.deletedAt),
      ),
    );
  const percent = new Map<string, number>();
  for (const row of rows)
    if (row.fullMark > 0) percent.set(`${row.childId}|${row.termId}|${row.subject}`, (row.score / row.fullMark) * 100);
  const facts = new Map<string, { gradeChanges: { subject: string; change: number }[] }>();
  for (const row of rows) {
    if (row.termId !== r.termId) continue;
    const now = percent.get(`${row.childId}|${r.termId}|${row.subject}`);
    const before = percent.get(`${row.childId}|${r.previousTermId}|${row.subject}`);
    if (now === undefined || before === undefined) continue;
    const f = facts.get(row.childId) ?? { gradeChanges: [] };
    f.gradeChanges.push({ subject: gradeSubjectLabels[row.subject].zh, change: now - before });
    facts.set(row.childId, f);
  }
  return facts;
};
