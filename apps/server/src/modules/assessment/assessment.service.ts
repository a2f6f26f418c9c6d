import {
  type AssessmentListResponse,
  type AssessmentSheet,
  addDays,
  type RubricScores,
  rubricItems,
  todayIso,
} from '@shouwang/shared';
import type { Db } from '../../db/client';
import { recordAudit } from '../../lib/audit/record-audit';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { findOrg, type OrgRow } from '../orgs/orgs.repository';
import { resolveTerm } from '../todos/compliance.service';
import { evaluateDuties } from '../todos/evaluate-duties';
import { selectChildren } from '../todos/schedule-facts.repository';
import { canReadAllSheets, canScoreSheets, mayAskForSheet, worksAtSchool } from './assessment.policy';
import * as repo from './assessment.repository';
import { dutyCounts, metricPoints, metricsOf, roleHolders, rubricTotalOf, totalOf } from './assessment-metrics';

/**
 * The school (audited "not found" when missing or when `allowed` refuses it) and its term: the one
 * named, or the one running today.
 */
export async function loadSchoolTerm(
  db: Db,
  ctx: RequestContext,
  query: { schoolId: string; termId?: string },
  allowed: (school: OrgRow) => boolean,
) {
  const school = await findOrg(db, query.schoolId);
  if (school?.kind !== 'school' || school.deletedAt || !allowed(school)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'org', targetId: query.schoolId });
    throw new AppError('NOT_FOUND');
  }
  const term = await resolveTerm(db, school, query.termId, todayIso());
  if (!term) throw new AppError('TERM_NOT_SET');
  return { school, term };
}

type SchoolTerm = Awaited<ReturnType<typeof loadSchoolTerm>>;

/** Every staff member's sheet of the school for the term, ranked by total. */
export async function computeSheets(db: Db, ctx: RequestContext, actor: Actor, { school, term }: SchoolTerm) {
  const today = todayIso();
  // After the term, its last periods are over too: judge them the day after it ends.
  const asOf = today <= term.endDate ? today : addDays(term.endDate, 1);
  const staffRows = await repo.staffOfSchool(db, school, term);
  const staff = new Map<string, { displayName: string; roles: Set<string> }>();
  for (const s of staffRows) {
    const entry = staff.get(s.userId) ?? { displayName: s.displayName, roles: new Set<string>() };
    entry.roles.add(s.role);
    staff.set(s.userId, entry);
  }
  const userIds = [...staff.keys()];
  const children = await selectChildren(db, { schoolIds: [school.id] });
  const { duties } = asOf < term.startDate ? { duties: [] } : await evaluateDuties(db, ctx, children, asOf, { term });
  const counts = dutyCounts(duties, new Map(children.map((c) => [c.id, c.classId])), roleHolders(staffRows));
  const tallies = await repo.staffTallies(db, {
    countyId: school.countyId,
    schoolId: school.id,
    startDate: term.startDate,
    endDate: term.endDate,
    userIds,
  });
  const scores = await repo.scoresOf(db, school.id, term);
  const maxRecords = Math.max(0, ...tallies.map((t) => t.records));
  const canScore = canScoreSheets(actor, school);
  const sheets: AssessmentSheet[] = userIds.map((userId) => {
    const metrics = metricsOf(
      counts.get(userId),
      tallies.find((t) => t.userId === userId),
    );
    const score = scores.find((s) => s.staffUserId === userId);
    const points = metricPoints(metrics, maxRecords);
    const rubricTotal = rubricTotalOf(score?.scores);
    return {
      userId,
      displayName: staff.get(userId)!.displayName,
      roles: [...staff.get(userId)!.roles].sort(),
      metrics,
      metricPoints: points,
      scores: Object.fromEntries(rubricItems.map((i) => [i, score?.scores[i] ?? null])),
      rubricTotal,
      total: totalOf(points, rubricTotal),
      rank: null,
      comment: score?.comment ?? null,
      version: score?.version ?? null,
      scoredAt: score ? score.updatedAt.toISOString() : null,
      abilities: { score: canScore },
    };
  });
  sheets.sort(
    (a, b) =>
      (b.total ?? -1) - (a.total ?? -1) ||
      b.metricPoints - a.metricPoints ||
      a.displayName.localeCompare(b.displayName, 'zh-CN'),
  );
  let rank = 0;
  for (const [i, s] of sheets.entries()) {
    if (s.total === null) continue;
    rank = i > 0 && sheets[i - 1]!.total === s.total ? rank : i + 1;
    s.rank = rank;
  }
  return { asOf, sheets };
}

