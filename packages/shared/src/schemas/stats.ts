import { z } from 'zod';
import { careLevels, childCategories } from '../enums/children';
import { type ChildKpi, childKpis, type KpiFigure, kpiRate, kpiTargetKeys } from '../kpi/kpi';
import { pageQuery, uuid } from './common';

/** A statistics scope (an org node the caller may read statistics of; default: their own) and a term. */
export const statsScopeQuery = z.object({ scopeOrgId: uuid.optional(), termId: uuid.optional() });
export type StatsScopeQuery = z.infer<typeof statsScopeQuery>;

const figure = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  rate: z.number().nullable(),
});
const standing = z.enum(['met', 'below', 'none']);

export const kpiTile = figure.extend({
  key: z.enum(childKpis),
  /** Target in percent. */
  target: z.number(),
  standing,
});

/** `kind` is the care rule's kind (care record kinds, and kinds fulfilled by other tables). */
export const complianceTile = figure.extend({ kind: z.string(), target: z.number(), standing });

const scopeInfo = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['county', 'township', 'village', 'school', 'class']),
  path: z.string(),
});
const termInfo = z.object({
  id: z.string(),
  schoolYear: z.string(),
  termNo: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
});

/**
 * One unit of the comparison, compact (a school's 138 classes were 48 KB as objects): its id, name and
 * left-behind children, then the numerator and denominator of each KPI in `childKpis` order. Read it
 * with `comparisonUnits`.
 */
export const comparisonRow = z.tuple([z.string(), z.string(), z.number().int()], z.number().int());
export type ComparisonRow = z.infer<typeof comparisonRow>;

/** A comparison row as an object, each KPI with its rate (`kpiRate`, as the tiles show it). */
export interface ComparisonUnit {
  orgId: string;
  name: string;
  children: number;
  kpis: Record<ChildKpi, KpiFigure>;
}

/** The comparison's rows as objects (the web's table and chart, the export). */
export function comparisonUnits(rows: readonly ComparisonRow[]): ComparisonUnit[] {
  return rows.map(([orgId, name, children, ...counts]) => {
    const kpis = {} as Record<ChildKpi, KpiFigure>;
    childKpis.forEach((k, i) => {
      const numerator = counts[2 * i] ?? 0;
      const denominator = counts[2 * i + 1] ?? 0;
      kpis[k] = { numerator, denominator, rate: kpiRate(numerator, denominator) };
    });
    return { orgId, name, children, kpis };
  });
}

export const dashboardResponse = z.object({
  scope: scopeInfo,
  term: termInfo.nullable(),
  /** Terms the scope can be viewed for, newest first. */
  terms: z.array(termInfo),
  asOf: z.string().nullable(),
  /** Left-behind children in scope on the as-of date (the KPIs' population). */
  children: z.number().int(),
  kpis: z.array(kpiTile),
  compliance: z.array(complianceTile),
  complianceMonthly: z.array(
    z.object({ kind: z.string(), month: z.string(), due: z.number().int(), done: z.number().int() }),
  ),
  byCategory: z.array(z.object({ category: z.enum(childCategories), count: z.number().int() })),
  byCareLevel: z.array(z.object({ careLevel: z.enum(careLevels), count: z.number().int() })),
  comparison: z.object({
    unitKind: z.enum(['township', 'school', 'class', 'village']).nullable(),
    /** By name; see `comparisonRow`. */
    rows: z.array(comparisonRow),
  }),
  /** Panels fed by activities, concerns (强制报告) and health checks. */
  panels: z.object({
    /** Left-behind children who took part in at least one activity of the term, overall and per type. */
    activities: z.object({
      children: z.number().int(),
      byType: z.array(z.object({ type: z.string(), count: z.number().int() })),
    }),
    /** Open concerns about children of the scope by age (day, week, month, older) and status. */
    openConcerns: z.array(
      z.object({ age: z.enum(['day', 'week', 'month', 'older']), status: z.string(), count: z.number().int() }),
    ),
    /** Screening flags of each left-behind child's latest health check in the term. */
    health: z.object({
      checked: z.number().int(),
      byFlag: z.array(z.object({ flag: z.string(), count: z.number().int() })),
    }),
  }),
  /** Whether the caller may set this scope's targets. */
  canSetTargets: z.boolean(),
});
export type DashboardResponse = z.infer<typeof dashboardResponse>;

export const trendResponse = z.object({
  items: z.array(termInfo.extend({ kpis: z.record(z.enum(childKpis), figure) })),
});
export type TrendResponse = z.infer<typeof trendResponse>;

/** Drill-down: the children behind a figure, those in the numerator or those missing from it. */
export const kpiChildrenQuery = statsScopeQuery.extend({
  kpi: z.enum([...childKpis, 'compliance']),
  /** With kpi=compliance: the care rule kind. */
  ruleKind: z.string().min(1).max(40).optional(),
  part: z.enum(['numerator', 'missing']).default('missing'),
  ...pageQuery.shape,
});
export type KpiChildrenQuery = z.infer<typeof kpiChildrenQuery>;

export const kpiChildItem = z.object({
  id: z.string(),
  name: z.string(),
  sex: z.string().nullable(),
  birthDate: z.string().nullable(),
  careLevel: z.enum(careLevels),
  schoolName: z.string().nullable(),
  className: z.string().nullable(),
  villageName: z.string().nullable(),
  /** What keeps the child out of the numerator, for the missing part (e.g. archive fields, status). */
  reason: z.string().nullable(),
});
export const kpiChildrenResponse = z.object({
  items: z.array(kpiChildItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type KpiChildrenResponse = z.infer<typeof kpiChildrenResponse>;

/** Which statistic to export (`all`: one workbook with a sheet per statistic). */
export const statsExportQuery = statsScopeQuery.extend({
  section: z
    .enum([
      'all',
      'kpis',
      'compliance',
      'monthly',
      'categories',
      'comparison',
      'trend',
      'activities',
      'concerns',
      'health',
    ])
    .default('all'),
});
export type StatsExportQuery = z.infer<typeof statsExportQuery>;
export const kpiChildrenExportQuery = kpiChildrenQuery.omit({ page: true, pageSize: true });

const targetPercent = z
  .number()
  .min(0, { message: 'target_percent_range' })
  .max(100, { message: 'target_percent_range' });

export const kpiTargetsQuery = statsScopeQuery;
export const kpiTargetsBody = z.strictObject({
  scopeOrgId: uuid,
  termId: uuid,
  /** Percent per KPI; null clears the scope's own value (the inherited one or the default applies). */
  targets: z.partialRecord(z.enum(kpiTargetKeys), targetPercent.nullable()),
});
export type KpiTargetsBody = z.infer<typeof kpiTargetsBody>;

export const kpiTargetsResponse = z.object({
  scopeOrgId: z.string(),
  termId: z.string().nullable(),
  items: z.array(
    z.object({
      key: z.enum(kpiTargetKeys),
      target: z.number(),
      /** Where the value comes from: this scope, a unit above it, or the default. */
      source: z.enum(['own', 'inherited', 'default']),
    }),
  ),
  canSet: z.boolean(),
});
export type KpiTargetsResponse = z.infer<typeof kpiTargetsResponse>;
