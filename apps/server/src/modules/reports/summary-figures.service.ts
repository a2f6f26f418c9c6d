import {
  type CareRecordKind,
  type CareRuleKind,
  type ChildCategory,
  kpiAsOf,
  type PairingKind,
  periodsOf,
  type SummaryFigureKey,
  type SummaryFigures,
  type SummaryLink,
  todayIso,
} from '@shouwang/shared';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { ensureSchoolCare } from '../care-rules/care-rules.service';
import type { OrgRow } from '../orgs/orgs.repository';
import type { TermWithOrg } from '../terms/terms.repository';
import { complianceTallies } from '../todos/compliance.repository';
import {
  careFigures,
  categoryFigures,
  childFigures,
  pairingFigures,
  type SummaryScope,
} from './summary-figures.repository';
import {
  activityFigures,
  aidFigures,
  concernFigures,
  gradeFigures,
  healthFigures,
} from './summary-outcomes.repository';

/** 完成率 per duty kind of a school's care rules, over the periods begun by the as-of date. */
async function schoolCompliance(db: Db, ctx: RequestContext, school: OrgRow, term: TermWithOrg, asOf: string) {
  const rules = (await ensureSchoolCare(db, ctx, school)).rules.filter((r) => r.active);
  const periods = rules.flatMap((r) =>
    periodsOf(r.frequency, r.windowDays, term)
      .filter((p) => p.start <= asOf)
      .map((p) => ({ ruleId: r.id, start: p.start, end: p.end })),
  );
  const tallies = await complianceTallies(db, { countyId: school.countyId, schoolId: school.id, asOf, periods });
  const byKind = new Map<CareRuleKind, { due: number; done: number }>();
  for (const t of tallies.filter((x) => x.ended)) {
    const kind = rules.find((r) => r.id === t.ruleId)!.kind as CareRuleKind;
    const row = byKind.get(kind) ?? { due: 0, done: 0 };
    row.due += t.due;
    row.done += t.done;
    byKind.set(kind, row);
  }
  return [...byKind].map(([kind, v]) => ({ kind, ...v }));
}

/**
 * Everything the draft quotes, for the unit and term, from the records. Compliance is counted for a
 * school's own summary (its rules); wider units leave that paragraph to the dashboard.
 */
export async function summaryFigures(
  db: Db,
  ctx: RequestContext,
  unit: OrgRow,
  term: TermWithOrg,
): Promise<SummaryFigures> {
  const asOf = kpiAsOf(term, todayIso());
  const scope: SummaryScope = { countyId: unit.countyId, kind: unit.kind, path: unit.path };
  const w = { start: term.startDate, asOf };
  const [kids, categories, pairing, care, health, grades, acts, concerns, aid] = await Promise.all([
    childFigures(db, scope, w),
    categoryFigures(db, scope, asOf),
    pairingFigures(db, scope, asOf),
    careFigures(db, scope, w),
    healthFigures(db, scope, w),
    gradeFigures(db, scope, w, term),
    activityFigures(db, scope, w),
    concernFigures(db, scope, w),
    aidFigures(db, scope, w),
  ]);
  const compliance = unit.kind === 'school' ? await schoolCompliance(db, ctx, unit, term, asOf) : null;
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    term: { schoolYear: term.schoolYear, termNo: term.termNo, startDate: term.startDate, endDate: term.endDate },
    asOf,
    children: kids.children,
    students: unit.kind === 'school' || unit.kind === 'class' ? kids.students : null,
    leftBehind: kids.leftBehind,
    byCategory: categories.map((c) => ({ category: c.category as ChildCategory, count: c.count })),
    archive: kids.archive,
    enrollment: kids.enrollment,
    retention: kids.retention,
    dropouts: kids.dropouts,
    pairing: {
      coverage: { numerator: kids.paired, denominator: kids.leftBehind },
      helpers: pairing.helpers,
      byKind: pairing.byKind.map((k) => ({ kind: k.kind as PairingKind, children: k.children })),
    },
    care: care.care.map((c) => ({ kind: c.kind as CareRecordKind, records: c.records, children: c.children })),
    compliance,
    followUpsOpen: care.followUpsOpen,
    health,
    activities: acts.activities,
    awards: acts.awards,
    grades,
    concerns,
    // Targets inherit along the tree (modules/targets); the dashboard shows them until wired here.
    targets: null,
    aid,
  };
}

/**
 * Where each figure leads in the web app: the children list filtered to the unit (and category), the
 * dashboard's drill-down for a KPI, the compliance page for duties.
 */
export function linkOfFigure(unit: OrgRow, term: TermWithOrg) {
  const unitFilter: Record<string, string> =
    unit.kind === 'school'
      ? { schoolId: unit.id }
      : unit.kind === 'class'
        ? { classId: unit.id }
        : unit.kind === 'village'
          ? { villageId: unit.id }
          : {};
  const children = (query: Record<string, string> = {}): SummaryLink => ({
    path: '/children',
    query: { ...unitFilter, ...query },
  });
  const kpi = (name: string): SummaryLink => ({
    path: '/dashboard',
    query: { scope: unit.id, term: term.id, kpi: name },
  });
  const compliance: SummaryLink =
    unit.kind === 'school'
      ? { path: '/compliance', query: { school: unit.id, term: term.id } }
      : { path: '/dashboard', query: { scope: unit.id, term: term.id, kpi: 'compliance' } };
  const leftBehind = 'left_behind_both,left_behind_single';
  return (key: SummaryFigureKey): SummaryLink | null => {
    if (key === 'children') return children();
    if (key === 'leftBehind') return children({ category: leftBehind });
    if (key.startsWith('category.')) {
      const category = key.slice('category.'.length);
      return children({
        category:
          category === 'difficulty_other'
            ? 'difficulty_poverty,difficulty_disability,difficulty_illness,difficulty_guardianship,difficulty_other'
            : category,
      });
    }
    if (key === 'archive') return kpi('archiveRate');
    if (key === 'archive.missing') return children({ category: leftBehind, incomplete: 'true' });
    if (key === 'enrollment') return kpi('enrollmentRate');
    if (key === 'retention' || key === 'dropouts') return kpi('retentionRate');
    if (key === 'pairing' || key === 'helpers') return kpi('pairingCoverage');
    if (key.startsWith('care.') || key.startsWith('compliance.') || key === 'overdue' || key === 'followUps')
      return compliance;
    if (key === 'health') return { path: '/health-checks/batch', query: unitFilter };
    if (key === 'grades') return { path: '/grades/batch', query: unitFilter };
    if (key === 'activities' || key === 'awards') return { path: '/activities', query: { orgId: unit.id } };
    if (key === 'concerns') return { path: '/concerns', query: { orgId: unit.id } };
    if (key === 'aid') return { path: '/aid', query: { orgId: unit.id } };
    return null;
  };
}
