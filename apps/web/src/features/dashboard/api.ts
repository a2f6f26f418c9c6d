import type { KpiTargetKey } from '@shouwang/shared/kpi/kpi';
import type {
  DashboardResponse,
  KpiChildrenResponse,
  KpiTargetsResponse,
  TrendResponse,
} from '@shouwang/shared/schemas/stats';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface StatsScope {
  scopeOrgId?: string;
  termId?: string;
}

/** Which figure a drill-down list is about. */
export interface Drill {
  kpi: KpiTargetKey;
  ruleKind?: string;
  part: 'missing' | 'numerator';
}

export function useDashboard(scope: StatsScope) {
  return useQuery({
    queryKey: ['stats', 'dashboard', scope.scopeOrgId, scope.termId],
    queryFn: ({ signal }) => api.get<DashboardResponse>('/stats/dashboard', { ...scope }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTrend(scope: StatsScope, enabled: boolean) {
  return useQuery({
    queryKey: ['stats', 'trend', scope.scopeOrgId, scope.termId],
    queryFn: ({ signal }) => api.get<TrendResponse>('/stats/trend', { ...scope }, signal),
    enabled,
  });
}

export function useKpiChildren(scope: StatsScope, drill: Drill | null, page: number) {
  return useQuery({
    queryKey: ['stats', 'children', scope.scopeOrgId, scope.termId, drill, page],
    queryFn: ({ signal }) =>
      api.get<KpiChildrenResponse>('/stats/children', { ...scope, ...drill, page, pageSize: 20 }, signal),
    enabled: drill !== null && !!scope.scopeOrgId,
    placeholderData: keepPreviousData,
  });
}

export function useTargets(scope: StatsScope, enabled: boolean) {
  return useQuery({
    queryKey: ['stats', 'targets', scope.scopeOrgId, scope.termId],
    queryFn: ({ signal }) => api.get<KpiTargetsResponse>('/stats/targets', { ...scope }, signal),
    enabled,
  });
}

export function useSetTargets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { scopeOrgId: string; termId: string; targets: Partial<Record<KpiTargetKey, number | null>> }) =>
      api.put<KpiTargetsResponse>('/stats/targets', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['stats'] }),
  });
}

const query = (values: Record<string, string | undefined>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) params.set(k, v);
  return params.toString();
};

/** The dashboard's statistics as .xlsx: every sheet, or one section. */
export const statsExportUrl = (scope: StatsScope, section = 'all') =>
  `/api/stats/export.xlsx?${query({ ...scope, section })}`;

/** The children behind a figure as .xlsx. */
export const kpiChildrenExportUrl = (scope: StatsScope, drill: Drill) =>
  `/api/stats/children/export.xlsx?${query({ ...scope, kpi: drill.kpi, ruleKind: drill.ruleKind, part: drill.part })}`;
