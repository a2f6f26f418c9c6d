import type {
  HealthCheckBatchBody,
  HealthCheckCreateBody,
  HealthCheckUpdateBody,
  HealthCheckView,
} from '@shouwang/shared/schemas/health-checks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const healthKey = ['health-checks'] as const;

interface HealthList {
  items: HealthCheckView[];
  total: number;
  page: number;
  pageSize: number;
}

export function useChildHealthChecks(childId: string) {
  return useQuery({
    queryKey: [...healthKey, 'child', childId],
    queryFn: ({ signal }) => api.get<HealthList>('/health-checks', { childId, pageSize: 50 }, signal),
  });
}

/** Saving a check changes the child's list and the to-do list (referral follow-ups). */
function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: healthKey });
    void client.invalidateQueries({ queryKey: ['todos'] });
  };
}

export function useCreateHealthCheck() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: HealthCheckCreateBody) => api.post<HealthCheckView>('/health-checks', body),
    onSuccess: refresh,
  });
}

export function useUpdateHealthCheck() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: HealthCheckUpdateBody }) =>
      api.patch<HealthCheckView>(`/health-checks/${id}`, body),
    onSuccess: refresh,
  });
}

export function useDeleteHealthCheck() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.delete<{ ok: true }>(`/health-checks/${id}`, { version }),
    onSuccess: refresh,
  });
}

export function useCloseHealthFollowUp() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api.post<HealthCheckView>(`/health-checks/${id}/close-follow-up`),
    onSuccess: refresh,
  });
}

export function useHealthBatch() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: HealthCheckBatchBody) =>
      api.post<{ batchId: string; items: HealthCheckView[] }>('/health-checks/batch', body),
    onSuccess: refresh,
  });
}
