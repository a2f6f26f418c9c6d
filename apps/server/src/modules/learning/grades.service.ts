import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import { inScope, scopePrefixes } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { findOrg } from '../orgs/orgs.repository';
import { requireChildForLearning } from './learning.access';
import { presentGrade } from './learning.presenter';
import * as repo from './learning.repository';

/** Term grades of one class (the batch table) or of one child. */
export async function listGrades(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  query: { classId?: string; childId?: string; termId?: string },
) {
  if (query.childId) {
    const child = await requireChildForLearning(db, ctx, actor, query.childId, 'read');
    const rows = await repo.listGrades(db, { countyId: child.countyId, childIds: [child.id], termId: query.termId });
    return { items: rows.map((r) => presentGrade(r.grade, r.childName)) };
  }
  if (!query.classId) throw new AppError('NOT_FOUND');
  const cls = await findOrg(db, query.classId);
  if (cls?.kind !== 'class' || !inScope(actor, 'learning.read', cls.path)) throw new AppError('NOT_FOUND');
  const childIds = await repo.childIdsOfClass(db, cls.id, cls.countyId, scopePrefixes(actor, 'learning.read'));
  const rows = await repo.listGrades(db, { countyId: cls.countyId, childIds, termId: query.termId });
  return { items: rows.map((r) => presentGrade(r.grade, r.childName)) };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** 进步档案: per term the subjects' scores as percentages of their full marks, and what helped. */
export async function childProgress(db: Db, ctx: RequestContext, actor: Actor, childId: string) {
  const child = await requireChildForLearning(db, ctx, actor, childId, 'read');
  const rows = await repo.gradesWithTerms(db, child);
  const terms = new Map<
    string,
    {
      termId: string;
      schoolYear: string;
      termNo: number;
      startDate: string;
      scores: {
        subject: (typeof rows)[number]['grade']['subject'];
        score: number;
        fullMark: number;
        percent: number;
      }[];
    }
  >();
  for (const { grade, term } of rows) {
    const entry = terms.get(term.id) ?? {
      termId: term.id,
      schoolYear: term.schoolYear,
      termNo: term.termNo,
      startDate: term.startDate,
      scores: [],
    };
    entry.scores.push({
      subject: grade.subject,
      score: grade.score,
      fullMark: grade.fullMark,
      percent: round1((grade.score / grade.fullMark) * 100),
    });
    terms.set(term.id, entry);
  }
  const plans = await repo.listPlansOfChild(db, child);
  return {
    child: { id: child.id, name: child.name },
    terms: [...terms.values()]
      .sort((a, b) => a.startDate.localeCompare(b.startDate))
      .map((t) => ({
        ...t,
        averagePercent:
          t.scores.length > 0 ? round1(t.scores.reduce((sum, s) => sum + s.percent, 0) / t.scores.length) : null,
      })),
    notes: plans
      .filter((p) => p.plan.whatHelped && p.plan.whatHelped.trim().length > 0)
      .map((p) => ({
        planId: p.plan.id,
        termId: p.plan.termId,
        whatHelped: p.plan.whatHelped!,
        updatedAt: p.plan.updatedAt.toISOString(),
      })),
  };
}
