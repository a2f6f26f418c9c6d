import {
  careRuleKindLabels,
  completenessFieldLabels,
  enrollmentStatusLabels,
  type KpiChildrenQuery,
  type KpiChildrenResponse,
  type Language,
  todayIso,
} from '@shouwang/shared';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { complianceMissingChildIds } from './compliance-scope.repository';
import { childrenByIds, type KpiChildRow, kpiChildren } from './stats.repository';
import { scopePeriods } from './stats.service';
import { resolveStats } from './stats-scope';

type Query = Omit<KpiChildrenQuery, 'page' | 'pageSize'> & { page?: number; pageSize?: number };

const label = (map: Record<string, { zh: string; en: string }>, key: string | null, language: Language) =>
  key ? (map[key]?.[language === 'en' ? 'en' : 'zh'] ?? key) : null;

/** Why a child is missing from a figure, in the caller's language. */
function reasonOf(row: KpiChildRow, query: Query, language: Language): string | null {
  if (query.part !== 'missing') return null;
  const en = language === 'en';
  switch (query.kpi) {
    case 'archiveRate':
      return (row.archiveMissing ?? []).map((f) => label(completenessFieldLabels, f, language)).join(en ? ', ' : '、');
    case 'enrollmentRate':
    case 'retentionRate':
      return label(enrollmentStatusLabels, row.enrollmentStatus, language) ?? (en ? 'Not enrolled' : '未在读');
    case 'pairingCoverage':
      return en ? 'No mentor teacher or proxy parent' : '没有帮扶教师或代理家长';
    case 'compliance':
      return query.ruleKind
        ? `${en ? 'Missing: ' : '缺少'}${label(careRuleKindLabels, query.ruleKind, language)}`
        : en
          ? 'A duty without a record'
          : '有到期未完成的关爱任务';
  }
}

/**
 * The children behind a figure: those counted in its numerator, or those in its denominator but
 * not its numerator (`missing`). Same scope rule as the figure itself (404 outside the caller's).
 */
export async function childrenBehind(
  db: Db,
  actor: Actor,
  query: Query,
  ctx?: RequestContext,
  maxRows?: number,
): Promise<KpiChildrenResponse> {
  const resolved = await resolveStats(db, actor, query, ctx);
  const page = query.page ?? 1;
  const pageSize = maxRows ?? query.pageSize ?? 20;
  const empty = { items: [], total: 0, page, pageSize };
  if (!resolved.term || !resolved.asOf) return empty;
  const paging = { limit: pageSize, offset: (page - 1) * pageSize };
  let result: { rows: KpiChildRow[]; total: number };
  if (query.kpi === 'compliance') {
    const periods = await scopePeriods(db, resolved, ctx);
    const ids = await complianceMissingChildIds(db, {
      scope: resolved.scope,
      endedBefore: todayIso(),
      periods,
      part: query.part,
      ruleKind: query.ruleKind,
    });
    result = await childrenByIds(db, ids, paging);
  } else {
    result = await kpiChildren(
      db,
      resolved.scope,
      { start: resolved.term.startDate, asOf: resolved.asOf },
      query.kpi,
      query.part,
      paging,
    );
  }
  return {
    items: result.rows.map((r) => ({
      id: r.id,
      name: r.name,
      sex: r.sex,
      birthDate: r.birthDate,
      careLevel: r.careLevel,
      schoolName: r.schoolName,
      className: r.className,
      villageName: r.villageName,
      reason: reasonOf(r, query, actor.language),
    })),
    total: result.total,
    page,
    pageSize,
  };
}
