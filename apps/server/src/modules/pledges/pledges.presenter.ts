import type { PledgeView, SelfEvaluationView } from '@shouwang/shared';
import type { PledgeWithNames, SelfEvaluationWithName } from './pledges.repository';

/** open: before its deadline; due: the deadline has come and nobody reviewed it; reviewed. */
export function reviewStateOf(p: { reviewedOn: string | null; deadline: string }, today: string) {
  if (p.reviewedOn) return 'reviewed' as const;
  return p.deadline <= today ? ('due' as const) : ('open' as const);
}

export function presentPledge(
  { pledge: p, authorName, reviewerName }: PledgeWithNames,
  canWrite: boolean,
  today: string,
): PledgeView {
  const reviewed = p.reviewedOn !== null;
  return {
    id: p.id,
    childId: p.childId,
    author: { id: p.authorId, displayName: authorName },
    signedOn: p.signedOn,
    shortcomings: p.shortcomings,
    commitments: p.commitments,
    measures: p.measures,
    deadline: p.deadline,
    reviewState: reviewStateOf(p, today),
    review:
      p.reviewResult && p.reviewedOn
        ? {
            result: p.reviewResult,
            note: p.reviewNote,
            reviewedOn: p.reviewedOn,
            reviewedBy: p.reviewedBy && reviewerName ? { id: p.reviewedBy, displayName: reviewerName } : null,
          }
        : null,
    createdAt: p.createdAt.toISOString(),
    version: p.version,
    abilities: { update: canWrite && !reviewed, review: canWrite && !reviewed, delete: canWrite },
  };
}

export function presentSelfEvaluation(
  { evaluation: e, authorName }: SelfEvaluationWithName,
  canWrite: boolean,
): SelfEvaluationView {
  return {
    id: e.id,
    childId: e.childId,
    author: { id: e.authorId, displayName: authorName },
    evaluatedOn: e.evaluatedOn,
    aspect: e.aspect,
    content: e.content,
    gaps: e.gaps,
    createdAt: e.createdAt.toISOString(),
    version: e.version,
    abilities: { delete: canWrite },
  };
}

/** The audit snapshot of a pledge. */
export function pledgeSnapshot(p: PledgeWithNames['pledge']) {
  const { id: _id, createdAt: _c, updatedAt: _u, countyId: _county, ...rest } = p;
  return rest;
}
