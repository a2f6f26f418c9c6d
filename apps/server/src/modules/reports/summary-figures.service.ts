import {
  type CareRecordKind,
  type CareRuleKind,
  type ChildCategory,
  childKpis,
  kpiAsOf,
  kpiLabels,
  type PairingKind,
  type SummaryFigureKey,
  type SummaryFigures,
  type SummaryLink,
  todayIso,
} from '@shouwang/shared';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import type { OrgRow } from '../orgs/orgs.repository';
import { kpisOfResolved } from '../stats/stats.service';
import { listEffectiveTerms, type TermWithOrg } from '../terms/terms.repository';
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

/**
 * The dashboard's KPIs, targets and 完成率 for the unit and term — read from the stats service so
 * the summary and the dashboard never disagree. Resolved here (not through `kpisFor`) because report
 * writers such as child directors hold `report.write` without `stats.read`; the caller has checked scope.
 */
async function dashboardFigures(db: Db, ctx: RequestContext, unit: OrgRow, term: TermWithOrg, asOf: string) {
  const schoolId = unit.kind === 'school' ? unit.id : unit.kind === 'class' ? unit.parentId : null;
  return kpisOfResolved(
    db,
    {
      org: unit,
      scope: { countyId: unit.countyId, kind: unit.kind, path: unit.path },
      schoolId,
      terms: await listEffectiveTerms(db, unit.countyId, schoolId),
      term,
      asOf,
      unit: null,
    },
    ctx,
  );
}

const careKindWords: Record<string, string> = {
  talk: '谈心',
  home_visit: '家访',
  parent_contact: '与家长联系',
  guardian_contact: '与监护人沟通',
  family_call: '亲情电话',
  health_check: '体检',
  letter: '致家长的一封信',
};

/** Everything the draft quotes, for the unit and term, from the records. */
export async function summaryFigures(
  db: Db,
  ctx: RequestContext,
  unit: OrgRow,
  term: TermWithOrg,
): Promise<SummaryFigures> {
  const asOf = kpiAsOf(term, todayIso());
  const scope: SummaryScope = { countyId: unit.countyId, kind: unit.kind, path: unit.path };
  const w = { start: term.startDate, asOf };
  const [kpis, kids, categories, pairing, care, health, grades, acts, concerns, aid] = await Promise.all([
    dashboardFigures(db, ctx, unit, term, asOf),
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
  const ratio = (k: { numerator: number; denominator: number }) => ({
    numerator: k.numerator,
    denominator: k.denominator,
  });
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    term: { schoolYear: term.schoolYear, termNo: term.termNo, startDate: term.startDate, endDate: term.endDate },
    asOf,
    children: kids.children,
    students: unit.kind === 'school' || unit.kind === 'class' ? kids.students : null,
    leftBehind: kpis.children,
    byCategory: categories.map((c) => ({ category: c.category as ChildCategory, count: c.count })),
    archive: ratio(kpis.archiveRate),
    enrollment: ratio(kpis.enrollmentRate),
    retention: ratio(kpis.retentionRate),
    dropouts: kids.dropouts,
    pairing: {
      coverage: ratio(kpis.pairingCoverage),
      helpers: pairing.helpers,
      byKind: pairing.byKind.map((k) => ({ kind: k.kind as PairingKind, children: k.children })),
    },
    care: care.care.map((c) => ({ kind: c.kind as CareRecordKind, records: c.records, children: c.children })),
    compliance: kpis.compliance.map((c) => ({ kind: c.kind as CareRuleKind, due: c.denominator, done: c.numerator })),
    followUpsOpen: care.followUpsOpen,
    health,
    activities: acts.activities,
    awards: acts.awards,
    grades,
    concerns,
    targets: [
      ...childKpis.map((k) => ({ label: kpiLabels[k].zh, target: kpis[k].target / 100, actual: kpis[k].rate })),
      ...kpis.compliance.map((c) => ({
        label: `${careKindWords[c.kind] ?? c.kind}完成率`,
        target: c.target / 100,
        actual: c.rate,
      })),
    ],
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
