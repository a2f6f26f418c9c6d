import type { GradeView, StudyPlanView } from '@shouwang/shared';
import { studyPlanAbilities } from './learning.policy';
import type { GradeRow, StudyPlanRow, StudyPlanWithChild } from './learning.repository';

export function presentStudyPlan(
  { plan: p, child, helperName }: StudyPlanWithChild,
  canWrite: boolean,
  today: string,
): StudyPlanView {
  return {
    id: p.id,
    child: { id: child.id, name: child.name },
    termId: p.termId,
    helper: p.helperUserId && helperName ? { id: p.helperUserId, displayName: helperName } : null,
    subjects: p.subjects,
    timeSlots: p.timeSlots,
    content: p.content,
    phaseGoals: p.phaseGoals,
    reviewDates: [...p.reviewDates].sort(),
    nextReviewOn: [...p.reviewDates].sort().find((d) => d >= today) ?? null,
    whatHelped: p.whatHelped,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
    abilities: studyPlanAbilities(canWrite),
  };
}

export function presentGrade(g: GradeRow, childName: string): GradeView {
  return {
    id: g.id,
    child: { id: g.childId, name: childName },
    termId: g.termId,
    subject: g.subject,
    score: g.score,
    fullMark: g.fullMark,
    version: g.version,
  };
}

export function studyPlanSnapshot(row: StudyPlanRow): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, countyId: _county, ...rest } = row;
  return rest;
}