const termView = (term: SchoolTerm['term']) => ({
  id: term.id,
  schoolYear: term.schoolYear,
  termNo: term.termNo,
  startDate: term.startDate,
  endDate: term.endDate,
});

/** The whole school's sheets: its administrators and the county; staff asking get "forbidden". */
export async function schoolAssessment(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  query: { schoolId: string; termId?: string },
): Promise<AssessmentListResponse> {
  const loaded = await loadSchoolTerm(
    db,
    ctx,
    query,
    (school) => worksAtSchool(actor, school) || canReadAllSheets(actor, school),
  );
  await requireReadAll(db, ctx, actor, loaded.school);
  const { asOf, sheets } = await computeSheets(db, ctx, actor, loaded);
  return {
    school: { id: loaded.school.id, name: loaded.school.name },
    term: termView(loaded.term),
    asOf,
    items: sheets,
    abilities: { score: canScoreSheets(actor, loaded.school), export: true },
  };
}

export async function requireReadAll(db: Db, ctx: RequestContext, actor: Actor, school: OrgRow) {
  if (canReadAllSheets(actor, school)) return;
  const event = { event: 'access.denied' as const, targetType: 'org', targetId: school.id };
  await recordAudit(db, ctx, event);
  throw new AppError(worksAtSchool(actor, school) ? 'FORBIDDEN' : 'NOT_FOUND');
}

/** One staff member's sheet: their own, or any for the school's administrators and the county. */
export async function staffSheet(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  userId: string,
  query: { schoolId: string; termId?: string },
) {
  const loaded = await loadSchoolTerm(db, ctx, query, (school) => mayAskForSheet(actor, school, userId));
  const { asOf, sheets } = await computeSheets(db, ctx, actor, loaded);
  const sheet = sheets.find((s) => s.userId === userId);
  if (!sheet) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'assessment', targetId: userId });
    throw new AppError('NOT_FOUND');
  }
  return { school: { id: loaded.school.id, name: loaded.school.name }, term: termView(loaded.term), asOf, sheet };
}

/** Scores the rubric of one staff member (school administrators); creates the sheet the first time. */
export async function scoreStaff(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  userId: string,
  body: { schoolId: string; termId: string; scores: RubricScores; comment?: string; version?: number },
) {
  const loaded = await loadSchoolTerm(
    db,
    ctx,
    body,
    (school) => worksAtSchool(actor, school) || canReadAllSheets(actor, school),
  );
  await requireReadAll(db, ctx, actor, loaded.school);
  if (!canScoreSheets(actor, loaded.school)) {
    await recordAudit(db, ctx, { event: 'access.denied', targetType: 'assessment', targetId: userId });
    throw new AppError('FORBIDDEN');
  }
  const staffIds = new Set((await repo.staffOfSchool(db, loaded.school, loaded.term)).map((s) => s.userId));
  if (!staffIds.has(userId)) throw new AppError('NOT_FOUND');
  const { school, term } = loaded;
  await db.transaction(async (tx) => {
    const existing = await repo.findScore(tx, school.id, term, userId);
    const scores = Object.fromEntries(
      rubricItems.map((i) => [i, body.scores[i] !== undefined ? body.scores[i] : (existing?.scores[i] ?? null)]),
    );
    const comment = body.comment !== undefined ? body.comment.trim() || null : (existing?.comment ?? null);
    if (existing) {
      if (body.version === undefined) throw new AppError('VERSION_REQUIRED');
      const row = await repo.updateScore(tx, existing.id, body.version, { scores, comment, scoredBy: actor.userId });
      if (!row) throw new AppError('VERSION_CONFLICT');
    } else {
      await repo.insertScore(tx, {
        countyId: school.countyId,
        schoolId: school.id,
        schoolYear: term.schoolYear,
        termNo: term.termNo,
        staffUserId: userId,
        scores,
        comment,
        scoredBy: actor.userId,
      });
    }
    await recordAudit(tx, ctx, {
      event: 'assessment.scored',
      targetType: 'assessment',
      targetId: userId,
      org: { id: school.id, path: school.path, countyId: school.countyId },
      before: existing ? { ...existing.scores, comment: existing.comment } : null,
      after: { ...scores, comment },
    });
  });
  return staffSheet(db, ctx, actor, userId, { schoolId: school.id, termId: term.id });
}
